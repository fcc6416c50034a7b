package org.npsloop.campaigns.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.webhook.internal.WebhookQueue.Claimed;
import org.npsloop.platform.MigratedDatabaseTest;

/**
 * Detection and the delivery queue against a real database with the real migrations (V7 included):
 * H2 here, PostgreSQL in {@link WebhookQueuePostgreSqlTest}.
 */
class WebhookQueueTest extends MigratedDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration LAG = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofSeconds(60);

    @BeforeEach
    void database() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO contact (id, email, language, status, created_at, updated_at, version) "
                    + "VALUES (1, 'zoe@exemple.fr', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO webhook_endpoint (id, url, secret, enabled, scanned_to, updated_at, version) "
                    + "VALUES (1, 'http://localhost/x', 'whsec_x', TRUE, TIMESTAMP WITH TIME ZONE '2026-11-22 10:00:00+00', CURRENT_TIMESTAMP, 1)");
        }
    }

    /** Writes a response row as any writer would: inserted, or changed with a new version and updated_at. */
    private static void response(Statement s, long id, int score, long version, Instant updatedAt) throws SQLException {
        String at = "TIMESTAMP WITH TIME ZONE '" + updatedAt.toString().replace('T', ' ').replace("Z", "+00") + "'";
        if (s.executeUpdate("UPDATE response SET score = " + score + ", version = " + version + ", updated_at = " + at
                + " WHERE id = " + id) == 0) {
            s.execute("INSERT INTO response (id, contact_id, score, comment_text, contact_consent, channel, responded_at, updated_at, version) "
                    + "VALUES (" + id + ", 1, " + score + ", 'Bien', TRUE, 'EMAIL', TIMESTAMP WITH TIME ZONE '2026-11-22 10:00:00+00', "
                    + at + ", " + version + ")");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anEventCarriesItsResponsesAdditionalAnswersEachInTheSurveysOrder() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) "
                    + "VALUES (1, 'S', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO survey_question (id, survey_id, position, kind, rating_scale, touchpoint_id, text_en, text_fr, "
                    + "created_at, updated_at) VALUES (12, 1, 2, 'MULTIPLE_CHOICE', NULL, NULL, 'Valued?', 'Appr\u00e9ci\u00e9 ?', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), (11, 1, 1, 'TOUCHPOINT_RATING', 'ONE_TO_FIVE', 4, 'How was the delivery?', "
                    + "'Et la livraison ?', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO survey_question_choice (question_id, position, code, label_en, label_fr) VALUES "
                    + "(12, 0, 'C2', 'Staff', '\u00c9quipe'), (12, 1, 'C1', 'Price', 'Prix'), (12, 2, 'C3', 'Speed', 'Rapidit\u00e9')");
            response(s, 100, 9, 1, T0.plusSeconds(10));
            s.execute("INSERT INTO response_answer (id, response_id, question_id, rating, answered_at, updated_at) VALUES "
                    + "(1, 100, 12, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), (2, 100, 11, 4, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO response_answer_choice (answer_id, choice_code) VALUES (1, 'C3'), (1, 'C2')");

            assertEquals(1, new WebhookQueue(c).scan(LAG, T0.plusSeconds(11), 200));

            JsonObject r = Json.createReader(new StringReader(string(c, "SELECT payload FROM webhook_delivery WHERE response_id = 100")))
                    .readObject().getJsonObject("response");
            assertEquals(Json.createReader(new StringReader("[{\"questionId\":11,\"kind\":\"TOUCHPOINT_RATING\",\"touchpoint\":\"DELIVERY\","
                    + "\"text\":\"How was the delivery?\",\"value\":4},{\"questionId\":12,\"kind\":\"MULTIPLE_CHOICE\",\"touchpoint\":null,"
                    + "\"text\":\"Valued?\",\"value\":[\"C2\",\"C3\"]}]")).readArray(), r.getJsonArray("answers"));
        }
    }

    @Test
    void eachVersionIsRecordedOnceAndALateCommitWithinTheLagIsStillSeen() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            WebhookQueue queue = new WebhookQueue(c);
            response(s, 100, 9, 1, T0.plusSeconds(10));
            assertEquals(1, queue.scan(LAG, T0.plusSeconds(11), 200));
            assertEquals(T0.plusSeconds(10), queue.endpoint().orElseThrow().scannedTo());
            assertEquals(0, queue.scan(LAG, T0.plusSeconds(12), 200), "nothing new: nothing recorded twice");

            // Committed late: its updated_at is before the scan position, but within the lag.
            response(s, 101, 3, 1, T0.plusSeconds(5));
            // Changed: a new version of the first response.
            response(s, 100, 6, 2, T0.plusSeconds(20));
            assertEquals(2, queue.scan(LAG, T0.plusSeconds(21), 200));
            assertEquals(3, count(c, "SELECT COUNT(*) FROM webhook_delivery"));
            assertEquals("response.updated", string(c, "SELECT event_type FROM webhook_delivery WHERE response_id = 100 AND response_version = 2"));
            assertEquals("response.created", string(c, "SELECT event_type FROM webhook_delivery WHERE response_id = 101"));

            JsonObject payload = Json.createReader(new StringReader(string(c,
                    "SELECT payload FROM webhook_delivery WHERE response_id = 100 AND response_version = 2"))).readObject();
            JsonObject r = payload.getJsonObject("response");
            assertEquals("response.updated", payload.getString("type"));
            assertEquals(6, r.getInt("score"));
            assertEquals("detractor", r.getString("category"));
            assertEquals("zoe@exemple.fr", r.getString("contactEmail"));
            assertEquals(2, r.getInt("version"));
            assertTrue(r.isNull("campaignId") && r.isNull("invitationId"));

            // Older than the lag behind the scan position: missed, by design (and documented).
            response(s, 102, 10, 1, T0.minusSeconds(60));
            assertEquals(0, queue.scan(LAG, T0.plusSeconds(22), 200));
        }
    }

    @Test
    void aDeliveryIsClaimedByOneWorkerVersionsGoInOrderAndFailuresAreRetriedThenGivenUp() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            WebhookQueue queue = new WebhookQueue(c);
            response(s, 100, 9, 1, T0.plusSeconds(1));
            queue.scan(LAG, T0.plusSeconds(2), 200);
            response(s, 100, 10, 2, T0.plusSeconds(3));
            queue.scan(LAG, T0.plusSeconds(4), 200);

            Instant now = T0.plusSeconds(5);
            Claimed first = queue.claim("a", now, LEASE).orElseThrow();
            assertEquals(1, first.attempt());
            assertEquals("response.created", first.eventType());
            assertEquals(Optional.empty(), queue.claim("b", now, LEASE), "version 2 waits for version 1, which is a's");

            assertTrue(queue.retryLater(first.id(), "a", 500, "HTTP 500", now.plusSeconds(30)));
            assertFalse(queue.markDelivered(first.id(), "a", 200, now), "no longer a's");
            assertEquals(Optional.empty(), queue.claim("b", now.plusSeconds(10), LEASE), "waiting for its retry, and version 2 behind it");

            Claimed again = queue.claim("b", now.plusSeconds(31), LEASE).orElseThrow();
            assertEquals(first.eventId(), again.eventId(), "the same event id on every attempt");
            assertEquals(2, again.attempt());
            assertTrue(queue.markDelivered(again.id(), "b", 204, now.plusSeconds(31)));
            assertEquals("DELIVERED", string(c, "SELECT status FROM webhook_delivery WHERE id = " + again.id()));

            Claimed second = queue.claim("a", now.plusSeconds(32), LEASE).orElseThrow();
            assertEquals("response.updated", second.eventType());
            // The worker dies: once the lease ends, another takes the delivery over.
            assertEquals(Optional.empty(), queue.claim("b", now.plusSeconds(33), LEASE));
            Claimed takenOver = queue.claim("b", now.plusSeconds(32).plus(LEASE).plusSeconds(1), LEASE).orElseThrow();
            assertEquals(second.id(), takenOver.id());
            assertTrue(queue.fail(takenOver.id(), "b", null, "ConnectException: refused"));
            assertEquals("FAILED", string(c, "SELECT status FROM webhook_delivery WHERE id = " + second.id()));
            assertEquals("ConnectException: refused", string(c, "SELECT last_error FROM webhook_delivery WHERE id = " + second.id()));
            assertEquals(2, count(c, "SELECT attempts FROM webhook_delivery WHERE id = " + second.id()));

            assertEquals(0, queue.purge(T0.plusSeconds(2)), "recorded at T0+2 and T0+4: not older than T0+2");
            assertEquals(2, queue.purge(T0.plusSeconds(5)), "both finished deliveries are purged");
        }
    }

    @Test
    void concurrentScansRecordEachVersionOnceAndConcurrentWorkersDeliverEachEventOnce() throws Exception {
        int responses = 60;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < responses; i++) {
                response(s, 1000 + i, i % 11, 1, T0.plusMillis(10L * i + 1));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> scans = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                scans.add(pool.submit(() -> {
                    try (Connection c = connect()) {
                        return new WebhookQueue(c).scan(LAG, T0.plusSeconds(5), 200);
                    }
                }));
            }
            int recorded = 0;
            for (Future<Integer> scan : scans) {
                recorded += scan.get();
            }
            assertEquals(responses, recorded, "recorded once in all, whoever recorded each");
            List<Future<List<String>>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String worker = "w" + i;
                workers.add(pool.submit(() -> {
                    List<String> sent = new ArrayList<>();
                    try (Connection c = connect()) {
                        WebhookQueue queue = new WebhookQueue(c);
                        for (Optional<Claimed> next = queue.claim(worker, T0.plusSeconds(6), LEASE); next.isPresent();
                                next = queue.claim(worker, T0.plusSeconds(6), LEASE)) {
                            sent.add(next.get().eventId());
                            assertTrue(queue.markDelivered(next.get().id(), worker, 200, T0.plusSeconds(6)));
                        }
                    }
                    return sent;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> worker : workers) {
                all.addAll(worker.get());
            }
            assertEquals(responses, all.size(), "every event sent");
            assertEquals(responses, new HashSet<>(all).size(), "none twice");
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = connect()) {
            assertEquals(responses, count(c, "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'DELIVERED' AND attempts = 1"));
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
