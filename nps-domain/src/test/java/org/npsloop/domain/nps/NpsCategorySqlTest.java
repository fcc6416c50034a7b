package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQL the reports and filters use, evaluated by a database, agrees with {@link NpsCategory#of} on every score. */
class NpsCategorySqlTest {

    private Connection connection;

    @BeforeEach
    void scores() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE response (score SMALLINT NOT NULL)");
            for (int score = Score.MIN; score <= Score.MAX; score++) {
                s.execute("INSERT INTO response (score) VALUES (" + score + ")");
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void eachConditionSelectsExactlyTheScoresOfItsCategory() throws SQLException {
        Map<NpsCategory, List<Integer>> expected = new EnumMap<>(NpsCategory.class);
        for (int score = Score.MIN; score <= Score.MAX; score++) {
            expected.computeIfAbsent(NpsCategory.of(score), c -> new ArrayList<>()).add(score);
        }
        for (NpsCategory category : NpsCategory.values()) {
            List<Integer> selected = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT r.score FROM response r WHERE " + category.sqlCondition("r.score") + " ORDER BY r.score")) {
                while (rs.next()) {
                    selected.add(rs.getInt(1));
                }
            }
            assertEquals(expected.get(category), selected, category.name());
        }
    }

    @Test
    void theCountsPutEachScoreInItsCategoryInTheOrderOfOfCounts() throws SQLException {
        for (int score = Score.MIN; score <= Score.MAX; score++) {
            long[] counts = counts(" WHERE r.score = " + score);
            NpsCategory category = NpsCategory.of(score);
            assertEquals(category == NpsCategory.PROMOTER ? 1 : 0, counts[0], "promoters at " + score);
            assertEquals(category == NpsCategory.PASSIVE ? 1 : 0, counts[1], "passives at " + score);
            assertEquals(category == NpsCategory.DETRACTOR ? 1 : 0, counts[2], "detractors at " + score);
        }
        long[] all = counts("");
        assertEquals(NpsResult.ofCounts(2, 2, 7), NpsResult.ofCounts(all[0], all[1], all[2]));
    }

    @Test
    void noRowsCountZeroNotNull() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT " + NpsCategory.countsSql("r.score") + " FROM response r WHERE 1 = 0")) {
            rs.next();
            for (int column = 1; column <= 3; column++) {
                rs.getLong(column);
                assertEquals(false, rs.wasNull(), "column " + column);
            }
        }
    }

    private long[] counts(String where) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT " + NpsCategory.countsSql("r.score") + " FROM response r" + where)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }
}
