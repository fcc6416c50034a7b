package org.npsloop.reporting.followup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.reporting.followup.ResponseInbox.Flagged;
import org.npsloop.reporting.followup.ResponseInbox.Page;
import org.npsloop.reporting.followup.ResponseInbox.Query;
import org.npsloop.reporting.followup.ResponseInbox.Row;
import org.npsloop.platform.MigratedH2;

/** The inbox SQL on H2 with the real migrations, against hand-written rows (PostgreSQL: ResponseApiIT). */
class JdbcResponseInboxTest {

    private JdbcResponseInbox inbox;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(MigratedH2.create());
        dataSource.setUser("sa");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'S', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version, trigger_event) "
                    + "VALUES (10, 'Welcome', 1, 'JOURNEY', 'SENDING', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 'ONBOARDING')");
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) "
                    + "VALUES (20, 'Autumn', 1, 'ONE_OFF', 'DONE', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO contact (id, email, first_name, last_name, language, status, created_at, updated_at, version) VALUES "
                    + "(1, 'zoe@exemple.fr', 'Zoé', 'Martin', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + "(2, 'bob_1@example.com', 'Bob', NULL, 'EN', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            response(s, 100, 1, 10, 10, "Service rapide", "EMAIL", "2026-11-01 09:00:00", false);
            response(s, 101, 2, 3, 20, "Too slow 100% of the time", "PHONE", "2026-11-02 09:00:00", false);
            response(s, 102, 1, 8, null, null, "MANUAL", "2026-11-03 09:00:00", false);
            response(s, 103, null, 6, 10, null, "EMAIL", "2026-11-04 09:00:00", true);
            response(s, 104, 2, 9, null, "Great support", "PHONE", "2026-11-05 09:00:00", false);
        }
        inbox = new JdbcResponseInbox(dataSource);
    }

    private static void response(Statement s, long id, Integer contact, int score, Integer campaign, String comment,
            String channel, String at, boolean flagged) throws SQLException {
        s.execute("INSERT INTO response (id, contact_id, campaign_id, score, comment_text, contact_consent, channel, "
                + "responded_at, updated_at, version, flagged, flag_reason) VALUES (" + id + ", " + contact + ", " + campaign + ", "
                + score + ", " + (comment == null ? "NULL" : "'" + comment + "'") + ", " + (score >= 9) + ", '" + channel + "', "
                + "TIMESTAMP WITH TIME ZONE '" + at + "+00', TIMESTAMP WITH TIME ZONE '" + at + "+00', 0, " + flagged + ", "
                + (flagged ? "'answered 2 s after sending'" : "NULL") + ")");
    }

    private List<Long> ids(Query query) {
        return inbox.search(query).rows().stream().map(Row::id).toList();
    }

    private static Query q(Instant from, Instant to, NpsCategory category, ResponseChannel channel, Long campaign,
            String moment, Boolean hasComment, Flagged flagged, String text) {
        return new Query(from, to, category, channel, campaign, moment, hasComment, flagged, text, 0, 50);
    }

    @Test
    void everythingNewestFirstWithFlaggedOnesMarked() {
        Page page = inbox.search(Query.all(0, 50));
        assertEquals(5, page.total());
        assertEquals(List.of(104L, 103L, 102L, 101L, 100L), page.rows().stream().map(Row::id).toList());
        Row flagged = page.rows().get(1);
        assertTrue(flagged.flagged());
        assertEquals("answered 2 s after sending", flagged.flagReason());
        assertNull(flagged.contactId(), "erased: no contact");
        assertEquals("ONBOARDING", flagged.journeyMoment());
        Row first = page.rows().get(4);
        assertEquals("Zoé Martin", first.contactName());
        assertEquals("Welcome", first.campaignName());
        assertEquals(NpsCategory.PROMOTER, first.category());
        assertEquals(Instant.parse("2026-11-01T09:00:00Z"), first.respondedAt());
    }

    @Test
    void eachFilter() {
        assertEquals(List.of(104L, 100L), ids(q(null, null, NpsCategory.PROMOTER, null, null, null, null, null, null)));
        assertEquals(List.of(102L), ids(q(null, null, NpsCategory.PASSIVE, null, null, null, null, null, null)));
        assertEquals(List.of(103L, 101L), ids(q(null, null, NpsCategory.DETRACTOR, null, null, null, null, null, null)));
        assertEquals(List.of(104L, 101L), ids(q(null, null, null, ResponseChannel.PHONE, null, null, null, null, null)));
        assertEquals(List.of(101L), ids(q(null, null, null, null, 20L, null, null, null, null)));
        assertEquals(List.of(103L, 100L), ids(q(null, null, null, null, null, "onboarding", null, null, null)));
        assertEquals(List.of(104L, 101L, 100L), ids(q(null, null, null, null, null, null, true, null, null)));
        assertEquals(List.of(103L, 102L), ids(q(null, null, null, null, null, null, false, null, null)));
        assertEquals(List.of(104L, 102L, 101L, 100L), ids(q(null, null, null, null, null, null, null, Flagged.HIDE, null)));
        assertEquals(List.of(103L), ids(q(null, null, null, null, null, null, null, Flagged.ONLY, null)));
        assertEquals(List.of(103L, 102L), ids(q(Instant.parse("2026-11-03T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"),
                null, null, null, null, null, null, null)));
    }

    @Test
    void searchIgnoresCaseInCommentsEmailsAndNamesAndLikeCharactersAreLiteral() {
        assertEquals(List.of(100L), ids(q(null, null, null, null, null, null, null, null, "RAPIDE")));
        assertEquals(List.of(102L, 100L), ids(q(null, null, null, null, null, null, null, null, "zoé mar")));
        assertEquals(List.of(104L, 101L), ids(q(null, null, null, null, null, null, null, null, "bob_1@")));
        assertEquals(List.of(101L), ids(q(null, null, null, null, null, null, null, null, "100%")));
        assertEquals(List.of(), ids(q(null, null, null, null, null, null, null, null, "_%")));
        assertEquals(List.of(104L), ids(q(null, null, NpsCategory.PROMOTER, ResponseChannel.PHONE, null, null, null, null, "bob")));
    }

    @Test
    void pagesAreCutByTheDatabase() {
        Page second = inbox.search(new Query(null, null, null, null, null, null, null, null, null, 2, 2));
        assertEquals(5, second.total());
        assertEquals(List.of(102L, 101L), second.rows().stream().map(Row::id).toList());
        assertEquals(List.of("Autumn", "Welcome"), inbox.campaigns().stream().map(c -> c.name()).toList());
        assertEquals(List.of("ONBOARDING"), inbox.journeyMoments());
    }
}
