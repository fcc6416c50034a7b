package org.npsloop.campaigns.campaign.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;

/**
 * The invitations waiting to be sent, shared by every worker of every instance. A worker claims a
 * batch by writing its name and a lease on each row with a conditional UPDATE: only one worker's
 * update can match a row, so no row is handed out twice, with plain SQL that H2 and PostgreSQL share
 * (no SKIP LOCKED needed). A worker that dies leaves its rows to be claimed again once the lease ends.
 *
 * <p>A claimed row keeps its status PENDING: the claim writes only columns that no index holds
 * ({@code claimed_by}, {@code lease_until}, {@code attempts}, {@code version}), so that PostgreSQL
 * updates it in place (a HOT update, with the free space V30_1 leaves in each page) instead of adding
 * an entry to each of the table's indexes. Before, status CLAIMED made every claim write 8 index
 * entries. Rows that an older version marked CLAIMED are still claimed back when their lease ends.
 */
public final class DispatchQueue {

    /** What a worker needs to send one invitation. */
    public record Claimed(long invitationId, long campaignId, long surveyId, String email, String firstName,
            String language, String tokenSecret, int attempts, int reminder) {
    }

    /** Not leased, or its lease ended. */
    private static final String FREE = "(i.lease_until IS NULL OR i.lease_until < ?)";
    private static final String CLAIMABLE = "((i.status = 'PENDING' AND (i.next_attempt_at IS NULL OR i.next_attempt_at <= ?) AND "
            + FREE + ") OR (i.status = 'CLAIMED' AND i.lease_until < ?))";

    /**
     * The status a person sees (SQL on {@code invitation i}): CLAIMED while a worker holds the row, as before claims
     * kept the status PENDING.
     */
    static final String SHOWN_STATUS = "(CASE WHEN i.status = 'PENDING' AND i.claimed_by IS NOT NULL THEN 'CLAIMED' ELSE i.status END)";

    /** How many times a worker that lost every candidate of a claim looks again. */
    private static final int CLAIM_ROUNDS = 10;

    private final Connection connection;

    /** The connection should auto-commit, or be committed by the caller right after each call. */
    public DispatchQueue(Connection connection) {
        this.connection = connection;
    }

    /**
     * Claims up to {@code max} due invitations. Another worker (a thread of this instance or of
     * another) may win every candidate between the SELECT and the UPDATE: then it looks again, a few
     * times, so that losing a race is not taken for an empty queue, which would end the drain early.
     */
    public List<Claimed> claim(String worker, Instant now, Duration lease, int max) throws SQLException {
        return claim(worker, now, lease, max, 0, 1);
    }

