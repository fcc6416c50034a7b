package org.npsloop.reporting.dashboard.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.audience.AttributeDefinition;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsChange;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.nps.ScoreDistribution;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * Reports from as few GROUP BY queries as the figures allow. The dashboard reads one table of counts
 * per (day in the report zone, score) and derives everything else from it in memory (at most 11 rows a
 * day): the distribution, the NPS and its margin of error, and the trend at any granularity, so they
 * always agree. The previous period and the response rate are one more query each.
 */
@ApplicationScoped
public class DefaultReportService implements ReportService {

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private ResponseScope scope;

    /** Whether filters the rollups can answer read them (PostgreSQL, rollups built for the report zone). */
    private boolean useRollups = true;

    /**
     * Whether the application's reports read the rollups ({@code nps.report.rollups.read}, on by default): false makes
     * every report read the raw tables (the rollups are still kept exact and checked), e.g. to compare.
     */
    @Inject
    @ConfigProperty(name = "nps.report.rollups.read", defaultValue = "true")
    private boolean readRollups = true;

    public DefaultReportService() {
        // for CDI
    }

    /** Outside the container (tests, here and in other sub-domains' tests): on a data source of one's own. */
    public DefaultReportService(DataSource dataSource, ResponseScope scope) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    /** The same reports always read live (tests compare both). */
    DefaultReportService live() {
        DefaultReportService live = new DefaultReportService(dataSource, scope);
        live.useRollups = false;
        return live;
    }

    private boolean rollups(Connection connection, ReportFilter filter) throws SQLException {
        return useRollups && readRollups && ReportRollups.usable(connection, filter, scope.zone());
    }

