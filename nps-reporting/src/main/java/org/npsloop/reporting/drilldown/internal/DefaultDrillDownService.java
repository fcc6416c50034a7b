package org.npsloop.reporting.drilldown.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.npsloop.domain.nps.KeyDriver;
import org.npsloop.domain.nps.KeyDrivers;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.domain.question.RatingScale;
import org.npsloop.domain.schema.Database;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.drilldown.ChoiceDistribution;
import org.npsloop.reporting.drilldown.DrillDownService;
import org.npsloop.reporting.drilldown.Driver;
import org.npsloop.reporting.drilldown.TouchpointRatings;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * One GROUP BY per figure over the responses of {@link ResponseScope} joined to their additional answers. Touchpoint
 * means come from the moments COUNT, SUM and SUM of squares per (touchpoint, scale, day in the report zone), summed
 * in memory into the whole period and each period of the trend, so the two always agree.
 */
@ApplicationScoped
public class DefaultDrillDownService implements DrillDownService {

    /** The rating answers of the scope's responses: answer {@code a}, question {@code q}, touchpoint {@code t}. */
    private static final String RATINGS = ResponseScope.FROM + " JOIN response_answer a ON a.response_id = r.id"
            + " JOIN survey_question q ON q.id = a.question_id JOIN touchpoint t ON t.id = q.touchpoint_id";

    private static final String IS_RATING = " AND q.kind = 'TOUCHPOINT_RATING' AND a.rating IS NOT NULL";

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private ResponseScope scope;

    public DefaultDrillDownService() {
        // for CDI
    }

    /** Outside the container (tests): on a data source of one's own. */
    DefaultDrillDownService(DataSource dataSource, ResponseScope scope) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    private record Key(String touchpoint, RatingScale scale) {
    }

    private record TouchpointLabels(String labelEn, String labelFr, int position) {
    }

    /** In the touchpoints' order, then 1-5 before 0-10. */
    private static Comparator<Key> order(Map<String, TouchpointLabels> labels) {
        return Comparator.comparingInt((Key key) -> labels.get(key.touchpoint()).position())
                .thenComparing(Key::touchpoint).thenComparing(Key::scale);
    }

