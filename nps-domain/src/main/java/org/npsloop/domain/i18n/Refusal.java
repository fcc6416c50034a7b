package org.npsloop.domain.i18n;

/** An exception that says why as a {@link Message}, for the edge to render in the reader's language. */
public interface Refusal {

    Message reason();

    /** Why {@code problem} happened: its {@link Message} when it has one, else its (English) text as written. */
    static Message reasonOf(Throwable problem) {
        return problem instanceof Refusal refusal ? refusal.reason() : Message.of(String.valueOf(problem.getMessage()));
    }
}
