package org.npsloop.domain.validation;

import java.util.Locale;
import org.npsloop.domain.i18n.Message;

/**
 * One refused field: its name as the caller sent it (e.g. {@code email}, {@code attributes.seats}) and why, as a
 * {@link Message} the edge renders in the reader's language ({@link #message(Locale)}).
 */
public record FieldError(String field, Message reason) {

    /** @param keyOrText a key of the domain's texts bundle (or, in older code, an English sentence) */
    public FieldError(String field, String keyOrText, Object... arguments) {
        this(field, Message.of(keyOrText, arguments));
    }

    /** Why, in the reader's language. */
    public String message(Locale locale) {
        return reason.render(locale);
    }

    /** Why, in English: for logs, and for code that has no reader. */
    public String message() {
        return reason.toString();
    }
}
