package org.npsloop.reporting.dashboard.internal;

import static org.npsloop.reporting.dashboard.internal.DefaultReportService.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.npsloop.domain.segment.SqlCondition;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.reporting.dashboard.RollupService;

/**
 * Materialised segment membership and each segment's rollups (migration V32, PostgreSQL only), so that a report
 * filtered by a segment reads thousands of rollup rows rather than the segment's answers.
 *
 * <p>A refresh computes the segment's members from its rule now, then its rollups from the raw rows of those
 * members, in one transaction holding the rollup worker's lock ({@link ReportRollups#LOCK}). Between refreshes, the
 * worker keeps these rollups exact for that membership exactly as it keeps V31's: it recomputes every dirty partition
 * (campaign, day) for every materialised segment too, and a report reads the dirty partitions live, restricted to
 * the members ({@link #members}). So a segment's figures are exact for "the contacts the rule selected at
 * {@code members_at}", which the reports show; a contact erased since has left (V32's trigger), as erased contacts
 * never belong to a segment.
 */
final class SegmentRollups {

    private SegmentRollups() {
    }

    /** The live condition for the segment's materialised members, over contact {@code c}. */
    static SqlCondition members(long segmentId) {
        return new SqlCondition("EXISTS (SELECT 1 FROM segment_member sm WHERE sm.segment_id = ? AND sm.contact_id = c.id)",
                List.of(segmentId));
    }

