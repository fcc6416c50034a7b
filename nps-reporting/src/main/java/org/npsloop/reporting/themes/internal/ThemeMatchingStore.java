package org.npsloop.reporting.themes.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npsloop.domain.theme.ThemeMatcher;
import org.npsloop.platform.feed.ResponseFeed;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;

/**
 * The SQL of the background theme matching, shared by H2 and PostgreSQL, on a connection whose
 * transaction the caller owns (one call is meant to be one short transaction).
 *
 * <p>Responses are written by other modules, which never call reporting; so matching reads the response
 * table itself, like the webhook: a scan position over {@code response.updated_at}, looking again at the
 * last {@code lag} before it (a transaction that set an earlier updated_at may commit after one that set a
 * later one), skipping the (response, version, rules version) already matched ({@code theme_match}). After a
 * rule change, a full re-match walks every response by id. Matching a response replaces its AUTO themes
 * and leaves MANUAL and REMOVED ones alone. One worker at a time holds the lease on the state row.
 */
final class ThemeMatchingStore {

    /** The state row. */
    record State(long rulesVersion, Instant scannedTo, long rematchVersion, Long rematchAfterId, long rematchDone,
            long rematchTotal) {

        boolean rematchPending() {
            return rematchVersion != rulesVersion || rematchAfterId != null;
        }
    }

    /** A response to match. */
    record Row(long id, long version, String comment, Instant updatedAt) {
    }

    /** Responses changed and not matched in their current version with the current rules (a parameter). */
    private static final ResponseFeed FEED = new ResponseFeed(new ResponseFeed.Position("theme_matching", "scanned_to", "id = 1"),
            "r.id, r.version, r.comment_text, r.updated_at", "LEFT JOIN theme_match m ON m.response_id = r.id",
            "m.response_id IS NULL OR m.response_version <> r.version OR m.rules_version <> ?");

    private final Connection connection;

    ThemeMatchingStore(Connection connection) {
        this.connection = connection;
    }

