package org.npsloop.domain.i18n;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A text for a person, as a bundle key and its arguments: the domain and the services say <em>what</em> to tell,
 * the edge renders it in the reader's language ({@link #render(Locale)}). Texts are {@link MessageFormat} patterns
 * in {@code org/npsloop/domain/i18n/texts.properties} (English) and {@code texts_fr.properties} (French): plurals
 * with {@code choice} (e.g. <code>{0,choice,0#{0} ligne importée|1#{0} ligne importée|1&lt;{0} lignes importées}</code>)
 * and apostrophes doubled ({@code l''adresse}).
 *
 * <p>A key that the bundle does not hold is rendered as itself: older code passes English sentences, which keep
 * working until they are given keys.
 */
public record Message(String key, List<Object> arguments) implements Serializable {

    public static final String BUNDLE = "org.npsloop.domain.i18n.texts";

    /** English unless a bundle of the locale's language exists: never the JVM's default locale. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Message {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A message needs a key");
        }
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments == null ? List.of() : arguments));
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, arguments == null ? List.of() : Arrays.asList(arguments));
    }

    /** This message in the reader's language (French or English). */
    public String render(Locale locale) {
        Locale language = locale == null ? Locale.ENGLISH : locale;
        String pattern = pattern(language);
        if (pattern == null) {
            return arguments.isEmpty() ? key : key + " " + arguments;
        }
        Object[] values = arguments.stream()
                .map(argument -> argument instanceof Message nested ? nested.render(language) : argument)
                .toArray();
        return new MessageFormat(pattern, language).format(values);
    }

    /** In English: for logs and for code that has no reader. */
    @Override
    public String toString() {
        return render(Locale.ENGLISH);
    }

    private String pattern(Locale locale) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Message.class.getClassLoader(), NO_FALLBACK);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
