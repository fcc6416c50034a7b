package org.npsloop.campaigns.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.campaign.InvitationToken;
import org.npsloop.domain.deliverability.MailReference;
import org.npsloop.domain.survey.Survey;
import org.npsloop.campaigns.mail.InvitationMail;
import org.npsloop.campaigns.mail.InvitationMessages;
import org.npsloop.campaigns.mail.SurveyMailRenderer;

/** The invitation as a mail client receives it: written to bytes and parsed back. */
class SurveyMailTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Pattern SCORE_LINK = Pattern.compile("href=\"(https://nps\\.example\\.com/r/[A-Za-z0-9_-]{22}\\?score=(\\d+))\"");
    private final SurveyMailRenderer renderer = new SurveyMailRenderer();
    private final Session session = Session.getInstance(new Properties());

    @Test
    void theParsedMessageHasBothAlternativesElevenDistinctScoreLinksAndOneClickUnsubscribe() throws Exception {
        Survey survey = new Survey("Relationship", "Acme", NOW);
        survey.sender("Acme clients", "nps@acme.example", "1 rue de la Paix, 75002 Paris", NOW);
        InvitationToken token = InvitationToken.generate();
        InvitationMail mail = InvitationMail.of(survey.letterIn(Language.FR), "jeanne@exemple.fr", "Jeanne",
                "https://nps.example.com/", token.secret());

        MailReference reference = MailReference.ofTokenHash(token.hash());
        MimeMessage built = InvitationMessages.build(session, renderer.render(mail), mail, "nps@acme.example", "Acme clients",
                reference.messageId("acme.example"), "unsubscribe@nps.example.com",
                reference.returnPath("bounces@bounce.acme.example"));
        assertEquals("bounces+" + reference + "@bounce.acme.example",
                ((org.eclipse.angus.mail.smtp.SMTPMessage) built).getEnvelopeFrom(), "the return path is the message's own (VERP)");
        MimeMessage parsed = roundTrip(built);

        assertEquals("Votre avis sur Acme", parsed.getSubject());
        assertEquals("<" + reference + "@acme.example>", parsed.getMessageID(), "the reference @ the sender's domain");
        assertEquals(reference, MailReference.inMessageId(parsed.getMessageID()).orElseThrow());
        assertEquals("<https://nps.example.com/u/" + token.secret() + ">, <mailto:unsubscribe@nps.example.com?subject=unsubscribe%20"
                + token.secret() + ">", parsed.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", parsed.getHeader("List-Unsubscribe-Post", null));
        assertTrue(parsed.getFrom()[0].toString().contains("nps@acme.example"));

        Multipart alternatives = (Multipart) parsed.getContent();
        assertTrue(parsed.isMimeType("multipart/alternative"));
        assertEquals(2, alternatives.getCount());
        Part text = alternatives.getBodyPart(0);
        Part html = alternatives.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain") && html.isMimeType("text/html"));

        String htmlBody = (String) html.getContent();
        Set<Integer> scores = new TreeSet<>();
        Matcher m = SCORE_LINK.matcher(htmlBody);
        while (m.find()) {
            assertTrue(m.group(1).contains(token.secret()), "each link carries the token");
            scores.add(Integer.parseInt(m.group(2)));
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), scores);
        assertTrue(htmlBody.contains("Quelle est la probabilité que vous recommandiez Acme"), htmlBody);
        assertTrue(htmlBody.contains("Bonjour Jeanne") && htmlBody.contains("Ne plus recevoir ces enquêtes"));
        assertTrue(htmlBody.contains("1 rue de la Paix, 75002 Paris"));
        assertFalse(htmlBody.contains("<script"), "no JavaScript in mail");

        String textBody = (String) text.getContent();
        for (int score = 0; score <= 10; score++) {
            assertTrue(textBody.contains(score + ": https://nps.example.com/r/" + token.secret() + "?score=" + score), textBody);
        }
        assertTrue(textBody.contains("https://nps.example.com/u/" + token.secret()));
    }

    @Test
    void everythingTheMarketerTypedIsEscapedInHtml() {
        Survey survey = new Survey("XSS", "<b>Acme</b> & \"Co\"", NOW);
        // A quote is not allowed in an address any more (Survey.checkLogoUrl); an ampersand still needs escaping.
        survey.brand("#123456", "https://acme.example/logo.png?a=1&b=x", NOW);
        InvitationMail mail = InvitationMail.of(survey.letterIn(Language.EN), "a@b.fr", "<img src=x onerror=alert(1)>",
                "https://nps.example.com/", InvitationToken.generate().secret());
        String html = renderer.render(mail).html();
        assertFalse(html.contains("<b>Acme</b>") || html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Co&quot;"), html);
        assertTrue(html.contains("Hello &lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("src=\"https://acme.example/logo.png?a=1&amp;b=x\""), html);
    }

    @Test
    void aContactInAnotherLanguageGetsTheSurveyDefault() {
        Survey survey = new Survey("EN only", "Acme", NOW);
        InvitationMail mail = InvitationMail.of(survey.letterIn(null), "a@b.fr", null, "https://x.example/", InvitationToken.generate().secret());
        assertEquals(Language.EN, mail.language());
        assertTrue(renderer.render(mail).text().contains("How likely are you to recommend Acme"));
    }

    @Test
    void aReminderSaysSoInItsSubjectInTheContactsLanguage() {
        Survey survey = new Survey("Both", "Acme", NOW);
        InvitationMail french = InvitationMail.of(survey.letterIn(Language.FR), "a@b.fr", null, "https://x.example/",
                InvitationToken.generate().secret());
        InvitationMail english = InvitationMail.of(survey.letterIn(Language.EN), "a@b.fr", null, "https://x.example/",
                InvitationToken.generate().secret());
        assertEquals("Rappel : Votre avis sur Acme", renderer.asReminder(renderer.render(french), Language.FR).subject());
        assertTrue(renderer.asReminder(renderer.render(english), Language.EN).subject().startsWith("Reminder: "));
    }

    @Test
    void aPreparedLetterGivesEachRecipientExactlyTheMailRenderedInFull() {
        Survey survey = new Survey("Prepared", "<b>Acme</b> & \"Co\"", NOW);
        survey.sender("Acme clients", "nps@acme.example", "1 rue de la Paix, 75002 Paris", NOW);
        survey.brand("#123456", "https://acme.example/logo.png?a=1&b=x", NOW);
        for (Language language : Language.values()) {
            var letter = survey.letterIn(language);
            SurveyMailRenderer.Prepared named = renderer.prepare(InvitationMail.of(letter, "first@b.fr", "Zoé",
                    "https://nps.example.com/", InvitationToken.generate().secret()));
            SurveyMailRenderer.Prepared anonymous = renderer.prepare(InvitationMail.of(letter, "first@b.fr", null,
                    "https://nps.example.com/", InvitationToken.generate().secret()));
            for (String firstName : new String[] {"Jeanne", "<img src=x onerror=alert(1)> & 'O\"Brien'", "Ólafur 李", "x"}) {
                InvitationMail mail = InvitationMail.of(letter, "r@b.fr", firstName, "https://nps.example.com/",
                        InvitationToken.generate().secret());
                assertEquals(texts(renderer.render(mail)), texts(named.render(mail)), firstName);
            }
            for (String firstName : new String[] {null, "", "  "}) {
                InvitationMail mail = InvitationMail.of(letter, "r@b.fr", firstName, "https://nps.example.com/",
                        InvitationToken.generate().secret());
                assertEquals(texts(renderer.render(mail)), texts(anonymous.render(mail)));
                assertEquals(texts(renderer.render(mail)), texts(named.render(mail)), "a mail without a name from the named letter: in full");
            }
            // Another letter than the prepared one (another base URL): rendered in full, never with the prepared text.
            InvitationMail elsewhere = InvitationMail.of(letter, "r@b.fr", "Jeanne", "https://other.example/",
                    InvitationToken.generate().secret());
            assertEquals(texts(renderer.render(elsewhere)), texts(named.render(elsewhere)));
        }
    }

    private static java.util.List<String> texts(SurveyMailRenderer.Content content) {
        return java.util.List.of(content.subject(), content.html(), content.text());
    }

    private MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));
    }
}
