package org.npsloop.domain.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.npsloop.domain.nps.NpsCategory;
import java.util.Objects;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * What a survey says in one language. {@code {company}} in any text stands for the survey's brand
 * name. Without a consent question, respondents are not asked whether they may be contacted.
 */
@Embeddable
public class SurveyTexts {

    public static final String COMPANY = "{company}";

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @Column(name = "question", nullable = false, length = 500)
    private String question;

    @Column(name = "follow_up", nullable = false, length = 500)
    private String followUp;

    @Column(name = "consent_question", length = 500)
    private String consentQuestion;

    /** The "why" question for detractors, passives and promoters; null: {@link #followUp} for them too. */
    @Column(name = "follow_up_detractor", length = 500)
    private String followUpDetractor;

    @Column(name = "follow_up_passive", length = 500)
    private String followUpPassive;

    @Column(name = "follow_up_promoter", length = 500)
    private String followUpPromoter;

    protected SurveyTexts() {
        // for JPA
    }

    public SurveyTexts(String subject, String question, String followUp, String consentQuestion) {
        this.subject = checkSubject(subject);
        this.question = checkQuestion(question);
        this.followUp = checkFollowUp(followUp);
        this.consentQuestion = checkConsentQuestion(consentQuestion);
    }

    /** With a "why" question per category; a blank one falls back to {@code followUp}. */
    public SurveyTexts(String subject, String question, String followUp, String consentQuestion,
            String followUpDetractor, String followUpPassive, String followUpPromoter) {
        this(subject, question, followUp, consentQuestion);
        this.followUpDetractor = checkOptional(followUpDetractor, "survey.followUpDetractor");
        this.followUpPassive = checkOptional(followUpPassive, "survey.followUpPassive");
        this.followUpPromoter = checkOptional(followUpPromoter, "survey.followUpPromoter");
    }

    /** An optional text: blank is none. */
    public static String checkOptional(String text, String what) {
        return text == null || text.isBlank() ? null : required(text, what, 500);
    }

    /** The "why" question a respondent of this category reads (null category: no score yet, the general one). */
    public String followUpFor(NpsCategory category) {
        String specific = category == null ? null : switch (category) {
            case DETRACTOR -> followUpDetractor;
            case PASSIVE -> followUpPassive;
            case PROMOTER -> followUpPromoter;
        };
        return specific != null ? specific : followUp;
    }

    public static String checkSubject(String subject) {
        return required(subject, "survey.subject", 300);
    }

    public static String checkQuestion(String question) {
        return required(question, "survey.question", 500);
    }

    public static String checkFollowUp(String followUp) {
        return required(followUp, "survey.followUp", 500);
    }

    /** Optional: blank means respondents are not asked whether they may be contacted. */
    public static String checkConsentQuestion(String consentQuestion) {
        return consentQuestion == null || consentQuestion.isBlank() ? null
                : required(consentQuestion, "survey.consentQuestion", 500);
    }

    /** The standard NPS wording, as the reference documents put it. */
    public static SurveyTexts defaults(Language language) {
        return switch (language) {
            case FR -> new SurveyTexts("Votre avis sur " + COMPANY,
                    "Quelle est la probabilité que vous recommandiez " + COMPANY + " à un ami ou un collègue ?",
                    "Quelle est la principale raison de votre note ?",
                    "Acceptez-vous que nous vous contactions au sujet de votre réponse ?");
            case EN -> new SurveyTexts("Your opinion of " + COMPANY,
                    "How likely are you to recommend " + COMPANY + " to a friend or colleague?",
                    "What is the main reason for your score?",
                    "May we contact you about your answer?");
        };
    }

    /** @param text the key prefix of this text's messages: {@code .required}, {@code .tooLong} */
    private static String required(String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(what + ".required");
        }
        if (text.strip().length() > max) {
            throw new InvalidValueException(what + ".tooLong", max);
        }
        return text.strip();
    }

    /** The text with the brand name in place of {company}. */
    public static String withCompany(String text, String brandName) {
        return text == null ? null : text.replace(COMPANY, Objects.requireNonNullElse(brandName, ""));
    }

    public String getSubject() {
        return subject;
    }

    public String getQuestion() {
        return question;
    }

    public String getFollowUp() {
        return followUp;
    }

    public String getConsentQuestion() {
        return consentQuestion;
    }

    public String getFollowUpDetractor() {
        return followUpDetractor;
    }

    public String getFollowUpPassive() {
        return followUpPassive;
    }

    public String getFollowUpPromoter() {
        return followUpPromoter;
    }
}
