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
import org.npsloop.domain.question.SurveyQuestion;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.ui.UiTexts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The survey page's "questions after the score": the list in order (move, edit, remove) and one form to add or
 * change a question; the touchpoints in a dialog (list, add, rename). The survey is the one of {@code ?id=}, read
 * when the page opens.
 */
@Named
@ViewScoped
public class SurveyQuestionsEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "questions:";
    private static final String TOUCHPOINTS_FORM = "touchpoints:";
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

    /** The touchpoints as edited in their dialog, one row each. */
    private final List<TouchpointRow> touchpointRows = new ArrayList<>();
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
        reloadTouchpoints();
    }

    private void reloadTouchpoints() {
        touchpoints = questions.touchpoints();
        touchpointRows.clear();
        touchpoints.forEach(t -> touchpointRows.add(new TouchpointRow(t)));
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
            Messages.addGlobalInfo(text("questions.saved", saved.text(language())));
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                Messages.addError(FORM + FIELDS.getOrDefault(error.field(), "save"), UiTexts.text(error));
            }
        } catch (NoSuchElementException e) {
            gone(e);
        }
    }

    public void move(QuestionView question, int offset) {
        try {
            list = questions.move(question.id(), offset);
        } catch (NoSuchElementException e) {
            gone(e);
        }
    }

    /** Archives it: no longer asked, its answers kept in the reports (the confirmation says so). */
    public void remove(QuestionView question) {
        try {
            questions.remove(question.id());
            if (editingId != null && editingId == question.id()) {
                cancel();
            }
            reload();
            Messages.addGlobalInfo(text("questions.removed", question.text(language())));
        } catch (NoSuchElementException e) {
            gone(e);
        }
    }

    /** Changed meanwhile in another tab or by the API: say why, show what is there now. */
    private void gone(NoSuchElementException e) {
        Messages.addGlobalError(UiTexts.text(e));
        cancel();
        reload();
    }

    /** A new touchpoint, chosen at once for the rating being edited. */
    public void addTouchpoint() {
        try {
            TouchpointView added = questions.addTouchpoint(newTouchpointEn, newTouchpointFr);
            reloadTouchpoints();
            if (isRating()) {
                touchpointId = added.id();
            }
            newTouchpointEn = null;
            newTouchpointFr = null;
            Messages.addInfo(TOUCHPOINTS_FORM + "addTouchpoint", text("questions.touchpoints.added", added.label(language())));
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                Messages.addError(TOUCHPOINTS_FORM + ("labelEn".equals(error.field()) ? "newTouchpointEn" : "newTouchpointFr"),
                        UiTexts.text(error));
            }
        }
    }

    /** Renames one touchpoint: questions and reports show the new name, answers stay with it. */
    public void renameTouchpoint(TouchpointRow row) {
        int index = touchpointRows.indexOf(row);
        try {
            TouchpointView renamed = questions.renameTouchpoint(row.id, row.labelEn, row.labelFr);
            reload();
            Messages.addInfo(TOUCHPOINTS_FORM + "rows:" + index + ":rename",
                    text("questions.touchpoints.renamed", renamed.label(language())));
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                Messages.addError(TOUCHPOINTS_FORM + "rows:" + index + ":" + error.field(), UiTexts.text(error));
            }
        } catch (NoSuchElementException e) {
            Messages.addError(TOUCHPOINTS_FORM + "rows:" + index + ":rename", UiTexts.text(e));
        }
    }

    /** "Delivery, 1-5" for a rating; the options for a choice; nothing else. */
    public String details(QuestionView question) {
        Language language = language();
        if (question.kind() == QuestionKind.TOUCHPOINT_RATING) {
            return (question.touchpoint() == null ? "" : question.touchpoint().label(language) + " · ")
                    + text("questions.scale." + question.scale());
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

    private static String text(String key, Object... arguments) {
        return UiTexts.page(key, arguments);
    }

    /** The form adds no question beyond the limit (the service would refuse it). */
    public boolean isFull() {
        return list.size() >= SurveyQuestion.MAX_QUESTIONS;
    }

    public int getMaxQuestions() {
        return SurveyQuestion.MAX_QUESTIONS;
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

    public List<TouchpointRow> getTouchpointRows() {
        return touchpointRows;
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

    /** A touchpoint in the dialog: its names as typed, until renamed. */
    public static final class TouchpointRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String code;
        private final boolean builtIn;
        private String labelEn;
        private String labelFr;

        TouchpointRow(TouchpointView touchpoint) {
            this.id = touchpoint.id();
            this.code = touchpoint.code();
            this.builtIn = touchpoint.builtIn();
            this.labelEn = touchpoint.labelEn();
            this.labelFr = touchpoint.labelFr();
        }

        public long getId() {
            return id;
        }

        public String getCode() {
            return code;
        }

        public boolean isBuiltIn() {
            return builtIn;
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
