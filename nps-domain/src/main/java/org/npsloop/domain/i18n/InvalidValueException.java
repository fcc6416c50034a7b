package org.npsloop.domain.i18n;

/**
 * A value refused by a value object or a rule, saying why as a {@link Message}: callers that collect field errors
 * ({@link org.npsloop.domain.validation.Violations}) keep the message, so the reader gets it in their language.
 */
public class InvalidValueException extends IllegalArgumentException implements Refusal {

    private static final long serialVersionUID = 1L;

    private final Message reason;

    public InvalidValueException(String key, Object... arguments) {
        this(Message.of(key, arguments));
    }

    public InvalidValueException(Message reason) {
        super(reason.toString());
        this.reason = reason;
    }

    @Override
    public Message reason() {
        return reason;
    }

    /** The message of any refusal: this one's, or an older IllegalArgumentException's English text. */
    public static Message reasonOf(IllegalArgumentException refusal) {
        return Refusal.reasonOf(refusal);
    }
}
