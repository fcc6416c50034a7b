package org.npsloop.campaigns.deliverability.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npsloop.campaigns.deliverability.internal.SnsVerifierTest.assertRefused;
import static org.npsloop.campaigns.deliverability.internal.SnsVerifierTest.bytes;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.deliverability.EspWebhooks.Status;

/** SendGrid's ECDSA signature, Mailgun's HMAC and Postmark's basic auth: valid, tampered, stale, replayed. */
class SignedWebhooksTest {

    private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static String sendGridSignature(KeyPair key, String timestamp, String body) throws Exception {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(key.getPrivate());
        ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    static String mailgunSignature(String key, String timestamp, String token) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sendGridAcceptsItsKeysSignatureOfTimestampAndBody() throws Exception {
        KeyPair key = ecKey();
        // As SendGrid shows it: base64 of the SubjectPublicKeyInfo.
        SendGridVerifier verifier = new SendGridVerifier(
                SendGridVerifier.publicKey(Base64.getEncoder().encodeToString(key.getPublic().getEncoded())), FIVE_MINUTES, CLOCK);
        String body = "[{\"event\":\"bounce\",\"email\":\"a@example.com\"}]";
        String now = String.valueOf(NOW.getEpochSecond());
        String signature = sendGridSignature(key, now, body);
        assertDoesNotThrow(() -> verifier.verify(now, signature, bytes(body)));

        assertRefused("esp.error.signature", () -> verifier.verify(now, signature, bytes(body.replace("a@", "b@"))));
        assertRefused("esp.error.signature", () -> verifier.verify(now, sendGridSignature(ecKey(), now, body), bytes(body)));
        assertRefused("esp.error.signature", () -> verifier.verify(now, null, bytes(body)));
        String old = String.valueOf(NOW.minusSeconds(301).getEpochSecond());
        assertRefused("esp.error.stale", () -> verifier.verify(old, sendGridSignature(key, old, body), bytes(body)));
        String future = String.valueOf(NOW.plusSeconds(301).getEpochSecond());
        assertRefused("esp.error.stale", () -> verifier.verify(future, sendGridSignature(key, future, body), bytes(body)));
    }

    @Test
    void mailgunAcceptsEachFreshTokenOnce() throws Exception {
        MailgunVerifier verifier = new MailgunVerifier("key-signing", FIVE_MINUTES, CLOCK);
        String now = String.valueOf(NOW.getEpochSecond());
        assertTrue(verifier.verify(now, "token-1", mailgunSignature("key-signing", now, "token-1")));
        assertFalse(verifier.verify(now, "token-1", mailgunSignature("key-signing", now, "token-1")), "a replay");
        assertRefused("esp.error.signature",
                () -> verifier.verify(now, "token-2", mailgunSignature("another-key", now, "token-2")));
        assertRefused("esp.error.signature",
                () -> verifier.verify(now, "token-3", mailgunSignature("key-signing", now, "token-2")));
        assertRefused("esp.error.signature", () -> verifier.verify(now, "token-4", "not hex"));
        String old = String.valueOf(NOW.minusSeconds(600).getEpochSecond());
        assertRefused("esp.error.stale", () -> verifier.verify(old, "token-5", mailgunSignature("key-signing", old, "token-5")));
        assertRefused("esp.error.stale", () -> verifier.verify("yesterday", "token-6", "00"));
    }

    @Test
    void postmarkNeedsTheConfiguredUserAndPassword() {
        BasicCredentials credentials = new BasicCredentials("postmark", "s3cret:with colon");
        assertDoesNotThrow(() -> credentials.check(basic("postmark:s3cret:with colon")));
        for (String wrong : new String[] {basic("postmark:s3cret"), basic("other:s3cret:with colon"), "Bearer abc",
                "Basic !!!", null}) {
            EspRefusal refusal = org.junit.jupiter.api.Assertions.assertThrows(EspRefusal.class, () -> credentials.check(wrong));
            assertEquals(Status.UNAUTHENTICATED, refusal.status());
            assertEquals("esp.error.credentials", refusal.reason());
        }
    }

    private static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }
}
