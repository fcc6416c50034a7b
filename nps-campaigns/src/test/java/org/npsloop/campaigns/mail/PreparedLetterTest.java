package org.npsloop.campaigns.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.campaign.InvitationToken;
import org.npsloop.domain.survey.Survey;

/** The quoted-printable parts of a prepared letter, mostly encoded once, against the encoding of the whole texts. */
class PreparedLetterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final SurveyMailRenderer renderer = new SurveyMailRenderer();

    @Test
    void eachMessageIsEncodedExactlyAsItsWholeTextsWouldBe() {
        Survey survey = new Survey("Prepared", "Acmé & \"Co\"", NOW);
        survey.sender("Acme clients", "nps@acme.example", "1 rue de la Paix, 75002 Paris", NOW);
        survey.brand("#123456", "https://acme.example/logo.png?a=1&b=x", NOW);
        String longName = "Jeanne-Marie-Thérèse " + "x".repeat(120) + " =é\t";
        for (Language language : Language.values()) {
            for (String firstName : new String[] {"Jeanne", longName, "<b>O'Brien</b> 李", null}) {
                SurveyMailRenderer.Prepared letter = renderer.prepare(InvitationMail.of(survey.letterIn(language), "a@b.fr",
                        firstName, "https://nps.example.com/" + "long/".repeat(12), InvitationToken.generate().secret()));
                InvitationMail mail = InvitationMail.of(survey.letterIn(language), "r@b.fr", firstName,
                        "https://nps.example.com/" + "long/".repeat(12), InvitationToken.generate().secret());
                SurveyMailRenderer.Content content = letter.render(mail);
                assertNotNull(content.encoded(), "prepared");
                assertArrayEquals(encoded(content.html()), bytes(content.encoded()::html), language + " " + firstName);
                assertArrayEquals(encoded(content.text()), bytes(content.encoded()::text), language + " " + firstName);
            }
        }
    }

    private static byte[] encoded(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuotedPrintable.encode(text, out);
        return out.toByteArray();
    }

    private static byte[] bytes(java.util.function.Consumer<ByteArrayOutputStream> part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.accept(out);
        return out.toByteArray();
    }
}
