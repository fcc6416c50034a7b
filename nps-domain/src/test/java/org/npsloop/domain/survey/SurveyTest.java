package org.npsloop.domain.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;

class SurveyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void speaksTheContactsLanguageWithTheBrandInTheQuestion() {
        Survey survey = new Survey("Q4 relationship", "Acme", NOW);
        SurveyTexts fr = survey.textsFor(Language.FR);
        assertEquals("Quelle est la probabilité que vous recommandiez Acme à un ami ou un collègue ?",
                SurveyTexts.withCompany(fr.getQuestion(), survey.getBrandName()));
        assertTrue(survey.textsFor(Language.EN).getQuestion().startsWith("How likely are you to recommend"));
    }

    @Test
    void fallsBackToTheDefaultLanguage() {
        Survey survey = new Survey("Onboarding", "Acme", NOW);
        survey.setTexts(Language.EN, new SurveyTexts("Hi", "Recommend {company}?", "Why?", null), NOW);
        survey.defaultLanguage(Language.EN, NOW);
        assertEquals("Recommend {company}?", survey.textsFor(null).getQuestion());
        assertNull(survey.textsFor(Language.EN).getConsentQuestion(), "no consent question: not asked");
    }

    @Test
    void linksExpireAfterTheirLifetimeOrWhenTheSurveyCloses() {
        Survey survey = new Survey("Onboarding", "Acme", NOW);
        assertEquals(NOW.plus(Duration.ofDays(30)), survey.linksExpireAt(NOW));
        survey.closeAt(NOW.plus(Duration.ofDays(5)), NOW);
        assertEquals(NOW.plus(Duration.ofDays(5)), survey.linksExpireAt(NOW));
        assertThrows(IllegalArgumentException.class, () -> survey.linkLifetime(0, NOW));
    }

    @Test
    void brandColourIsChecked() {
        Survey survey = new Survey("Onboarding", "Acme", NOW);
        survey.brand("#ff6600", "https://acme.example/logo.png", NOW);
        assertEquals("#FF6600", survey.getBrandColour());
        assertThrows(IllegalArgumentException.class, () -> survey.brand("red", null, NOW));
        assertThrows(IllegalArgumentException.class, () -> new SurveyTexts(" ", "q", "f", null));
    }
}
