package org.npsloop.domain.audience;

import java.util.Locale;
import org.npsloop.domain.i18n.InvalidValueException;

/** Languages surveys and the admin UI are available in. */
public enum Language {
    EN, FR;

    public Locale locale() {
        return Locale.forLanguageTag(name().toLowerCase(Locale.ROOT));
    }

    /** The language of a locale, falling back to English for any other. */
    public static Language of(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? FR : EN;
    }

    /** A language code as typed ("fr", " EN "), or a localized refusal naming the value. */
    public static Language parse(String raw) {
        String code = raw.strip().toUpperCase(Locale.ROOT);
        try {
            return Language.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("contact.language.invalid", String.valueOf(raw));
        }
    }
}