    @Override
    public Dashboard dashboard(ReportFilter filter, TrendGranularity granularity) {
        TrendGranularity unit = granularity == null ? TrendGranularity.MONTH : granularity;
        ZoneId zone = scope.zone();
        ResponseScope.Where where = scope.where(filter);
        try (Connection connection = dataSource.getConnection()) {
            if (rollups(connection, filter)) {
                return rolledUp(connection, filter, unit, zone);
            }
            TreeMap<LocalDate, long[]> days = dailyCounts(connection, where, zone);
            long[] total = new long[Score.MAX + 1];
            days.values().forEach(counts -> add(total, counts));
            ScoreDistribution distribution = ScoreDistribution.ofCounts(total);
            Optional<Dashboard.PeriodComparison> comparison = Optional.empty();
            if (filter.from() != null && filter.to() != null) {
                long length = ChronoUnit.DAYS.between(filter.from(), filter.to()) + 1;
                LocalDate previousTo = filter.from().minusDays(1);
                LocalDate previousFrom = previousTo.minusDays(length - 1);
                NpsResult previous = categoryCounts(connection, scope.where(filter.withPeriod(previousFrom, previousTo)));
                comparison = Optional.of(new Dashboard.PeriodComparison(previousFrom, previousTo, previous,
                        distribution.toNps().changeSince(previous)));
            }
            // Invitations have no channel but email, nor touchpoint ratings: no rate for answers narrowed by either.
            Dashboard.ResponseRate rate = filter.channel() != null && filter.channel() != ResponseChannel.EMAIL
                    || filter.rated() != null
                    ? new Dashboard.ResponseRate(0, 0)
                    : responseRate(connection, scope.invitationsWhere(filter));
            return new Dashboard(filter, distribution, rate, comparison, unit, trend(days, filter, unit, zone));
        } catch (SQLException e) {
            throw new IllegalStateException("Dashboard query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The dashboard from the rollups: the counts per day of the period and of the previous one in one statement,
     * and the response rate in another (see {@link ReportRollups}).
     */
    private Dashboard rolledUp(Connection connection, ReportFilter filter, TrendGranularity unit, ZoneId zone) throws SQLException {
        LocalDate previousFrom = null;
        ReportFilter read = filter;
        if (filter.from() != null && filter.to() != null) {
            long length = ChronoUnit.DAYS.between(filter.from(), filter.to()) + 1;
            previousFrom = filter.from().minusDays(length);
            read = filter.withPeriod(previousFrom, filter.to());
        }
        TreeMap<LocalDate, long[]> all = ReportRollups.dailyCounts(connection, read, rolledWhere(read), zone);
        TreeMap<LocalDate, long[]> days = previousFrom == null ? all : new TreeMap<>(all.tailMap(filter.from(), true));
        long[] total = new long[Score.MAX + 1];
        days.values().forEach(counts -> add(total, counts));
        ScoreDistribution distribution = ScoreDistribution.ofCounts(total);
        Optional<Dashboard.PeriodComparison> comparison = Optional.empty();
        if (previousFrom != null) {
            long[] before = new long[Score.MAX + 1];
            all.headMap(filter.from(), false).values().forEach(counts -> add(before, counts));
            NpsResult previous = ScoreDistribution.ofCounts(before).toNps();
            comparison = Optional.of(new Dashboard.PeriodComparison(previousFrom, filter.from().minusDays(1), previous,
                    distribution.toNps().changeSince(previous)));
        }
        Dashboard.ResponseRate rate = filter.channel() != null && filter.channel() != ResponseChannel.EMAIL
                ? new Dashboard.ResponseRate(0, 0)
                : ReportRollups.responseRate(connection, filter, rolledInvitationsWhere(filter), zone);
        return new Dashboard(filter, distribution, rate, comparison, unit, trend(days, filter, unit, zone));
    }

    /**
     * The live conditions of a read from the rollups, for their dirty partitions: a segment's are its materialised
     * members (those its rollups count), not its rule now (see {@link ReportRollups#usable}).
     */
    private ResponseScope.Where rolledWhere(ReportFilter filter) {
        return filter.segmentId() == null ? scope.where(filter)
                : ResponseScope.where(filter, scope.zone(), SegmentRollups.members(filter.segmentId()), null);
    }

    private ResponseScope.Where rolledInvitationsWhere(ReportFilter filter) {
        return filter.segmentId() == null ? scope.invitationsWhere(filter)
                : ResponseScope.invitationsWhere(filter, scope.zone(), SegmentRollups.members(filter.segmentId()), null);
    }

    @Override
    public NpsResult nps(ReportFilter filter) {
        ResponseScope.Where where = scope.where(filter);
        try (Connection connection = dataSource.getConnection()) {
            if (rollups(connection, filter)) {
                long[] total = new long[Score.MAX + 1];
                ReportRollups.dailyCounts(connection, filter, rolledWhere(filter), scope.zone()).values().forEach(counts -> add(total, counts));
                return ScoreDistribution.ofCounts(total).toNps();
            }
            return categoryCounts(connection, where);
        } catch (SQLException e) {
            throw new IllegalStateException("NPS query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Dashboard.TrendPoint> daily(ReportFilter filter) {
        if (filter.from() == null || filter.to() == null) {
            throw new IllegalArgumentException("Answers per day need a period with a start and an end");
        }
        try (Connection connection = dataSource.getConnection()) {
            TreeMap<LocalDate, long[]> days = rollups(connection, filter)
                    ? ReportRollups.dailyCounts(connection, filter, rolledWhere(filter), scope.zone())
                    : dailyCounts(connection, scope.where(filter), scope.zone());
            return points(days, filter, day -> day.plusDays(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Daily answers query failed: " + e.getMessage(), e);
        }
    }

    /** Counts per day (in the report zone) and score. */
    private static TreeMap<LocalDate, long[]> dailyCounts(Connection connection, ResponseScope.Where where, ZoneId zone)
            throws SQLException {
        String day = SqlDialect.of(connection).dayInZone("r.responded_at");
        String sql = "SELECT d, s, COUNT(*) FROM (SELECT " + day + " AS d, r.score AS s"
                + ResponseScope.FROM + where.sql() + ") t GROUP BY d, s";
        List<Object> parameters = new ArrayList<>();
        parameters.add(zone.getId());
        parameters.addAll(where.parameters());
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                days.computeIfAbsent(LocalDate.parse(rs.getString(1)), d -> new long[Score.MAX + 1])[rs.getInt(2)] += rs.getLong(3);
            }
        }
        return days;
    }

    private static NpsResult categoryCounts(Connection connection, ResponseScope.Where where) throws SQLException {
        String sql = "SELECT " + NpsCategory.countsSql("r.score") + ResponseScope.FROM + where.sql();
        try (PreparedStatement statement = prepare(connection, sql, where.parameters()); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return NpsResult.ofCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /**
     * Recipients of first invitations, and those of them who answered (through the invitation or one of its
     * reminders). Answers flagged as suspected bots never count here: the first invitation only notes a
     * person's answer ({@code answered_at}), which keeps this one count read from an index.
     */
    private static Dashboard.ResponseRate responseRate(Connection connection, ResponseScope.Where where) throws SQLException {
        String sql = "SELECT COUNT(*), COUNT(i.answered_at)" + ResponseScope.INVITATIONS_FROM + where.sql();
        try (PreparedStatement statement = prepare(connection, sql, where.parameters()); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new Dashboard.ResponseRate(rs.getLong(1), rs.getLong(2));
        }
    }

    /**
     * One point per period from the filter's start (or the first answer) to its end (or the last answer,
     * or today), empty periods included so that gaps show; the first and last may be partial periods.
     */
    static List<Dashboard.TrendPoint> trend(TreeMap<LocalDate, long[]> days, ReportFilter filter, TrendGranularity unit,
            ZoneId zone) {
        return points(days, filter, unit::nextPeriodStart);
    }

    /** The trend's periods, each starting where {@code next} says the one before ends. */
    private static List<Dashboard.TrendPoint> points(TreeMap<LocalDate, long[]> days, ReportFilter filter,
            UnaryOperator<LocalDate> next) {
        if (days.isEmpty() && (filter.from() == null || filter.to() == null)) {
            return List.of();
        }
        LocalDate first = filter.from() != null ? filter.from() : days.firstKey();
        LocalDate last = filter.to() != null ? filter.to() : days.isEmpty() ? first : days.lastKey();
        List<Dashboard.TrendPoint> points = new ArrayList<>();
        NpsResult previous = null;
        for (LocalDate start = first; !start.isAfter(last); start = next.apply(start)) {
            LocalDate following = next.apply(start);
            LocalDate end = following.minusDays(1).isAfter(last) ? last : following.minusDays(1);
            long[] counts = new long[Score.MAX + 1];
            days.subMap(start, true, end, true).values().forEach(c -> add(counts, c));
            NpsResult nps = ScoreDistribution.ofCounts(counts).toNps();
            points.add(new Dashboard.TrendPoint(start, end, nps, previous == null ? NpsChange.UNKNOWN : nps.changeSince(previous)));
            previous = nps;
        }
        return points;
    }

    @Override
    public Breakdown breakdown(ReportFilter filter, Breakdown.Dimension dimension, String attribute) {
        if (dimension == null) {
            throw new InvalidInputException("dimension", "report.dimension.required", java.util.Arrays.toString(Breakdown.Dimension.values()));
        }
        ResponseScope.Where where = scope.where(filter);
        if (ReportRollups.keeps(dimension)) {
            try (Connection connection = dataSource.getConnection()) {
                if (rollups(connection, filter)) {
                    List<Breakdown.Row> rows = new ArrayList<>(ReportRollups.breakdown(connection, filter, dimension, rolledWhere(filter),
                            scope.zone()));
                    rows.sort(BREAKDOWN_ORDER);
                    return new Breakdown(dimension, null, rows);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Breakdown query failed: " + e.getMessage(), e);
            }
        }
        String key;
        String label;
        String from = ResponseScope.FROM;
        List<Object> parameters = new ArrayList<>();
        String attributeName = null;
        switch (dimension) {
            case JOURNEY_MOMENT -> {
                key = "k.trigger_event";
                label = "MIN(k.trigger_event)";
            }
            case CAMPAIGN -> {
                key = "r.campaign_id";
                label = "MIN(k.name)";
            }
            case LANGUAGE -> {
                key = "c.language";
                label = "MIN(c.language)";
            }
            case CHANNEL -> {
                key = "r.channel";
                label = "MIN(r.channel)";
            }
            case ATTRIBUTE -> {
                AttributeOption option = attributeNamed(attribute);
                attributeName = option.name();
                key = switch (option.type()) {
                    case TEXT -> "LOWER(a.text_value)";
                    case NUMBER -> "a.number_value";
                    case DATE -> "a.date_value";
                    case BOOLEAN -> "a.boolean_value";
                };
                // Text values group ignoring case, labelled by one of their spellings.
                label = option.type() == AttributeType.TEXT ? "MIN(a.text_value)" : "MIN(" + key + ")";
                // The attribute's value for each response's contact, if it has one.
                from = from + " LEFT JOIN contact_attribute a ON a.contact_id = r.contact_id"
                        + " AND a.attribute_id = (SELECT d.id FROM attribute_definition d WHERE d.name = ?)";
                parameters.add(option.name());
            }
            default -> throw new IllegalStateException("Unknown dimension " + dimension);
        }
        parameters.addAll(where.parameters());
        String sql = "SELECT " + key + ", " + label + ", " + NpsCategory.countsSql("r.score") + from + where.sql()
                + " GROUP BY " + key;
        List<Breakdown.Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new Breakdown.Row(text(rs.getObject(1)), text(rs.getObject(2)),
                        NpsResult.ofCounts(rs.getLong(3), rs.getLong(4), rs.getLong(5))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Breakdown query failed: " + e.getMessage(), e);
        }
        rows.sort(BREAKDOWN_ORDER);
        return new Breakdown(dimension, attributeName, rows);
    }

    /** Conclusive groups first, then by NPS (highest first), then by size, then by label. */
    static final Comparator<Breakdown.Row> BREAKDOWN_ORDER = Comparator
            .comparing((Breakdown.Row row) -> !row.nps().isConclusive())
            .thenComparing(row -> -row.nps().score().orElse(-1000.0))
            .thenComparing(row -> -row.nps().responses())
            .thenComparing(row -> row.label() == null ? "" : row.label());

    private AttributeOption attributeNamed(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            throw new InvalidInputException("by", "report.by.required");
        }
        String name;
        try {
            name = AttributeDefinition.normaliseName(attribute);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("by", InvalidValueException.reasonOf(e));
        }
        return options().attributes().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("by", "attribute.notFound", attribute));
    }

    @Override
    public FilterOptions options() {
        try (Connection connection = dataSource.getConnection()) {
            List<Option> campaigns = new ArrayList<>();
            List<String> moments = new ArrayList<>();
            List<Option> segments = new ArrayList<>();
            List<AttributeOption> attributes = new ArrayList<>();
            read(connection, "SELECT id, name FROM campaign ORDER BY name, id", rs -> campaigns.add(new Option(rs.getLong(1), rs.getString(2))));
            read(connection, "SELECT DISTINCT trigger_event FROM campaign WHERE trigger_event IS NOT NULL ORDER BY trigger_event",
                    rs -> moments.add(rs.getString(1)));
            read(connection, "SELECT id, name FROM segment ORDER BY name, id", rs -> segments.add(new Option(rs.getLong(1), rs.getString(2))));
            read(connection, "SELECT name, type FROM attribute_definition ORDER BY name",
                    rs -> attributes.add(new AttributeOption(rs.getString(1), AttributeType.valueOf(rs.getString(2)))));
            return new FilterOptions(campaigns, moments, segments, attributes);
        } catch (SQLException e) {
            throw new IllegalStateException("Report filter options failed: " + e.getMessage(), e);
        }
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void read(Connection connection, String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Jdbc.bind(statement, parameters);
        return statement;
    }

    /** Keys and labels as text; numbers without a needless ".0". */
    static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return value == null ? null : value.toString();
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts[i];
        }
    }
}
