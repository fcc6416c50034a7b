package org.npsloop.reporting.dashboard;

import java.util.Map;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.ScoreDistribution;

/** Live counts for the landing page: what is in the database right now. */
public record Overview(long contacts, long mailingLists, Map<CampaignStatus, Long> campaignsByStatus,
        ScoreDistribution distribution) {

    public long campaigns() {
        return campaignsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long responses() {
        return distribution.total();
    }

    public NpsResult nps() {
        return distribution.toNps();
    }
}