    /** The segment's membership when its rollups match the zone and the segment's current rule; empty otherwise. */
    static Optional<RollupService.SegmentMembers> membership(Connection connection, long segmentId, ZoneId zone) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT st.members_at, st.members, st.requested_at IS NOT NULL"
                + " FROM segment_rollup_state st"
                + " JOIN segment s ON s.id = st.segment_id WHERE st.segment_id = ? AND st.zone = ? AND st.rule_updated_at = s.updated_at"
                + " AND st.error IS NULL",
                List.of(segmentId, zone.getId())); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(new RollupService.SegmentMembers(Jdbc.instant(rs, 1), rs.getLong(2), rs.getBoolean(3)))
                    : Optional.empty();
        }
    }

    /** Asks the worker to refresh this segment at its next round. */
    static void request(Connection connection, long segmentId, Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE segment_rollup_state SET requested_at = ? WHERE segment_id = ?", Jdbc.utc(now), segmentId);
    }

    /**
     * The segment to refresh first, if any: never materialised, asked for, built for another zone or an older rule,
     * whose members were computed before {@code staleBefore} (rules with relative dates change with time alone), or
     * before {@code recountBefore} and before the last change of a contact (a minimum age, so that a stream of
     * changes is not chased).
     */
    static OptionalLong due(Connection connection, ZoneId zone, Instant staleBefore, Instant recountBefore) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT s.id FROM segment s LEFT JOIN segment_rollup_state st"
                + " ON st.segment_id = s.id WHERE st.segment_id IS NULL OR st.requested_at IS NOT NULL OR st.zone <> ?"
                + " OR st.rule_updated_at <> s.updated_at OR st.members_at < ?"
                + " OR st.error IS NULL AND st.members_at < ? AND st.members_at < (SELECT MAX(updated_at) FROM contact)"
                + " ORDER BY st.segment_id IS NOT NULL, st.requested_at NULLS LAST, st.members_at, s.id LIMIT 1",
                List.of(zone.getId(), Jdbc.utc(staleBefore), Jdbc.utc(recountBefore)));
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
    }

    /**
     * Refreshes the segment due first (see {@link #due}) in a transaction of its own, holding the worker's lock; only
     * on rollups built for the zone. Returns the segment refreshed, or empty when none was due or the lock was taken.
     *
     * @param rules the segment's rule as SQL over contact {@code c}, evaluated now; null when the segment is gone
     */
    static OptionalLong refreshDue(Connection connection, ZoneId zone, Instant now, Instant staleBefore, Instant recountBefore,
            LongFunction<SqlCondition> rules) throws SQLException {
        return ReportRollups.locked(connection, () -> {
            OptionalLong due = ReportRollups.ready(connection, zone) ? due(connection, zone, staleBefore, recountBefore)
                    : OptionalLong.empty();
            // The rule's version is locked before the rule is read, so no edit commits in between.
            if (due.isEmpty() || !lockRule(connection, due.getAsLong())) {
                return OptionalLong.empty();
            }
            long segmentId = due.getAsLong();
            SqlCondition rule;
            try {
                rule = rules.apply(segmentId);
            } catch (RuntimeException e) {
                // A rule that no longer translates (an attribute deleted since): its reports read live (and name the
                // error); it is tried again when it changes, when asked or after the refresh period, and does not
                // hold up the other segments meanwhile.
                failed(connection, segmentId, zone, now, e);
                return OptionalLong.empty();
            }
            if (rule == null) {
                return OptionalLong.empty();
            }
            refresh(connection, segmentId, rule, zone, now);
            return due;
        }, OptionalLong.empty());
    }

    private static void failed(Connection connection, long segmentId, ZoneId zone, Instant now, RuntimeException e)
            throws SQLException {
        Jdbc.update(connection, "DELETE FROM segment_member WHERE segment_id = ?", segmentId);
        Jdbc.update(connection, "DELETE FROM segment_response_rollup WHERE segment_id = ?", segmentId);
        Jdbc.update(connection, "DELETE FROM segment_invitation_rollup WHERE segment_id = ?", segmentId);
        String error = String.valueOf(e.getMessage());
        saveState(connection, segmentId, zone, now, 0, 0, error.length() > 500 ? error.substring(0, 500) : error);
    }

    private static void saveState(Connection connection, long segmentId, ZoneId zone, Instant now, long members, long millis,
            String error) throws SQLException {
        Jdbc.update(connection, "INSERT INTO segment_rollup_state (segment_id, zone, rule_updated_at, members_at, members, refresh_ms, error)"
                + " SELECT id, ?, updated_at, ?, ?, ?, ? FROM segment WHERE id = ? ON CONFLICT (segment_id) DO UPDATE SET"
                + " zone = EXCLUDED.zone, rule_updated_at = EXCLUDED.rule_updated_at, members_at = EXCLUDED.members_at,"
                + " members = EXCLUDED.members, refresh_ms = EXCLUDED.refresh_ms, error = EXCLUDED.error, requested_at = NULL",
                zone.getId(), Jdbc.utc(now), members, millis, error, segmentId);
    }

    private static boolean lockRule(Connection connection, long segmentId) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT 1 FROM segment WHERE id = ? FOR SHARE", List.of(segmentId));
                ResultSet rs = statement.executeQuery()) {
            return rs.next();
        }
    }

    /** Recomputes the segment's members from its rule and its rollups from their raw rows (inside the lock). */
    static void refresh(Connection connection, long segmentId, SqlCondition rule, ZoneId zone, Instant now) throws SQLException {
        long started = System.nanoTime();
        // The members: only the difference is written, so a refresh where little changed writes little.
        List<Object> parameters = new ArrayList<>();
        parameters.add(segmentId);
        parameters.addAll(rule.parameters());
        Jdbc.update(connection, "DELETE FROM segment_member m WHERE m.segment_id = ? AND NOT EXISTS (SELECT 1 FROM contact c"
                + " WHERE c.id = m.contact_id AND c.status <> 'ERASED' AND (" + rule.sql() + "))", parameters.toArray());
        Jdbc.update(connection, "INSERT INTO segment_member (segment_id, contact_id) SELECT ?, c.id FROM contact c"
                + " WHERE c.status <> 'ERASED' AND (" + rule.sql() + ") ON CONFLICT DO NOTHING", parameters.toArray());
        Jdbc.update(connection, "DELETE FROM segment_response_rollup WHERE segment_id = ?", segmentId);
        Jdbc.update(connection, "DELETE FROM segment_invitation_rollup WHERE segment_id = ?", segmentId);
        Jdbc.update(connection, "INSERT INTO segment_response_rollup SELECT m.segment_id, CAST(r.responded_at AT TIME ZONE ? AS DATE),"
                + " COALESCE(r.campaign_id, 0), r.channel, c.language, r.flagged" + ReportRollups.scoreCounts()
                + " FROM segment_member m JOIN response r ON r.contact_id = m.contact_id JOIN contact c ON c.id = m.contact_id"
                + " WHERE m.segment_id = ? GROUP BY 1, 2, 3, 4, 5, 6", zone.getId(), segmentId);
        Jdbc.update(connection, "INSERT INTO segment_invitation_rollup SELECT m.segment_id, CAST(i.sent_at AT TIME ZONE ? AS DATE),"
                + " COALESCE(i.campaign_id, 0), c.language, COUNT(*), COUNT(i.answered_at)"
                + " FROM segment_member m JOIN invitation i ON i.contact_id = m.contact_id JOIN contact c ON c.id = m.contact_id"
                + " WHERE m.segment_id = ? AND i.reminder = 0 AND i.status = 'SENT' GROUP BY 1, 2, 3, 4", zone.getId(), segmentId);
        long members;
        try (PreparedStatement statement = prepare(connection, "SELECT COUNT(*) FROM segment_member WHERE segment_id = ?",
                List.of(segmentId)); ResultSet rs = statement.executeQuery()) {
            rs.next();
            members = rs.getLong(1);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        saveState(connection, segmentId, zone, now, members, millis, null);
    }
}
