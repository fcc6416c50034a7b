package org.npsloop.campaigns.campaign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.campaign.CampaignStatus.Transition;
import org.npsloop.platform.MigratedH2;

/**
 * Each status move of the dispatch against a real database with the real migrations: H2 here, PostgreSQL in
 * {@link CampaignStatesPostgreSqlTest}. From every status: the move wins where the life cycle allows it and
 * leaves the row untouched elsewhere; and of two callers racing for one campaign, one wins.
 */
class CampaignStatesTest {

    private static final Instant BEFORE = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final long OPEN_SURVEY = 1;
    private static final long CLOSED_SURVEY = 2;

    String url;

    /** A new, empty database (or schema) for one test; {@link #connect} opens connections to it. */
    String newDatabase() {
        return MigratedH2.create();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    @BeforeEach
    void database() throws SQLException {
        url = newDatabase();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (" + OPEN_SURVEY
                    + ", 'Open', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO survey (id, name, brand_name, closes_at, created_at, updated_at, version) VALUES (" + CLOSED_SURVEY
                    + ", 'Closed', 'Acme', TIMESTAMP WITH TIME ZONE '2026-11-20 00:00:00+00', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO contact (id, email, language, status, created_at, updated_at, version) VALUES (1, "
                    + "'c1@exemple.fr', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
        }
    }

    @Test
    void startWaveFromScheduledOnlyCountingTheWave() throws SQLException {
        List<Long> ids = oneCampaignPerStatus("ONE_OFF", OPEN_SURVEY, 1);
        try (Connection c = connect()) {
            for (long id : ids) {
                boolean won = new CampaignStates(c).startWave(id, NOW);
                assertMovedOrUntouched(c, id, Transition.START_WAVE, won);
                if (won) {
                    assertEquals(2, number(c, "SELECT last_wave FROM campaign WHERE id = " + id), "the second wave");
                }
            }
        }
    }

    @Test
    void sendRemindersFromScheduledOrDone() throws SQLException {
        List<Long> ids = oneCampaignPerStatus("RECURRING", OPEN_SURVEY, 1);
        try (Connection c = connect()) {
            for (long id : ids) {
                assertMovedOrUntouched(c, id, Transition.SEND_REMINDERS, new CampaignStates(c).sendReminders(id, NOW));
                assertEquals(1, number(c, "SELECT last_wave FROM campaign WHERE id = " + id), "reminders are no wave");
            }
        }
    }

    @Test
    void autoPauseFromSendingOnlyWithItsReason() throws SQLException {
        List<Long> ids = oneCampaignPerStatus("ONE_OFF", OPEN_SURVEY, 1);
        try (Connection c = connect()) {
            for (long id : ids) {
                boolean won = new CampaignStates(c).autoPause(id, "12 of the last 15 messages failed", NOW);
                assertMovedOrUntouched(c, id, Transition.AUTO_PAUSE, won);
                assertEquals(won ? "12 of the last 15 messages failed" : null,
                        text(c, "SELECT paused_reason FROM campaign WHERE id = " + id));
            }
        }
    }

    @Test
    void finishASendingOneOffWithNothingLeft() throws SQLException {
        List<Long> ids = oneCampaignPerStatus("ONE_OFF", OPEN_SURVEY, 1);
        long stillSending = campaign("ONE_OFF", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        invitation(stillSending, "PENDING");
        long claimed = campaign("ONE_OFF", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        invitation(claimed, "CLAIMED");
        long allSent = campaign("ONE_OFF", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        invitation(allSent, "SENT");
        long recurring = campaign("RECURRING", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        long recurringClosed = campaign("RECURRING", CampaignStatus.SENDING, CLOSED_SURVEY, 1);
        long journeyClosed = campaign("JOURNEY", CampaignStatus.SENDING, CLOSED_SURVEY, 1);
        long journeyOpen = campaign("JOURNEY", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        try (Connection c = connect()) {
            assertEquals(4, new CampaignStates(c).finish(NOW), "the sending one-off, the one all sent, and the two whose survey closed");
            for (long id : ids) {
                assertMovedOrUntouched(c, id, Transition.FINISH, moved(c, id));
            }
            assertEquals(CampaignStatus.DONE, status(c, allSent));
            assertEquals(CampaignStatus.DONE, status(c, recurringClosed));
            assertEquals(CampaignStatus.DONE, status(c, journeyClosed));
            for (long id : List.of(stillSending, claimed, recurring, journeyOpen)) {
                assertUntouched(c, id, CampaignStatus.SENDING);
            }
            assertEquals(0, new CampaignStates(c).finish(NOW), "nothing more to finish");
        }
    }

    @Test
    void waitForNextWaveWhenARecurringWaveHasNothingLeft() throws SQLException {
        List<Long> ids = oneCampaignPerStatus("RECURRING", OPEN_SURVEY, 1);
        long stillSending = campaign("RECURRING", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        invitation(stillSending, "PENDING");
        long oneOff = campaign("ONE_OFF", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        invitation(oneOff, "SENT");
        try (Connection c = connect()) {
            assertEquals(1, new CampaignStates(c).waitForNextWave(NOW));
            for (long id : ids) {
                assertMovedOrUntouched(c, id, Transition.WAIT_FOR_NEXT_WAVE, moved(c, id));
            }
            assertUntouched(c, stillSending, CampaignStatus.SENDING);
            assertUntouched(c, oneOff, CampaignStatus.SENDING);
        }
    }

    @Test
    void closeAWaitingCampaignWhoseSurveyClosed() throws SQLException {
        List<Long> ids = oneCampaignPerStatus("RECURRING", CLOSED_SURVEY, 1);
        long neverStarted = campaign("RECURRING", CampaignStatus.SCHEDULED, CLOSED_SURVEY, 0);
        long surveyOpen = campaign("RECURRING", CampaignStatus.SCHEDULED, OPEN_SURVEY, 1);
        try (Connection c = connect()) {
            assertEquals(1, new CampaignStates(c).close(NOW));
            for (long id : ids) {
                assertMovedOrUntouched(c, id, Transition.CLOSE, moved(c, id));
            }
            assertUntouched(c, neverStarted, CampaignStatus.SCHEDULED);
            assertUntouched(c, surveyOpen, CampaignStatus.SCHEDULED);
        }
    }

    @Test
    void journeyEventsAreClaimedOnceAndOnlyWhileSending() throws SQLException {
        List<Long> ids = oneCampaignPerStatus("JOURNEY", OPEN_SURVEY, 1);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE campaign SET triggered_until = TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00'");
            for (long id : ids) {
                boolean won = new CampaignStates(c).claimJourneyEvents(id, BEFORE, NOW);
                assertEquals(initialStatus(id) == CampaignStatus.SENDING, won, "from " + initialStatus(id));
                assertEquals(won ? NOW : BEFORE, instant(c, "SELECT triggered_until FROM campaign WHERE id = " + id));
                assertEquals(initialStatus(id), status(c, id), "no move");
                assertEquals(won ? 1 : 0, number(c, "SELECT version FROM campaign WHERE id = " + id));
                assertFalse(new CampaignStates(c).claimJourneyEvents(id, BEFORE, NOW), "the interval is claimed once");
            }
        }
    }

    @Test
    void everyMoveStatesTheFromStatusesOfTheTable() {
        assertEquals("status = 'SCHEDULED'", CampaignStates.fromStatuses(Transition.START_WAVE));
        assertEquals("status IN ('SCHEDULED', 'DONE')", CampaignStates.fromStatuses(Transition.SEND_REMINDERS));
        assertEquals("status = 'SENDING'", CampaignStates.fromStatuses(Transition.AUTO_PAUSE));
        assertEquals("status = 'SENDING'", CampaignStates.fromStatuses(Transition.FINISH));
        assertEquals("status = 'SENDING'", CampaignStates.fromStatuses(Transition.WAIT_FOR_NEXT_WAVE));
        assertEquals("status = 'SCHEDULED'", CampaignStates.fromStatuses(Transition.CLOSE));
    }

    @Test
    void ofTwoInstancesStartingOneWaveTheSecondWaitsThenLoses() throws Exception {
        long id = campaign("ONE_OFF", CampaignStatus.SCHEDULED, OPEN_SURVEY, 0);
        assertSecondLoses(id, (states, campaign) -> states.startWave(campaign, NOW) ? 1 : 0);
        try (Connection c = connect()) {
            assertEquals(CampaignStatus.SENDING, status(c, id));
            assertEquals(1, number(c, "SELECT last_wave FROM campaign WHERE id = " + id), "one wave started, not two");
            assertEquals(1, number(c, "SELECT version FROM campaign WHERE id = " + id));
        }
    }

    @Test
    void ofTwoInstancesPlanningRemindersOneMovesTheCampaign() throws Exception {
        long id = campaign("ONE_OFF", CampaignStatus.DONE, OPEN_SURVEY, 1);
        assertSecondLoses(id, (states, campaign) -> states.sendReminders(campaign, NOW) ? 1 : 0);
    }

    @Test
    void ofTwoThreadsPausingOneCampaignOneWins() throws Exception {
        long id = campaign("ONE_OFF", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        assertSecondLoses(id, (states, campaign) -> states.autoPause(campaign, "failing", NOW) ? 1 : 0);
    }

    @Test
    void ofTwoInstancesCompletingCampaignsEachCampaignMovesOnce() throws Exception {
        long done = campaign("ONE_OFF", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        assertSecondLoses(done, (states, campaign) -> states.finish(NOW));
        long waiting = campaign("RECURRING", CampaignStatus.SENDING, OPEN_SURVEY, 1);
        assertSecondLoses(waiting, (states, campaign) -> states.waitForNextWave(NOW));
        long closed = campaign("RECURRING", CampaignStatus.SCHEDULED, CLOSED_SURVEY, 1);
        assertSecondLoses(closed, (states, campaign) -> states.close(NOW));
    }

    @Test
    void ofManyInstancesStartingAtOnceOneWins() throws Exception {
        long id = campaign("ONE_OFF", CampaignStatus.SCHEDULED, OPEN_SURVEY, 0);
        int instances = 6;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch ready = new CountDownLatch(instances);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            attempts.add(pool.submit((Callable<Boolean>) () -> {
                try (Connection own = connect()) {
                    ready.countDown();
                    ready.await();
                    return new CampaignStates(own).startWave(id, NOW);
                }
            }));
        }
        int won = 0;
        for (Future<Boolean> attempt : attempts) {
            won += attempt.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won);
        try (Connection c = connect()) {
            assertEquals(1, number(c, "SELECT last_wave FROM campaign WHERE id = " + id));
        }
    }

    /** A move of the campaign that returns how many campaigns it moved (1 or 0 for a move of one). */
    interface Move {
        int apply(CampaignStates states, long campaignId) throws SQLException;
    }

    /**
     * The first caller moves the campaign in a transaction it has not committed; the second, on another connection,
     * waits for the row, then finds it moved and loses.
     */
    private void assertSecondLoses(long id, Move move) throws Exception {
        try (Connection first = connect(); Connection second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertEquals(1, move.apply(new CampaignStates(first), id), "the first caller wins");
            ExecutorService other = Executors.newSingleThreadExecutor();
            Future<Integer> competing = other.submit(() -> move.apply(new CampaignStates(second), id));
            Thread.sleep(300);
            assertFalse(competing.isDone(), "the second caller waits for the first one's transaction");
            first.commit();
            assertEquals(0, competing.get(), "then finds the campaign moved and loses");
            second.commit();
            other.shutdown();
        }
    }

    /** One campaign in each status (ids 101...106 in the order of the statuses), all inserted as they were at BEFORE. */
    private List<Long> oneCampaignPerStatus(String kind, long survey, int lastWave) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (CampaignStatus status : CampaignStatus.values()) {
            ids.add(campaign(101 + status.ordinal(), kind, status, survey, lastWave));
        }
        return ids;
    }

    private static CampaignStatus initialStatus(long id) {
        return CampaignStatus.values()[(int) id - 101];
    }

    private int nextId = 200;

    private long campaign(String kind, CampaignStatus status, long survey, int lastWave) throws SQLException {
        return campaign(nextId++, kind, status, survey, lastWave);
    }

    private long campaign(long id, String kind, CampaignStatus status, long survey, int lastWave) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, last_wave, created_at, updated_at, version) "
                    + "VALUES (" + id + ", 'C" + id + "', " + survey + ", '" + kind + "', '" + status + "', 'Europe/Paris', "
                    + lastWave + ", TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', 0)");
        }
        return id;
    }

    private int nextInvitation = 1;

    private void invitation(long campaign, String status) throws SQLException {
        int id = nextInvitation++;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO invitation (id, campaign_id, contact_id, wave, kind, status, token_hash, due_at, attempts, "
                    + "created_at, version) VALUES (" + id + ", " + campaign + ", 1, 1, 'INITIAL', '" + status + "', 'h" + id
                    + "', TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', 0, CURRENT_TIMESTAMP, 0)");
        }
    }

    /** Moved by {@code transition} when it won (and only from its from-statuses), else exactly as inserted. */
    private static void assertMovedOrUntouched(Connection c, long id, Transition transition, boolean won) throws SQLException {
        CampaignStatus from = initialStatus(id);
        assertEquals(transition.allowsFrom(from), won, transition + " from " + from);
        if (won) {
            assertEquals(transition.to(), status(c, id));
            assertEquals(1, number(c, "SELECT version FROM campaign WHERE id = " + id), "an entity read before fails its lock");
            assertEquals(NOW, instant(c, "SELECT updated_at FROM campaign WHERE id = " + id));
        } else {
            assertUntouched(c, id, from);
        }
    }

    /** For the moves of many campaigns at once: this one changed. */
    private static boolean moved(Connection c, long id) throws SQLException {
        return number(c, "SELECT version FROM campaign WHERE id = " + id) != 0;
    }

    private static void assertUntouched(Connection c, long id, CampaignStatus status) throws SQLException {
        assertEquals(status, status(c, id), "campaign " + id);
        assertEquals(0, number(c, "SELECT version FROM campaign WHERE id = " + id), "campaign " + id);
        assertEquals(BEFORE, instant(c, "SELECT updated_at FROM campaign WHERE id = " + id), "campaign " + id);
        assertNull(text(c, "SELECT paused_reason FROM campaign WHERE id = " + id));
    }

    private static CampaignStatus status(Connection c, long id) throws SQLException {
        return CampaignStatus.valueOf(text(c, "SELECT status FROM campaign WHERE id = " + id));
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static Instant instant(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            OffsetDateTime value = rs.getObject(1, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }
}
