package org.npsloop.campaigns.deliverability.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnsVerifierTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:ses-events";
    private static final String CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123.pem";

    private static TestSnsSigner signer;

    private final AtomicInteger fetches = new AtomicInteger();
    private final SnsVerifier verifier = new SnsVerifier(Pattern.compile(SnsVerifier.DEFAULT_URL_PATTERN), Set.of(TOPIC),
            uri -> {
                fetches.incrementAndGet();
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(signer.pem().getBytes(StandardCharsets.US_ASCII)));
            }, Clock.systemUTC());

    @BeforeAll
    static void keys() throws Exception {
        signer = new TestSnsSigner();
    }

    private static Map<String, String> notification(String message) {
        return Map.of("Type", "Notification", "MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324", "TopicArn", TOPIC,
                "Subject", "Amazon SES Email Event Notification", "Message", message, "Timestamp", "2026-12-04T16:00:00.000Z");
    }

    @Test
    void acceptsBothSignatureVersionsAndFetchesTheCertificateOnce() throws Exception {
        JsonObject v1 = verifier.verify(bytes(signer.sign(notification("{\"a\":1}"), "1", CERT_URL)));
        JsonObject v2 = verifier.verify(bytes(signer.sign(notification("{\"a\":2}"), "2", CERT_URL)));
        assertEquals("{\"a\":1}", v1.getString("Message"));
        assertEquals("{\"a\":2}", v2.getString("Message"));
        assertEquals(1, fetches.get(), "certificate cached by URL");
    }

    @Test
    void acceptsASubscriptionConfirmationAndChecksItsSubscribeUrl() throws Exception {
        String body = signer.sign(Map.of("Type", "SubscriptionConfirmation", "MessageId", "165545c9", "Token", "2336412f37",
                "TopicArn", TOPIC, "Message", "You have chosen to subscribe to the topic",
                "SubscribeURL", "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37",
                "Timestamp", "2026-12-04T16:00:00.000Z"), "2", CERT_URL);
        JsonObject message = verifier.verify(bytes(body));
        assertEquals("sns.eu-west-1.amazonaws.com", verifier.checked(message.getString("SubscribeURL")).getHost());
        assertRefused("esp.error.certificateUrl", () -> verifier.checked("https://evil.example/?Action=ConfirmSubscription"));
    }

    @Test
    void refusesATamperedMessage() throws Exception {
        String body = signer.sign(notification("{\"notificationType\":\"Delivery\"}"), "2", CERT_URL)
                .replace("Delivery", "Bounce");
        assertRefused("esp.error.signature", () -> verifier.verify(bytes(body)));
    }

    @Test
    void refusesAnotherKeysSignature() throws Exception {
        TestSnsSigner other = new TestSnsSigner();
        String body = other.sign(notification("{}"), "1", CERT_URL);
        assertRefused("esp.error.signature", () -> verifier.verify(bytes(body)));
    }

    @Test
    void refusesATopicNotAllowed() throws Exception {
        Map<String, String> fields = new java.util.HashMap<>(notification("{}"));
        fields.put("TopicArn", "arn:aws:sns:eu-west-1:999999999999:someone-else");
        String body = signer.sign(fields, "2", CERT_URL);
        assertRefused("esp.error.topic", () -> verifier.verify(bytes(body)));
    }

    @Test
    void fetchesCertificatesOnlyFromAmazonSnsOverHttps() throws Exception {
        for (String url : new String[] {"http://sns.eu-west-1.amazonaws.com/cert.pem", "https://evil.example/cert.pem",
                "https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem",
                "https://sns.eu-west-1.amazonaws.com@evil.example/cert.pem", "https://sns.eu-west-1.amazonaws.com:8443/c.pem",
                "https://s3.amazonaws.com/cert.pem"}) {
            String body = signer.sign(notification("{}"), "2", url);
            assertRefused("esp.error.certificateUrl", () -> verifier.verify(bytes(body)));
        }
        assertEquals(0, fetches.get());
    }

    @Test
    void refusesWhatIsNotAnSnsMessage() {
        assertRefused("esp.error.malformed", () -> verifier.verify(bytes("[1,2]")));
        assertRefused("esp.error.malformed", () -> verifier.verify(bytes("{\"Type\":\"Notification\"}")));
        assertRefused("esp.error.malformed", () -> verifier.verify(bytes("not json")));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void assertRefused(String reason, org.junit.jupiter.api.function.Executable call) {
        EspRefusal refusal = assertThrows(EspRefusal.class, call);
        assertEquals(reason, refusal.reason(), refusal.getMessage());
    }
}
