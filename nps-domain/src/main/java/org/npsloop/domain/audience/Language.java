package org.npsloop.domain.audience;

import java.util.Locale;

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
}
