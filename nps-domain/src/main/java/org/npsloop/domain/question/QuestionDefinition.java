package org.npsloop.domain.question;

import java.util.List;

/**
 * What a marketer sets on an additional question, as given (checked by {@link SurveyQuestion}).
 *
 * @param scale for a touchpoint rating only (null: 1-5)
 * @param touchpoint for a touchpoint rating only
 * @param audience null: everyone
 * @param choices for choice questions only, in order; a choice given with the code of an existing one keeps it
 */
public record QuestionDefinition(QuestionKind kind, RatingScale scale, Touchpoint touchpoint, boolean required,
        QuestionAudience audience, String textEn, String textFr, List<ChoiceLabels> choices) {

    /** An option as typed; {@code code} null for a new one. */
    public record ChoiceLabels(String code, String labelEn, String labelFr) {
    }
}
