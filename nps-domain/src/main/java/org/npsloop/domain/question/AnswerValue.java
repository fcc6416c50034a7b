package org.npsloop.domain.question;

import java.util.List;
import java.util.Objects;

/**
 * One answer to an additional question, as stored: exactly one of rating, choices, text and yes/no is set
 * according to the question's kind; {@link #EMPTY} when it was left blank.
 */
public record AnswerValue(Integer rating, List<String> choices, String text, Boolean yesNo) {

    /** At most 1,000 characters (code points) in a short-text answer. */
    public static final int MAX_TEXT = 1000;

    public static final AnswerValue EMPTY = new AnswerValue(null, List.of(), null, null);

    public AnswerValue {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static AnswerValue ofRating(int rating) {
        return new AnswerValue(rating, List.of(), null, null);
    }

    public static AnswerValue ofChoices(List<String> codes) {
        return new AnswerValue(null, codes, null, null);
    }

    public static AnswerValue ofText(String text) {
        return new AnswerValue(null, List.of(), text, null);
    }

    public static AnswerValue ofYesNo(boolean yes) {
        return new AnswerValue(null, List.of(), null, yes);
    }

    public boolean isEmpty() {
        return rating == null && choices.isEmpty() && text == null && yesNo == null;
    }

    /**
     * The answer written out for its history and exports: the rating, the choice codes joined by '|', "yes" or
     * "no", the text; null when empty.
     */
    public String written() {
        if (rating != null) {
            return rating.toString();
        }
        if (!choices.isEmpty()) {
            return String.join("|", choices);
        }
        if (yesNo != null) {
            return yesNo ? "yes" : "no";
        }
        return text;
    }

    /**
     * The answer as JSON carries it (API, webhook, GDPR export): the rating as a number, the choice codes as a list,
     * the text, yes/no as a boolean; null when empty.
     */
    public Object plain() {
        if (rating != null) {
            return rating;
        }
        if (!choices.isEmpty()) {
            return choices;
        }
        return yesNo != null ? yesNo : text;
    }

    public boolean sameAs(AnswerValue other) {
        return Objects.equals(this, other);
    }
}
