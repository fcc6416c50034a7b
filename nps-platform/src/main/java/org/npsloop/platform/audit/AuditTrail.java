package org.npsloop.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.platform.jdbc.SqlDialect;

/**
 * Writes and reads the audit trail ({@code audit_event}, migration V33). There is no update or delete here: the
 * only rows that ever leave are those the retention purge removes (PostgreSQL's trigger refuses anything else).
 */
public final class AuditTrail {

    /** What a row says. {@code changes} is JSON: {"field": {"before": ..., "after": ...}} or the values written. */
    public record Event(long id, Instant occurredAt, String actor, String sourceAddress, String action, String entity,
            String entityId, String summary, String changes) implements java.io.Serializable {
    }

    /** Which rows to read; null or blank criteria select everything. */
    public record Filter(String actor, String entity, String entityId, Instant from, Instant to) implements java.io.Serializable {
    }

    /** One page of events, newest first, and how many there are in all. */
    public record Page(long total, List<Event> events) implements java.io.Serializable {
    }

    private AuditTrail() {
    }

    /** Appends one event, in the caller's transaction when it has one. */
    public static void record(Connection connection, Instant at, AuditActor actor, String action, String entity,
            String entityId, String summary, String changes) throws SQLException {
        SqlDialect dialect = SqlDialect.of(connection);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (id, occurred_at, actor,"
                + " source_address, action, entity, entity_id, summary, changes) VALUES ((" + dialect.nextValue("audit_event_seq")
                + "), ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setString(2, cut(actor.name(), 200));
            insert.setString(3, cut(actor.address(), 100));
            insert.setString(4, cut(action, 20));
            insert.setString(5, cut(entity, 100));
            insert.setString(6, cut(entityId, 100));
            insert.setString(7, cut(summary, 1000));
            insert.setString(8, changes);
            insert.executeUpdate();
        }
    }

    /** A page of the events the filter selects, newest first. */
    public static Page read(Connection connection, Filter filter, int first, int max) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" AND actor = ?");
            values.add(filter.actor().strip());
        }
        if (filter.entity() != null && !filter.entity().isBlank()) {
            where.append(" AND entity = ?");
            values.add(filter.entity().strip());
        }
        if (filter.entityId() != null && !filter.entityId().isBlank()) {
            where.append(" AND entity_id = ?");
            values.add(filter.entityId().strip());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            values.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            values.add(Timestamp.from(filter.to()));
        }
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_event" + where)) {
            bind(count, values);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<Event> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, occurred_at, actor, source_address, action,"
                + " entity, entity_id, summary, changes FROM audit_event" + where + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            bind(select, values);
            select.setInt(values.size() + 1, Math.max(0, first));
            select.setInt(values.size() + 2, Math.max(1, Math.min(100_000, max)));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        return new Page(total, events);
    }

    /** Who the retention purge is in the trail. */
    public static final AuditActor RETENTION = new AuditActor("system:retention", null);

    /**
     * Removes the events older than {@code retentionDays} (as the database's clock counts them), and records that it
     * did, in one transaction. On PostgreSQL the table's trigger lets this delete through only because the
     * transaction names the retention ({@code npsloop.audit_purge}), and only for rows that old.
     *
     * @return how many events were removed
     */
    public static int purge(Connection connection, int retentionDays) throws SQLException {
        if (retentionDays <= 0) {
            throw new IllegalArgumentException("A retention of at least one day: " + retentionDays);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            boolean postgreSql = SqlDialect.of(connection) == SqlDialect.POSTGRESQL;
            if (postgreSql) {
                try (PreparedStatement allow = connection.prepareStatement("SELECT set_config('npsloop.audit_purge', ?, true)")) {
                    allow.setString(1, String.valueOf(retentionDays));
                    allow.execute();
                }
            }
            int removed;
            try (PreparedStatement delete = connection.prepareStatement(postgreSql
                    ? "DELETE FROM audit_event WHERE occurred_at < now() - make_interval(days => ?)"
                    : "DELETE FROM audit_event WHERE occurred_at < DATEADD(DAY, -CAST(? AS INT), CURRENT_TIMESTAMP)")) {
                delete.setInt(1, retentionDays);
                removed = delete.executeUpdate();
            }
            if (removed > 0) {
                record(connection, Instant.now(), RETENTION, "PURGE", "AuditEvent", null,
                        removed + " events older than " + retentionDays + " days removed", null);
            }
            connection.commit();
            return removed;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