    /**
     * Claims from one slice of the queue only, the invitations whose {@code id % slices == slice}: the
     * sending threads of an instance each take their own slice, so that they do not all race for the
     * same first rows (the losers waited on the winner's row locks, then found nothing). Slices only
     * spread the work; the conditional UPDATE still decides who gets a row.
     */
    public List<Claimed> claim(String worker, Instant now, Duration lease, int max, int slice, int slices)
            throws SQLException {
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            List<Long> candidates = candidates(now, max, slice, slices);
            if (candidates.isEmpty()) {
                return List.of();
            }
            List<Long> won = win(candidates, worker, now, lease);
            if (!won.isEmpty()) {
                return details(won, worker);
            }
        }
        return List.of();
    }

    /**
     * The first {@code max} claimable rows by due time: waiting ones and those whose lease ended, in
     * two queries rather than one with an OR, so that each reads the (status, due_at) index in order
     * and stops after {@code max} rows. One query sorted every waiting row at each claim: 30-40 ms of
     * database time per claim with 100,000 invitations waiting.
     */
    private List<Long> candidates(Instant now, int max, int slice, int slices) throws SQLException {
        OffsetDateTime at = Jdbc.utc(now);
        String due = "SELECT i.id, i.due_at FROM invitation i JOIN campaign k ON k.id = i.campaign_id "
                + "WHERE k.status = 'SENDING' AND i.due_at <= ? AND "
                + (slices > 1 ? "MOD(i.id, " + slices + ") = " + Math.floorMod(slice, slices) + " AND " : "");
        String first = " ORDER BY i.due_at FETCH FIRST " + Math.max(1, max) + " ROWS ONLY";
        List<Object[]> rows = new ArrayList<>();
        select(due + "i.status = 'PENDING' AND (i.next_attempt_at IS NULL OR i.next_attempt_at <= ?) AND " + FREE + first, at, rows);
        // Rows claimed by an older version of the application (status CLAIMED), whose lease ended.
        select(due + "i.status = 'CLAIMED' AND i.lease_until < ?" + first, at, rows);
        rows.sort(Comparator.<Object[], OffsetDateTime>comparing(r -> (OffsetDateTime) r[1]).thenComparing(r -> (Long) r[0]));
        List<Long> candidates = new ArrayList<>();
        for (int i = 0; i < Math.min(max, rows.size()); i++) {
            candidates.add((Long) rows.get(i)[0]);
        }
        return candidates;
    }

    private void select(String sql, OffsetDateTime at, List<Object[]> rows) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            long parameters = sql.chars().filter(c -> c == '?').count(); // every one is the time of the claim
            for (int p = 1; p <= parameters; p++) {
                select.setObject(p, at);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class)});
                }
            }
        }
    }

    private List<Long> win(List<Long> candidates, String worker, Instant now, Duration lease) throws SQLException {
        OffsetDateTime at = Jdbc.utc(now);
        List<Long> won = new ArrayList<>();
        // The status is left as it is (PENDING, or CLAIMED from an older version): see the class comment.
        try (PreparedStatement update = connection.prepareStatement("UPDATE invitation i SET "
                + "claimed_by = ?, lease_until = ?, attempts = attempts + 1, version = version + 1 WHERE i.id = ? AND " + CLAIMABLE)) {
            for (long id : candidates) {
                update.setString(1, worker);
                update.setObject(2, Jdbc.utc(now.plus(lease)));
                update.setLong(3, id);
                update.setObject(4, at);
                update.setObject(5, at);
                update.setObject(6, at);
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
        return won;
    }

    private List<Claimed> details(List<Long> ids, String worker) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        if (ids.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT i.id, i.campaign_id, k.survey_id, c.email, "
                + "c.first_name, c.language, i.token_secret, i.attempts, i.reminder FROM invitation i JOIN campaign k ON k.id = i.campaign_id "
                + "JOIN contact c ON c.id = i.contact_id WHERE i.claimed_by = ? AND i.id IN ("
                + SqlDialect.placeholders(ids.size()) + ") ORDER BY i.id")) {
            select.setString(1, worker);
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 2, ids.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9)));
                }
            }
        }
        return claimed;
    }

    /** The server accepted the message: from now on only the token's hash is kept. */
    public boolean markSent(long invitationId, String worker, Instant sentAt) throws SQLException {
        return update("UPDATE invitation SET status = 'SENT', sent_at = ?, token_secret = NULL, claimed_by = NULL, "
                + "lease_until = NULL, last_error = NULL, version = version + 1 WHERE id = ? AND claimed_by = ?",
                sentAt, invitationId, worker);
    }

    /** A temporary failure (SMTP 4xx, connection lost): back in the queue after the back-off. */
    public boolean retryLater(long invitationId, String worker, String error, Instant nextAttempt) throws SQLException {
        return update("UPDATE invitation SET status = 'PENDING', next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
                + "lease_until = NULL, version = version + 1 WHERE id = ? AND claimed_by = ?",
                nextAttempt, truncate(error), invitationId, worker);
    }

    /** Not sent after all (its campaign paused meanwhile): waiting again, as if never claimed. */
    public boolean release(long invitationId, String worker) throws SQLException {
        return update("UPDATE invitation SET status = 'PENDING', claimed_by = NULL, lease_until = NULL, "
                + "attempts = attempts - 1, version = version + 1 WHERE id = ? AND claimed_by = ? AND status IN ('PENDING', 'CLAIMED')",
                invitationId, worker);
    }

    /** A permanent failure (SMTP 5xx, too many attempts): never sent. */
    public boolean fail(long invitationId, String worker, String error) throws SQLException {
        return update("UPDATE invitation SET status = 'FAILED', last_error = ?, claimed_by = NULL, lease_until = NULL, "
                + "version = version + 1 WHERE id = ? AND claimed_by = ?", truncate(error), invitationId, worker);
    }

    private boolean update(String sql, Object... parameters) throws SQLException {
        return Jdbc.update(connection, sql, parameters) == 1;
    }

    private static String truncate(String error) {
        return error == null ? null : error.substring(0, Math.min(1000, error.length()));
    }
}
