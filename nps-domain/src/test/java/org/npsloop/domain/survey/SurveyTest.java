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

    @Test
    void logosNeedHttpsExceptOnThisMachine() {
        assertEquals("https://acme.example/logo.png", Survey.checkLogoUrl(" https://acme.example/logo.png "));
        assertEquals("http://localhost:8080/logo.png", Survey.checkLogoUrl("http://localhost:8080/logo.png"));
        assertEquals("http://127.0.0.1/logo.png", Survey.checkLogoUrl("http://127.0.0.1/logo.png"));
        assertNull(Survey.checkLogoUrl("  "), "blank: no logo, the brand name is shown");
        for (String bad : new String[] {"http://acme.example/logo.png", "ftp://acme.example/logo.png", "logo.png",
                "https://", "javascript:alert(1)", "https://acme example/logo.png"}) {
            assertThrows(IllegalArgumentException.class, () -> Survey.checkLogoUrl(bad), bad);
        }
        Survey survey = new Survey("Onboarding", "Acme", NOW);
        assertThrows(IllegalArgumentException.class, () -> survey.brand("#00FF00", "http://acme.example/logo.png", NOW));
        assertEquals(Survey.DEFAULT_COLOUR, survey.getBrandColour(), "a refused change leaves the survey as it was");
    }

    @Test
    void coloursAreSixHexDigits() {
        assertEquals("#0B5CAD", Survey.checkColour("#0b5cad"));
        for (String bad : new String[] {null, "", "#FFF", "0B5CAD", "#0B5CAG", "#0B5CAD0", "blue"}) {
            assertThrows(IllegalArgumentException.class, () -> Survey.checkColour(bad), String.valueOf(bad));
        }
    }

    @Test
    void linkLifetimeIsOneToThreeHundredSixtyFiveDays() {
        assertEquals(1, Survey.checkLinkLifetime(1));
        assertEquals(365, Survey.checkLinkLifetime(365));
        assertThrows(IllegalArgumentException.class, () -> Survey.checkLinkLifetime(0));
        assertThrows(IllegalArgumentException.class, () -> Survey.checkLinkLifetime(366));
    }

    @Test
    void senderAndNamesAreChecked() {
        Survey survey = new Survey("Onboarding", "Acme", NOW);
        survey.sender("Acme", " NPS@Acme.Example ", "1 rue de la Paix", NOW);
        assertEquals("nps@acme.example", survey.getSenderEmail());
        assertThrows(IllegalArgumentException.class, () -> survey.sender("Acme", "nps@", null, NOW));
        assertEquals("nps@acme.example", survey.getSenderEmail());
        survey.sender(null, " ", null, NOW);
        assertNull(survey.getSenderEmail(), "blank: the configured default sender");
        assertThrows(IllegalArgumentException.class, () -> survey.rename(" ", "Acme", NOW));
        assertThrows(IllegalArgumentException.class, () -> survey.rename("Onboarding", "x".repeat(201), NOW));
        survey.rename(" Renamed ", " Acme Corp ", NOW);
        assertEquals("Renamed", survey.getName());
        assertEquals("Acme Corp", survey.getBrandName());
    }

    @Test
    void eachTextIsCheckedOnItsOwn() {
        assertEquals("Why?", SurveyTexts.checkFollowUp(" Why? "));
        assertNull(SurveyTexts.checkConsentQuestion(""));
        assertThrows(IllegalArgumentException.class, () -> SurveyTexts.checkQuestion(""));
        assertThrows(IllegalArgumentException.class, () -> SurveyTexts.checkSubject("s".repeat(301)));
    }
}
