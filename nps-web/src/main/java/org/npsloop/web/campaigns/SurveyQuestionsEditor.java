package org.npsloop.web.campaigns;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.npsloop.campaigns.survey.QuestionService;
import org.npsloop.campaigns.survey.QuestionService.ChoiceView;
import org.npsloop.campaigns.survey.QuestionService.QuestionView;
import org.npsloop.campaigns.survey.QuestionService.TouchpointView;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.question.QuestionAudience;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.domain.question.RatingScale;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.ui.UiTexts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The survey page's "questions after the score": the list in order (move, edit, remove) and one form to add or
 * change a question; touchpoints added on the way. The survey is the one of {@code ?id=}, read when the page opens.
 */
@Named
@ViewScoped
public class SurveyQuestionsEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "questions:";
    /** Where each refused field of a question is shown. */
    private static final Map<String, String> FIELDS = Map.of("kind", "kind", "scale", "scale", "touchpointId", "touchpoint",
            "audience", "audience", "textEn", "textEn", "textFr", "textFr", "choices", "choices");

    @Inject
    private QuestionService questions;

    private long surveyId;
    private List<QuestionView> list = List.of();
    private List<TouchpointView> touchpoints = List.of();

    /** The question being added (editingId null) or changed; null when the form is closed. */
    private Long editingId;
    private boolean editing;
    private QuestionKind kind;
    private RatingScale scale;
    private Long touchpointId;
    private boolean required;
    private QuestionAudience audience;
    private String textEn;
    private String textFr;
    private final List<ChoiceRow> choices = new ArrayList<>();

    private String newTouchpointEn;
    private String newTouchpointFr;

    public void open() {
        try {
            surveyId = Long.parseLong(Faces.getRequestParameter("id").strip());
            reload();
        } catch (RuntimeException e) {
            // The survey editor beside answers 404 for a bad or unknown id.
            list = List.of();
        }
    }

    private void reload() {
        list = questions.questions(surveyId);
        touchpoints = questions.touchpoints();
    }

    public void startNew() {
        editingId = null;
        editing = true;
        kind = QuestionKind.TOUCHPOINT_RATING;
        scale = RatingScale.ONE_TO_FIVE;
        touchpointId = touchpoints.isEmpty() ? null : touchpoints.get(0).id();
        required = false;
        audience = QuestionAudience.EVERYONE;
        textEn = null;
        textFr = null;
        choices.clear();
        choices.add(new ChoiceRow(null, null, null));
        choices.add(new ChoiceRow(null, null, null));
    }

    public void edit(QuestionView question) {
        editingId = question.id();
        editing = true;
        kind = question.kind();
        scale = question.scale() == null ? RatingScale.ONE_TO_FIVE : question.scale();
        touchpointId = question.touchpoint() == null ? null : question.touchpoint().id();
        required = question.required();
        audience = question.audience();
        textEn = question.textEn();
        textFr = question.textFr();
        choices.clear();
        question.choices().forEach(c -> choices.add(new ChoiceRow(c.code(), c.labelEn(), c.labelFr())));
        while (choices.size() < 2) {
            choices.add(new ChoiceRow(null, null, null));
        }
    }

    public void cancel() {
        editing = false;
        editingId = null;
    }

    public void addChoice() {
        choices.add(new ChoiceRow(null, null, null));
    }

    public void removeChoice(ChoiceRow row) {
        choices.remove(row);
    }

    public void save() {
        var input = new QuestionService.QuestionInput(kind, scale, touchpointId, required, audience, textEn, textFr,
                choices.stream().map(c -> new ChoiceView(c.code, c.labelEn, c.labelFr)).toList());
        try {
            QuestionView saved = editingId == null ? questions.add(surveyId, input) : questions.update(editingId, input);
            editing = false;
            editingId = null;
            reload();
            Messages.addGlobalInfo(UiTexts.page("questions.saved", saved.text(language())));
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                Messages.addError(FORM + FIELDS.getOrDefault(error.field(), "save"), UiTexts.text(error));
            }
        } catch (NoSuchElementException e) {
            Messages.addGlobalError(UiTexts.text(e));
        }
    }

    public void move(QuestionView question, int offset) {
        list = questions.move(question.id(), offset);
    }

    public void remove(QuestionView question) {
        questions.remove(question.id());
        if (editingId != null && editingId == question.id()) {
            cancel();
        }
        reload();
        Messages.addGlobalInfo(UiTexts.page("questions.removed", question.text(language())));
    }

    public void addTouchpoint() {
        try {
            TouchpointView added = questions.addTouchpoint(newTouchpointEn, newTouchpointFr);
            touchpoints = questions.touchpoints();
            touchpointId = added.id();
            newTouchpointEn = null;
            newTouchpointFr = null;
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                Messages.addError("labelEn".equals(error.field()) ? FORM + "newTouchpointEn" : FORM + "newTouchpointFr",
                        UiTexts.text(error));
            }
        }
    }

    /** "Delivery, 1-5" for a rating; the options for a choice; nothing else. */
    public String details(QuestionView question) {
        Language language = language();
        if (question.kind() == QuestionKind.TOUCHPOINT_RATING) {
            return (question.touchpoint() == null ? "" : question.touchpoint().label(language) + " · ")
                    + label("questions.scale." + question.scale());
        }
        return String.join(" · ", question.choices().stream().map(c -> c.label(language)).toList());
    }

    public String text(QuestionView question) {
        return question.text(language());
    }

    public String touchpointLabel(TouchpointView touchpoint) {
        return touchpoint.label(language());
    }

    private static Language language() {
        return Language.of(UiTexts.locale());
    }

    private static String label(String key) {
        return UiTexts.page(key);
    }

    public boolean isRating() {
        return kind == QuestionKind.TOUCHPOINT_RATING;
    }

    public boolean isWithChoices() {
        return kind != null && kind.hasChoices();
    }

    public QuestionKind[] getKinds() {
        return QuestionKind.values();
    }

    public RatingScale[] getScales() {
        return RatingScale.values();
    }

    public QuestionAudience[] getAudiences() {
        return QuestionAudience.values();
    }

    public List<QuestionView> getList() {
        return list;
    }

    public List<TouchpointView> getTouchpoints() {
        return touchpoints;
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isNew() {
        return editingId == null;
    }

    public QuestionKind getKind() {
        return kind;
    }

    public void setKind(QuestionKind kind) {
        this.kind = kind;
    }

    public RatingScale getScale() {
        return scale;
    }

    public void setScale(RatingScale scale) {
        this.scale = scale;
    }

    public Long getTouchpointId() {
        return touchpointId;
    }

    public void setTouchpointId(Long touchpointId) {
        this.touchpointId = touchpointId;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public QuestionAudience getAudience() {
        return audience;
    }

    public void setAudience(QuestionAudience audience) {
        this.audience = audience;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }

    public String getTextFr() {
        return textFr;
    }

    public void setTextFr(String textFr) {
        this.textFr = textFr;
    }

    public List<ChoiceRow> getChoices() {
        return choices;
    }

    public String getNewTouchpointEn() {
        return newTouchpointEn;
    }

    public void setNewTouchpointEn(String newTouchpointEn) {
        this.newTouchpointEn = newTouchpointEn;
    }

    public String getNewTouchpointFr() {
        return newTouchpointFr;
    }

    public void setNewTouchpointFr(String newTouchpointFr) {
        this.newTouchpointFr = newTouchpointFr;
    }

    /** One option as edited: its code (null for a new one) stays with it, so that earlier answers keep their meaning. */
    public static final class ChoiceRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String code;
        private String labelEn;
        private String labelFr;

        ChoiceRow(String code, String labelEn, String labelFr) {
            this.code = code;
            this.labelEn = labelEn;
            this.labelFr = labelFr;
        }

        public String getCode() {
            return code;
        }

        public String getLabelEn() {
            return labelEn;
        }

        public void setLabelEn(String labelEn) {
            this.labelEn = labelEn;
        }

        public String getLabelFr() {
            return labelFr;
        }

        public void setLabelFr(String labelFr) {
            this.labelFr = labelFr;
        }
    }
}
