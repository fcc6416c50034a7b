package org.npsloop.campaigns.campaign.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.npsloop.campaigns.audience.AudienceConditions;
import org.npsloop.domain.campaign.Campaign;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.campaign.DueForecast;
import org.npsloop.domain.campaign.InvitationKind;
import org.npsloop.domain.campaign.JourneyTrigger;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.segment.ListMembership;
import org.npsloop.domain.segment.SqlCondition;

/**
 * Turns campaign schedules into invitation rows, each step in one transaction that begins with a
 * conditional update of the campaign ({@link CampaignStates}): of several instances only the one whose
 * update wins plans, and a crash while planning rolls everything back to be planned again.
 */
@ApplicationScoped
public class CampaignStarter {

    private static final SqlCondition EVERY_CONTACT = new SqlCondition("1 = 1", List.of());

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private AudienceConditions audiences;

    @Inject
    private DispatchSettings settings;

    @Inject
    private Clock clock;

    /**
     * Starts the next wave of a due campaign: plans a one-off or recurring wave, or activates a journey
     * campaign (its events are then checked by {@link #trigger}).
     *
     * @return the plan (empty for a journey campaign), or null when another instance started it first
     */
    @Transactional
    public InvitationPlanner.Plan start(long campaignId) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            if (!new CampaignStates(connection).startWave(campaignId, now)) {
                return null;
            }
            Campaign campaign = em.find(Campaign.class, campaignId);
            campaign.waveStarted(now);
            if (campaign.getKind() == CampaignKind.JOURNEY) {
                return new InvitationPlanner.Plan(0, java.util.Map.of());
            }
            return new InvitationPlanner(connection).plan(firstWave(campaign, campaign.getLastWave(), now), audience(campaign), now);
        }
    }

    /** What starting the campaign now would do: invitations, and exclusions by rule. Writes nothing. */
    @Transactional
    public InvitationPlanner.Plan preview(long campaignId) throws SQLException {
        Instant now = clock.instant();
        Campaign campaign = em.find(Campaign.class, campaignId);
        SqlCondition audience = audience(campaign);
        JourneyTrigger trigger = campaign.getTrigger();
        if (trigger != null) {
            // Those whose event occurred during the last "delay" days: they become due over the coming ones.
            audience = InvitationPlanner.withEvents(audience, trigger, now.minus(Duration.ofDays(Math.max(1, trigger.delayDays()))), now);
        }
        try (Connection connection = dataSource.getConnection()) {
            return new InvitationPlanner(connection).preview(firstWave(campaign, campaign.getLastWave() + 1, now), audience, now);
        }
    }

    /**
     * A journey campaign's coming days: the contacts of its audience that each day makes due, read from the
     * events of its trigger's type. Writes nothing; the exclusion rules that depend on the day (fatigue,
     * another campaign) are judged when the day comes, so only who can be mailed at all is told apart.
     */
    @Transactional
    public List<DueForecast.Day> forecast(long campaignId, int days) throws SQLException {
        Instant now = clock.instant();
        Campaign campaign = em.find(Campaign.class, campaignId);
        JourneyTrigger trigger = campaign.getTrigger();
        if (trigger == null) {
            return List.of();
        }
        DueForecast forecast = new DueForecast(trigger, campaign.getTimeZone(), now, campaign.getScheduledAt(), days);
        SqlCondition audience = audience(campaign);
        String sql = "SELECT c.id, e.occurred_at, CASE WHEN c.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM suppression s "
                + "WHERE s.email = c.email) THEN 1 ELSE 0 END FROM contact c JOIN journey_event e ON e.contact_id = c.id "
                + "WHERE (" + audience.sql() + ") AND e.type = ? AND e.occurred_at > ? AND e.occurred_at <= ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            for (Object parameter : audience.parameters()) {
                select.setObject(p++, parameter);
            }
            select.setString(p++, trigger.eventType());
            select.setObject(p++, forecast.occurredAfter().atOffset(ZoneOffset.UTC));
            select.setObject(p, forecast.occurredUpTo().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    forecast.add(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3) == 1);
                }
            }
        }
        return forecast.days();
    }

    /**
     * Plans the contacts whose journey event became due since the last check. The check claims the
     * interval (watermark, now] with a conditional update, so each due event is judged once, by one
     * instance.
     *
     * @return the plan, or null when there was nothing to check or another instance checked first
     */
    @Transactional
    public InvitationPlanner.Plan trigger(long campaignId) throws SQLException {
        Instant now = clock.instant();
        Campaign campaign = em.find(Campaign.class, campaignId);
        if (campaign == null || campaign.getTrigger() == null || campaign.getTriggeredUntil() == null
                || !campaign.getTriggeredUntil().isBefore(now) || !campaign.getSurvey().isOpenAt(now)) {
            return null;
        }
        Instant since = campaign.getTriggeredUntil();
        try (Connection connection = dataSource.getConnection()) {
            if (!new CampaignStates(connection).claimJourneyEvents(campaignId, since, now)) {
                return null;
            }
            // One wave per UTC day: a contact due twice the same day gets one invitation.
            int wave = (int) now.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
            InvitationPlanner.Wave journeyWave = new InvitationPlanner.Wave(campaignId, wave, InvitationKind.INITIAL,
                    campaign.nextSendTime(now), fatigueDays(campaign));
            return new InvitationPlanner(connection).planJourney(journeyWave, audience(campaign), campaign.getTrigger(),
                    since, now, now);
        }
    }

    /**
     * Plans the reminders that are due for a campaign that has sent invitations, and sends the
     * campaign back to SENDING when there are some. The survey must still be open.
     *
     * @return reminders planned now
     */
    @Transactional
    public int remind(long campaignId) throws SQLException {
        Instant now = clock.instant();
        Campaign campaign = em.find(Campaign.class, campaignId);
        if (campaign == null || campaign.getReminders() == 0 || !campaign.getSurvey().isOpenAt(now)) {
            return 0;
        }
        Instant linksValidSince = now.minus(Duration.ofDays(campaign.getSurvey().getLinkLifetimeDays()));
        Instant dueAt = campaign.nextSendTime(now);
        int planned = 0;
        try (Connection connection = dataSource.getConnection()) {
            InvitationPlanner planner = new InvitationPlanner(connection);
            for (int number = 1; number <= campaign.getReminders(); number++) {
                planned += planner.planReminders(campaignId, number, campaign.getReminderAfterDays(), linksValidSince, dueAt, now);
            }
            if (planned > 0) {
                new CampaignStates(connection).sendReminders(campaignId, now);
            }
        }
        return planned;
    }

    private InvitationPlanner.Wave firstWave(Campaign campaign, int wave, Instant now) {
        return new InvitationPlanner.Wave(campaign.getId(), wave, InvitationKind.INITIAL, campaign.nextSendTime(now),
                fatigueDays(campaign));
    }

    private int fatigueDays(Campaign campaign) {
        return campaign.getFatigueDays() != null ? campaign.getFatigueDays() : settings.fatigueDays();
    }

    private SqlCondition audience(Campaign campaign) {
        if (campaign.getSegment() != null) {
            return audiences.condition(campaign.getSegment().rule());
        }
        if (campaign.getMailingList() != null) {
            return audiences.condition(new ListMembership(campaign.getMailingList().getId(), true));
        }
        return EVERY_CONTACT;
    }
}
