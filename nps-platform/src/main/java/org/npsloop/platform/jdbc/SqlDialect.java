package org.npsloop.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What plain JDBC needs that H2 and PostgreSQL spell differently: the next value of a sequence, ANALYZE,
 * the day of a timestamp in a zone. Ids are taken in blocks of 50 exactly as EclipseLink does (value V stands for V-49..V),
 * so JDBC and JPA inserts never collide.
 */
public enum SqlDialect {
    H2("SELECT NEXT VALUE FOR %s", "ANALYZE TABLE %s"),
    POSTGRESQL("SELECT nextval('%s')", "ANALYZE %s");

    static final int ALLOCATION_SIZE = 50;

    private final String nextValue;
    private final String analyze;

    SqlDialect(String nextValue, String analyze) {
        this.nextValue = nextValue;
        this.analyze = analyze;
    }

    /**
     * Refreshes the planner's statistics of a table that a bulk load is growing. Without it,
     * PostgreSQL keeps believing a freshly filled table is empty and answers every email lookup of
     * an import with a full scan: the first 100,000-line import into an empty base took 22 s instead
     * of 6.
     */
    public void analyze(Connection connection, String table) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(String.format(analyze, table));
        }
    }

    /** The statement that returns the top of a fresh block of {@link #ALLOCATION_SIZE} ids. */
    public String nextValue(String sequence) {
        return String.format(nextValue, sequence);
    }

    /**
     * The day ('yyyy-MM-dd', read back with getString) of a TIMESTAMP WITH TIME ZONE expression in a zone
     * that is the statement's next parameter (a zone id). Both take the zone as a bound parameter of AT
     * TIME ZONE; H2 casts to DATE in the session's zone, so it formats the converted timestamp instead.
     */
    public String dayInZone(String timestamp) {
        return this == H2 ? "FORMATDATETIME(" + timestamp + " AT TIME ZONE ?, 'yyyy-MM-dd')"
                : "CAST(" + timestamp + " AT TIME ZONE ? AS DATE)";
    }

    /** The database of a connection, from its product name. */
    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }

    /** "?, ?, ?" for an IN list of {@code count} parameters. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** @return {@code count} fresh ids from the sequence */
    public Deque<Long> allocateIds(Connection connection, String sequence, int count) throws SQLException {
        Deque<Long> ids = new ArrayDeque<>(count);
        try (PreparedStatement next = connection.prepareStatement(String.format(nextValue, sequence))) {
            while (ids.size() < count) {
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    long top = rs.getLong(1);
                    for (long id = top - ALLOCATION_SIZE + 1; id <= top; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }
}
