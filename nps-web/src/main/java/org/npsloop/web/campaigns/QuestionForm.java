package org.npsloop.web.campaigns;

import java.util.List;
import java.util.Locale;
import org.npsloop.campaigns.survey.QuestionService.ChoiceView;
import org.npsloop.campaigns.survey.QuestionService.QuestionInput;
import org.npsloop.campaigns.survey.QuestionService.QuestionView;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.question.QuestionAudience;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.domain.question.RatingScale;
import org.npsloop.domain.validation.Violations;

/**
 * An additional question as a client writes it: the body of {@code POST/PUT /api/surveys/{id}/questions} (these
 * field names are the REST contract). {@link #parse()} turns the text of the kind, scale and audience into their
 * enums, refusing each malformed one by name; the rest is checked by the service.
 *
 * @param kind TOUCHPOINT_RATING, SINGLE_CHOICE, MULTIPLE_CHOICE, SHORT_TEXT or YES_NO
 * @param scale ONE_TO_FIVE (default) or ZERO_TO_TEN, for ratings
 * @param audience EVERYONE (default), DETRACTORS, PASSIVES or PROMOTERS
 * @param choices for choice questions, in order; an option sent with its {@code code} keeps it (answers keep
 *        their meaning when it is relabelled), one without gets a new code
 */
public record QuestionForm(String kind, String scale, Long touchpointId, Boolean required, String audience,
        String textEn, String textFr, List<ChoiceView> choices) {

    /**
     * A new question: fields left out take their defaults.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException naming each malformed field
     */
    public QuestionInput parse() {
        return parse(null);
    }

    /**
     * A change to {@code current} (null: a new question): fields left out keep their value, as in the other
     * {@code PUT}s of the API.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException naming each malformed field
     */
    public QuestionInput parse(QuestionView current) {
        Violations violations = new Violations();
        QuestionKind parsedKind = blank(kind) ? null
                : violations.check("kind", () -> parse(QuestionKind.class, kind, "question.kind.invalid"));
        RatingScale parsedScale = blank(scale) ? null
                : violations.check("scale", () -> parse(RatingScale.class, scale, "question.scale.invalid"));
        QuestionAudience parsedAudience = blank(audience) ? null
                : violations.check("audience", () -> parse(QuestionAudience.class, audience, "question.audience.invalid"));
        violations.throwIfAny();
        if (current == null) {
            return new QuestionInput(parsedKind, parsedScale, touchpointId, Boolean.TRUE.equals(required), parsedAudience,
                    textEn, textFr, choices);
        }
        return new QuestionInput(parsedKind == null ? current.kind() : parsedKind,
                parsedScale == null ? current.scale() : parsedScale,
                touchpointId != null ? touchpointId : current.touchpoint() == null ? null : current.touchpoint().id(),
                required == null ? current.required() : required,
                parsedAudience == null ? current.audience() : parsedAudience,
                textEn == null ? current.textEn() : textEn, textFr == null ? current.textFr() : textFr,
                choices == null ? current.choices() : choices);
    }

    /** "detractors", "zero-to-ten" and "ZERO_TO_TEN" alike. */
    private static <E extends Enum<E>> E parse(Class<E> type, String text, String refusal) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(refusal, text);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
