package org.npsloop.campaigns.internal.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.campaigns.internal.SqlDialect;

/**
 * The invitations waiting to be sent, shared by every worker of every instance. A worker claims a
 * batch by writing its name and a lease on each row with a conditional UPDATE: only one worker's
 * update can match a row, so no row is handed out twice, with plain SQL that H2 and PostgreSQL share
 * (no SKIP LOCKED needed). A worker that dies leaves its rows to be claimed again once the lease ends.
 */
public final class DispatchQueue {

    /** What a worker needs to send one invitation. */
    public record Claimed(long invitationId, long campaignId, long surveyId, String email, String firstName,
            String language, String tokenSecret, int attempts) {
    }

    private static final String CLAIMABLE = "((i.status = 'PENDING' AND (i.next_attempt_at IS NULL OR i.next_attempt_at <= ?)) "
            + "OR (i.status = 'CLAIMED' AND i.lease_until < ?))";

    private final Connection connection;

    /** The connection should auto-commit, or be committed by the caller right after each call. */
    public DispatchQueue(Connection connection) {
        this.connection = connection;
    }

    public List<Claimed> claim(String worker, Instant now, Duration lease, int max) throws SQLException {
        OffsetDateTime at = utc(now);
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT i.id FROM invitation i JOIN campaign k "
                + "ON k.id = i.campaign_id WHERE k.status = 'SENDING' AND i.due_at <= ? AND " + CLAIMABLE
                + " ORDER BY i.due_at, i.id FETCH FIRST " + Math.max(1, max) + " ROWS ONLY")) {
            select.setObject(1, at);
            select.setObject(2, at);
            select.setObject(3, at);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getLong(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> won = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE invitation i SET status = 'CLAIMED', "
                + "claimed_by = ?, lease_until = ?, attempts = attempts + 1, version = version + 1 WHERE i.id = ? AND " + CLAIMABLE)) {
            for (long id : candidates) {
                update.setString(1, worker);
                update.setObject(2, utc(now.plus(lease)));
                update.setLong(3, id);
                update.setObject(4, at);
                update.setObject(5, at);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                // SUCCESS_NO_INFO would hide a lost race: drivers used here report real counts.
                if (counts[i] == 1) {
                    won.add(candidates.get(i));
                }
            }
        }
        return details(won, worker);
    }

    private List<Claimed> details(List<Long> ids, String worker) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        if (ids.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT i.id, i.campaign_id, k.survey_id, c.email, "
                + "c.first_name, c.language, i.token_secret, i.attempts FROM invitation i JOIN campaign k ON k.id = i.campaign_id "
                + "JOIN contact c ON c.id = i.contact_id WHERE i.claimed_by = ? AND i.id IN ("
                + SqlDialect.placeholders(ids.size()) + ") ORDER BY i.id")) {
            select.setString(1, worker);
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 2, ids.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8)));
                }
            }
        }
        return claimed;
    }

    /** The server accepted the message: from now on only the token's hash is kept. */
    public boolean markSent(long invitationId, String worker, Instant sentAt) throws SQLException {
        return update("UPDATE invitation SET status = 'SENT', sent_at = ?, token_secret = NULL, claimed_by = NULL, "
                + "lease_until = NULL, last_error = NULL, version = version + 1 WHERE id = ? AND claimed_by = ?",
                utc(sentAt), invitationId, worker);
    }

    /** A temporary failure (SMTP 4xx, connection lost): back in the queue after the back-off. */
    public boolean retryLater(long invitationId, String worker, String error, Instant nextAttempt) throws SQLException {
        return update("UPDATE invitation SET status = 'PENDING', next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
                + "lease_until = NULL, version = version + 1 WHERE id = ? AND claimed_by = ?",
                utc(nextAttempt), truncate(error), invitationId, worker);
    }

    /** A permanent failure (SMTP 5xx, too many attempts): never sent. */
    public boolean fail(long invitationId, String worker, String error) throws SQLException {
        return update("UPDATE invitation SET status = 'FAILED', last_error = ?, claimed_by = NULL, lease_until = NULL, "
                + "version = version + 1 WHERE id = ? AND claimed_by = ?", truncate(error), invitationId, worker);
    }

    private boolean update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate() == 1;
        }
    }

    private static String truncate(String error) {
        return error == null ? null : error.substring(0, Math.min(1000, error.length()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
