package org.npsloop.campaigns.respond;

import java.util.List;
import org.npsloop.domain.question.AnswerValue;
import org.npsloop.domain.question.QuestionAudience;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.domain.question.RatingScale;

/**
 * An additional question as a respondent reads it, in their language, with their current answer.
 *
 * @param field the form field (and API key) of its answer, {@code q<id>}
 * @param touchpoint the touchpoint's name for a rating, else null
 * @param scale for a rating, else null
 * @param answer the stored answer ({@link AnswerValue#EMPTY} when none)
 */
public record AskedQuestion(long id, String field, QuestionKind kind, String text, String touchpoint,
        RatingScale scale, boolean required, QuestionAudience audience, List<Option> options, AnswerValue answer) {

    /** An option of a choice question. */
    public record Option(String code, String label) {
    }

    public static String fieldOf(long questionId) {
        return "q" + questionId;
    }
}