    @Override
    public TouchpointRatings touchpoints(ReportFilter filter, TrendGranularity granularity) {
        TrendGranularity unit = granularity == null ? TrendGranularity.MONTH : granularity;
        ResponseScope.Where where = scope.where(filter);
        try (Connection connection = dataSource.getConnection()) {
            Map<String, TouchpointLabels> labels = labels(connection);
            String day = SqlDialect.of(connection).dayInZone("r.responded_at");
            String sql = "SELECT code, scale, d, COUNT(v), SUM(v), SUM(v * v) FROM (SELECT t.code AS code,"
                    + " q.rating_scale AS scale, " + day + " AS d, CAST(a.rating AS BIGINT) AS v" + RATINGS + where.sql()
                    + IS_RATING + ") x GROUP BY code, scale, d";
            List<Object> parameters = new ArrayList<>();
            parameters.add(scope.zone().getId());
            parameters.addAll(where.parameters());
            Map<Key, TreeMap<LocalDate, RatingSummary>> days = new TreeMap<>(order(labels));
            try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    days.computeIfAbsent(new Key(rs.getString(1), RatingScale.valueOf(rs.getString(2))), k -> new TreeMap<>())
                            .put(LocalDate.parse(rs.getString(3)), RatingSummary.ofMoments(rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }
            }
            LocalDate first = filter.from() != null ? filter.from()
                    : days.values().stream().map(TreeMap::firstKey).min(Comparator.naturalOrder()).orElse(null);
            LocalDate last = filter.to() != null ? filter.to()
                    : days.values().stream().map(TreeMap::lastKey).max(Comparator.naturalOrder()).orElse(first);
            List<TouchpointRatings.Row> rows = new ArrayList<>();
            days.forEach((key, byDay) -> {
                TouchpointLabels label = labels.get(key.touchpoint());
                rows.add(new TouchpointRatings.Row(key.touchpoint(), label.labelEn(), label.labelFr(), key.scale(),
                        sum(byDay.values()), trend(byDay, first, last, unit)));
            });
            return new TouchpointRatings(filter, unit, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Touchpoint ratings query failed: " + e.getMessage(), e);
        }
    }

    /** One point per period from the first to the last day, empty periods included so that gaps show. */
    static List<TouchpointRatings.Point> trend(TreeMap<LocalDate, RatingSummary> byDay, LocalDate first, LocalDate last,
            TrendGranularity unit) {
        List<TouchpointRatings.Point> points = new ArrayList<>();
        if (first == null) {
            return points;
        }
        for (LocalDate start = first; !start.isAfter(last); start = unit.nextPeriodStart(start)) {
            LocalDate end = unit.nextPeriodStart(start).minusDays(1);
            end = end.isAfter(last) ? last : end;
            points.add(new TouchpointRatings.Point(start, end, sum(byDay.subMap(start, true, end, true).values())));
        }
        return points;
    }

    private static RatingSummary sum(Iterable<RatingSummary> summaries) {
        long n = 0;
        double sum = 0;
        double squares = 0;
        for (RatingSummary summary : summaries) {
            n += summary.n();
            sum += summary.sum();
            squares += summary.sumOfSquares();
        }
        return RatingSummary.ofMoments(n, sum, squares);
    }

    @Override
    public List<Driver> drivers(ReportFilter filter) {
        ResponseScope.Where where = scope.where(filter);
        String sql = "SELECT code, scale, high, " + NpsCategory.countsSql("s") + " FROM (SELECT t.code AS code,"
                + " q.rating_scale AS scale, CASE WHEN a.rating >= " + RatingScale.highFromSql("q.rating_scale")
                + " THEN 1 ELSE 0 END AS high, r.score AS s" + RATINGS + where.sql() + IS_RATING + ") x GROUP BY code, scale, high";
        try (Connection connection = dataSource.getConnection()) {
            Map<String, TouchpointLabels> labels = labels(connection);
            Map<Key, NpsResult[]> groups = new TreeMap<>(order(labels));
            try (PreparedStatement statement = prepare(connection, sql, where.parameters()); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    NpsResult[] lowHigh = groups.computeIfAbsent(new Key(rs.getString(1), RatingScale.valueOf(rs.getString(2))),
                            k -> new NpsResult[] {NpsResult.ofCounts(0, 0, 0), NpsResult.ofCounts(0, 0, 0)});
                    lowHigh[rs.getInt(3)] = NpsResult.ofCounts(rs.getLong(4), rs.getLong(5), rs.getLong(6));
                }
            }
            // KeyDrivers.rank returns the very instances it was given: they lead back to their touchpoint and scale.
            Map<KeyDriver, Driver> drivers = new IdentityHashMap<>();
            List<KeyDriver> inOrder = new ArrayList<>();
            groups.forEach((key, lowHigh) -> {
                TouchpointLabels label = labels.get(key.touchpoint());
                KeyDriver driver = new KeyDriver(key.touchpoint(), label.labelEn(), lowHigh[1], lowHigh[0]);
                drivers.put(driver, new Driver(key.touchpoint(), label.labelEn(), label.labelFr(), key.scale(), driver));
                inOrder.add(driver);
            });
            return KeyDrivers.rank(inOrder).stream().map(drivers::get).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Key drivers query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ChoiceDistribution> choices(ReportFilter filter) {
        ResponseScope.Where where = scope.where(filter);
        String answers = ResponseScope.FROM + " JOIN response_answer a ON a.response_id = r.id"
                + " JOIN survey_question q ON q.id = a.question_id";
        String counts = NpsCategory.countsSql("r.score");
        // Who answered: a yes or a no, or at least one option chosen.
        String answeredSql = "SELECT q.id, " + counts + answers + where.sql()
                + " AND ((q.kind = 'YES_NO' AND a.yes_no IS NOT NULL) OR (q.kind IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE')"
                + " AND EXISTS (SELECT 1 FROM response_answer_choice h WHERE h.answer_id = a.id))) GROUP BY q.id";
        String chosenSql = "SELECT q.id, h.choice_code, " + counts + answers
                + " JOIN response_answer_choice h ON h.answer_id = a.id" + where.sql()
                + " AND q.kind IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE') GROUP BY q.id, h.choice_code";
        String yesNoSql = "SELECT q.id, CASE WHEN a.yes_no THEN 'YES' ELSE 'NO' END, " + counts + answers + where.sql()
                + " AND q.kind = 'YES_NO' AND a.yes_no IS NOT NULL GROUP BY q.id, a.yes_no";
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, NpsResult> answered = new LinkedHashMap<>();
            Map<Long, Map<String, NpsResult>> chosen = new LinkedHashMap<>();
            try (PreparedStatement statement = prepare(connection, answeredSql, where.parameters());
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    answered.put(rs.getLong(1), NpsResult.ofCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            for (String sql : List.of(chosenSql, yesNoSql)) {
                try (PreparedStatement statement = prepare(connection, sql, where.parameters());
                        ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        chosen.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>())
                                .put(rs.getString(2), NpsResult.ofCounts(rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
            return answered.isEmpty() ? List.of() : distributions(connection, answered, chosen);
        } catch (SQLException e) {
            throw new IllegalStateException("Choice distribution query failed: " + e.getMessage(), e);
        }
    }

    /** The questions answered, by survey name then position, each with its options in order and their counts. */
    private static List<ChoiceDistribution> distributions(Connection connection, Map<Long, NpsResult> answered,
            Map<Long, Map<String, NpsResult>> chosen) throws SQLException {
        List<Long> ids = List.copyOf(answered.keySet());
        Map<Long, List<String[]>> listed = new LinkedHashMap<>();
        try (PreparedStatement statement = prepare(connection, "SELECT question_id, code, label_en, label_fr"
                + " FROM survey_question_choice WHERE question_id IN (" + SqlDialect.placeholders(ids.size()) + ")"
                + " ORDER BY question_id, position", ids); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                listed.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        List<ChoiceDistribution> distributions = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, "SELECT q.id, s.name, q.kind, q.text_en, q.text_fr"
                + " FROM survey_question q JOIN survey s ON s.id = q.survey_id WHERE q.id IN ("
                + SqlDialect.placeholders(ids.size()) + ") ORDER BY s.name, s.id, q.position, q.id", ids);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                QuestionKind kind = QuestionKind.valueOf(rs.getString(3));
                Map<String, NpsResult> counts = new LinkedHashMap<>(chosen.getOrDefault(id, Map.of()));
                List<ChoiceDistribution.Option> options = new ArrayList<>();
                if (kind == QuestionKind.YES_NO) {
                    for (String code : List.of("YES", "NO")) {
                        options.add(new ChoiceDistribution.Option(code, null, null, orNone(counts.remove(code))));
                    }
                } else {
                    for (String[] option : listed.getOrDefault(id, List.of())) {
                        options.add(new ChoiceDistribution.Option(option[0], option[1], option[2], orNone(counts.remove(option[0]))));
                    }
                    // A code answered before its option was removed: shown by its code rather than dropped.
                    counts.forEach((code, n) -> options.add(new ChoiceDistribution.Option(code, code, code, n)));
                }
                distributions.add(new ChoiceDistribution(id, rs.getString(2), kind, rs.getString(4), rs.getString(5),
                        answered.get(id), options));
            }
        }
        return distributions;
    }

    private static NpsResult orNone(NpsResult counts) {
        return counts == null ? NpsResult.ofCounts(0, 0, 0) : counts;
    }

    private static Map<String, TouchpointLabels> labels(Connection connection) throws SQLException {
        Map<String, TouchpointLabels> labels = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT code, label_en, label_fr, position FROM touchpoint");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                labels.put(rs.getString(1), new TouchpointLabels(rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
        }
        return labels;
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Jdbc.bind(statement, parameters);
        return statement;
    }
}
