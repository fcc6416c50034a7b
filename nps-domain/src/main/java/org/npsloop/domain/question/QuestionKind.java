package org.npsloop.domain.question;

/** What an additional question asks for. */
public enum QuestionKind {
    /** A rating of one touchpoint on a {@link RatingScale}. */
    TOUCHPOINT_RATING,
    /** One option of a list. */
    SINGLE_CHOICE,
    /** Any number of options of a list. */
    MULTIPLE_CHOICE,
    /** A line of free text, at most {@link AnswerValue#MAX_TEXT} characters. */
    SHORT_TEXT,
    /** Yes or no. */
    YES_NO;

    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
