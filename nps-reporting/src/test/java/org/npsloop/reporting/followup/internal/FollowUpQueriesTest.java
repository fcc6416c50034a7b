package org.npsloop.reporting.followup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.followup.FollowUpRules;
import org.npsloop.domain.followup.FollowUpStatus;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.reporting.followup.FollowUpService.Query;
import org.npsloop.reporting.followup.FollowUpService.Row;
import org.npsloop.reporting.followup.FollowUpService.StatusCounts;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.scope.ResponseScope;
import org.npsloop.platform.MigratedH2;

/** The follow-up SQL on H2 with the real migrations (PostgreSQL: FollowUpIT). */
class FollowUpQueriesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private FollowUpQueries queries;
    /** id, score, status, due: in the order inserted. */
    private final List<FollowUpRules.SortKey> keys = new ArrayList<>();

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(MigratedH2.create());
        dataSource.setUser("sa");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO contact (id, email, first_name, last_name, language, status, created_at, updated_at, version) VALUES "
                    + "(1, 'zoe@exemple.fr', 'Zoé', 'Martin', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO app_user (id, username, display_name, email, password_hash, enabled, must_change_password,"
                    + " created_at, updated_at, version) VALUES (7, 'alice', 'Alice', 'alice@exemple.fr', 'h', TRUE, FALSE,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            followUp(s, 1, 3, "NEW", TODAY.plusDays(2), null, "2026-11-01");
            followUp(s, 2, 6, "NEW", TODAY.plusDays(2), 7, "2026-11-02");
            followUp(s, 3, 5, "CONTACTED", TODAY.plusDays(1), null, "2026-11-03");
            followUp(s, 4, 8, "NEW", TODAY, null, "2026-11-04");
            followUp(s, 5, 0, "NEW", TODAY.minusDays(1), 7, "2026-11-05");
            followUp(s, 6, 6, "RESOLVED", TODAY.minusDays(9), null, "2026-11-06");
            followUp(s, 7, 2, "CONTACTED", TODAY.minusDays(3), null, "2026-10-06");
        }
        queries = new FollowUpQueries(dataSource);
    }

    private void followUp(Statement s, long id, int score, String status, LocalDate due, Integer owner, String answered)
            throws SQLException {
        s.execute("INSERT INTO response (id, contact_id, score, comment_text, contact_consent, channel, responded_at, updated_at,"
                + " version, flagged) VALUES (" + (100 + id) + ", " + (id == 1 ? "1" : "NULL") + ", " + score + ", 'C" + id + "', "
                + (id == 1) + ", 'PHONE', TIMESTAMP WITH TIME ZONE '" + answered + " 10:00:00+00', CURRENT_TIMESTAMP, 0, FALSE)");
        s.execute("INSERT INTO follow_up (id, response_id, owner_id, status, due_on, created_at, updated_at, version) VALUES ("
                + id + ", " + (100 + id) + ", " + owner + ", '" + status + "', DATE '" + due + "', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, 0)");
        keys.add(new FollowUpRules.SortKey(id, score, FollowUpStatus.valueOf(status), due));
    }

    private List<Long> ids(Query query) {
        return queries.list(query, TODAY).rows().stream().map(Row::id).toList();
    }

    @Test
    void theListIsInTheDomainsPriorityOrder() {
        List<Long> expected = keys.stream().sorted(FollowUpRules.comparator(TODAY)).map(FollowUpRules.SortKey::id).toList();
        // Overdue 0 and 2 first (earliest due first), then 5-6, then 0-4, the passive, the resolved one last.
        assertEquals(List.of(7L, 5L, 3L, 2L, 1L, 4L, 6L), expected);
        assertEquals(expected, ids(Query.all(0, 50)));
        assertEquals(List.of(2L, 1L), ids(Query.all(3, 2)));
        assertEquals(7, queries.list(Query.all(3, 2), TODAY).total());
    }

    @Test
    void filtersByStatusOwnerUnassignedAndOverdue() {
        assertEquals(List.of(5L, 2L, 1L, 4L), ids(new Query(FollowUpStatus.NEW, null, false, false, 0, 50)));
        assertEquals(List.of(5L, 2L), ids(new Query(null, "alice", false, false, 0, 50)));
        assertEquals(List.of(7L, 3L, 1L, 4L, 6L), ids(new Query(null, null, true, false, 0, 50)));
        assertEquals(List.of(7L, 5L), ids(new Query(null, null, false, true, 0, 50)), "due yesterday is late, today is not");
        assertEquals(List.of(), ids(new Query(null, "nobody", false, false, 0, 50)));
    }

    @Test
    void aRowCarriesTheResponseTheContactAndTheOwner() {
        Row one = queries.row(1, TODAY).orElseThrow();
        assertEquals(3, one.score());
        assertEquals(NpsCategory.DETRACTOR, one.category());
        assertEquals("C1", one.comment());
        assertTrue(one.contactConsent());
        assertEquals("Zoé Martin", one.contactName());
        assertEquals("zoe@exemple.fr", one.contactEmail());
        assertNull(one.owner());
        assertFalse(one.overdue());
        Row five = queries.row(5, TODAY).orElseThrow();
        assertTrue(five.overdue());
        assertEquals("Alice", five.owner().displayName());
        assertEquals("alice@exemple.fr", five.owner().email());
        assertTrue(queries.row(99, TODAY).isEmpty());
    }

    @Test
    void countsByStatusForAReportsResponses() {
        ZoneId utc = ZoneId.of("UTC");
        StatusCounts all = queries.counts(ResponseScope.where(ReportFilter.everything(), utc, null, null), TODAY);
        assertEquals(new StatusCounts(4, 2, 1, 2), all);
        assertEquals(7, all.total());
        StatusCounts november = queries.counts(ResponseScope.where(
                ReportFilter.period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), utc, null, null), TODAY);
        assertEquals(new StatusCounts(4, 1, 1, 1), november, "the October answer's follow-up is left out");
    }
}
