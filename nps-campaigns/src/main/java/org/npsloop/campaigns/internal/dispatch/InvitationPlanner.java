package org.npsloop.campaigns.internal.dispatch;

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
import org.npsloop.campaigns.internal.SqlDialect;
import org.npsloop.domain.campaign.InvitationKind;
import org.npsloop.domain.campaign.InvitationToken;
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

    public Plan plan(Wave wave, SqlCondition audience, Instant now) throws SQLException {
        String sql = "SELECT c.id, c.status, "
                + "CASE WHEN EXISTS (SELECT 1 FROM suppression s WHERE s.email = c.email) THEN 1 ELSE 0 END, "
                + "CASE WHEN EXISTS (SELECT 1 FROM invitation f WHERE f.contact_id = c.id AND f.sent_at >= ?) THEN 1 ELSE 0 END, "
                + "CASE WHEN EXISTS (SELECT 1 FROM invitation o WHERE o.contact_id = c.id AND o.campaign_id <> ? "
                + "AND o.status IN ('PENDING', 'CLAIMED')) THEN 1 ELSE 0 END, "
                + "CASE WHEN EXISTS (SELECT 1 FROM invitation w WHERE w.contact_id = c.id AND w.campaign_id = ? "
                + "AND w.wave = ? AND w.kind = ?) THEN 1 ELSE 0 END "
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
            select.setString(p++, wave.kind().name());
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
                    recipients.add(rs.getLong(1));
                    if (recipients.size() == BATCH) {
                        invited += insert(wave, recipients, now);
                        recipients.clear();
                    }
                }
            }
        }
        invited += insert(wave, recipients, now);
        recordExclusions(wave, excluded);
        return new Plan(invited, excluded);
    }

    /**
     * Plans reminder {@code number} (1, 2...) of a campaign: for every recipient whose first invitation
     * was sent at least {@code afterDays * number} days ago, who has not answered, can still be
     * reached, and whose links still work. Reminders are invitations too, so other campaigns count
     * them in their fatigue rule. Safe to repeat: a recipient gets each reminder once.
     *
     * @param linksValidSince invitations sent before this have expired links (survey lifetime or close)
     * @return how many reminders were planned now
     */
    public int planReminders(long campaignId, int number, int afterDays, Instant linksValidSince, Instant now)
            throws SQLException {
        int wave = number + 1; // wave 1 is the first invitation
        List<Long> recipients = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT i.contact_id FROM invitation i "
                + "JOIN contact c ON c.id = i.contact_id WHERE i.campaign_id = ? AND i.kind = 'INITIAL' AND i.status = 'SENT' "
                + "AND i.sent_at <= ? AND i.sent_at > ? AND c.status = 'ACTIVE' "
                + "AND NOT EXISTS (SELECT 1 FROM suppression s WHERE s.email = c.email) "
                + "AND NOT EXISTS (SELECT 1 FROM response r WHERE r.campaign_id = i.campaign_id AND r.contact_id = i.contact_id) "
                + "AND NOT EXISTS (SELECT 1 FROM invitation x WHERE x.campaign_id = i.campaign_id AND x.contact_id = i.contact_id "
                + "AND x.kind = 'REMINDER' AND x.wave = ?) ORDER BY i.contact_id")) {
            select.setLong(1, campaignId);
            select.setObject(2, now.minus(Duration.ofDays((long) afterDays * number)).atOffset(ZoneOffset.UTC));
            select.setObject(3, linksValidSince.atOffset(ZoneOffset.UTC));
            select.setInt(4, wave);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    recipients.add(rs.getLong(1));
                }
            }
        }
        int planned = 0;
        Wave reminders = new Wave(campaignId, wave, InvitationKind.REMINDER, now, 0);
        for (int from = 0; from < recipients.size(); from += BATCH) {
            planned += insert(reminders, recipients.subList(from, Math.min(recipients.size(), from + BATCH)), now);
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

    private int insert(Wave wave, List<Long> contacts, Instant now) throws SQLException {
        if (contacts.isEmpty()) {
            return 0;
        }
        Deque<Long> ids = dialect.allocateIds(connection, "invitation_seq", contacts.size());
        OffsetDateTime created = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invitation (id, campaign_id, contact_id, "
                + "wave, kind, status, token_hash, token_secret, due_at, attempts, created_at, version) "
                + "VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, 0, ?, 0)")) {
            for (long contact : contacts) {
                InvitationToken token = InvitationToken.generate();
                insert.setLong(1, ids.pop());
                insert.setLong(2, wave.campaignId());
                insert.setLong(3, contact);
                insert.setInt(4, wave.wave());
                insert.setString(5, wave.kind().name());
                insert.setString(6, token.hash());
                insert.setString(7, token.secret());
                insert.setObject(8, wave.dueAt().atOffset(ZoneOffset.UTC));
                insert.setObject(9, created);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return contacts.size();
    }

    /** The counts of the latest planning of the wave replace earlier ones: every candidate was judged again. */
    private void recordExclusions(Wave wave, Map<ExclusionReason, Integer> excluded) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM campaign_exclusion WHERE campaign_id = ? AND wave = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO campaign_exclusion (campaign_id, wave, reason, contacts) VALUES (?, ?, ?, ?)")) {
            delete.setLong(1, wave.campaignId());
            delete.setInt(2, wave.wave());
            delete.executeUpdate();
            for (Map.Entry<ExclusionReason, Integer> entry : excluded.entrySet()) {
                insert.setLong(1, wave.campaignId());
                insert.setInt(2, wave.wave());
                insert.setString(3, entry.getKey().name());
                insert.setInt(4, entry.getValue());
                insert.addBatch();
            }
            if (!excluded.isEmpty()) {
                insert.executeBatch();
            }
        }
    }
}
