package org.npsloop.campaigns.campaign.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.domain.campaign.InvitationKind;
import org.npsloop.domain.campaign.InvitationToken;
import org.npsloop.domain.campaign.JourneyTrigger;
import org.npsloop.domain.segment.SqlCondition;

/**
 * Turns a campaign wave's audience into invitation rows, one per reachable recipient. The database
 * decides who matches and which rule excludes whom; planning the same wave again adds only the
 * recipients who are missing, so it is safe to repeat after a crash.
 */
public final class InvitationPlanner {

    private static final int BATCH = 1000;

    /** What planning did: invitations created now, and the contacts left out by reason. */
    public record Plan(int invited, Map<ExclusionReason, Integer> excluded) {

        public int excludedTotal() {
            return excluded.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One wave of one campaign. {@code fatigueDays} 0 turns the interval rule off. */
    public record Wave(long campaignId, int wave, InvitationKind kind, Instant dueAt, int fatigueDays) {
    }

    private final Connection connection;
    private final SqlDialect dialect;

    public InvitationPlanner(Connection connection) throws SQLException {
        this.connection = connection;
        this.dialect = SqlDialect.of(connection);
    }

    /** Plans a wave of a one-off or recurring campaign; its exclusion counts replace earlier ones of the wave. */
    public Plan plan(Wave wave, SqlCondition audience, Instant now) throws SQLException {
        lock(now);
        Plan plan = judge(wave, audience, now, true);
        recordExclusions(wave, plan.excluded(), false);
        return plan;
    }

    /** What {@link #plan} would do now, without writing anything: the counts shown before launching. */
    public Plan preview(Wave wave, SqlCondition audience, Instant now) throws SQLException {
        return judge(wave, audience, now, false);
    }

    /**
     * Plans the contacts of the audience whose journey event became due in (dueAfter, dueBy]: each due
     * event is judged once, because the caller moves its watermark past dueBy in the same transaction.
     * Its exclusions add up over the waves.
     */
    public Plan planJourney(Wave wave, SqlCondition audience, JourneyTrigger trigger, Instant dueAfter, Instant dueBy,
            Instant now) throws SQLException {
        lock(now);
        SqlCondition due = withEvents(audience, trigger, trigger.occurredBefore(dueAfter),
                trigger.occurredBefore(dueBy));
        Plan plan = judge(wave, due, now, true);
        recordExclusions(wave, plan.excluded(), true);
        return plan;
    }

    /** Narrows an audience to the contacts with an event of the trigger's type in (from, to]. */
    public static SqlCondition withEvents(SqlCondition audience, JourneyTrigger trigger, Instant from, Instant to) {
        List<Object> parameters = new ArrayList<>(audience.parameters());
        parameters.add(trigger.eventType());
        parameters.add(from.atOffset(ZoneOffset.UTC));
        parameters.add(to.atOffset(ZoneOffset.UTC));
        return new SqlCondition("(" + audience.sql() + ") AND c.id IN (SELECT e.contact_id FROM journey_event e "
                + "WHERE e.type = ? AND e.occurred_at > ? AND e.occurred_at <= ?)", parameters);
    }

    /**
     * Waits for the planning turn, held until the caller's transaction ends: a planner judging
     * "already invited by another campaign" must see what a concurrent planner has just planned.
     */
    private void lock(Instant now) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("UPDATE planning_lock SET locked_at = ? WHERE id = 1")) {
            lock.setObject(1, now.atOffset(ZoneOffset.UTC));
            lock.executeUpdate();
        }
    }

