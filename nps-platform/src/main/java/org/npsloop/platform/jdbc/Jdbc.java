package org.npsloop.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Parameters and values of plain JDBC statements, the same way everywhere: instants are written as
 * UTC {@link OffsetDateTime}s (bound natively by H2 and PostgreSQL, whatever the JVM's zone), enums by
 * name, nulls as an untyped SQL NULL that each database types from the column it meets.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Binds {@code values} to parameters 1, 2... in order; see the class comment for how each is written. */
    public static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            set(statement, i + 1, values[i]);
        }
    }

    public static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            set(statement, i + 1, values.get(i));
        }
    }

    /** One parameter. */
    public static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, utc(instant));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE with its parameters; @return the rows it changed. */
    public static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** A TIMESTAMP WITH TIME ZONE column as an Instant, null for NULL. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        return instant(row.getObject(column, OffsetDateTime.class));
    }

    /** A BIGINT column, null for NULL. */
    public static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
