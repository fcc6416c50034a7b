package org.npsloop.domain.question;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.text.XmlText;
import org.npsloop.domain.validation.Violations;

/**
 * An additional question of a survey, asked after the score to everyone or to one NPS category. Its answers
 * are checked here ({@link #parseAnswer}), whichever way they come (respondent page, phone entry, API). A
 * question with answers is archived rather than deleted, so that reports keep them.
 */
@Entity
@Table(name = "survey_question")
public class SurveyQuestion {

    public static final int MAX_TEXT = 500;
    public static final int MAX_CHOICES = 20;
    /** Delighted's limit, and enough for a survey that must stay short. */
    public static final int MAX_QUESTIONS = 10;

    @Id
    @SequenceGenerator(name = "survey_question_seq", sequenceName = "survey_question_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "survey_question_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private QuestionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "rating_scale", length = 20)
    private RatingScale scale;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "touchpoint_id")
    private Touchpoint touchpoint;

    @Column(nullable = false)
    private boolean required;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private QuestionAudience audience = QuestionAudience.EVERYONE;

    @Column(name = "text_en", nullable = false, length = MAX_TEXT)
    private String textEn;

    @Column(name = "text_fr", nullable = false, length = MAX_TEXT)
    private String textFr;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "survey_question_choice", joinColumns = @JoinColumn(name = "question_id"))
    @OrderColumn(name = "position")
    private List<QuestionChoice> choices = new ArrayList<>();

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SurveyQuestion() {
        // for JPA
    }

    /**
     * @throws org.npsloop.domain.validation.InvalidInputException naming each refused field (kind, scale,
     *         touchpointId, textEn, textFr, choices)
     */
    public SurveyQuestion(Survey survey, int position, QuestionDefinition definition, Instant now) {
        this.survey = survey;
        this.position = position;
        this.createdAt = now;
        define(definition, now);
    }

    /** Changes everything at once, or nothing. The kind of a question never changes once created. */
    public void define(QuestionDefinition definition, Instant now) {
        Violations violations = new Violations();
        if (definition.kind() == null) {
            violations.add("kind", "question.kind.required");
        } else if (kind != null && definition.kind() != kind) {
            violations.add("kind", "question.kind.fixed");
        }
        QuestionKind newKind = definition.kind() == null ? kind : definition.kind();
        String en = violations.check("textEn", () -> text(definition.textEn(), "question.textEn"));
        String fr = violations.check("textFr", () -> text(definition.textFr(), "question.textFr"));
        if (newKind == QuestionKind.TOUCHPOINT_RATING && definition.touchpoint() == null) {
            violations.add("touchpointId", "question.touchpoint.required");
        }
        List<QuestionChoice> newChoices = newKind != null && newKind.hasChoices()
                ? violations.check("choices", () -> choices(definition.choices()))
                : List.of();
        violations.throwIfAny();
        this.kind = newKind;
        this.textEn = en;
        this.textFr = fr;
        this.required = definition.required();
        this.audience = definition.audience() == null ? QuestionAudience.EVERYONE : definition.audience();
        boolean rating = newKind == QuestionKind.TOUCHPOINT_RATING;
        this.scale = rating ? (definition.scale() == null ? RatingScale.ONE_TO_FIVE : definition.scale()) : null;
        this.touchpoint = rating ? definition.touchpoint() : null;
        this.choices.clear();
        this.choices.addAll(newChoices);
        this.updatedAt = now;
    }

    private static String text(String raw, String what) {
        String text = XmlText.clean(raw);
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(what + ".required");
        }
        text = text.strip();
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new InvalidValueException(what + ".tooLong", MAX_TEXT);
        }
        return text;
    }

    /** Existing codes are kept; new options get the next free code C1, C2... so that answers never change meaning. */
    private List<QuestionChoice> choices(List<QuestionDefinition.ChoiceLabels> given) {
        List<QuestionDefinition.ChoiceLabels> labels = given == null ? List.of()
                : given.stream().filter(c -> c != null && !(blank(c.labelEn()) && blank(c.labelFr()))).toList();
        if (labels.size() < 2) {
            throw new InvalidValueException("question.choices.tooFew");
        }
        if (labels.size() > MAX_CHOICES) {
            throw new InvalidValueException("question.choices.tooMany", MAX_CHOICES);
        }
        Set<String> known = new LinkedHashSet<>();
        choices.forEach(c -> known.add(c.getCode()));
        int next = known.stream().filter(c -> c.matches("C\\d{1,6}")).mapToInt(c -> Integer.parseInt(c.substring(1)))
                .max().orElse(0) + 1;
        List<QuestionChoice> result = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            QuestionDefinition.ChoiceLabels label = labels.get(i);
            String en = choiceLabel(label.labelEn(), i + 1);
            String fr = choiceLabel(label.labelFr(), i + 1);
            String code = label.code() != null && known.contains(label.code()) && !used.contains(label.code())
                    ? label.code() : "C" + next++;
            used.add(code);
            result.add(new QuestionChoice(code, en, fr));
        }
        return result;
    }

    private static String choiceLabel(String raw, int number) {
        String label = XmlText.clean(raw);
        if (label == null || label.isBlank()) {
            throw new InvalidValueException("question.choice.required", number);
        }
        label = label.strip();
        if (label.codePointCount(0, label.length()) > QuestionChoice.MAX_LABEL) {
            throw new InvalidValueException("question.choice.tooLong", number, QuestionChoice.MAX_LABEL);
        }
        return label;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Whether a respondent of this category is asked this question (a question no longer asked: never). */
    public boolean appliesTo(NpsCategory category) {
        return !archived && audience.appliesTo(category);
    }

    /**
     * An answer as typed or sent: the values of the form field or the API (several for a multiple choice).
     * Blank values are ignored; nothing left is {@link AnswerValue#EMPTY}, refused when the question is required.
     *
     * @throws InvalidValueException why the answer is refused, in the respondent's terms
     */
    public AnswerValue parseAnswer(List<String> raw) {
        List<String> values = raw == null ? List.of()
                : raw.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (values.isEmpty()) {
            if (required) {
                throw new InvalidValueException("answer.required");
            }
            return AnswerValue.EMPTY;
        }
        return switch (kind) {
            case TOUCHPOINT_RATING -> rating(values);
            case SINGLE_CHOICE -> {
                if (values.size() > 1) {
                    throw new InvalidValueException("answer.choice.single");
                }
                yield AnswerValue.ofChoices(List.of(choiceCode(values.get(0))));
            }
            case MULTIPLE_CHOICE -> {
                // In the options' order, whatever order they were ticked or sent in: one answer, one way of writing it.
                Set<String> chosen = new LinkedHashSet<>(values.stream().map(this::choiceCode).toList());
                yield AnswerValue.ofChoices(choices.stream().map(QuestionChoice::getCode).filter(chosen::contains).toList());
            }
            case SHORT_TEXT -> shortText(String.join(" ", values));
            case YES_NO -> AnswerValue.ofYesNo(yesNo(values));
        };
    }

    private AnswerValue rating(List<String> values) {
        String value = values.get(0);
        boolean digits = values.size() == 1 && value.length() <= 2 && value.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || !scale.holds(Integer.parseInt(value))) {
            throw new InvalidValueException("answer.rating.invalid", scale.min(), scale.max());
        }
        return AnswerValue.ofRating(Integer.parseInt(value));
    }

    private String choiceCode(String value) {
        return choices.stream().map(QuestionChoice::getCode).filter(code -> code.equals(value)).findFirst()
                .orElseThrow(() -> new InvalidValueException("answer.choice.invalid", value));
    }

    private static AnswerValue shortText(String raw) {
        String text = XmlText.clean(raw);
        if (text == null || text.isBlank()) {
            return AnswerValue.EMPTY;
        }
        text = text.strip();
        if (text.codePointCount(0, text.length()) > AnswerValue.MAX_TEXT) {
            throw new InvalidValueException("answer.text.tooLong", AnswerValue.MAX_TEXT);
        }
        return AnswerValue.ofText(text);
    }

    private static boolean yesNo(List<String> values) {
        String value = values.size() == 1 ? values.get(0).toLowerCase(Locale.ROOT) : "";
        return switch (value) {
            case "yes", "true", "oui", "1" -> true;
            case "no", "false", "non", "0" -> false;
            default -> throw new InvalidValueException("answer.yesNo.invalid");
        };
    }

    public void archive(Instant now) {
        archived = true;
        updatedAt = now;
    }

    public void moveTo(int newPosition) {
        position = newPosition;
    }

    public String text(Language language) {
        return language == Language.FR ? textFr : textEn;
    }

    public Optional<QuestionChoice> choice(String code) {
        return choices.stream().filter(c -> c.getCode().equals(code)).findFirst();
    }

    public Long getId() {
        return id;
    }

    public Survey getSurvey() {
        return survey;
    }

    public int getPosition() {
        return position;
    }

    public QuestionKind getKind() {
        return kind;
    }

    public RatingScale getScale() {
        return scale;
    }

    public Touchpoint getTouchpoint() {
        return touchpoint;
    }

    public boolean isRequired() {
        return required;
    }

    public QuestionAudience getAudience() {
        return audience;
    }

    public String getTextEn() {
        return textEn;
    }

    public String getTextFr() {
        return textFr;
    }

    public List<QuestionChoice> getChoices() {
        return List.copyOf(choices);
    }

    public boolean isArchived() {
        return archived;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
