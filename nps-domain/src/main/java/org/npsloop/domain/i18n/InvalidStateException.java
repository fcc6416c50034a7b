package org.npsloop.domain.i18n;

/**
 * An action refused in the current state of a thing (e.g. pausing a finished campaign), saying why as a
 * {@link Message}, so the person who tried it reads the reason in their language.
 */
public class InvalidStateException extends IllegalStateException implements Refusal {

    private static final long serialVersionUID = 1L;

    private final Message reason;

    public InvalidStateException(String key, Object... arguments) {
        super(Message.of(key, arguments).toString());
        this.reason = Message.of(key, arguments);
    }

    @Override
    public Message reason() {
        return reason;
    }

    /** The message of any refusal in state: this one's, or an older IllegalStateException's English text. */
    public static Message reasonOf(IllegalStateException refusal) {
        return Refusal.reasonOf(refusal);
    }
}
