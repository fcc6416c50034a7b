package org.npsloop.campaigns.survey;

import java.util.List;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.question.QuestionAudience;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.domain.question.RatingScale;

/**
 * The additional questions of a survey (asked after the score, to everyone or to one NPS category) and the
 * touchpoints a rating question is about. A removed question is archived: no longer asked, its answers kept
 * in the reports. At most {@link org.npsloop.domain.question.SurveyQuestion#MAX_QUESTIONS} per survey.
 */
public interface QuestionService {

    record TouchpointView(long id, String code, String labelEn, String labelFr, boolean builtIn) implements java.io.Serializable {
        public String label(Language language) {
            return language == Language.FR ? labelFr : labelEn;
        }
    }

    /** An option of a choice question; {@code code} is null for a new one in a {@link QuestionInput}. */
    record ChoiceView(String code, String labelEn, String labelFr) implements java.io.Serializable {
        public String label(Language language) {
            return language == Language.FR ? labelFr : labelEn;
        }
    }

    /** @param scale and {@code touchpoint} set for touchpoint ratings only; {@code choices} for choice questions only */
    record QuestionView(long id, long surveyId, int position, QuestionKind kind, RatingScale scale,
            TouchpointView touchpoint, boolean required, QuestionAudience audience, String textEn, String textFr,
            List<ChoiceView> choices) implements java.io.Serializable {
        public String text(Language language) {
            return language == Language.FR ? textFr : textEn;
        }
    }

    /**
     * A question as set in the editor or the API. Bad fields are refused together, named {@code kind},
     * {@code scale}, {@code touchpointId}, {@code audience}, {@code textEn}, {@code textFr}, {@code choices}.
     *
     * @param scale null: 1-5
     * @param audience null: everyone
     */
    record QuestionInput(QuestionKind kind, RatingScale scale, Long touchpointId, boolean required,
            QuestionAudience audience, String textEn, String textFr, List<ChoiceView> choices) {
    }

    /** The questions asked by the survey, in order (archived ones left out). */
    List<QuestionView> questions(long surveyId);

    /**
     * Adds a question at the end.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException naming each refused field
     * @throws org.npsloop.domain.i18n.NotFoundException for an unknown survey
     */
    QuestionView add(long surveyId, QuestionInput input);

    /** Changes a question (its kind stays); option codes given are kept, so earlier answers keep their meaning. */
    QuestionView update(long questionId, QuestionInput input);

    /** Stops asking the question; its answers stay in the reports. */
    void remove(long questionId);

    /** Moves a question up (-1) or down (+1); returns the survey's questions in their new order. */
    List<QuestionView> move(long questionId, int offset);

    /** Every touchpoint, the built-in ones first. */
    List<TouchpointView> touchpoints();

    /** @throws org.npsloop.domain.validation.InvalidInputException naming {@code labelEn} / {@code labelFr} */
    TouchpointView addTouchpoint(String labelEn, String labelFr);

    TouchpointView renameTouchpoint(long touchpointId, String labelEn, String labelFr);
}