    State state() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT rules_version, scanned_to, rematch_version, "
                + "rematch_after_id, rematch_done, rematch_total FROM theme_matching WHERE id = 1");
                ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("theme_matching has no state row");
            }
            long after = rs.getLong(4);
            Long afterId = rs.wasNull() ? null : after;
            return new State(rs.getLong(1), Jdbc.instant(rs, 2), rs.getLong(3), afterId,
                    rs.getLong(5), rs.getLong(6));
        }
    }

    /** Takes or renews the lease; false while another worker holds it. */
    boolean claim(String worker, Instant now, Duration lease) throws SQLException {
        // A lease ending later than a full lease from now was taken by a clock that ran ahead of ours (an
        // instance whose clock was wrong, then set right): it would block every other instance until then.
        return update("UPDATE theme_matching SET claimed_by = ?, lease_until = ? WHERE id = 1 AND (claimed_by IS NULL "
                + "OR claimed_by = ? OR lease_until < ? OR lease_until > ?)", worker, now.plus(lease), worker, now,
                now.plus(lease)) == 1;
    }

    /** The rules changed: every response is to be matched again. */
    void rulesChanged() throws SQLException {
        update("UPDATE theme_matching SET rules_version = rules_version + 1 WHERE id = 1");
    }

    /** Keywords per theme id, every language together. Read after the rules version, so never older than it. */
    Map<Long, List<String>> rules() throws SQLException {
        Map<Long, List<String>> rules = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT t.id, k.keyword FROM theme t "
                + "LEFT JOIN theme_keyword k ON k.theme_id = t.id ORDER BY t.id, k.language, k.keyword");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                List<String> keywords = rules.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>());
                if (rs.getString(2) != null) {
                    keywords.add(rs.getString(2));
                }
            }
        }
        return rules;
    }

    /**
     * Matches responses changed since the scan position (minus the lag) that are not matched in their
     * current version with the current rules, at most {@code max}, and moves the position forward.
     *
     * @return how many were matched
     */
    int matchChanged(Duration lag, Instant now, int max) throws SQLException {
        State state = state();
        ThemeMatcher matcher = ThemeMatcher.of(rules());
        ResponseFeed.Batch<Row> batch = FEED.next(connection, lag, now, max, ThemeMatchingStore::row, state.rulesVersion());
        match(batch.rows(), matcher, state.rulesVersion(), now);
        FEED.advance(connection, batch, now);
        return batch.rows().size();
    }

    /**
     * Matches responses never matched at all (no {@code theme_match} row) with an id above {@code afterId},
     * in id order, at most {@code max}. This catches rows whose updated_at was already old when they were
     * written (a phone answer stores when it was given), which the scan over updated_at cannot see.
     *
     * @return the id of the last one matched when the batch was full (more may follow), else null
     */
    Long matchUnmatched(long afterId, Instant now, int max) throws SQLException {
        State state = state();
        ThemeMatcher matcher = ThemeMatcher.of(rules());
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT r.id, r.version, r.comment_text, r.updated_at "
                + "FROM response r WHERE r.id > ? AND NOT EXISTS (SELECT 1 FROM theme_match m WHERE m.response_id = r.id) "
                + "ORDER BY r.id FETCH FIRST " + Math.max(1, max) + " ROWS ONLY")) {
            select.setLong(1, afterId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        match(rows, matcher, state.rulesVersion(), now);
        return rows.size() < Math.max(1, max) ? null : rows.get(rows.size() - 1).id();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), Jdbc.instant(rs, 4));
    }

    /** The highest response id, 0 when there is none. */
    long maxResponseId() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(id) FROM response");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * One step of the full re-match after a rule change: starts it when the rules changed since the last
     * one (from the first response again, even if one was running), then matches the next {@code max}
     * responses by id.
     *
     * @return how many were matched (0 when there is nothing to do)
     */
    int rematchStep(Instant now, int max) throws SQLException {
        State state = state();
        if (!state.rematchPending()) {
            return 0;
        }
        long after;
        long done;
        if (state.rematchVersion() != state.rulesVersion()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM response");
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            // Responses changed from now on are the scan's; the ones before are this pass's.
            Instant scannedTo = state.scannedTo() == null ? now : state.scannedTo();
            update("UPDATE theme_matching SET rematch_version = ?, rematch_after_id = 0, rematch_done = 0, rematch_total = ?, "
                    + "scanned_to = ? WHERE id = 1", state.rulesVersion(), total, scannedTo);
            after = 0;
            done = 0;
        } else {
            after = state.rematchAfterId();
            done = state.rematchDone();
        }
        ThemeMatcher matcher = ThemeMatcher.of(rules());
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, version, comment_text, updated_at FROM response "
                + "WHERE id > ? ORDER BY id FETCH FIRST " + Math.max(1, max) + " ROWS ONLY")) {
            select.setLong(1, after);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        match(rows, matcher, state.rulesVersion(), now);
        if (rows.size() < Math.max(1, max)) {
            update("UPDATE theme_matching SET rematch_after_id = NULL, rematch_done = rematch_total WHERE id = 1 "
                    + "AND rematch_version = ?", state.rulesVersion());
        } else {
            update("UPDATE theme_matching SET rematch_after_id = ?, rematch_done = ? WHERE id = 1 AND rematch_version = ?",
                    rows.get(rows.size() - 1).id(), Math.min(done + rows.size(), Long.MAX_VALUE), state.rulesVersion());
        }
        return rows.size();
    }

    /** Replaces the AUTO themes of these responses by what the rules say, leaving MANUAL and REMOVED ones. */
    void match(List<Row> rows, ThemeMatcher matcher, long rulesVersion, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, Map<Long, String>> existing = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT response_id, theme_id, source FROM response_theme "
                + "WHERE response_id IN (" + SqlDialect.placeholders(ids.size()) + ")")) {
            Jdbc.bind(select, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    existing.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getLong(2), rs.getString(3));
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM response_theme WHERE response_id = ? AND theme_id = ? AND source = 'AUTO'");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO response_theme (response_id, theme_id, "
                        + "source, assigned_at) VALUES (?, ?, 'AUTO', ?)")) {
            int deletes = 0;
            int inserts = 0;
            for (Row row : rows) {
                Map<Long, String> current = existing.getOrDefault(row.id(), Collections.emptyMap());
                Set<Long> wanted = new HashSet<>(matcher.themesOf(row.comment()));
                for (Map.Entry<Long, String> assigned : current.entrySet()) {
                    if ("AUTO".equals(assigned.getValue()) && !wanted.contains(assigned.getKey())) {
                        delete.setLong(1, row.id());
                        delete.setLong(2, assigned.getKey());
                        delete.addBatch();
                        deletes++;
                    }
                }
                for (long theme : wanted) {
                    if (!current.containsKey(theme)) {
                        insert.setLong(1, row.id());
                        insert.setLong(2, theme);
                        Jdbc.set(insert, 3, now);
                        insert.addBatch();
                        inserts++;
                    }
                }
            }
            if (deletes > 0) {
                delete.executeBatch();
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
        }
        try (PreparedStatement forget = connection.prepareStatement("DELETE FROM theme_match WHERE response_id IN ("
                + SqlDialect.placeholders(ids.size()) + ")")) {
            Jdbc.bind(forget, ids);
            forget.executeUpdate();
        }
        try (PreparedStatement done = connection.prepareStatement(
                "INSERT INTO theme_match (response_id, response_version, rules_version) VALUES (?, ?, ?)")) {
            for (Row row : rows) {
                done.setLong(1, row.id());
                done.setLong(2, row.version());
                done.setLong(3, rulesVersion);
                done.addBatch();
            }
            done.executeBatch();
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        return Jdbc.update(connection, sql, parameters);
    }
}
