package org.npsloop.campaigns.campaign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.campaign.InvitationKind;
import org.npsloop.domain.campaign.InvitationToken;
import org.npsloop.domain.campaign.JourneyTrigger;
import org.npsloop.domain.segment.SqlCondition;
import org.npsloop.platform.MigratedDatabaseTest;

/**
 * Planning and claiming against a real database with the real migrations: H2 here, PostgreSQL in
 * {@link DispatchPlanningPostgreSqlTest}. The same SQL must work on both.
 */
class DispatchPlanningTest extends MigratedDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final SqlCondition EVERYONE = new SqlCondition("1 = 1", List.of());
    private static final Duration LEASE = Duration.ofMinutes(2);

    @BeforeEach
    void database() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'S', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            for (int campaign : new int[] {10, 20}) {
                s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) "
                        + "VALUES (" + campaign + ", 'C" + campaign + "', 1, 'ONE_OFF', 'SENDING', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            }
            String[] statuses = {"ACTIVE", "UNSUBSCRIBED", "BOUNCED", "ERASED", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE"};
            for (int id = 1; id <= statuses.length; id++) {
                s.execute("INSERT INTO contact (id, email, language, status, created_at, updated_at, version) VALUES (" + id
                        + ", 'c" + id + "@exemple.fr', 'FR', '" + statuses[id - 1] + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            }
            s.execute("INSERT INTO suppression (id, email, reason, created_at) VALUES (1, 'c5@exemple.fr', 'MANUAL', CURRENT_TIMESTAMP)");
            invitation(s, 900, 20, 6, "SENT", "TIMESTAMP WITH TIME ZONE '2026-11-12 10:00:00+00'"); // surveyed 10 days ago
            invitation(s, 901, 20, 7, "PENDING", "NULL");                                          // waiting in another campaign
        }
    }

    @Test
    void everyReachableRecipientGetsOneInvitationAndEveryExclusionIsCounted() throws SQLException {
        try (Connection c = connect()) {
            InvitationPlanner.Plan plan = new InvitationPlanner(c).plan(wave(90), EVERYONE, NOW);
            assertEquals(2, plan.invited());
            assertEquals(Map.of(ExclusionReason.UNSUBSCRIBED, 1, ExclusionReason.BOUNCED, 1, ExclusionReason.ERASED, 1,
                    ExclusionReason.SUPPRESSED, 1, ExclusionReason.FATIGUE, 1, ExclusionReason.OTHER_CAMPAIGN, 1), plan.excluded());
            assertEquals(Set.of(1L, 8L), invitedContacts(c, 10));
            assertEquals(6, count(c, "SELECT SUM(contacts) FROM campaign_exclusion WHERE campaign_id = 10"));

            InvitationPlanner.Plan again = new InvitationPlanner(c).plan(wave(90), EVERYONE, NOW);
            assertEquals(0, again.invited(), "planning a wave again after a crash adds nobody twice");
            assertEquals(6, count(c, "SELECT SUM(contacts) FROM campaign_exclusion WHERE campaign_id = 10"));

            InvitationPlanner.Plan shorterInterval = new InvitationPlanner(c).plan(wave(5), EVERYONE, NOW);
            assertEquals(1, shorterInterval.invited(), "a campaign's own 5-day interval lets the contact surveyed 10 days ago in");
            assertEquals(Set.of(1L, 6L, 8L), invitedContacts(c, 10));
        }
    }

    @Test
    void tokensAreKeptUntilSentThenOnlyTheirHashRemains() throws SQLException {
        try (Connection c = connect()) {
            new InvitationPlanner(c).plan(wave(90), EVERYONE, NOW);
            DispatchQueue queue = new DispatchQueue(c);
            List<DispatchQueue.Claimed> claimed = queue.claim("worker-a", NOW, LEASE, 10);
            DispatchQueue.Claimed first = claimed.stream().filter(x -> x.campaignId() == 10).findFirst().orElseThrow();
            assertEquals(InvitationToken.hashOf(first.tokenSecret()),
                    string(c, "SELECT token_hash FROM invitation WHERE id = " + first.invitationId()));
            assertTrue(queue.markSent(first.invitationId(), "worker-a", NOW));
            assertNull(string(c, "SELECT token_secret FROM invitation WHERE id = " + first.invitationId()));
            assertEquals("SENT", string(c, "SELECT status FROM invitation WHERE id = " + first.invitationId()));
        }
    }

    @Test
    void aClaimedRowIsNobodyElsesUntilItsLeaseEnds() throws SQLException {
        try (Connection c = connect()) {
            new InvitationPlanner(c).plan(wave(90), EVERYONE, NOW);
            DispatchQueue queue = new DispatchQueue(c);
            List<DispatchQueue.Claimed> a = queue.claim("worker-a", NOW, LEASE, 10);
            assertEquals(3, a.size(), "two of campaign 10 and the one waiting in campaign 20");
            assertTrue(queue.claim("worker-b", NOW.plusSeconds(60), LEASE, 10).isEmpty());

            List<DispatchQueue.Claimed> b = queue.claim("worker-b", NOW.plus(LEASE).plusSeconds(1), LEASE, 10);
            assertEquals(3, b.size(), "worker-a died: its rows come back when the lease ends");
            assertFalse(queue.markSent(a.get(0).invitationId(), "worker-a", NOW), "the late worker cannot mark it any more");
            assertEquals(a.get(0).tokenSecret(), b.get(0).tokenSecret(), "a resend carries the same links");
            assertEquals(2, b.get(0).attempts());
        }
    }

    @Test
    void aClaimWritesNoIndexedColumnSoPostgreSqlUpdatesTheRowInPlace() throws SQLException {
        try (Connection c = connect()) {
            new InvitationPlanner(c).plan(wave(90), EVERYONE, NOW);
            c.setAutoCommit(false);
            List<DispatchQueue.Claimed> claimed = new DispatchQueue(c).claim("w", NOW, LEASE, 10);
            assertEquals(3, claimed.size());
            for (DispatchQueue.Claimed one : claimed) {
                assertEquals("PENDING", string(c, "SELECT status FROM invitation WHERE id = " + one.invitationId()));
                assertEquals("CLAIMED", string(c, "SELECT " + DispatchQueue.SHOWN_STATUS + " FROM invitation i WHERE i.id = "
                        + one.invitationId()), "a person still sees it being sent");
            }
            if (onPostgreSql()) {
                assertEquals(3, count(c, "SELECT pg_stat_get_xact_tuples_hot_updated('invitation'::regclass)"),
                        "each claim a HOT update: no new entry in any index");
            }
            c.commit();
        }
    }

    @Test
    void aRowAnOlderVersionMarkedClaimedComesBackWhenItsLeaseEnds() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            invitation(s, 902, 20, 8, "CLAIMED", "NULL");
            s.execute("UPDATE invitation SET claimed_by = 'old', lease_until = TIMESTAMP WITH TIME ZONE '2026-11-22 10:01:00+00', "
                    + "token_secret = 'secret-of-the-old-instance' WHERE id = 902");
            DispatchQueue queue = new DispatchQueue(c);
            assertTrue(queue.claim("new", NOW, LEASE, 10).stream().noneMatch(x -> x.invitationId() == 902), "leased still");
            assertTrue(queue.claim("new", NOW.plusSeconds(120), LEASE, 10).stream().anyMatch(x -> x.invitationId() == 902));
            assertTrue(queue.markSent(902, "new", NOW.plusSeconds(121)));
            assertEquals("SENT", string(c, "SELECT status FROM invitation WHERE id = 902"));
        }
    }

    @Test
    void aReleasedRowWaitsAgainAsIfNeverClaimed() throws SQLException {
        try (Connection c = connect()) {
            new InvitationPlanner(c).plan(wave(90), EVERYONE, NOW);
            DispatchQueue queue = new DispatchQueue(c);
            DispatchQueue.Claimed one = queue.claim("w", NOW, LEASE, 1).get(0);
            assertFalse(queue.release(one.invitationId(), "other"), "only its worker puts it back");
            assertTrue(queue.release(one.invitationId(), "w"));
            assertEquals("PENDING", string(c, "SELECT status FROM invitation WHERE id = " + one.invitationId()));
            DispatchQueue.Claimed again = queue.claim("w2", NOW, LEASE, 10).stream()
                    .filter(x -> x.invitationId() == one.invitationId()).findFirst().orElseThrow();
            assertEquals(1, again.attempts(), "a release is not an attempt");
        }
    }

    @Test
    void aTemporaryFailureWaitsForItsBackoff() throws SQLException {
        try (Connection c = connect()) {
            new InvitationPlanner(c).plan(wave(90), EVERYONE, NOW);
            DispatchQueue queue = new DispatchQueue(c);
            DispatchQueue.Claimed one = queue.claim("w", NOW, LEASE, 1).get(0);
            Duration delay = Backoff.DEFAULT.after(one.attempts()).orElseThrow();
            assertTrue(queue.retryLater(one.invitationId(), "w", "421 try later", NOW.plus(delay)));
            assertTrue(queue.claim("w", NOW.plusSeconds(30), LEASE, 10).stream().noneMatch(x -> x.invitationId() == one.invitationId()));
            assertTrue(queue.claim("w", NOW.plus(delay), LEASE, 10).stream().anyMatch(x -> x.invitationId() == one.invitationId()));
            assertTrue(Backoff.DEFAULT.after(5).isEmpty(), "gives up after four retries");
        }
    }

    @Test
    void concurrentWorkersNeverShareARow() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (int id = 100; id < 400; id++) {
                s.execute("INSERT INTO contact (id, email, language, status, created_at, updated_at, version) VALUES (" + id
                        + ", 'bulk" + id + "@exemple.fr', 'EN', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            }
            int planned = new InvitationPlanner(c).plan(wave(90), EVERYONE, NOW).invited();
            assertEquals(302, planned);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String name = "worker-" + w;
            workers.add(pool.submit((Callable<List<Long>>) () -> {
                List<Long> mine = new ArrayList<>();
                try (Connection own = connect()) {
                    DispatchQueue queue = new DispatchQueue(own);
                    for (List<DispatchQueue.Claimed> batch = queue.claim(name, NOW, LEASE, 25); !batch.isEmpty();
                            batch = queue.claim(name, NOW, LEASE, 25)) {
                        for (DispatchQueue.Claimed claimed : batch) {
                            mine.add(claimed.invitationId());
                            assertTrue(queue.markSent(claimed.invitationId(), name, NOW));
                        }
                    }
                }
                return mine;
            }));
        }
        Set<Long> all = new HashSet<>();
        int total = 0;
        for (Future<List<Long>> worker : workers) {
            List<Long> mine = worker.get();
            total += mine.size();
            all.addAll(mine);
        }
        pool.shutdown();
        assertEquals(303, total, "every invitation sent once: 302 planned plus the one waiting in campaign 20");
        assertEquals(303, all.size(), "no invitation claimed by two workers");
    }

    @Test
    void remindersGoOnlyToThoseWhoHaveNotAnsweredWhileTheirLinksWork() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            new InvitationPlanner(c).plan(wave(90), EVERYONE, NOW);
            DispatchQueue queue = new DispatchQueue(c);
            for (DispatchQueue.Claimed claimed : queue.claim("w", NOW, LEASE, 10)) {
                queue.markSent(claimed.invitationId(), "w", NOW);
            }
            s.execute("INSERT INTO response (id, contact_id, campaign_id, score, contact_consent, channel, responded_at, updated_at, version) "
                    + "VALUES (1, 8, 10, 9, FALSE, 'EMAIL', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            // Contact 1's mail gateway answered: a suspected scanner's answer, which does not spare the person a reminder.
            s.execute("INSERT INTO response (id, contact_id, campaign_id, score, contact_consent, channel, responded_at, updated_at, version, "
                    + "flagged, flag_reason) VALUES (2, 1, 10, 0, FALSE, 'EMAIL', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, TRUE, 'answered 1 s after sending')");
            InvitationPlanner planner = new InvitationPlanner(c);
            Instant monthAgo = NOW.minus(Duration.ofDays(30));

            assertEquals(0, planner.planReminders(10, 1, 3, monthAgo, NOW, NOW.plus(Duration.ofDays(2))), "not before 3 days");
            Instant later = NOW.plus(Duration.ofDays(3));
            assertEquals(1, planner.planReminders(10, 1, 3, monthAgo, later, later), "contact 1 only: contact 8 answered, contact 1's scanner did");
            assertEquals(0, planner.planReminders(10, 1, 3, monthAgo, later, later), "each reminder once");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM invitation WHERE campaign_id = 10 AND kind = 'REMINDER' AND contact_id = 1 AND wave = 1 AND reminder = 1"));
            assertEquals(0, planner.planReminders(10, 2, 3, NOW.plusSeconds(1), NOW, NOW.plus(Duration.ofDays(6))),
                    "no reminder once the first invitation's links have expired");
        }
    }

    @Test
    void overlappingCampaignsPlannedAtOnceInviteAContactOnce() throws Exception {
        try (Connection first = connect(); Connection second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertEquals(2, new InvitationPlanner(first).plan(wave(90), EVERYONE, NOW).invited());
            ExecutorService other = Executors.newSingleThreadExecutor();
            // Another instance plans campaign 20 for the same contacts while campaign 10's plan is not committed.
            Future<InvitationPlanner.Plan> competing = other.submit(() -> new InvitationPlanner(second).plan(
                    new InvitationPlanner.Wave(20, 2, InvitationKind.INITIAL, NOW, 90), EVERYONE, NOW));
            Thread.sleep(300);
            assertFalse(competing.isDone(), "the second planner waits for its turn");
            first.commit();
            InvitationPlanner.Plan plan = competing.get();
            second.commit();
            other.shutdown();
            assertEquals(2, plan.excluded().get(ExclusionReason.OTHER_CAMPAIGN),
                    "contacts 1 and 8 are already waiting for campaign 10's invitation");
            assertFalse(invitedContacts(second, 20).contains(1L) || invitedContacts(second, 20).contains(8L));
        }
    }

    @Test
    void aPreviewCountsLikeThePlanButWritesNothing() throws SQLException {
        try (Connection c = connect()) {
            InvitationPlanner.Plan preview = new InvitationPlanner(c).preview(wave(90), EVERYONE, NOW);
            assertEquals(2, preview.invited());
            assertEquals(6, preview.excludedTotal());
            assertEquals(0, count(c, "SELECT COUNT(*) FROM invitation WHERE campaign_id = 10"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM campaign_exclusion"));
        }
    }

    @Test
    void aJourneyWaveInvitesThoseWhoseEventBecameDueOnceEach() throws SQLException {
        JourneyTrigger sevenDaysAfterOnboarding = new JourneyTrigger("ONBOARDING", 7);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            event(s, 1, 1, "ONBOARDING", "2026-11-14 09:00:00");  // due 11-21 09:00: in the interval
            event(s, 2, 1, "ONBOARDING", "2026-11-14 12:00:00");  // a second one the same day: still one invitation
            event(s, 3, 8, "ONBOARDING", "2026-11-15 11:00:00");  // due 11-22 11:00: after the interval
            event(s, 4, 6, "ONBOARDING", "2026-11-13 12:00:00");  // due 11-20 12:00: but contact 6 was surveyed 10 days ago
            event(s, 5, 2, "ONBOARDING", "2026-11-14 10:00:00");  // contact 2 unsubscribed
            event(s, 6, 1, "PURCHASE", "2026-11-14 10:00:00");    // another moment
            event(s, 7, 4, "ONBOARDING", "2026-11-10 10:00:00");  // due 11-17: before the interval, judged earlier
            Instant checkedUntil = Instant.parse("2026-11-19T00:00:00Z");
            InvitationPlanner.Wave today = new InvitationPlanner.Wave(10, 20414, InvitationKind.INITIAL, NOW, 90);

            InvitationPlanner.Plan plan = new InvitationPlanner(c).planJourney(today, EVERYONE, sevenDaysAfterOnboarding,
                    checkedUntil, NOW, NOW);
            assertEquals(Set.of(1L), invitedContacts(c, 10));
            assertEquals(Map.of(ExclusionReason.FATIGUE, 1, ExclusionReason.UNSUBSCRIBED, 1), plan.excluded());

            // The next check covers the following interval: contact 8 becomes due, the others are not judged again.
            Instant later = NOW.plus(Duration.ofHours(2));
            InvitationPlanner.Plan next = new InvitationPlanner(c).planJourney(today, EVERYONE, sevenDaysAfterOnboarding,
                    NOW, later, later);
            assertEquals(1, next.invited());
            assertEquals(Set.of(1L, 8L), invitedContacts(c, 10));
            assertEquals(2, count(c, "SELECT SUM(contacts) FROM campaign_exclusion WHERE campaign_id = 10"),
                    "journey exclusions add up over the checks");
        }
    }

    @Test
    void aJourneyWaveKeepsToItsAudience() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            event(s, 1, 1, "PURCHASE", "2026-11-19 09:00:00");
            event(s, 2, 8, "PURCHASE", "2026-11-19 09:00:00");
            SqlCondition onlyContact8 = new SqlCondition("c.id = ?", List.of(8L));
            new InvitationPlanner(c).planJourney(new InvitationPlanner.Wave(10, 20414, InvitationKind.INITIAL, NOW, 30),
                    onlyContact8, new JourneyTrigger("PURCHASE", 3), NOW.minus(Duration.ofDays(1)), NOW, NOW);
            assertEquals(Set.of(8L), invitedContacts(c, 10));
        }
    }

    @Test
    void eachWaveOfARecurringCampaignHasItsOwnReminders() throws SQLException {
        try (Connection c = connect()) {
            InvitationPlanner planner = new InvitationPlanner(c);
            planner.plan(new InvitationPlanner.Wave(10, 1, InvitationKind.INITIAL, NOW, 0), new SqlCondition("c.id = 1", List.of()), NOW);
            Instant nextMonth = NOW.plus(Duration.ofDays(30));
            planner.plan(new InvitationPlanner.Wave(10, 2, InvitationKind.INITIAL, nextMonth, 0),
                    new SqlCondition("c.id = 1", List.of()), nextMonth);
            DispatchQueue queue = new DispatchQueue(c);
            for (Instant at : List.of(NOW, nextMonth)) { // wave 1 goes now, wave 2 a month later
                for (DispatchQueue.Claimed claimed : queue.claim("w", at, LEASE, 10)) {
                    queue.markSent(claimed.invitationId(), "w", at);
                }
            }
            Instant later = nextMonth.plus(Duration.ofDays(3));
            assertEquals(2, planner.planReminders(10, 1, 3, NOW.minus(Duration.ofDays(60)), later, later),
                    "one reminder for each wave's invitation");
            assertEquals(2, count(c, "SELECT COUNT(DISTINCT wave) FROM invitation WHERE campaign_id = 10 AND reminder = 1"));
        }
    }

    private static void event(Statement s, int id, int contact, String type, String occurredAt) throws SQLException {
        s.execute("INSERT INTO journey_event (id, contact_id, type, occurred_at, created_at) VALUES (" + id + ", " + contact
                + ", '" + type + "', TIMESTAMP WITH TIME ZONE '" + occurredAt + "+00', CURRENT_TIMESTAMP)");
    }

    private static InvitationPlanner.Wave wave(int fatigueDays) {
        return new InvitationPlanner.Wave(10, 1, InvitationKind.INITIAL, NOW, fatigueDays);
    }

    private static void invitation(Statement s, int id, int campaign, int contact, String status, String sentAt) throws SQLException {
        s.execute("INSERT INTO invitation (id, campaign_id, contact_id, wave, kind, status, token_hash, due_at, sent_at, attempts, "
                + "created_at, version) VALUES (" + id + ", " + campaign + ", " + contact + ", 1, 'INITIAL', '" + status + "', 'h" + id
                + "', TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', " + sentAt + ", 0, CURRENT_TIMESTAMP, 0)");
    }

    private static Set<Long> invitedContacts(Connection c, long campaign) throws SQLException {
        Set<Long> contacts = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT contact_id FROM invitation WHERE campaign_id = " + campaign)) {
            while (rs.next()) {
                contacts.add(rs.getLong(1));
            }
        }
        return contacts;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