    private Plan judge(Wave wave, SqlCondition audience, Instant now, boolean write) throws SQLException {
        String sql = "SELECT c.id, c.status, "
                + "CASE WHEN EXISTS (SELECT 1 FROM suppression s WHERE s.email = c.email) THEN 1 ELSE 0 END, "
                + "CASE WHEN EXISTS (SELECT 1 FROM invitation f WHERE f.contact_id = c.id AND f.sent_at >= ?) THEN 1 ELSE 0 END, "
                + "CASE WHEN EXISTS (SELECT 1 FROM invitation o WHERE o.contact_id = c.id AND o.campaign_id <> ? "
                + "AND o.status IN ('PENDING', 'CLAIMED')) THEN 1 ELSE 0 END, "
                + "CASE WHEN EXISTS (SELECT 1 FROM invitation w WHERE w.contact_id = c.id AND w.campaign_id = ? "
                + "AND w.wave = ? AND w.reminder = 0) THEN 1 ELSE 0 END "
                + "FROM contact c WHERE (" + audience.sql() + ") ORDER BY c.id";
        Map<ExclusionReason, Integer> excluded = new EnumMap<>(ExclusionReason.class);
        List<Long> recipients = new ArrayList<>();
        int invited = 0;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(BATCH);
            int p = 1;
            select.setObject(p++, now.minus(Duration.ofDays(wave.fatigueDays())).atOffset(ZoneOffset.UTC));
            select.setLong(p++, wave.campaignId());
            select.setLong(p++, wave.campaignId());
            select.setInt(p++, wave.wave());
            for (Object parameter : audience.parameters()) {
                select.setObject(p++, parameter);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(6) == 1) {
                        continue; // already planned in an earlier run of this wave
                    }
                    ExclusionReason reason = exclusion(rs.getString(2), rs.getInt(3) == 1,
                            wave.fatigueDays() > 0 && rs.getInt(4) == 1, rs.getInt(5) == 1);
                    if (reason != null) {
                        excluded.merge(reason, 1, Integer::sum);
                        continue;
                    }
                    invited++;
                    if (write) {
                        recipients.add(rs.getLong(1));
                        if (recipients.size() == BATCH) {
                            insert(wave, 0, recipients, wave.dueAt(), now);
                            recipients.clear();
                        }
                    }
                }
            }
        }
        if (write) {
            insert(wave, 0, recipients, wave.dueAt(), now);
        }
        return new Plan(invited, excluded);
    }

    /**
     * Plans reminder {@code number} (1, 2...) of a campaign: for every recipient whose first invitation
     * of a wave was sent at least {@code afterDays * number} days ago, who has not answered since (an answer
     * flagged as a suspected scanner's is not theirs), can
     * still be reached, and whose links still work. Reminders are invitations too, so other campaigns
     * count them in their fatigue rule. Safe to repeat: a recipient gets each reminder of a wave once.
     *
     * @param linksValidSince invitations sent before this have expired links (survey lifetime or close)
     * @param dueAt when they may go (the campaign's next send window opening)
     * @return how many reminders were planned now
     */
    public int planReminders(long campaignId, int number, int afterDays, Instant linksValidSince, Instant dueAt, Instant now)
            throws SQLException {
        lock(now);
        Map<Integer, List<Long>> recipientsByWave = new java.util.TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT i.wave, i.contact_id FROM invitation i "
                + "JOIN contact c ON c.id = i.contact_id WHERE i.campaign_id = ? AND i.reminder = 0 AND i.status = 'SENT' "
                + "AND i.sent_at <= ? AND i.sent_at > ? AND c.status = 'ACTIVE' "
                + "AND NOT EXISTS (SELECT 1 FROM suppression s WHERE s.email = c.email) "
                + "AND NOT EXISTS (SELECT 1 FROM response r WHERE r.campaign_id = i.campaign_id AND r.contact_id = i.contact_id "
                + "AND r.responded_at >= i.sent_at AND r.flagged = FALSE) "
                + "AND NOT EXISTS (SELECT 1 FROM invitation x WHERE x.campaign_id = i.campaign_id AND x.contact_id = i.contact_id "
                + "AND x.wave = i.wave AND x.reminder = ?) ORDER BY i.wave, i.contact_id")) {
            select.setLong(1, campaignId);
            select.setObject(2, now.minus(Duration.ofDays((long) afterDays * number)).atOffset(ZoneOffset.UTC));
            select.setObject(3, linksValidSince.atOffset(ZoneOffset.UTC));
            select.setInt(4, number);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    recipientsByWave.computeIfAbsent(rs.getInt(1), w -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        int planned = 0;
        for (Map.Entry<Integer, List<Long>> wave : recipientsByWave.entrySet()) {
            Wave reminders = new Wave(campaignId, wave.getKey(), InvitationKind.REMINDER, dueAt, 0);
            List<Long> recipients = wave.getValue();
            for (int from = 0; from < recipients.size(); from += BATCH) {
                planned += insert(reminders, number, recipients.subList(from, Math.min(recipients.size(), from + BATCH)), dueAt, now);
            }
        }
        return planned;
    }

    private static ExclusionReason exclusion(String status, boolean suppressed, boolean fatigued, boolean otherCampaign) {
        switch (status) {
            case "ERASED":
                return ExclusionReason.ERASED;
            case "UNSUBSCRIBED":
                return ExclusionReason.UNSUBSCRIBED;
            case "BOUNCED":
                return ExclusionReason.BOUNCED;
            default:
                break;
        }
        if (suppressed) {
            return ExclusionReason.SUPPRESSED;
        }
        if (fatigued) {
            return ExclusionReason.FATIGUE;
        }
        return otherCampaign ? ExclusionReason.OTHER_CAMPAIGN : null;
    }

    private int insert(Wave wave, int reminder, List<Long> contacts, Instant dueAt, Instant now) throws SQLException {
        if (contacts.isEmpty()) {
            return 0;
        }
        Deque<Long> ids = dialect.allocateIds(connection, "invitation_seq", contacts.size());
        OffsetDateTime created = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invitation (id, campaign_id, contact_id, "
                + "wave, reminder, kind, status, token_hash, token_secret, due_at, attempts, created_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, 0, ?, 0)")) {
            for (long contact : contacts) {
                InvitationToken token = InvitationToken.generate();
                insert.setLong(1, ids.pop());
                insert.setLong(2, wave.campaignId());
                insert.setLong(3, contact);
                insert.setInt(4, wave.wave());
                insert.setInt(5, reminder);
                insert.setString(6, wave.kind().name());
                insert.setString(7, token.hash());
                insert.setString(8, token.secret());
                insert.setObject(9, dueAt.atOffset(ZoneOffset.UTC));
                insert.setObject(10, created);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return contacts.size();
    }

    /**
     * The counts of a wave's latest planning replace earlier ones (every candidate was judged again),
     * or add to them for journey waves (each due event is judged once).
     */
    private void recordExclusions(Wave wave, Map<ExclusionReason, Integer> excluded, boolean accumulate) throws SQLException {
        if (!accumulate) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM campaign_exclusion WHERE campaign_id = ? AND wave = ?")) {
                delete.setLong(1, wave.campaignId());
                delete.setInt(2, wave.wave());
                delete.executeUpdate();
            }
        }
        try (PreparedStatement add = connection.prepareStatement(
                "UPDATE campaign_exclusion SET contacts = contacts + ? WHERE campaign_id = ? AND wave = ? AND reason = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO campaign_exclusion (campaign_id, wave, reason, contacts) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<ExclusionReason, Integer> entry : excluded.entrySet()) {
                add.setInt(1, entry.getValue());
                add.setLong(2, wave.campaignId());
                add.setInt(3, wave.wave());
                add.setString(4, entry.getKey().name());
                if (add.executeUpdate() == 0) {
                    insert.setLong(1, wave.campaignId());
                    insert.setInt(2, wave.wave());
                    insert.setString(3, entry.getKey().name());
                    insert.setInt(4, entry.getValue());
                    insert.executeUpdate();
                }
            }
        }
    }
}
