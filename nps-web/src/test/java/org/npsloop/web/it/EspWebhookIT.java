package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The email providers' webhooks on the built application (secrets in nps-web/pom.xml, block "ESP webhooks"): a
 * campaign sent to GreenMail, then each provider's signed events built around the real Message-IDs suppress the right
 * contacts with the provider as source and the event as evidence; bad signatures and credentials are refused with
 * nothing stored; a replay changes nothing; the SNS subscription is confirmed by fetching its SubscribeURL. The SNS
 * certificate and SubscribeURL are served by this JVM (allowed by the test-only nps.esp.ses.sns-url-pattern).
 */
class EspWebhookIT extends OnSharedApplication {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:nps-it-ses";
    /** The private half of NPS_ESP_SENDGRID_PUBLIC_KEY in nps-web/pom.xml: a test key, nothing else uses it. */
    private static final String SENDGRID_PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg+1KL1lhQB7hFJ6hvRNE0rLgDg"
            + "KfqeaweeQ9JI0TtRUmhRANCAATnrDXHHN/qWvp0AZuv4tmLfh/uFbWtae/TR579Ih1aSKfBloDtwkW40PU7XPkVu+zI5TGaiXSdaToDDBtYQgAx";
    private static final String MAILGUN_KEY = "it-mailgun-signing-key";
    private static final String POSTMARK = "postmark-it:it-postmark-Secret-7";

    private static HttpServer sns;
    private static PrivateKey snsKey;
    private static String certificatePem;
    private static final List<String> confirmations = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void snsEndpoint() throws Exception {
        makeSnsKey();
        sns = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sns.createContext("/sns/", exchange -> {
            byte[] answer = exchange.getRequestURI().getPath().endsWith(".pem")
                    ? certificatePem.getBytes(StandardCharsets.US_ASCII)
                    : "<ConfirmSubscriptionResponse/>".getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().endsWith("/confirm")) {
                confirmations.add(exchange.getRequestURI().getQuery());
            }
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        sns.start();
    }

    @AfterAll
    static void stopSnsEndpoint() {
        sns.stop(0);
    }

    @Test
    void signedEventsOfEachProviderSuppressTheRightContactsOnce() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("esp");
        List<String> names = List.of("ses", "sendgrid", "mailgun", "postmark", "kept");
        String listId = CampaignApi.listOf(api, run, names.stream().map(n -> run + "-" + n + "@exemple.fr").toList());
        String campaign = CampaignApi.sendNow(api, run, CampaignApi.survey(api, run), listId);
        CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(60));
        Map<String, String> messageIds = Mailbox.to(SMTP, run).stream()
                .collect(Collectors.toMap(m -> Mailbox.recipient(m).substring(run.length() + 1).replace("@exemple.fr", ""),
                        EspWebhookIT::messageId));
        assertEquals(5, messageIds.size(), messageIds.toString());
        String certUrl = "http://127.0.0.1:" + sns.getAddress().getPort() + "/sns/" + run + ".pem";

        // Amazon SES through SNS: the subscription is confirmed, then a permanent bounce found by our Message-ID.
        String confirmToken = "tok-" + run;
        HttpResponse<String> subscribed = post("ses", sns(Map.of("Type", "SubscriptionConfirmation", "MessageId", run + "-c",
                "Token", confirmToken, "TopicArn", TOPIC, "Message", "You have chosen to subscribe",
                "SubscribeURL", "http://127.0.0.1:" + sns.getAddress().getPort() + "/sns/confirm?Token=" + confirmToken,
                "Timestamp", Instant.now().toString()), certUrl), Map.of("x-amz-sns-message-type", "SubscriptionConfirmation"));
        assertEquals(200, subscribed.statusCode(), subscribed.body());
        assertTrue(confirmations.contains("Token=" + confirmToken), "SubscribeURL fetched: " + confirmations);
        String sesEvent = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
                + "\"bouncedRecipients\":[{\"emailAddress\":\"" + run + "-ses@exemple.fr\",\"status\":\"5.1.1\","
                + "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}]},\"mail\":{\"source\":\"nps@acme.example\","
                + "\"commonHeaders\":{\"messageId\":\"" + messageIds.get("ses") + "\"}}}";
        String sesNotification = sns(notification(run + "-n1", sesEvent), certUrl);
        assertAccepted(post("ses", sesNotification, Map.of()), 1);

