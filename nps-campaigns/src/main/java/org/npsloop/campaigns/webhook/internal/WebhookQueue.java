package org.npsloop.campaigns.webhook.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.npsloop.campaigns.webhook.internal.WebhookPayload.ResponseRow;
import org.npsloop.platform.answers.StoredAnswers;
import org.npsloop.platform.feed.ResponseFeed;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;

/**
 * The webhook's database side, in plain SQL that H2 and PostgreSQL share, on an auto-committing
 * connection (each statement is its own short transaction).
 *
 * <p>Detection reads the response table itself, so every writer (respondent pages, phone entry, any
 * future one) is covered without calling this code. The endpoint row keeps a scan position over
 * {@code response.updated_at}; each scan looks again at the last {@code lag} before it, because a
 * transaction that set an earlier updated_at may commit after one that set a later one, and skips
 * every (response id, version) already recorded. The unique constraint on that pair makes two
 * instances scanning at once record each version once.
 *
 * <p>Deliveries are claimed like invitations: a conditional UPDATE writes the worker's name and a
 * lease, so only one worker can win a row; a worker that dies leaves it to others once the lease ends.
 * Versions of one response are delivered in order: a later one waits while an earlier one is pending.
 */
public final class WebhookQueue {

    /** The single endpoint row. */
    public record Endpoint(String url, String secret, boolean enabled, Instant scannedTo) {
    }

    /** A delivery a worker won: what to send, and the attempt it is (1 for the first). */
    public record Claimed(long id, String eventId, String eventType, String payload, int attempt) {
    }

    static final long ENDPOINT_ID = 1;
    private static final String CLAIMABLE = "((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'CLAIMED' AND lease_until < ?))";
    private static final String UNIQUE_VIOLATION = "23505";
    /** New and changed responses without a delivery for their version; the position is the endpoint's scanned_to. */
    private static final ResponseFeed FEED = new ResponseFeed(
            new ResponseFeed.Position("webhook_endpoint", "scanned_to", "id = " + ENDPOINT_ID),
            "r.id, r.version, r.score, r.comment_text, r.contact_consent, r.channel, r.flagged, r.campaign_id, "
                    + "r.invitation_id, r.contact_id, c.email, r.responded_at, r.updated_at, "
                    + "CASE WHEN EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.response_id = r.id) THEN 1 ELSE 0 END",
            "LEFT JOIN contact c ON c.id = r.contact_id",
            "NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.response_id = r.id AND d.response_version = r.version)");

    private final Connection connection;

    public WebhookQueue(Connection connection) {
        this.connection = connection;
    }

