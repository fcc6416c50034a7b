package org.npsloop.campaigns.campaign.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.npsloop.domain.deliverability.CampaignDeliverabilityAlarm;
import org.npsloop.domain.i18n.StoredMessages;
import org.npsloop.domain.schema.Database;

/**
 * Pauses a sending campaign whose complaint or bounce rate crossed the policy's threshold, in the transaction that
 * recorded the report. Its sending threads see the new status at their next claim (which only takes SENDING
 * campaigns' invitations); what they already hold goes out, as with a pause by hand.
 */
@ApplicationScoped
public class DeliverabilityPause {

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    void pause(@Observes CampaignDeliverabilityAlarm alarm) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            // Stored as key and arguments, like the dispatcher's own reason: each reader sees it in their language.
            new CampaignStates(db).autoPause(alarm.campaignId(), StoredMessages.encode(alarm.reason()), clock.instant());
        }
    }
}
