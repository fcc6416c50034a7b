package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The webhook end to end on PostgreSQL: an ADMIN configures it through the API, a response row is
 * written with plain JDBC (as any writer might) and then changed, and a small HTTP server in this JVM
 * that refuses the first delivery with a 500 receives both events, the first one after a retry, each
 * signed with the secret and carrying the right score and category. The retry delay is 1 s here
 * ({@code NPS_WEBHOOK_RETRY_INITIAL_SECONDS} in the failsafe configuration).
 *
 * <p>The webhook is installation-wide and the database is shared: other tests' responses (those changed within the
 * scan's look-back) reach the receiver too. The receiver therefore refuses only the first delivery of this test's own
 * response (recognised by the parsed {@code response.id}), every assertion looks at this test's events only, and the
 * webhook's address and on/off state are put back as found.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class WebhookIT extends OnSharedApplication {

    /** One request the receiver got. */
    record Received(String body, String eventId, String eventType, String attempt, String timestamp, String signature,
            int answered, Instant at) {

        /** The parsed body. */
        JsonObject event() {
            return Json.object(body);
        }

        /** The id of the response the event is about, or null when it is about none or is not JSON. */
        Long responseId() {
            try {
                JsonObject event = event();
                return Json.has(event, "response.id") ? Json.number(event, "response.id") : null;
            } catch (AssertionError notJson) {
                return null;
            }
        }
    }


    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private WebClient admin;
    /** The response row this test wrote, removed afterwards (see {@link #stop}). */
    private volatile Long response;
    /** The webhook's settings as this test found them, put back afterwards. */
    private Webhooks.Found found;


    @BeforeEach
    void start() throws IOException {
        int port = Integer.getInteger("it.webhook.port", 8531);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        receiver.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // The first delivery of this test's response is refused, every later one accepted. Other tests'
            // responses on the shared database may reach the receiver too (before or after ours): they are simply
            // accepted. Synchronized: the check and the recording are one step even if deliveries came in parallel.
            var h = exchange.getRequestHeaders();
            int status;
            synchronized (received) {
                Received got = new Received(body, h.getFirst("X-NPS-Event-Id"), h.getFirst("X-NPS-Event"),
                        h.getFirst("X-NPS-Delivery-Attempt"), h.getFirst("X-NPS-Timestamp"), h.getFirst("X-NPS-Signature"), 0, Instant.now());
                boolean first = isOurs(got) && received.stream().noneMatch(this::isOurs);
                status = first ? 500 : 200;
                received.add(new Received(got.body(), got.eventId(), got.eventType(), got.attempt(), got.timestamp(), got.signature(),
                        status, got.at()));
            }
            byte[] answer = (status == 200 ? "ok" : "try again").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
    }

    @AfterEach
    void stop() {
        if (found != null) {
            // Off, so that later tests on this database send nothing to a receiver that is gone; then as found.
            found.putBack();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        // The other container tests expect no responses of ours: the dashboard, for one, shows the NPS once any exist.
        if (response != null) {
            try (Connection db = database(); PreparedStatement delete = db.prepareStatement("DELETE FROM response WHERE id = ?")) {
                delete.setLong(1, response);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void newAndChangedResponsesAreSignedDeliveredAndRetried() throws Exception {
        String run = Deployments.unique("webhook");
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + run;

        // Only an ADMIN may see or change it; a bad address is refused, naming the field: a name that does not
        // resolve (.invalid never does), plain http to a host not allowed by NPS_OUTBOUND_ALLOWED (whether or not
        // this machine can resolve it), another scheme, no address. (SecurityIT: the internal addresses refused.)
        WebClient marketer = AudienceApi.marketer(base);
        assertEquals(403, marketer.get("api/webhook").statusCode());
        for (String bad : new String[] {"https://crm.example.invalid/hook", "http://crm.example.com/hook", "ftp://127.0.0.1/x",
            "not an address"}) {
            HttpResponse<String> refused = admin.sendJson("PUT", "api/webhook", "{\"url\":\"" + bad + "\",\"enabled\":true}");
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertEquals(List.of("url"), Json.refusedFields(refused), refused.body());
        }
        HttpResponse<String> unresolvable = admin.sendJson("PUT", "api/webhook",
                "{\"url\":\"https://crm.example.invalid/hook\",\"enabled\":true}");
        assertTrue(Json.refusal(unresolvable, "url").contains("crm.example.invalid cannot be resolved"), unresolvable.body());
        // Switched off first, so that switching it on starts the scan from now (see Webhooks).
        found = Webhooks.pointAt(admin, hook, true);
        HttpResponse<String> enabled = found.enabled();
        JsonObject saved = Json.object(enabled);
        String secret = Json.string(saved, "secret");
        assertTrue(secret.startsWith("whsec_"), saved.toString());
        assertEquals(hook, Json.string(saved, "url"), saved.toString());
        assertTrue(Json.bool(saved, "enabled"), saved.toString());
        String shown = admin.get("api/webhook").body();
        JsonObject settings = Json.object(shown);
        assertTrue(Json.bool(settings, "enabled"), shown);
        assertEquals(hook, Json.string(settings, "url"), shown);
        assertFalse(Json.has(settings, "secret") || shown.contains(secret), "the secret is shown once only: " + shown);
        assertTrue(Json.string(settings, "secretHint").endsWith(secret.substring(secret.length() - 4)),
                "its last characters as a hint: " + shown);

        // A campaign and a contact through the API, then a response written straight into the table.
        String email = run + "@exemple.fr";
        long contact = Long.parseLong(AudienceApi.id(marketer.sendJson("POST", "api/contacts",
                "{\"email\":\"" + email + "\",\"language\":\"FR\"}")));
        String survey = CampaignApi.survey(marketer, run);
        String list = AudienceApi.id(marketer.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        long campaign = Long.parseLong(AudienceApi.id(marketer.sendJson("POST", "api/campaigns",
                "{\"name\":\"" + run + "\",\"surveyId\":" + survey + ",\"listId\":" + list + "}")));
        try (Connection db = database()) {
            response = nextResponseId(db);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO response (id, contact_id, campaign_id, score, "
                    + "comment_text, contact_consent, channel, responded_at, updated_at, version) VALUES (?, ?, ?, 9, ?, TRUE, 'PHONE', ?, ?, 1)")) {
                var now = Instant.now().atOffset(ZoneOffset.UTC);
                insert.setLong(1, response);
                insert.setLong(2, contact);
                insert.setLong(3, campaign);
                insert.setString(4, "Tr\u00e8s bien \"vraiment\"");
                insert.setObject(5, now);
                insert.setObject(6, now);
                insert.executeUpdate();
            }
        }
        awaitOurs(1, Duration.ofSeconds(30));

        // Changed while its first delivery waits for the retry: the change goes out after it, in order.
        try (Connection db = database(); PreparedStatement update = db.prepareStatement(
                "UPDATE response SET score = 4, updated_at = ?, version = version + 1 WHERE id = ?")) {
            update.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
            update.setLong(2, response);
            assertEquals(1, update.executeUpdate());
        }
        List<Received> deliveries = awaitOurs(3, Duration.ofSeconds(60));
        assertEquals(3, deliveries.size(), "created (500, then 200 on the retry), then updated: " + deliveries);

        Received refused = deliveries.get(0);
        Received retried = deliveries.get(1);
        Received changed = deliveries.get(2);
        assertEquals(500, refused.answered());
        assertEquals(List.of("1", "2", "1"), List.of(refused.attempt(), retried.attempt(), changed.attempt()));
        assertEquals(refused.eventId(), retried.eventId(), "the same event id on every attempt, for idempotent receivers");
        assertEquals(refused.body(), retried.body());
        assertFalse(changed.eventId().equals(retried.eventId()));
        assertTrue(Duration.between(refused.at(), retried.at()).toMillis() >= 900, "retried after the back-off delay");

        for (Received r : deliveries) {
            assertEquals("sha256=" + hmac(secret, r.timestamp() + "." + r.body()), r.signature(), "signature of " + r.body());
            assertTrue(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond()) < 300, r.timestamp());
            JsonObject event = r.event();
            assertEquals(r.eventId(), Json.string(event, "id"), r.body());
            assertEquals(r.eventType(), Json.string(event, "type"), r.body());
            assertEquals(email, Json.string(event, "response.contactEmail"), r.body());
            assertEquals(campaign, Json.number(event, "response.campaignId"), r.body());
            assertEquals(contact, Json.number(event, "response.contactId"), r.body());
            assertEquals("PHONE", Json.string(event, "response.channel"), r.body());
            assertTrue(Json.isNull(event, "response.invitationId"), r.body());
            assertFalse(Json.bool(event, "response.flagged"), r.body());
            assertTrue(Json.bool(event, "response.contactConsent"), r.body());
        }
        JsonObject created = retried.event();
        assertEquals("response.created", retried.eventType());
        assertEquals(9, Json.number(created, "response.score"), retried.body());
        assertEquals("promoter", Json.string(created, "response.category"), retried.body());
        assertEquals(1, Json.number(created, "response.version"), retried.body());
        assertEquals("Tr\u00e8s bien \"vraiment\"", Json.string(created, "response.comment"), retried.body());
        JsonObject updated = changed.event();
        assertEquals("response.updated", changed.eventType());
        assertEquals(4, Json.number(updated, "response.score"), changed.body());
        assertEquals("detractor", Json.string(updated, "response.category"), changed.body());
        assertEquals(2, Json.number(updated, "response.version"), changed.body());
        assertEquals("Tr\u00e8s bien \"vraiment\"", Json.string(updated, "response.comment"), changed.body());

        // The delivery log tells the same story (this test's two events only: the log holds every test's).
        String log = admin.get("api/webhook/deliveries?size=1000").body();
        JsonObject first = Json.only(Json.array(log), "", "eventId", retried.eventId());
        assertEquals(List.of("DELIVERED", 2L, 200L, response, 1L), List.of(Json.string(first, "status"), Json.number(first, "attempts"),
                Json.number(first, "lastStatus"), Json.number(first, "responseId"), Json.number(first, "responseVersion")), first.toString());
        JsonObject second = Json.only(Json.array(log), "", "eventId", changed.eventId());
        assertEquals(List.of("DELIVERED", 1L, 200L, response, 2L), List.of(Json.string(second, "status"), Json.number(second, "attempts"),
                Json.number(second, "lastStatus"), Json.number(second, "responseId"), Json.number(second, "responseVersion")), second.toString());
        assertEquals(403, marketer.get("api/webhook/deliveries").statusCode());

        // The settings page shows the same: the address, the secret's hint only, the deliveries.
        String page = admin.get("admin/settings.xhtml").body();
        assertTrue(page.contains(hook) && page.contains(secret.substring(secret.length() - 4)) && !page.contains(secret)
                && page.contains(retried.eventId()), page);
    }

    /** Whether a delivery is about this test's response (by the parsed {@code response.id}, not by its text). */
    private boolean isOurs(Received delivery) {
        Long ours = response;
        return ours != null && ours.equals(delivery.responseId());
    }

    /** The deliveries about this test's response, once there are {@code count} or the time is up. */
    private List<Received> awaitOurs(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<Received> ours = received.stream().filter(this::isOurs).toList();
        while (ours.size() < count && System.nanoTime() < end) {
            Thread.sleep(100);
            ours = received.stream().filter(this::isOurs).toList();
        }
        // A moment more, to see that nothing is delivered twice.
        Thread.sleep(1500);
        return received.stream().filter(this::isOurs).toList();
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", "postgres"));
    }

    /** An id from the same sequence as the application's, used as EclipseLink would (value V stands for V-49..V). */
    private static long nextResponseId(Connection db) throws SQLException {
        try (PreparedStatement next = db.prepareStatement("SELECT nextval('response_seq')"); ResultSet rs = next.executeQuery()) {
            rs.next();
            return rs.getLong(1) - 49;
        }
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
