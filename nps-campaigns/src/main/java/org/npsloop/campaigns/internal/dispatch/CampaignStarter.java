package org.npsloop.campaigns.internal.dispatch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.npsloop.campaigns.internal.AudienceQueries;
import org.npsloop.domain.campaign.Campaign;
import org.npsloop.domain.campaign.InvitationKind;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.segment.ListMembership;
import org.npsloop.domain.segment.SegmentRule;

/**
 * Moves a due campaign from SCHEDULED to SENDING and plans its invitations, in one transaction: of
 * several instances, only the one whose conditional update wins plans it, and a crash while planning
 * leaves the campaign SCHEDULED to be planned again.
 */
@ApplicationScoped
public class CampaignStarter {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private AudienceQueries audiences;

    @Inject
    private DispatchSettings settings;

    @Inject
    private Clock clock;

    /**
     * Plans the reminders that are due for a campaign that has sent its invitations, and sends the
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
        Instant linksValidSince = now.minus(java.time.Duration.ofDays(campaign.getSurvey().getLinkLifetimeDays()));
        int planned = 0;
        try (Connection connection = dataSource.getConnection()) {
            InvitationPlanner planner = new InvitationPlanner(connection);
            for (int number = 1; number <= campaign.getReminders(); number++) {
                planned += planner.planReminders(campaignId, number, campaign.getReminderAfterDays(), linksValidSince, now);
            }
            if (planned > 0) {
                try (PreparedStatement resume = connection.prepareStatement("UPDATE campaign SET status = 'SENDING', "
                        + "updated_at = ?, version = version + 1 WHERE id = ? AND status = 'DONE'")) {
                    resume.setObject(1, now.atOffset(ZoneOffset.UTC));
                    resume.setLong(2, campaignId);
                    resume.executeUpdate();
                }
            }
        }
        return planned;
    }

    /** @return the plan, or null when another instance started the campaign first */
    @Transactional
    public InvitationPlanner.Plan start(long campaignId) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement claim = connection.prepareStatement("UPDATE campaign SET status = 'SENDING', "
                    + "updated_at = ?, version = version + 1 WHERE id = ? AND status = 'SCHEDULED'")) {
                claim.setObject(1, now.atOffset(ZoneOffset.UTC));
                claim.setLong(2, campaignId);
                if (claim.executeUpdate() != 1) {
                    return null;
                }
            }
            Campaign campaign = em.find(Campaign.class, campaignId);
            SegmentRule audience = campaign.getSegment() != null ? campaign.getSegment().rule()
                    : new ListMembership(campaign.getMailingList().getId(), true);
            int fatigue = campaign.getFatigueDays() != null ? campaign.getFatigueDays() : settings.fatigueDays();
            return new InvitationPlanner(connection).plan(
                    new InvitationPlanner.Wave(campaignId, 1, InvitationKind.INITIAL, now, fatigue),
                    audiences.condition(audience), now);
        }
    }
}
