package org.npsloop.reporting.followup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.npsloop.domain.followup.FollowUpRules;
import org.npsloop.domain.followup.FollowUpStatus;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.reporting.followup.FollowUpService.Assignee;
import org.npsloop.reporting.followup.FollowUpService.Page;
import org.npsloop.reporting.followup.FollowUpService.Query;
import org.npsloop.reporting.followup.FollowUpService.Row;
import org.npsloop.reporting.followup.FollowUpService.StatusCounts;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * The follow-up list and counts in plain SQL for H2 and PostgreSQL, every value bound. The ORDER BY is
 * {@link org.npsloop.domain.followup.FollowUpRules#comparator} in SQL (FollowUpQueriesTest checks they agree).
 */
final class FollowUpQueries {

    private static final String COLUMNS = "SELECT f.id, r.id, r.score, r.comment_text, r.contact_consent, r.responded_at,"
            + " c.id, c.email, c.first_name, c.last_name, k.name, u.username, u.display_name, u.email, f.status, f.due_on,"
            + " f.created_at";
    private static final String FROM = " FROM follow_up f JOIN response r ON r.id = f.response_id"
            + " LEFT JOIN contact c ON c.id = r.contact_id LEFT JOIN campaign k ON k.id = r.campaign_id"
            + " LEFT JOIN app_user u ON u.id = f.owner_id";
    /** Open first; overdue first; 5-6, then 0-4, then passives; earliest due; higher score; oldest. One parameter: today. */
    static final String ORDER = " ORDER BY CASE WHEN f.status = 'RESOLVED' THEN 1 ELSE 0 END,"
            + " CASE WHEN f.status <> 'RESOLVED' AND f.due_on < ? THEN 0 ELSE 1 END,"
            + " CASE WHEN r.score > " + NpsCategory.DETRACTOR.max() + " THEN 2 WHEN r.score >= 5 THEN 0 ELSE 1 END,"
            + " f.due_on, r.score DESC, f.id";

    private final DataSource dataSource;

    FollowUpQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Page list(Query q, LocalDate today) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (q.status() != null) {
            where.append(" AND f.status = ?");
            parameters.add(q.status().name());
        }
        if (q.owner() != null) {
            where.append(" AND u.username = ?");
            parameters.add(q.owner());
        }
        if (q.unassigned()) {
            where.append(" AND f.owner_id IS NULL");
        }
        if (q.overdueOnly()) {
            where.append(" AND f.status <> 'RESOLVED' AND f.due_on < ?");
            parameters.add(today);
        }
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(today);
        pageParameters.add(q.first());
        pageParameters.add(q.size());
        try (Connection db = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(db, "SELECT COUNT(*)" + FROM + where, parameters);
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement page = prepare(db, COLUMNS + FROM + where + ORDER + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    pageParameters); ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, today));
                }
            }
            return new Page(rows, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Follow-up list failed: " + e.getMessage(), e);
        }
    }

    Optional<Row> row(long id, LocalDate today) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement one = prepare(db, COLUMNS + FROM + " WHERE f.id = ?", List.of(id));
                ResultSet rs = one.executeQuery()) {
            return rs.next() ? Optional.of(row(rs, today)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Follow-up read failed: " + e.getMessage(), e);
        }
    }

    /** Over a report's scope ({@link ResponseScope#FROM} and its WHERE). */
    StatusCounts counts(ResponseScope.Where scope, LocalDate today) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(today);
        parameters.addAll(scope.parameters());
        String sql = "SELECT f.status, COUNT(*), SUM(CASE WHEN f.status <> 'RESOLVED' AND f.due_on < ? THEN 1 ELSE 0 END)"
                + ResponseScope.FROM + " JOIN follow_up f ON f.response_id = r.id" + scope.sql() + " GROUP BY f.status";
        long created = 0;
        long contacted = 0;
        long resolved = 0;
        long overdue = 0;
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = prepare(db, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(2);
                overdue += rs.getLong(3);
                switch (FollowUpStatus.valueOf(rs.getString(1))) {
                    case NEW -> created = n;
                    case CONTACTED -> contacted = n;
                    case RESOLVED -> resolved = n;
                    default -> throw new IllegalStateException();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Follow-up counts failed: " + e.getMessage(), e);
        }
        return new StatusCounts(created, contacted, resolved, overdue);
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Jdbc.bind(statement, parameters);
        return statement;
    }

    private static Row row(ResultSet rs, LocalDate today) throws SQLException {
        int score = rs.getInt(3);
        long contactId = rs.getLong(7);
        Long contact = rs.wasNull() ? null : contactId;
        String name = ((rs.getString(9) == null ? "" : rs.getString(9)) + " "
                + (rs.getString(10) == null ? "" : rs.getString(10))).strip();
        String username = rs.getString(12);
        Assignee owner = username == null ? null : new Assignee(username, rs.getString(13), rs.getString(14));
        FollowUpStatus status = FollowUpStatus.valueOf(rs.getString(15));
        LocalDate dueOn = rs.getObject(16, LocalDate.class);
        return new Row(rs.getLong(1), rs.getLong(2), score, NpsCategory.of(score), rs.getString(4), rs.getBoolean(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), contact, rs.getString(8), name.isEmpty() ? null : name,
                rs.getString(11), owner, status, dueOn, FollowUpRules.overdue(status, dueOn, today),
                rs.getObject(17, OffsetDateTime.class).toInstant());
    }
}
