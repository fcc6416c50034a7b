package org.npsloop.reporting.dashboard.internal;

import static org.npsloop.reporting.dashboard.internal.DefaultReportService.prepare;
import static org.npsloop.reporting.dashboard.internal.DefaultReportService.text;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.Score;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.dashboard.RollupService;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * Report figures from the rollups of migration V31 (PostgreSQL only): counts per (day in the report zone,
 * campaign, channel, language, flagged) and score, and first invitations sent and answered per (day, campaign,
 * language), exact at every instant.
 *
 * <p><b>Why a report is exact.</b> Every write that changes what a partition (campaign, day) counts inserts a
 * {@code rollup_dirty} row in the writer's own transaction (V31's triggers), so the change and its dirty row become
 * visible together. A report reads, in ONE statement (one snapshot), the rollup rows of the partitions without a
 * visible dirty row, and the live aggregate of the raw rows of those with one. The worker ({@link #fold}) deletes the
 * dirty rows it sees and then, in a later statement of the same transaction, recomputes their partitions from the
 * raw tables: under READ COMMITTED that later statement sees every write whose dirty row the worker deleted (a
 * row it can delete was committed before), and a writer still uncommitted keeps its own dirty row, which the
 * worker could not see and so did not delete: the partition stays dirty, read live, until a later round. A snapshot
 * that sees the worker's commit therefore sees rollup rows that include every change whose dirty row is gone.
 * Dirty rows have no key: writers never wait for each other nor for the worker (no hot row on the SENT mark).
 * Only one worker folds at a time (a transaction-level advisory lock, taken without waiting), so an older
 * recomputation never overwrites a newer one.
 *
 * <p><b>Zone and builds.</b> The days are those of {@code rollup_state.zone}; dirty rows hold 15-minute buckets,
 * mapped to days by whoever reads them. Until the rollups are built for the configured zone (a first start on an
 * existing database, or a changed {@code nps.report.time-zone}), reports use the live queries and the worker builds
 * them a chunk of days per round, without blocking anything.
 */
public final class ReportRollups {

    /** The advisory lock of the one worker folding at a time (an arbitrary constant of this application). */
    static final long LOCK = 0x4e50_5352_6f6c_6cL;
    /** Dirty rows folded per round at most: a bulk load is folded over several rounds. */
    static final int DIRTY_BATCH = 200_000;

    private static final String S = sums("ro.s", "");
    private static final String DIRTY = "WITH dp AS MATERIALIZED (SELECT DISTINCT campaign_key AS ck,"
            + " CAST(at_bucket AT TIME ZONE ? AS DATE) AS day FROM rollup_dirty) ";
    /**
     * The raw rows of each dirty partition, read by one range per partition (column {@code time}, campaign
     * {@code campaign}): a LATERAL subquery the planner cannot pull up (OFFSET 0), so with no dirty partition the raw
     * tables are not read at all. A plain join to dp let the planner hash it against every answer of the period
     * (1.6 s at 1,000,000 answers with nothing dirty).
     */
    private static final String LIVE_DIRTY = " SELECT x.* FROM dp CROSS JOIN LATERAL (SELECT %s%s%s AND COALESCE(%s, 0) = dp.ck"
            + " AND %s >= CAST(dp.day AS TIMESTAMP) AT TIME ZONE ? AND %s < CAST(dp.day + 1 AS TIMESTAMP) AT TIME ZONE ? OFFSET 0) x";

    private ReportRollups() {
    }

    /** The state of the rollups (PostgreSQL only). */
    public static RollupService.State status(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT zone, building, built_to, build_end, built_at,"
                + " checked_at, mismatches, (SELECT COUNT(*) FROM rollup_dirty) FROM rollup_state WHERE id = 1");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new RollupService.State(true, rs.getString(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class), Jdbc.instant(rs, 5), Jdbc.instant(rs, 6), (Integer) rs.getObject(7),
                    rs.getLong(8));
        }
    }

    /** Built for this zone, and not building. */
    static boolean ready(Connection connection, ZoneId zone) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT 1 FROM rollup_state WHERE id = 1 AND zone = ? AND NOT building",
                List.of(zone.getId())); ResultSet rs = statement.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Whether this filter's figures can come from the rollups: on PostgreSQL, built for this zone, and filtered only
     * by dimensions they keep (period, campaign, journey moment, language, channel, flagged), and by a segment only
     * when its membership is materialised for this zone and its current rule ({@link SegmentRollups}). The live
     * conditions passed to the reads below must then select the segment's materialised members
     * ({@link SegmentRollups#members}), not its rule.
     */
    public static boolean usable(Connection connection, ReportFilter filter, ZoneId zone) throws SQLException {
        return filter.attribute() == null && filter.rated() == null
                && SqlDialect.of(connection) == SqlDialect.POSTGRESQL && ready(connection, zone)
                && (filter.segmentId() == null || SegmentRollups.membership(connection, filter.segmentId(), zone).isPresent());
    }

    /** Counts per day and score, as {@code DefaultReportService.dailyCounts} reads them live. */
    static TreeMap<LocalDate, long[]> dailyCounts(Connection connection, ReportFilter filter, ResponseScope.Where live, ZoneId zone)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        parameters.add(zone.getId());
        StringBuilder scores = new StringBuilder();
        for (int s = 0; s <= Score.MAX; s++) {
            scores.append(", CASE WHEN r.score = ").append(s).append(" THEN 1 ELSE 0 END");
        }
        String sql = DIRTY + "SELECT d" + sums("SUM(t.s", ")") + " FROM (SELECT ro.day AS d" + S
                + " FROM " + rollup(filter, "response_rollup") + " ro LEFT JOIN campaign k ON k.id = ro.campaign_key"
                + rollupWhere(filter, true, parameters) + notDirty("ro")
                + " UNION ALL" + liveDirty("CAST(r.responded_at AT TIME ZONE ? AS DATE)" + scores, ResponseScope.FROM, live,
                        "r.campaign_id", "r.responded_at") + ") t GROUP BY d";
        parameters.add(zone.getId());
        parameters.addAll(live.parameters());
        parameters.add(zone.getId());
        parameters.add(zone.getId());
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long[] counts = new long[Score.MAX + 1];
                for (int s = 0; s <= Score.MAX; s++) {
                    counts[s] = rs.getLong(2 + s);
                }
                days.put(rs.getObject(1, LocalDate.class), counts);
            }
        }
        return days;
    }

    /** First invitations sent in the filter's period to its campaigns and languages, and those answered. */
    static Dashboard.ResponseRate responseRate(Connection connection, ReportFilter filter, ResponseScope.Where live, ZoneId zone)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        parameters.add(zone.getId());
        String sql = DIRTY + "SELECT COALESCE(SUM(sent), 0), COALESCE(SUM(answered), 0) FROM (SELECT ro.sent, ro.answered"
                + " FROM " + rollup(filter, "invitation_rollup") + " ro LEFT JOIN campaign k ON k.id = ro.campaign_key"
                + rollupWhere(filter, false, parameters) + notDirty("ro")
                + " UNION ALL" + liveDirty("1, CASE WHEN i.answered_at IS NULL THEN 0 ELSE 1 END", ResponseScope.INVITATIONS_FROM,
                        live, "i.campaign_id", "i.sent_at") + ") t";
        parameters.addAll(live.parameters());
        parameters.add(zone.getId());
        parameters.add(zone.getId());
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new Dashboard.ResponseRate(rs.getLong(1), rs.getLong(2));
        }
    }

    /** Whether the rollups keep this dimension. */
    static boolean keeps(Breakdown.Dimension dimension) {
        return dimension == Breakdown.Dimension.JOURNEY_MOMENT || dimension == Breakdown.Dimension.CAMPAIGN
                || dimension == Breakdown.Dimension.LANGUAGE || dimension == Breakdown.Dimension.CHANNEL;
    }

    /** Rows of (key, label, promoters, passives, detractors) for one of the dimensions the rollups keep. */
    static List<Breakdown.Row> breakdown(Connection connection, ReportFilter filter, Breakdown.Dimension dimension,
            ResponseScope.Where live, ZoneId zone) throws SQLException {
        String[] rollup; // key and label over ro and k
        String[] raw; // the same over r, c and k
        switch (dimension) {
            case JOURNEY_MOMENT -> {
                rollup = new String[] {"k.trigger_event", "k.trigger_event"};
                raw = rollup;
            }
            case CAMPAIGN -> {
                rollup = new String[] {"NULLIF(ro.campaign_key, 0)", "k.name"};
                raw = new String[] {"r.campaign_id", "k.name"};
            }
            case LANGUAGE -> {
                rollup = new String[] {"ro.language", "ro.language"};
                raw = new String[] {"c.language", "c.language"};
            }
            case CHANNEL -> {
                rollup = new String[] {"ro.channel", "ro.channel"};
                raw = new String[] {"r.channel", "r.channel"};
            }
            default -> throw new IllegalArgumentException("Not in the rollups: " + dimension);
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(zone.getId());
        String sql = DIRTY + "SELECT g, MIN(l), SUM(p), SUM(pa), SUM(d) FROM (SELECT " + rollup[0] + " AS g, " + rollup[1]
                + " AS l, ro.s9 + ro.s10 AS p, ro.s7 + ro.s8 AS pa, ro.s0 + ro.s1 + ro.s2 + ro.s3 + ro.s4 + ro.s5 + ro.s6 AS d"
                + " FROM " + rollup(filter, "response_rollup") + " ro LEFT JOIN campaign k ON k.id = ro.campaign_key"
                + rollupWhere(filter, true, parameters) + notDirty("ro")
                + " UNION ALL" + liveDirty(raw[0] + ", " + raw[1] + ", CASE WHEN r.score >= 9 THEN 1 ELSE 0 END,"
                + " CASE WHEN r.score IN (7, 8) THEN 1 ELSE 0 END, CASE WHEN r.score <= 6 THEN 1 ELSE 0 END",
                        ResponseScope.FROM, live, "r.campaign_id", "r.responded_at") + ") t GROUP BY g";
        parameters.addAll(live.parameters());
        parameters.add(zone.getId());
        parameters.add(zone.getId());
        List<Breakdown.Row> rows = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new Breakdown.Row(text(rs.getObject(1)), text(rs.getObject(2)),
                        NpsResult.ofCounts(rs.getLong(3), rs.getLong(4), rs.getLong(5))));
            }
        }
        return rows;
    }

    /** The rollup table to read: the segment's when the filter names one. */
    private static String rollup(ReportFilter filter, String table) {
        return filter.segmentId() == null ? table : "segment_" + table;
    }

    /** The filter's conditions over a rollup {@code ro} and its campaign {@code k}. */
    private static String rollupWhere(ReportFilter filter, boolean answers, List<Object> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (filter.segmentId() != null) {
            sql.append(" AND ro.segment_id = ?");
            parameters.add(filter.segmentId());
        }
        if (filter.from() != null) {
            sql.append(" AND ro.day >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND ro.day <= ?");
            parameters.add(filter.to());
        }
        if (filter.campaignId() != null) {
            sql.append(" AND ro.campaign_key = ?");
            parameters.add(filter.campaignId());
        }
        if (filter.journeyMoment() != null) {
            sql.append(" AND k.trigger_event = ?");
            parameters.add(filter.journeyMoment());
        }
        if (filter.language() != null) {
            sql.append(" AND ro.language = ?");
            parameters.add(filter.language().name());
        }
        if (answers && filter.channel() != null) {
            sql.append(" AND ro.channel = ?");
            parameters.add(filter.channel().name());
        }
        if (answers && !filter.includeFlagged()) {
            sql.append(" AND ro.flagged = FALSE");
        }
        return sql.toString();
    }

    private static String notDirty(String alias) {
        return " AND NOT EXISTS (SELECT 1 FROM dp WHERE dp.ck = " + alias + ".campaign_key AND dp.day = " + alias + ".day)";
    }

    /** The raw rows of the dirty partitions matching {@code live}: its parameters, then the zone twice. */
    private static String liveDirty(String select, String from, ResponseScope.Where live, String campaign, String time) {
        return String.format(LIVE_DIRTY, select, from, live.sql(), campaign, time, time);
    }

    /** ", SUM(t.s0)" ... for 0 to 10 with the given prefix and suffix. */
    private static String sums(String prefix, String suffix) {
        StringBuilder sql = new StringBuilder();
        for (int s = 0; s <= Score.MAX; s++) {
            sql.append(", ").append(prefix).append(s).append(suffix);
        }
        return sql.toString();
    }

    // ---------------------------------------------------------------------------------------------- the worker

    /** What one round did: whether it held the lock, partitions recomputed, dirty rows folded, and a build's progress. */
    public record Round(boolean worked, int partitions, long dirtyRows, boolean building, LocalDate builtTo) {

        /**
         * Whether the round left many dead rows behind (a build's chunk, a large fold): the worker vacuums then, as
         * autovacuum may be late or off, and a reader's scan of a bloated rollup_dirty or rollup costs more than the
         * rows it finds (800 ms for 42,000 rows after a build, 10 ms once vacuumed).
         */
        public boolean leftDeadRows() {
            return worked && (builtTo != null || dirtyRows >= VACUUM_AFTER);
        }
    }

    /** Dirty rows folded in one round from which the worker vacuums the rollup tables. */
    static final long VACUUM_AFTER = 10_000;

    /**
     * One round of the worker, in a transaction of its own on the given connection (auto-commit is turned off and
     * back): starts a build when the zone differs, folds up to {@link #DIRTY_BATCH} dirty rows, then builds the next
     * {@code chunkDays} days of a build. Returns at once when another instance holds the lock.
     */
    public static Round fold(Connection connection, ZoneId zone, int chunkDays, Instant now) throws SQLException {
        return locked(connection, () -> foldLocked(connection, zone, chunkDays, now), new Round(false, 0, 0, false, null));
    }

    /** Work done holding the worker's lock. */
    interface LockedWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own on the connection (auto-commit turned off and back) holding the
     * worker's lock ({@link #LOCK}, taken without waiting); {@code whenTaken} when another instance holds it.
     */
    static <T> T locked(Connection connection, LockedWork<T> work, T whenTaken) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = lock(connection) ? work.run() : whenTaken;
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Takes the worker's lock for this transaction, without waiting: false when another holds it. */
    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = prepare(connection, "SELECT pg_try_advisory_xact_lock(?)", List.of(LOCK));
                ResultSet rs = lock.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static Round foldLocked(Connection connection, ZoneId zone, int chunkDays, Instant now) throws SQLException {
        RollupService.State state = status(connection);
        if (!zone.getId().equals(state.zone())) {
            startBuild(connection, zone, now);
            state = status(connection);
        }
        // The dirty rows this round folds; their partitions are recomputed below, in later statements. The rows are
        // deleted by a TID scan of an array, whatever the statistics say: "ctid IN (SELECT ...)" was once planned as a
        // nested loop over 2.3 million rows (statistics from an empty table) and ran for minutes.
        Set<Partition> dirty = new LinkedHashSet<>();
        long dirtyRows = 0;
        LocalDate buildEnd = state.buildEnd();
        try (PreparedStatement statement = prepare(connection, "WITH d AS (DELETE FROM rollup_dirty WHERE ctid = ANY (ARRAY"
                + " (SELECT ctid FROM rollup_dirty LIMIT " + DIRTY_BATCH + ")) RETURNING campaign_key, at_bucket)"
                + " SELECT campaign_key, CAST(at_bucket AT TIME ZONE ? AS DATE), COUNT(*) FROM d GROUP BY 1, 2", List.of(zone.getId()));
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                dirtyRows += rs.getLong(3);
                Partition partition = new Partition(rs.getLong(1), rs.getObject(2, LocalDate.class));
                // While building, the days not built yet are built later, from a later snapshot: nothing to do now.
                if (!state.building() || partition.day().isBefore(state.builtTo())) {
                    dirty.add(partition);
                } else if (partition.day().isAfter(buildEnd)) {
                    buildEnd = partition.day(); // a day the build had not planned: it goes on to it
                }
            }
        }
        recompute(connection, zone, dirty);
        LocalDate builtTo = state.builtTo();
        if (state.building()) {
            LocalDate end = builtTo.plusDays(Math.max(1, chunkDays));
            rebuildDays(connection, zone, builtTo, end);
            builtTo = end;
            boolean done = builtTo.isAfter(buildEnd);
            Jdbc.update(connection, "UPDATE rollup_state SET built_to = ?, build_end = ?, building = ?,"
                    + " built_at = CASE WHEN ? THEN ? ELSE built_at END WHERE id = 1", builtTo, buildEnd, !done, done, Jdbc.utc(now));
            return new Round(true, dirty.size(), dirtyRows, !done, builtTo);
        }
        return new Round(true, dirty.size(), dirtyRows, false, null);
    }

    /** Empties the rollups and starts building them for the zone from the first day with data. */
    private static void startBuild(Connection connection, ZoneId zone, Instant now) throws SQLException {
        Jdbc.update(connection, "DELETE FROM response_rollup");
        Jdbc.update(connection, "DELETE FROM invitation_rollup");
        // Segments are refreshed once the build is done (their state gone, each is due).
        Jdbc.update(connection, "DELETE FROM segment_rollup_state");
        Jdbc.update(connection, "DELETE FROM segment_response_rollup");
        Jdbc.update(connection, "DELETE FROM segment_invitation_rollup");
        // Every committed change these rows note is in the build's later snapshots; uncommitted ones are not visible here.
        Jdbc.update(connection, "DELETE FROM rollup_dirty");
        LocalDate first;
        LocalDate last;
        try (PreparedStatement statement = prepare(connection, "SELECT CAST(LEAST((SELECT MIN(responded_at) FROM response),"
                + " (SELECT MIN(sent_at) FROM invitation)) AT TIME ZONE ? AS DATE), CAST(GREATEST((SELECT MAX(responded_at) FROM response),"
                + " (SELECT MAX(sent_at) FROM invitation)) AT TIME ZONE ? AS DATE)", List.of(zone.getId(), zone.getId()));
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            first = rs.getObject(1, LocalDate.class);
            last = rs.getObject(2, LocalDate.class);
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        first = first == null ? today : first;
        last = last == null || last.isBefore(today) ? today : last;
        Jdbc.update(connection, "UPDATE rollup_state SET zone = ?, building = TRUE, built_to = ?, build_end = ?, started_at = ?,"
                + " built_at = NULL WHERE id = 1", zone.getId(), first, last, Jdbc.utc(now));
    }

    record Partition(long campaignKey, LocalDate day) {
    }

    /**
     * Above this many partitions, a recomputation reads the raw rows of the whole span of their days once and keeps
     * those of the partitions (a hash semi-join), instead of one range of each partition's day: after a bulk load
     * (thousands of partitions) the ranges took minutes, the one scan seconds. Tests lower it.
     */
    static int perPartitionMax = 64;

    /** Replaces the rows of these partitions by the raw tables' counts (no-op for none). */
    static void recompute(Connection connection, ZoneId zone, Set<Partition> partitions) throws SQLException {
        if (partitions.isEmpty()) {
            return;
        }
        Array keys = connection.createArrayOf("bigint", partitions.stream().map(Partition::campaignKey).toArray());
        Array days = connection.createArrayOf("date", partitions.stream().map(p -> java.sql.Date.valueOf(p.day())).toArray());
        String p = " unnest(CAST(? AS BIGINT[]), CAST(? AS DATE[])) AS p(ck, day) ";
        for (Target target : Target.values()) {
            for (String table : new String[] {"response_rollup", "invitation_rollup"}) {
                Jdbc.update(connection, "DELETE FROM " + target.prefix + table + " ro USING" + p
                        + "WHERE ro.campaign_key = p.ck AND ro.day = p.day", keys, days);
            }
            String r = target.members("r");
            String i = target.members("i");
            if (partitions.size() > perPartitionMax) {
                LocalDate first = partitions.stream().map(Partition::day).min(LocalDate::compareTo).orElseThrow();
                LocalDate last = partitions.stream().map(Partition::day).max(LocalDate::compareTo).orElseThrow();
                Object start = Jdbc.utc(first.atStartOfDay(zone).toInstant());
                Object end = Jdbc.utc(last.plusDays(1).atStartOfDay(zone).toInstant());
                Jdbc.update(connection, "INSERT INTO " + target.prefix + "response_rollup SELECT " + target.column
                        + "CAST(r.responded_at AT TIME ZONE ? AS DATE), COALESCE(r.campaign_id, 0), r.channel, c.language, r.flagged"
                        + scoreCounts() + " FROM response r" + r + " LEFT JOIN contact c ON c.id = r.contact_id"
                        + " WHERE r.responded_at >= ? AND r.responded_at < ?"
                        + " AND (COALESCE(r.campaign_id, 0), CAST(r.responded_at AT TIME ZONE ? AS DATE)) IN (SELECT ck, day FROM" + p + ")"
                        + target.groupBy(5), zone.getId(), start, end, zone.getId(), keys, days);
                Jdbc.update(connection, "INSERT INTO " + target.prefix + "invitation_rollup SELECT " + target.column
                        + "CAST(i.sent_at AT TIME ZONE ? AS DATE), COALESCE(i.campaign_id, 0), c.language, COUNT(*), COUNT(i.answered_at)"
                        + " FROM invitation i" + i + " LEFT JOIN contact c ON c.id = i.contact_id WHERE i.sent_at >= ? AND i.sent_at < ?"
                        + " AND i.reminder = 0 AND i.status = 'SENT'"
                        + " AND (COALESCE(i.campaign_id, 0), CAST(i.sent_at AT TIME ZONE ? AS DATE)) IN (SELECT ck, day FROM" + p + ")"
                        + target.groupBy(3), zone.getId(), start, end, zone.getId(), keys, days);
                continue;
            }
            Jdbc.update(connection, "INSERT INTO " + target.prefix + "response_rollup SELECT " + target.column
                    + "p.day, p.ck, r.channel, c.language, r.flagged" + scoreCounts()
                    + " FROM" + p + "JOIN response r ON r.responded_at >= CAST(p.day AS TIMESTAMP) AT TIME ZONE ?"
                    + " AND r.responded_at < CAST(p.day + 1 AS TIMESTAMP) AT TIME ZONE ? AND COALESCE(r.campaign_id, 0) = p.ck"
                    + r + " LEFT JOIN contact c ON c.id = r.contact_id" + target.groupBy(5), keys, days, zone.getId(), zone.getId());
            Jdbc.update(connection, "INSERT INTO " + target.prefix + "invitation_rollup SELECT " + target.column
                    + "p.day, p.ck, c.language, COUNT(*), COUNT(i.answered_at)"
                    + " FROM" + p + "JOIN invitation i ON i.sent_at >= CAST(p.day AS TIMESTAMP) AT TIME ZONE ?"
                    + " AND i.sent_at < CAST(p.day + 1 AS TIMESTAMP) AT TIME ZONE ? AND COALESCE(i.campaign_id, 0) = p.ck"
                    + " AND i.reminder = 0 AND i.status = 'SENT'" + i + " LEFT JOIN contact c ON c.id = i.contact_id"
                    + target.groupBy(3), keys, days, zone.getId(), zone.getId());
        }
    }

    /** The rollups a dirty partition is recomputed in: V31's, and those of every segment materialised for the zone. */
    private enum Target {
        ALL("", ""),
        SEGMENTS("segment_", "m.segment_id, ");

        final String prefix;
        final String column;

        Target(String prefix, String column) {
            this.prefix = prefix;
            this.column = column;
        }

        /** Joins the members of the segments materialised for the rollups' zone to the raw rows {@code alias}. */
        String members(String alias) {
            return this == ALL ? "" : " JOIN segment_member m ON m.contact_id = " + alias + ".contact_id"
                    + " JOIN segment_rollup_state st ON st.segment_id = m.segment_id"
                    + " AND st.zone = (SELECT zone FROM rollup_state WHERE id = 1)";
        }

        /** GROUP BY the target's columns and the first {@code columns} selected after them. */
        String groupBy(int columns) {
            StringBuilder sql = new StringBuilder(" GROUP BY ");
            int all = columns + (this == ALL ? 0 : 1);
            for (int c = 1; c <= all; c++) {
                sql.append(c == 1 ? "" : ", ").append(c);
            }
            return sql.toString();
        }
    }

    /** Replaces the rows of the days [from, to) of every campaign by the raw tables' counts: a chunk of a build. */
    static void rebuildDays(Connection connection, ZoneId zone, LocalDate from, LocalDate to) throws SQLException {
        Object start = Jdbc.utc(from.atStartOfDay(zone).toInstant());
        Object end = Jdbc.utc(to.atStartOfDay(zone).toInstant());
        Jdbc.update(connection, "DELETE FROM response_rollup WHERE day >= ? AND day < ?", from, to);
        Jdbc.update(connection, "DELETE FROM invitation_rollup WHERE day >= ? AND day < ?", from, to);
        Jdbc.update(connection, "INSERT INTO response_rollup SELECT CAST(r.responded_at AT TIME ZONE ? AS DATE),"
                + " COALESCE(r.campaign_id, 0), r.channel, c.language, r.flagged" + scoreCounts()
                + " FROM response r LEFT JOIN contact c ON c.id = r.contact_id WHERE r.responded_at >= ? AND r.responded_at < ?"
                + " GROUP BY 1, 2, 3, 4, 5", zone.getId(), start, end);
        Jdbc.update(connection, "INSERT INTO invitation_rollup SELECT CAST(i.sent_at AT TIME ZONE ? AS DATE),"
                + " COALESCE(i.campaign_id, 0), c.language, COUNT(*), COUNT(i.answered_at)"
                + " FROM invitation i LEFT JOIN contact c ON c.id = i.contact_id WHERE i.sent_at >= ? AND i.sent_at < ?"
                + " AND i.reminder = 0 AND i.status = 'SENT' GROUP BY 1, 2, 3", zone.getId(), start, end);
    }

    static String scoreCounts() {
        StringBuilder sql = new StringBuilder();
        for (int s = 0; s <= Score.MAX; s++) {
            sql.append(", COUNT(*) FILTER (WHERE r.score = ").append(s).append(')');
        }
        return sql.toString();
    }

    /** Vacuums and analyses the rollup tables (VACUUM runs outside a transaction: in auto-commit). */
    public static void vacuum(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try {
            Jdbc.update(connection, "VACUUM (ANALYZE) rollup_dirty, response_rollup, invitation_rollup, segment_member,"
                    + " segment_response_rollup, segment_invitation_rollup");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    // ---------------------------------------------------------------------------------------------- the check

    /**
     * Compares, in one statement for V31's rollups and one for the segments' (against their members' rows), every
     * rollup row of the partitions not dirty with the live counts of the raw tables; marks the partitions that differ dirty (so the worker recomputes them), notes the result in the
     * state and returns the number of partitions that differed. Only for rollups built for {@code zone}.
     */
    public static int check(Connection connection, ZoneId zone, Instant now) throws SQLException {
        int mismatches = 0;
        for (Target target : Target.values()) {
            mismatches += check(connection, zone, target);
        }
        Jdbc.update(connection, "UPDATE rollup_state SET checked_at = ?, mismatches = ? WHERE id = 1", Jdbc.utc(now), mismatches);
        return mismatches;
    }

    /** The check of one target's rollups (a segment's against its materialised members' answers). */
    private static int check(Connection connection, ZoneId zone, Target target) throws SQLException {
        String sg = target == Target.ALL ? "" : "m.segment_id AS sg, ";
        String rollSg = target == Target.ALL ? "" : "ro.segment_id AS sg, ";
        String rollOf = target == Target.ALL ? "" : " JOIN segment_rollup_state st ON st.segment_id = ro.segment_id"
                + " AND st.zone = (SELECT zone FROM rollup_state WHERE id = 1)";
        String keys = (target == Target.ALL ? "" : "sg, ") + "day, ck, channel, language, flagged";
        String ikeys = (target == Target.ALL ? "" : "sg, ") + "day, ck, language";
        String live = DIRTY + ", live AS (SELECT " + sg + "CAST(r.responded_at AT TIME ZONE ? AS DATE) AS day, COALESCE(r.campaign_id, 0) AS ck,"
                + " r.channel, COALESCE(c.language, '') AS language, r.flagged" + scoreCounts()
                + " FROM response r" + target.members("r") + " LEFT JOIN contact c ON c.id = r.contact_id" + target.groupBy(5) + "),"
                + " roll AS (SELECT " + rollSg + "day, campaign_key AS ck, channel, COALESCE(language, '') AS language, flagged" + sums("s", "")
                + " FROM " + target.prefix + "response_rollup ro" + rollOf + "),"
                + " ilive AS (SELECT " + sg + "CAST(i.sent_at AT TIME ZONE ? AS DATE) AS day, COALESCE(i.campaign_id, 0) AS ck,"
                + " COALESCE(c.language, '') AS language, COUNT(*) AS sent, COUNT(i.answered_at) AS answered FROM invitation i"
                + target.members("i") + " LEFT JOIN contact c ON c.id = i.contact_id"
                + " WHERE i.reminder = 0 AND i.status = 'SENT'" + target.groupBy(3) + "),"
                + " iroll AS (SELECT " + rollSg + "day, campaign_key AS ck, COALESCE(language, '') AS language, sent, answered"
                + " FROM " + target.prefix + "invitation_rollup ro" + rollOf + "),"
                + " bad AS (SELECT DISTINCT day, ck FROM (SELECT COALESCE(a.day, b.day) AS day, COALESCE(a.ck, b.ck) AS ck"
                + " FROM live a FULL JOIN roll b USING (" + keys + ") WHERE ROW(a.*) IS DISTINCT FROM ROW(b.*)"
                + " UNION ALL SELECT COALESCE(a.day, b.day), COALESCE(a.ck, b.ck) FROM ilive a FULL JOIN iroll b USING (" + ikeys + ")"
                + " WHERE ROW(a.*) IS DISTINCT FROM ROW(b.*)) x"
                + " WHERE NOT EXISTS (SELECT 1 FROM dp WHERE dp.ck = x.ck AND dp.day = x.day)),"
                + " marked AS (INSERT INTO rollup_dirty SELECT ck, CAST(day AS TIMESTAMP) AT TIME ZONE ? FROM bad RETURNING 1)"
                + " SELECT COUNT(*) FROM bad";
        try (PreparedStatement statement = prepare(connection, live,
                List.of(zone.getId(), zone.getId(), zone.getId(), zone.getId())); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