        // SendGrid: a bounce by smtp-id, signed; the same event again is a replay.
        String sendGridEvents = "[{\"email\":\"" + run + "-sendgrid@exemple.fr\",\"timestamp\":" + Instant.now().getEpochSecond()
                + ",\"smtp-id\":\"" + messageIds.get("sendgrid") + "\",\"event\":\"bounce\",\"type\":\"bounce\",\"status\":\"5.1.1\","
                + "\"reason\":\"550 5.1.1 no such user\",\"sg_event_id\":\"sg-" + run + "\"},"
                + "{\"email\":\"" + run + "-kept@exemple.fr\",\"event\":\"delivered\",\"sg_event_id\":\"sg2-" + run + "\"}]";
        assertAccepted(post("sendgrid", sendGridEvents, sendGridHeaders(sendGridEvents)), 1);
        HttpResponse<String> replay = post("sendgrid", sendGridEvents, sendGridHeaders(sendGridEvents));
        assertEquals(200, replay.statusCode(), replay.body());
        assertEquals(1, Json.number(Json.object(replay), "duplicates"), replay.body());

        // Mailgun: a complaint by the message-id header (no angle brackets); its token reused is a replay.
        String mailgunEvent = "{\"event\":\"complained\",\"recipient\":\"" + run + "-mailgun@exemple.fr\",\"message\":{\"headers\":"
                + "{\"message-id\":\"" + messageIds.get("mailgun").replaceAll("[<>]", "") + "\"}}}";
        String token = "mg-" + run;
        assertAccepted(post("mailgun", mailgun(token, mailgunEvent), Map.of()), 1);
        String forgedWithTheSameToken = mailgun(token, mailgunEvent.replace("-mailgun@", "-kept@"));
        HttpResponse<String> reused = post("mailgun", forgedWithTheSameToken, Map.of());
        assertEquals(200, reused.statusCode(), reused.body());
        assertEquals(0, Json.number(Json.object(reused), "recorded"), reused.body());

        // Postmark: a hard bounce, by its recipient address.
        String postmarkBounce = "{\"RecordType\":\"Bounce\",\"ID\":" + Math.abs(run.hashCode()) + ",\"Type\":\"HardBounce\","
                + "\"Email\":\"" + run + "-postmark@exemple.fr\",\"Description\":\"Unknown user\",\"Details\":\"550 5.1.1\","
                + "\"BouncedAt\":\"" + Instant.now() + "\"}";
        assertAccepted(post("postmark", postmarkBounce, Map.of("Authorization", basic(POSTMARK))), 1);

        // Refused, in the caller's language, and nothing stored about the kept contact.
        String keptBounce = postmarkBounce.replace("-postmark@", "-kept@");
        HttpResponse<String> wrongPassword = post("postmark", keptBounce, Map.of("Authorization", basic("postmark-it:guess"),
                "Accept-Language", "fr"));
        assertEquals(401, wrongPassword.statusCode(), wrongPassword.body());
        assertTrue(Json.string(Json.object(wrongPassword), "message").contains("mot de passe"), wrongPassword.body());
        HttpResponse<String> tampered = post("ses", sesNotification.replace(run + "-ses@", run + "-kept@"), Map.of());
        assertEquals(403, tampered.statusCode(), tampered.body());
        assertTrue(Json.string(Json.object(tampered), "message").contains("signature"), tampered.body());
        String keptEvents = sendGridEvents.replace("-sendgrid@", "-kept@").replace("sg-", "sg3-");
        Map<String, String> otherBodysSignature = sendGridHeaders(sendGridEvents);
        assertEquals(403, post("sendgrid", keptEvents, otherBodysSignature).statusCode());
        String badMailgun = mailgun("mg2-" + run, mailgunEvent.replace("-mailgun@", "-kept@"))
                .replaceAll("\"signature\":\"[0-9a-f]{64}\"", "\"signature\":\"" + "0".repeat(64) + "\"");
        assertEquals(403, post("mailgun", badMailgun, Map.of()).statusCode());
        // A signed-in session gives no right here: still the provider's credentials or nothing.
        HttpResponse<String> withSession = api.send("POST", "api/esp/postmark", "application/json",
                keptBounce.getBytes(StandardCharsets.UTF_8));
        assertEquals(401, withSession.statusCode(), withSession.body());

