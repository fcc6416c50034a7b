package org.npsloop.campaigns.survey.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.npsloop.campaigns.survey.SurveyService.SurveyUpdate;
import org.npsloop.campaigns.survey.SurveyService.Texts;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.survey.SurveyTexts;
import org.npsloop.domain.validation.Violations;

/**
 * Applies a {@link SurveyUpdate} to a survey: every field is checked first, each refused one named
 * (e.g. {@code brandColour}, {@code texts.EN.question}), and the survey changes only when all pass.
 * A null field keeps its value; an empty string clears an optional one.
 */
final class SurveyChanges {

    private SurveyChanges() {
    }

    static void apply(Survey survey, SurveyUpdate input, Instant now) {
        Violations violations = new Violations();
        String name = input.name() == null ? survey.getName() : violations.check("name", () -> Survey.checkName(input.name()));
        String brandName = input.brandName() == null ? survey.getBrandName()
                : violations.check("brandName", () -> Survey.checkBrandName(input.brandName()));
        Language defaultLanguage = input.defaultLanguage() == null ? survey.getDefaultLanguage()
                : violations.check("defaultLanguage", () -> Language.parse(input.defaultLanguage()));
        String colour = input.brandColour() == null ? survey.getBrandColour()
                : violations.check("brandColour", () -> Survey.checkColour(input.brandColour()));
        String logo = input.logoUrl() == null ? survey.getLogoUrl()
                : violations.check("logoUrl", () -> Survey.checkLogoUrl(input.logoUrl()));
        String senderName = input.senderName() == null ? survey.getSenderName()
                : violations.check("senderName", () -> length(input.senderName(), "survey.senderName.tooLong", 200));
        String senderEmail = input.senderEmail() == null ? survey.getSenderEmail()
                : violations.check("senderEmail", () -> Survey.checkSenderEmail(input.senderEmail()));
        String postal = input.postalAddress() == null ? survey.getPostalAddress()
                : violations.check("postalAddress", () -> length(input.postalAddress(), "survey.postalAddress.tooLong", 500));
        Instant closesAt = input.closesAt() == null ? survey.getClosesAt().orElse(null)
                : violations.check("closesAt", () -> instant(input.closesAt()));
        Integer lifetime = input.linkLifetimeDays() == null ? Integer.valueOf(survey.getLinkLifetimeDays())
                : violations.check("linkLifetimeDays", () -> Survey.checkLinkLifetime(input.linkLifetimeDays()));
        String review = input.reviewUrl() == null ? survey.getReviewUrl()
                : violations.check("reviewUrl", () -> Survey.checkReviewUrl(input.reviewUrl()));
        Map<Language, SurveyTexts> texts = new java.util.EnumMap<>(Language.class);
        if (input.texts() != null) {
            input.texts().forEach((code, given) -> {
                Language language = violations.check("texts." + code, () -> Language.parse(code));
                if (language != null && given != null) {
                    SurveyTexts merged = texts(survey.textsFor(language), given, "texts." + language.name() + ".", violations);
                    if (merged != null) {
                        texts.put(language, merged);
                    }
                }
            });
        }
        violations.throwIfAny();

        survey.rename(name, brandName, now);
        survey.defaultLanguage(defaultLanguage, now);
        survey.brand(colour, logo, now);
        survey.sender(senderName, senderEmail, postal, now);
        survey.closeAt(closesAt, now);
        survey.linkLifetime(lifetime, now);
        survey.reviewUrl(review, now);
        if (input.askQuoteConsent() != null) {
            survey.askQuoteConsent(input.askQuoteConsent(), now);
        }
        texts.forEach((language, t) -> survey.setTexts(language, t, now));
    }

    private static SurveyTexts texts(SurveyTexts current, Texts given, String prefix, Violations violations) {
        String subject = given.subject() == null ? current.getSubject()
                : violations.check(prefix + "subject", () -> SurveyTexts.checkSubject(given.subject()));
        String question = given.question() == null ? current.getQuestion()
                : violations.check(prefix + "question", () -> SurveyTexts.checkQuestion(given.question()));
        String followUp = given.followUp() == null ? current.getFollowUp()
                : violations.check(prefix + "followUp", () -> SurveyTexts.checkFollowUp(given.followUp()));
        String consent = given.consentQuestion() == null ? current.getConsentQuestion()
                : violations.check(prefix + "consentQuestion", () -> SurveyTexts.checkConsentQuestion(given.consentQuestion()));
        String detractors = optional(current.getFollowUpDetractor(), given.followUpDetractor(), prefix + "followUpDetractor",
                "survey.followUpDetractor", violations);
        String passives = optional(current.getFollowUpPassive(), given.followUpPassive(), prefix + "followUpPassive",
                "survey.followUpPassive", violations);
        String promoters = optional(current.getFollowUpPromoter(), given.followUpPromoter(), prefix + "followUpPromoter",
                "survey.followUpPromoter", violations);
        return subject == null || question == null || followUp == null ? null
                : new SurveyTexts(subject, question, followUp, consent, detractors, passives, promoters);
    }

    /** An optional text: null keeps the current one, blank clears it. */
    private static String optional(String current, String given, String field, String what, Violations violations) {
        return given == null ? current : violations.check(field, () -> SurveyTexts.checkOptional(given, what));
    }

    /** Stripped, null when empty; refused beyond {@code max} characters with the message {@code key}. */
    static String length(String text, String key, int max) {
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new InvalidValueException(key, max);
        }
        return stripped.isEmpty() ? null : stripped;
    }

    private static Instant instant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("dateTime.invalid", text.strip());
        }
    }
}
