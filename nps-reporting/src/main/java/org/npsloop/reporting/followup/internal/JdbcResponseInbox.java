package org.npsloop.reporting.followup.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.text.LikePattern;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.reporting.followup.ResponseInbox;

/**
 * The inbox in plain SQL that runs on H2 and PostgreSQL: every filter is a bound parameter, the page
 * is cut by the database ({@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}), newest first.
 */
@ApplicationScoped
public class JdbcResponseInbox implements ResponseInbox {

    private static final String FROM = " FROM response r LEFT JOIN contact c ON c.id = r.contact_id"
            + " LEFT JOIN campaign k ON k.id = r.campaign_id";

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    public JdbcResponseInbox() {
        // for CDI
    }

    /** Outside the container (tests): on a data source of one's own. */
    JdbcResponseInbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The WHERE clause and its parameters, in order; package-private for tests. */
    record Where(String sql, List<Object> parameters) {
    }

    static Where where(Query q) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND r.responded_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            sql.append(" AND r.responded_at < ?");
            parameters.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.category() != null) {
            sql.append(" AND ").append(q.category().sqlCondition("r.score"));
        }
        if (q.channel() != null) {
            sql.append(" AND r.channel = ?");
            parameters.add(q.channel().name());
        }
        if (q.campaignId() != null) {
            sql.append(" AND r.campaign_id = ?");
            parameters.add(q.campaignId());
        }
        if (q.journeyMoment() != null) {
            sql.append(" AND k.trigger_event = ?");
            parameters.add(q.journeyMoment().toUpperCase(Locale.ROOT));
        }
        if (q.hasComment() != null) {
            sql.append(q.hasComment() ? " AND r.comment_text IS NOT NULL" : " AND r.comment_text IS NULL");
        }
        switch (q.flagged()) {
            case HIDE -> sql.append(" AND r.flagged = FALSE");
            case ONLY -> sql.append(" AND r.flagged = TRUE");
            default -> { }
        }
        if (q.text() != null) {
            String pattern = LikePattern.containsIgnoringCase(q.text());
            sql.append(" AND (LOWER(r.comment_text) LIKE ? ESCAPE '\\' OR c.email LIKE ? ESCAPE '\\'"
                    + " OR LOWER(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')) LIKE ? ESCAPE '\\')");
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        }
        return new Where(sql.toString(), parameters);
    }

    @Override
    public Page search(Query query) {
        Where where = where(query);
        List<Object> pageParameters = new ArrayList<>(where.parameters());
        pageParameters.add(query.first());
        pageParameters.add(query.size());
        String rowsSql = "SELECT r.id, r.responded_at, r.score, r.comment_text, r.contact_consent, r.channel, r.campaign_id,"
                + " k.name, k.trigger_event, r.contact_id, c.email, c.first_name, c.last_name, r.flagged, r.flag_reason,"
                + " r.entered_by" + FROM + where.sql()
                + " ORDER BY r.responded_at DESC, r.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT COUNT(*)" + FROM + where.sql(), where.parameters());
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement page = prepare(connection, rowsSql, pageParameters); ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return new Page(rows, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Response inbox query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<CampaignOption> campaigns() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, name, trigger_event FROM campaign ORDER BY name, id");
                ResultSet rs = statement.executeQuery()) {
            List<CampaignOption> options = new ArrayList<>();
            while (rs.next()) {
                options.add(new CampaignOption(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
            return options;
        } catch (SQLException e) {
            throw new IllegalStateException("Campaign list failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> journeyMoments() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT DISTINCT trigger_event FROM campaign WHERE trigger_event IS NOT NULL ORDER BY trigger_event");
                ResultSet rs = statement.executeQuery()) {
            List<String> moments = new ArrayList<>();
            while (rs.next()) {
                moments.add(rs.getString(1));
            }
            return moments;
        } catch (SQLException e) {
            throw new IllegalStateException("Journey moments failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Jdbc.bind(statement, parameters);
        return statement;
    }

    private static Row row(ResultSet rs) throws SQLException {
        int score = rs.getInt(3);
        long campaignId = rs.getLong(7);
        Long campaign = rs.wasNull() ? null : campaignId;
        long contactId = rs.getLong(10);
        Long contact = rs.wasNull() ? null : contactId;
        String name = ((rs.getString(12) == null ? "" : rs.getString(12)) + " "
                + (rs.getString(13) == null ? "" : rs.getString(13))).strip();
        return new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), score, NpsCategory.of(score),
                rs.getString(4), rs.getBoolean(5), ResponseChannel.valueOf(rs.getString(6)), campaign, rs.getString(8),
                rs.getString(9), contact, rs.getString(11), name.isEmpty() ? null : name, rs.getBoolean(14),
                rs.getString(15), rs.getString(16));
    }
}