        Map<String, JsonObject> suppressed = Json.array(api.get("api/suppressions?size=50&q=" + run)).stream()
                .map(v -> v.asJsonObject()).collect(Collectors.toMap(o -> o.getString("email"), o -> o));
        assertEquals(Map.of(run + "-ses@exemple.fr", "SES", run + "-sendgrid@exemple.fr", "SENDGRID",
                run + "-mailgun@exemple.fr", "MAILGUN", run + "-postmark@exemple.fr", "POSTMARK"),
                suppressed.values().stream().collect(Collectors.toMap(o -> o.getString("email"), o -> o.getString("source"))),
                suppressed.toString());
        assertEquals("BOUNCED", suppressed.get(run + "-ses@exemple.fr").getString("reason"));
        assertEquals("COMPLAINED", suppressed.get(run + "-mailgun@exemple.fr").getString("reason"));
        assertTrue(suppressed.get(run + "-ses@exemple.fr").getString("evidence").contains("user unknown"));
        assertTrue(suppressed.get(run + "-sendgrid@exemple.fr").getString("evidence").contains("sg-" + run));
        assertTrue(suppressed.get(run + "-postmark@exemple.fr").getString("evidence").contains("HardBounce"));
    }

    private HttpResponse<String> post(String provider, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve("api/esp/" + provider))
                .header("Content-Type", provider.equals("ses") ? "text/plain; charset=UTF-8" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAccepted(HttpResponse<String> response, long recorded) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(recorded, Json.number(Json.object(response), "recorded"), response.body());
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> notification(String id, String message) {
        return Map.of("Type", "Notification", "MessageId", id, "TopicArn", TOPIC, "Message", message,
                "Timestamp", Instant.now().toString());
    }

    /** An SNS message signed as AWS documents it (version 2: SHA256withRSA over "name\nvalue\n" in name order). */
    private static String sns(Map<String, String> fields, String certUrl) throws Exception {
        Map<String, String> sorted = new TreeMap<>(fields);
        List<String> signed = "Notification".equals(fields.get("Type"))
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder canonical = new StringBuilder();
        signed.stream().filter(sorted::containsKey).forEach(f -> canonical.append(f).append('\n').append(sorted.get(f)).append('\n'));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(snsKey);
        rsa.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
        sorted.forEach(json::add);
        return json.add("SignatureVersion", "2").add("SigningCertURL", certUrl)
                .add("Signature", Base64.getEncoder().encodeToString(rsa.sign())).build().toString();
    }

    private static Map<String, String> sendGridHeaders(String body) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(SENDGRID_PRIVATE_KEY))));
        ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return Map.of("X-Twilio-Email-Event-Webhook-Timestamp", timestamp,
                "X-Twilio-Email-Event-Webhook-Signature", Base64.getEncoder().encodeToString(ecdsa.sign()));
    }

    private static String mailgun(String token, String eventData) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(MAILGUN_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        return "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\"" + signature
                + "\"},\"event-data\":" + eventData + "}";
    }

    private static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** An RSA key and its self-signed certificate, made by the JDK's keytool (the JDK has no API for it). */
    private static void makeSnsKey() throws Exception {
        Path dir = Files.createTempDirectory("esp-it");
        Path store = dir.resolve("sns.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=sns.it",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor(), "keytool");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        snsKey = (PrivateKey) keyStore.getKey("sns", "changeit".toCharArray());
        certificatePem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(keyStore.getCertificate("sns").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        Files.delete(store);
        Files.delete(dir);
    }
}
