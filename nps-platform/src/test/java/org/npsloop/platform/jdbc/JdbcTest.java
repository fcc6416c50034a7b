package org.npsloop.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Binding on H2 here, on PostgreSQL in {@link JdbcPostgreSqlTest} (where untyped NULLs are the delicate part). */
class JdbcTest {

    enum Channel { EMAIL, PHONE }

    static final Instant AT = Instant.parse("2026-11-22T10:00:00.123456Z");

    Connection connection;

    Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
    }

    @BeforeEach
    void table() throws SQLException {
        connection = open();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER, label VARCHAR(20), at TIMESTAMP WITH TIME ZONE, "
                    + "flag BOOLEAN)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void instantsAreWrittenInUtcEnumsByNameNullsUntyped() throws SQLException {
        assertEquals(1, Jdbc.update(connection, "INSERT INTO t (id, n, label, at, flag) VALUES (?, ?, ?, ?, ?)",
                1L, 7, Channel.PHONE, AT, true));
        assertEquals(1, Jdbc.update(connection, "INSERT INTO t (id, n, label, at, flag) VALUES (?, ?, ?, ?, ?)",
                2L, null, null, null, null));
        try (PreparedStatement select = connection.prepareStatement("SELECT n, label, at, flag FROM t WHERE id = ?")) {
            Jdbc.bind(select, List.of(1L));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                assertEquals(7, rs.getInt(1));
                assertEquals("PHONE", rs.getString(2));
                assertEquals(AT, Jdbc.instant(rs, 3));
                assertEquals(ZoneOffset.UTC, rs.getObject(3, OffsetDateTime.class).getOffset());
            }
            Jdbc.bind(select, 2L);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                assertNull(Jdbc.nullableLong(rs, 1));
                assertNull(rs.getString(2));
                assertNull(Jdbc.instant(rs, 3));
            }
        }
    }

    @Test
    void aNullMeetsItsTypeInAComparisonAnUpdateAndACast() throws SQLException {
        Jdbc.update(connection, "INSERT INTO t (id, n, label, at) VALUES (1, 5, 'x', ?)", AT);
        assertEquals(1, Jdbc.update(connection, "UPDATE t SET n = ?, label = ? WHERE id = ?", null, null, 1L));
        assertEquals(0, Jdbc.update(connection, "UPDATE t SET n = 1 WHERE n = ?", (Object) null));
        assertEquals(1, Jdbc.update(connection,
                "UPDATE t SET at = COALESCE(CAST(? AS TIMESTAMP WITH TIME ZONE), at) WHERE id = 1", (Object) null));
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT at FROM t WHERE id = 1")) {
            rs.next();
            assertEquals(AT, Jdbc.instant(rs, 1));
        }
    }

    @Test
    void instantsAndNullableValuesConvertBothWays() {
        assertNull(Jdbc.utc(null));
        assertNull(Jdbc.instant((OffsetDateTime) null));
        assertEquals(AT, Jdbc.instant(Jdbc.utc(AT)));
    }
}
