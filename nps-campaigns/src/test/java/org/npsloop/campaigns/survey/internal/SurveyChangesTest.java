package org.npsloop.campaigns.survey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.survey.SurveyService.SurveyUpdate;
import org.npsloop.campaigns.survey.SurveyService.Texts;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

class SurveyChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Survey survey() {
        Survey survey = new Survey("Relationship", "Acme", NOW);
        survey.sender("Acme", "nps@acme.example", "1 rue de la Paix", NOW);
        return survey;
    }

    @Test
    void everyBadFieldIsNamedAndNothingChanges() {
        Survey survey = survey();
        SurveyUpdate bad = new SurveyUpdate(" ", null, "DE", "red", "http://acme.example/logo.png", null, "nps@",
                null, "next friday", 0, Map.of("EN", new Texts(null, "", null, null), "XX", new Texts("a", "b", "c", null)), "ftp://reviews", true);

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> SurveyChanges.apply(survey, bad, NOW));

        Map<String, String> errors = refused.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
        assertEquals(java.util.Set.of("name", "defaultLanguage", "brandColour", "logoUrl", "senderEmail", "closesAt",
                "linkLifetimeDays", "texts.EN.question", "texts.XX", "reviewUrl"), errors.keySet(), errors.toString());
        assertEquals("A colour is written #RRGGBB, e.g. #0B5CAD", errors.get("brandColour"));
        assertEquals("Links live between 1 and 365 days", errors.get("linkLifetimeDays"));
        assertEquals("Not a valid email address: nps@", errors.get("senderEmail"));
        assertEquals("Relationship", survey.getName());
        assertEquals("nps@acme.example", survey.getSenderEmail());
        assertEquals(Survey.DEFAULT_COLOUR, survey.getBrandColour());
        assertFalse(survey.isAskQuoteConsent(), "nothing changes, not even the quote consent question");
    }

    @Test
    void givenFieldsChangeLeftOutOnesStayEmptyOnesClear() {
        Survey survey = survey();
        SurveyChanges.apply(survey, new SurveyUpdate("Renamed", null, "fr", "#ff6600", "https://acme.example/logo.png",
                "", null, null, "2027-01-31T23:00:00Z", 60,
                Map.of("EN", new Texts(null, "Would you recommend {company}?", null, "")), "https://reviews.example/acme", true), NOW);

        assertEquals("Renamed", survey.getName());
        assertEquals("Acme", survey.getBrandName());
        assertEquals(Language.FR, survey.getDefaultLanguage());
        assertEquals("#FF6600", survey.getBrandColour());
        assertEquals("https://acme.example/logo.png", survey.getLogoUrl());
        assertNull(survey.getSenderName(), "an empty string clears");
        assertEquals("nps@acme.example", survey.getSenderEmail(), "left out: kept");
        assertEquals(Instant.parse("2027-01-31T23:00:00Z"), survey.getClosesAt().orElseThrow());
        assertEquals(60, survey.getLinkLifetimeDays());
        assertEquals("https://reviews.example/acme", survey.getReviewUrl());
        assertEquals("Would you recommend {company}?", survey.textsFor(Language.EN).getQuestion());
        assertEquals("Your opinion of {company}", survey.textsFor(Language.EN).getSubject());
        assertNull(survey.textsFor(Language.EN).getConsentQuestion(), "no consent question: not asked");
        assertEquals("Quelle est la principale raison de votre note ?", survey.textsFor(Language.FR).getFollowUp());
        assertTrue(survey.isAskQuoteConsent(), "respondents are asked whether they may be quoted");

        SurveyChanges.apply(survey, new SurveyUpdate(null, null, null, null, "", null, null, null, "", null, null, null, null), NOW);
        assertNull(survey.getLogoUrl());
        assertTrue(survey.isAskQuoteConsent(), "left out: kept");
        SurveyChanges.apply(survey, new SurveyUpdate(null, null, null, null, null, null, null, null, null, null, null, null, false), NOW);
        assertFalse(survey.isAskQuoteConsent());
        assertEquals("https://reviews.example/acme", survey.getReviewUrl(), "left out: kept");
        assertEquals(java.util.Optional.empty(), survey.getClosesAt());
    }

    @Test
    void theWhyQuestionOfACategoryIsSetKeptClearedAndRefusedByName() {
        Survey survey = survey();
        SurveyChanges.apply(survey, texts(new Texts(null, null, null, null, "What went wrong?", null, "What did you like?")), NOW);
        assertEquals("What went wrong?", survey.textsFor(Language.EN).followUpFor(NpsCategory.DETRACTOR));
        assertEquals("What is the main reason for your score?", survey.textsFor(Language.EN).followUpFor(NpsCategory.PASSIVE),
                "none of its own: the general one");
        assertEquals("What did you like?", survey.textsFor(Language.EN).followUpFor(NpsCategory.PROMOTER));

        // Left out: kept; blank: back to the general question.
        SurveyChanges.apply(survey, texts(new Texts(null, null, null, null, null, null, " ")), NOW);
        assertEquals("What went wrong?", survey.textsFor(Language.EN).getFollowUpDetractor());
        assertNull(survey.textsFor(Language.EN).getFollowUpPromoter());

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> SurveyChanges.apply(survey,
                texts(new Texts(null, null, null, null, null, "x".repeat(501), null)), NOW));
        assertEquals(java.util.List.of("texts.EN.followUpPassive"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals("The follow-up question for passives has at most 500 characters", refused.errors().get(0).message());
        assertNull(survey.textsFor(Language.EN).getFollowUpPassive());
    }

    private static SurveyUpdate texts(Texts english) {
        return new SurveyUpdate(null, null, null, null, null, null, null, null, null, null, Map.of("EN", english), null, null);
    }
}
