package org.npsloop.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The pattern on H2 with the real migrations (PostgreSQL: SecurityIT's contacts search). */
class LikePatternTest {

    @Test
    void escapesTheWildcardsAndTheEscapeCharacter() {
        assertEquals("a\\%b\\_c\\\\d", LikePattern.escape("a%b_c\\d"));
        assertEquals("%50\\%%", LikePattern.containsIgnoringCase(" 50% "));
    }

    @Test
    void percentAndUnderscoreMatchThemselvesInTheDatabase() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO contact (id, email, last_name, language, status, created_at, updated_at, version) VALUES "
                        + "(1, 'a@exemple.fr', 'Promo 50% off', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                        + "(2, 'b@exemple.fr', 'Promo 500 off', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                        + "(3, 'c_d@exemple.fr', 'Back\\slash', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                        + "(4, 'cxd@exemple.fr', 'Backslash', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            }
            assertEquals(List.of(1L), ids(c, "last_name", "50%"));
            assertEquals(List.of(1L, 2L), ids(c, "last_name", "50"));
            assertEquals(List.of(3L), ids(c, "email", "c_d"));
            assertEquals(List.of(3L), ids(c, "last_name", "k\\s"));
        }
    }

    private static List<Long> ids(Connection c, String column, String text) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT id FROM contact WHERE LOWER(" + column + ") LIKE ?"
                + LikePattern.ESCAPE + " ORDER BY id")) {
            query.setString(1, LikePattern.containsIgnoringCase(text));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }
}
