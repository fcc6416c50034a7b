package org.npsloop.campaigns.audience.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.npsloop.campaigns.audience.AudienceConditions;
import org.npsloop.campaigns.audience.ContactSummary;
import org.npsloop.domain.audience.ContactStatus;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.segment.AttributeCatalog;
import org.npsloop.domain.segment.AttributeRef;
import org.npsloop.domain.segment.SegmentRule;
import org.npsloop.domain.segment.SegmentSqlTranslator;
import org.npsloop.domain.segment.SqlCondition;
import org.npsloop.platform.jdbc.Jdbc;

/** Runs segment rules in the database: counts, samples, and row streams for exports and sending. */
@ApplicationScoped
public class AudienceQueries implements AudienceConditions {

    private static final String SUMMARY_COLUMNS =
            "c.id, c.email, c.first_name, c.last_name, c.language, c.status, c.created_at, c.updated_at";

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private DefaultAttributeService attributes;

    @Inject
    private Clock clock;

    private final SegmentSqlTranslator translator = new SegmentSqlTranslator();

    /** @throws IllegalArgumentException when the rule names an unknown attribute or mismatches types */
    @Override
    public SqlCondition condition(SegmentRule rule) {
        return condition(rule, catalog());
    }

    /** With the catalog read once for many rules. */
    SqlCondition condition(SegmentRule rule, AttributeCatalog catalog) {
        return translator.translate(rule, catalog, clock.instant());
    }

    AttributeCatalog catalog() {
        return AttributeCatalog.of(attributes.definitions().values().stream().map(AttributeRef::of).toList());
    }

    long count(SqlCondition condition, boolean reachableOnly) {
        String sql = "SELECT COUNT(*) FROM contact c WHERE (" + condition.sql() + ")"
                + (reachableOnly ? " AND c.status = 'ACTIVE'" : "");
        return query(sql, condition.parameters(), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** How many contacts match each condition, in order, from one scan of the contacts. */
    List<Long> countEach(List<SqlCondition> conditions) {
        if (conditions.isEmpty()) {
            return List.of();
        }
        SqlCondition.Counting counting = SqlCondition.countEach(conditions);
        return query(counting.sql(), counting.parameters(), rs -> {
            rs.next();
            List<Long> counts = new ArrayList<>();
            for (int i = 1; i <= conditions.size(); i++) {
                counts.add(rs.getLong(i));
            }
            return counts;
        });
    }

    List<ContactSummary> sample(SqlCondition condition, int size) {
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM contact c WHERE (" + condition.sql()
                + ") ORDER BY c.id FETCH FIRST " + size + " ROWS ONLY";
        return query(sql, condition.parameters(), rs -> {
            List<ContactSummary> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(summary(rs));
            }
            return rows;
        });
    }

    interface RowsReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> T query(String sql, List<Object> parameters, RowsReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audience query failed: " + e.getMessage(), e);
        }
    }

    static ContactSummary summary(ResultSet rs) throws SQLException {
        return new ContactSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Language.valueOf(rs.getString(5)), ContactStatus.valueOf(rs.getString(6)),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getObject(8, OffsetDateTime.class).toInstant());
    }
}