    public Optional<Endpoint> endpoint() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT url, secret, enabled, scanned_to FROM webhook_endpoint WHERE id = ?")) {
            select.setLong(1, ENDPOINT_ID);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Endpoint(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        Jdbc.instant(rs, 4))) : Optional.empty();
            }
        }
    }

    /**
     * Records an event for each response row changed since the scan position (minus the lag) whose
     * version has none yet, at most {@code max} of them, and moves the scan position forward.
     *
     * @return how many events were recorded (fewer than found when another instance recorded some first)
     */
    public int scan(Duration lag, Instant now, int max) throws SQLException {
        ResponseFeed.Batch<Changed> batch = FEED.next(connection, lag, now, max, WebhookQueue::changed);
        List<Changed> rows = batch.rows();
        int recorded = 0;
        if (!rows.isEmpty()) {
            Deque<Long> ids = SqlDialect.of(connection).allocateIds(connection, "webhook_delivery_seq", rows.size());
            // The additional answers as they are now: a change of one touches the response, so it gets its own event.
            Map<Long, List<StoredAnswers.Row>> answers = StoredAnswers.of(connection,
                    rows.stream().map(changed -> changed.row().id()).toList());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_delivery (id, event_id, "
                    + "event_type, response_id, response_version, payload, status, attempts, next_attempt_at, created_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, 1)")) {
                for (Changed changed : rows) {
                    ResponseRow row = changed.row();
                    String eventId = UUID.randomUUID().toString();
                    // The first event a receiver gets for a response is "created", later ones "updated".
                    String type = changed.seenBefore() ? WebhookPayload.UPDATED : WebhookPayload.CREATED;
                    Jdbc.bind(insert, ids.pop(), eventId, type, row.id(), row.version(),
                            WebhookPayload.json(eventId, type, now, row, answers.getOrDefault(row.id(), List.of())), now, now);
                    try {
                        recorded += insert.executeUpdate();
                    } catch (SQLException e) {
                        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                            throw e;
                        }
                        // Another instance recorded this version a moment ago.
                    }
                }
            }
        }
        FEED.advance(connection, batch, now);
        return recorded;
    }

    /** A response version to record, and whether its response had an event before (then it is "updated"). */
    private record Changed(ResponseRow row, boolean seenBefore) {
    }

    private static Changed changed(ResultSet rs) throws SQLException {
        return new Changed(new ResponseRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5),
                rs.getString(6), rs.getBoolean(7), Jdbc.nullableLong(rs, 8), Jdbc.nullableLong(rs, 9), Jdbc.nullableLong(rs, 10),
                rs.getString(11), Jdbc.instant(rs, 12), Jdbc.instant(rs, 13)), rs.getInt(14) == 1);
    }

    /**
     * Claims the oldest due delivery, if any. Another worker may win each candidate between the
     * SELECT and the UPDATE: then it looks again, a few times.
     */
    public Optional<Claimed> claim(String worker, Instant now, Duration lease) throws SQLException {
        for (int round = 0; round < 5; round++) {
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT d.id FROM webhook_delivery d WHERE "
                    + "((d.status = 'PENDING' AND d.next_attempt_at <= ?) OR (d.status = 'CLAIMED' AND d.lease_until < ?)) "
                    + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.response_id = d.response_id "
                    + "AND e.response_version < d.response_version AND e.status IN ('PENDING', 'CLAIMED')) "
                    + "ORDER BY d.next_attempt_at, d.id FETCH FIRST 5 ROWS ONLY")) {
                Jdbc.bind(select, now, now);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (long id : candidates) {
                if (update("UPDATE webhook_delivery SET status = 'CLAIMED', claimed_by = ?, lease_until = ?, "
                        + "attempts = attempts + 1, version = version + 1 WHERE id = ? AND " + CLAIMABLE,
                        worker, now.plus(lease), id, now, now)) {
                    return details(id, worker);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Claimed> details(long id, String worker) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, event_id, event_type, payload, attempts "
                + "FROM webhook_delivery WHERE id = ? AND claimed_by = ?")) {
            select.setLong(1, id);
            select.setString(2, worker);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))) : Optional.empty();
            }
        }
    }

    public boolean markDelivered(long id, String worker, int httpStatus, Instant at) throws SQLException {
        return update("UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = ?, last_status = ?, last_error = NULL, "
                + "claimed_by = NULL, lease_until = NULL, version = version + 1 WHERE id = ? AND claimed_by = ?",
                at, httpStatus, id, worker);
    }

    /** A failed attempt with attempts left: pending again from {@code nextAttempt}, the error kept. */
    public boolean retryLater(long id, String worker, Integer httpStatus, String error, Instant nextAttempt) throws SQLException {
        return update("UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?, last_status = ?, last_error = ?, "
                + "claimed_by = NULL, lease_until = NULL, version = version + 1 WHERE id = ? AND claimed_by = ?",
                nextAttempt, httpStatus, truncate(error), id, worker);
    }

    /** The last attempt failed: given up, the last error kept. */
    public boolean fail(long id, String worker, Integer httpStatus, String error) throws SQLException {
        return update("UPDATE webhook_delivery SET status = 'FAILED', last_status = ?, last_error = ?, claimed_by = NULL, "
                + "lease_until = NULL, version = version + 1 WHERE id = ? AND claimed_by = ?",
                httpStatus, truncate(error), id, worker);
    }

    /** Deletes finished deliveries created before {@code before}; pending ones stay whatever their age. */
    public int purge(Instant before) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM webhook_delivery WHERE status IN ('DELIVERED', 'FAILED') AND created_at < ?",
                before);
    }

    private boolean update(String sql, Object... parameters) throws SQLException {
        return Jdbc.update(connection, sql, parameters) == 1;
    }

    private static String truncate(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        return text.substring(0, Math.min(1000, text.length()));
    }
}
