package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.mail.InvitationMail;
import org.npsloop.campaigns.mail.InvitationMessages;
import org.npsloop.campaigns.mail.SurveyMailRenderer;
import org.npsloop.campaigns.mail.internal.DkimSigner;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.campaign.InvitationToken;
import org.npsloop.domain.deliverability.MailReference;
import org.npsloop.domain.survey.Survey;

/**
 * A signed invitation as a receiving server checks it: the DKIM-Signature is parsed back from the bytes that go out and
 * verified by {@link DkimVerifier}, code of the tests' own (body hash, header hash, RSA signature with the public key).
 * A unit test (no container), here beside the verifier that CampaignDispatchIT also runs on what GreenMail received.
 */
class DkimSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static KeyPair keys;
    private final Session session = Session.getInstance(new Properties());

    @BeforeAll
    static void generate() throws Exception {
        keys = newKeys();
    }

    private static KeyPair newKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static DkimSigner signer() {
        return new DkimSigner("acme.example", "nps2026", DkimSigner.privateKey(pem()), DkimSigner.DEFAULT_HEADERS);
    }

    private MimeMessage invitation() throws Exception {
        Survey survey = new Survey("Relationship", "Acme", NOW);
        survey.sender("Acme clients", "nps@acme.example", "1 rue de la Paix, 75002 Paris", NOW);
        InvitationToken token = InvitationToken.generate();
        InvitationMail mail = InvitationMail.of(survey.letterIn(Language.FR), "jeanne@exemple.fr", "Jeanne",
                "https://nps.example.com/", token.secret());
        MailReference reference = MailReference.ofTokenHash(token.hash());
        return InvitationMessages.build(session, new SurveyMailRenderer().render(mail), mail, "nps@acme.example",
                "Acme clients — équipe", reference.messageId("acme.example"), "unsubscribe@nps.example.com",
                reference.returnPath("bounces@bounce.acme.example"));
    }

    @Test
    void aSignedInvitationVerifiesWithThePublicKeyAndKeepsItsReturnPath() throws Exception {
        MimeMessage message = invitation();
        String envelope = ((org.eclipse.angus.mail.smtp.SMTPMessage) message).getEnvelopeFrom();
        signer().sign(message);
        String sent = DkimVerifier.wire(message);

        Map<String, String> tags = DkimVerifier.tags(sent);
        assertEquals("1", tags.get("v"));
        assertEquals("rsa-sha256", tags.get("a"));
        assertEquals("relaxed/relaxed", tags.get("c"));
        assertEquals("acme.example", tags.get("d"));
        assertEquals("nps2026", tags.get("s"));
        assertEquals("From:To:Subject:Date:Message-ID:MIME-Version:Content-Type:List-Unsubscribe:List-Unsubscribe-Post",
                tags.get("h"));
        assertEquals("pass", DkimVerifier.verify(sent, keys.getPublic()));
        assertEquals(envelope, ((org.eclipse.angus.mail.smtp.SMTPMessage) message).getEnvelopeFrom(), "VERP kept");
        assertTrue(envelope.startsWith("bounces+"), envelope);
    }

    private String signedInvitation() throws Exception {
        MimeMessage message = invitation();
        signer().sign(message);
        return DkimVerifier.wire(message);
    }

    @Test
    void aTamperedBodyOrSubjectOrAnotherKeyFailsVerification() throws Exception {
        String sent = signedInvitation();
        int body = sent.indexOf("\r\n\r\n");
        String tamperedBody = sent.substring(0, body) + sent.substring(body).replaceFirst("Jeanne", "Jeannot");
        assertEquals("body hash mismatch", DkimVerifier.verify(tamperedBody, keys.getPublic()));
        String tamperedSubject = sent.replaceFirst("(?m)^Subject: .*", "Subject: =?UTF-8?Q?Gagnez_un_iPhone?=");
        assertEquals("bad signature", DkimVerifier.verify(tamperedSubject, keys.getPublic()));
        assertEquals("bad signature", DkimVerifier.verify(sent, newKeys().getPublic()));
    }

    @Test
    void whatRelaxedCanonicalizationToleratesOnTheWayStillVerifies() throws Exception {
        String sent = signedInvitation();
        int body = sent.indexOf("\r\n\r\n");
        // A relay that re-folds a header, pads spaces at line ends and adds empty lines at the end.
        String relayed = sent.substring(0, body).replaceFirst("(?m)^Subject: ", "Subject:  \r\n   ") + "\r\n\r\n"
                + sent.substring(body + 4).replace("\r\n", " \r\n").replace("  ", "\t ") + "\r\n\r\n";
        assertEquals("pass", DkimVerifier.verify(relayed, keys.getPublic()));
    }

    @Test
    void testMessagesAndNotificationsAreSignedOverTheHeadersTheyHave() throws Exception {
        MimeMessage test = InvitationMessages.buildTest(session, new SurveyMailRenderer.Content("Votre avis", "<p>Bonjour</p>",
                "Bonjour"), "colleague@acme.example", "nps@acme.example", "Acme", "test.1@nps.example.com");
        signer().sign(test);
        String sent = DkimVerifier.wire(test);
        assertEquals("From:To:Subject:Date:Message-ID:MIME-Version:Content-Type", DkimVerifier.tags(sent).get("h"));
        assertEquals("pass", DkimVerifier.verify(sent, keys.getPublic()));
    }

    @Test
    void aBadKeyOrSettingIsRefusedWithWhatToDo() {
        IllegalArgumentException pkcs1 = assertThrows(IllegalArgumentException.class,
                () -> DkimSigner.privateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"));
        assertTrue(pkcs1.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), pkcs1.getMessage());
        IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
                () -> DkimSigner.privateKey("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"));
        assertTrue(garbage.getMessage().contains("not a PKCS#8 PEM RSA private key"), garbage.getMessage());
        IllegalArgumentException noFrom = assertThrows(IllegalArgumentException.class, () -> new DkimSigner("acme.example",
                "s1", DkimSigner.privateKey(pem()), List.of("Subject", "To")));
        assertTrue(noFrom.getMessage().contains("must include From"), noFrom.getMessage());
        IllegalArgumentException noSelector = assertThrows(IllegalArgumentException.class, () -> new DkimSigner("acme.example",
                null, DkimSigner.privateKey(pem()), DkimSigner.DEFAULT_HEADERS));
        assertTrue(noSelector.getMessage().contains("nps.mail.dkim.selector"), noSelector.getMessage());
    }
}
