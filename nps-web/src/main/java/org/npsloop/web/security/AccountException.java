package org.npsloop.web.security;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A refused account operation. Carries a message key of the UI bundles so each user reads the
 * reason in their language; {@link #getMessage()} is the English text (logs, API).
 */
public class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    public static final String BUNDLE = "org.npsloop.web.i18n.messages";

    private final String key;
    private final transient Object[] arguments;

    public AccountException(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = arguments;
    }

    public String key() {
        return key;
    }

    /** The UI's texts in that language, without falling back to the JVM's default locale. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    public String localizedMessage(Locale locale) {
        String pattern = bundle(locale).getString(key);
        return new MessageFormat(pattern, locale).format(arguments);
    }

    @Override
    public String getMessage() {
        return localizedMessage(Locale.ENGLISH);
    }
}
