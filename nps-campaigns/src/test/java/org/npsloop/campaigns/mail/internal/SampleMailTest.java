package org.npsloop.campaigns.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.survey.SurveyTexts;
import org.npsloop.campaigns.mail.InvitationMail;
import org.npsloop.campaigns.mail.InvitationMessages;
import org.npsloop.campaigns.mail.SampleMail;
import org.npsloop.campaigns.mail.SurveyMailRenderer;

/** Previews and test messages: the contact's data, dummy links, marked as tests. */
class SampleMailTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final SurveyMailRenderer renderer = new SurveyMailRenderer();

    @Test
    void thePreviewGreetsTheContactAndItsElevenButtonsLeadNowhere() {
        Survey survey = new Survey("Relationship", "Acme", NOW);
        survey.setTexts(Language.EN, new SurveyTexts("Hi from {company}", "Would you recommend {company}?", "Why?", null), NOW);
        SurveyMailRenderer.Content content = renderer.render(sample(survey, null, Language.EN, "ann@exemple.fr", "Ann"), true);

        assertEquals("Hi from Acme", content.subject());
        assertTrue(content.html().contains("Hello Ann,"), content.html());
        assertTrue(content.html().contains("Would you recommend Acme?"));
        assertTrue(content.html().contains("Test message: these buttons do not record any answer."));
        assertTrue(content.text().contains("Test message"));
        Matcher links = Pattern.compile("href=\"([^\"]+)\"").matcher(content.html());
        int scoreLinks = 0;
        while (links.find()) {
            assertTrue(links.group(1).startsWith("https://preview.invalid/"), links.group(1));
            scoreLinks += links.group(1).contains("?score=") ? 1 : 0;
        }
        assertEquals(11, scoreLinks);
    }

    @Test
    void theLanguageAskedForWinsElseTheContactsElseTheDefault() {
        Survey survey = new Survey("Relationship", "Acme", NOW);
        assertEquals(Language.FR, sample(survey, Language.FR, Language.EN, "a@b.fr", null).language());
        assertEquals(Language.FR, sample(survey, null, Language.FR, "a@b.fr", null).language());
        assertEquals(Language.EN, sample(survey, null, null, "a@b.fr", null).language());
        assertFalse(renderer.render(sample(survey, null, null, "a@b.fr", null), true).html().contains("Hello"),
                "no contact: no greeting");
    }

    @Test
    void aTestMessageSaysSoInItsSubjectAndHasNoUnsubscribeHeaders() throws Exception {
        Survey survey = new Survey("Relationship", "Acme", NOW);
        Session session = Session.getInstance(new Properties());
        InvitationMail mail = sample(survey, Language.FR, null, "moi@acme.example", "Jeanne");
        MimeMessage message = InvitationMessages.buildTest(session, renderer.render(mail, true), "moi@acme.example",
                "nps@acme.example", "Acme", "test-1@nps.example.com");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));

        assertEquals("[TEST] Votre avis sur Acme", parsed.getSubject());
        assertNull(parsed.getHeader("List-Unsubscribe"));
        assertEquals("true", parsed.getHeader("X-NPS-Loop-Test", null));
        String html = (String) ((Multipart) parsed.getContent()).getBodyPart(1).getContent();
        assertTrue(html.contains("Message de test"), html);
        assertTrue(html.contains("Bonjour Jeanne"));
    }

    /** The page's way: the language asked, else the contact's, then the survey's mail in it. */
    private static InvitationMail sample(Survey survey, Language asked, Language contactLanguage, String recipient,
            String firstName) {
        return SampleMail.of(survey.letterIn(SampleMail.language(asked, contactLanguage)), recipient, firstName);
    }
}
