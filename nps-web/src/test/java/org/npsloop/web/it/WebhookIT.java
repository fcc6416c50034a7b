package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
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
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class WebhookIT extends OnSharedApplication {

    private static final Pattern SECRET = Pattern.compile("\"secret\":\"(whsec_[^\"]+)\"");

    /** One request the receiver got. */
    record Received(String body, String eventId, String eventType, String attempt, String timestamp, String signature,
            int answered, Instant at) {
    }


    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private WebClient admin;
    /** The response row this test wrote, removed afterwards (see {@link #stop}). */
    private volatile Long response;


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
            // responses on the shared database may reach the receiver too: they are simply accepted.
            boolean ours = response != null && body.contains(ourResponse());
            boolean first = received.stream().noneMatch(r -> r.body().contains(ourResponse()));
            int status = ours && first ? 500 : 200;
            var h = exchange.getRequestHeaders();
            received.add(new Received(body, h.getFirst("X-NPS-Event-Id"), h.getFirst("X-NPS-Event"), h.getFirst("X-NPS-Delivery-Attempt"),
                    h.getFirst("X-NPS-Timestamp"), h.getFirst("X-NPS-Signature"), status, Instant.now()));
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
        if (admin != null) {
            // Off again, so that later tests on this database send nothing to a receiver that is gone.
            admin.sendJson("PUT", "api/webhook", "{\"enabled\":false}");
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
            assertTrue(refused.body().contains("\"field\":\"url\""), refused.body());
        }
        assertTrue(admin.sendJson("PUT", "api/webhook", "{\"url\":\"https://crm.example.invalid/hook\",\"enabled\":true}").body()
                .contains("crm.example.invalid cannot be resolved"));
        HttpResponse<String> enabled = admin.sendJson("PUT", "api/webhook",
                "{\"url\":\"" + hook + "\",\"enabled\":true,\"regenerateSecret\":true}");
        assertEquals(200, enabled.statusCode(), enabled.body());
        String secret = match(SECRET, enabled.body());
        String shown = admin.get("api/webhook").body();
        assertTrue(shown.contains("\"enabled\":true") && shown.contains(hook), shown);
        assertFalse(shown.contains(secret), "the secret is shown once only: " + shown);
        assertTrue(shown.contains(secret.substring(secret.length() - 4)), "its last characters as a hint: " + shown);

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
        String ours = ourResponse();
        awaitReceived(r -> r.body().contains(ours), 1, Duration.ofSeconds(30));

        // Changed while its first delivery waits for the retry: the change goes out after it, in order.
        try (Connection db = database(); PreparedStatement update = db.prepareStatement(
                "UPDATE response SET score = 4, updated_at = ?, version = version + 1 WHERE id = ?")) {
            update.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
            update.setLong(2, response);
            assertEquals(1, update.executeUpdate());
        }
        List<Received> deliveries = awaitReceived(r -> r.body().contains(ours), 3, Duration.ofSeconds(60));
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
            assertTrue(r.body().contains("\"id\":\"" + r.eventId() + "\""), r.body());
            assertTrue(r.body().contains("\"contactEmail\":\"" + email + "\"") && r.body().contains("\"campaignId\":" + campaign)
                    && r.body().contains("\"contactId\":" + contact) && r.body().contains("\"channel\":\"PHONE\"")
                    && r.body().contains("\"invitationId\":null") && r.body().contains("\"flagged\":false")
                    && r.body().contains("\"contactConsent\":true"), r.body());
        }
        assertEquals("response.created", retried.eventType());
        assertTrue(retried.body().contains("\"type\":\"response.created\"") && retried.body().contains("\"score\":9,")
                && retried.body().contains("\"category\":\"promoter\"") && retried.body().contains("\"version\":1,")
                && retried.body().contains("\"comment\":\"Tr\u00e8s bien \\\"vraiment\\\"\""), retried.body());
        assertEquals("response.updated", changed.eventType());
        assertTrue(changed.body().contains("\"type\":\"response.updated\"") && changed.body().contains("\"score\":4,")
                && changed.body().contains("\"category\":\"detractor\"") && changed.body().contains("\"version\":2,"), changed.body());

        // The delivery log tells the same story.
        String log = admin.get("api/webhook/deliveries?size=200").body();
        assertTrue(log.contains("\"eventId\":\"" + retried.eventId() + "\""), log);
        Matcher first = Pattern.compile("\\{[^{}]*\"eventId\":\"" + retried.eventId() + "\"[^{}]*\\}").matcher(log);
        assertTrue(first.find(), log);
        assertTrue(first.group().contains("\"status\":\"DELIVERED\"") && first.group().contains("\"attempts\":2")
                && first.group().contains("\"lastStatus\":200"), first.group());
        assertEquals(403, marketer.get("api/webhook/deliveries").statusCode());

        // The settings page shows the same: the address, the secret's hint only, the deliveries.
        String page = admin.get("admin/settings.xhtml").body();
        assertTrue(page.contains(hook) && page.contains(secret.substring(secret.length() - 4)) && !page.contains(secret)
                && page.contains(retried.eventId()), page);
    }

    private String ourResponse() {
        return "\"response\":{\"id\":" + response + ",";
    }

    private List<Received> awaitReceived(Predicate<Received> which, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<Received> ours = received.stream().filter(which).toList();
        while (ours.size() < count && System.nanoTime() < end) {
            Thread.sleep(100);
            ours = received.stream().filter(which).toList();
        }
        // A moment more, to see that nothing is delivered twice.
        Thread.sleep(1500);
        return received.stream().filter(which).toList();
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

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), "no " + pattern + " in " + text);
        return m.group(1);
    }
}
