package org.npsloop.reporting.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.Map;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.nps.ScoreDistribution;
import org.npsloop.domain.schema.Database;
import org.npsloop.reporting.Overview;
import org.npsloop.reporting.OverviewService;

/** Four aggregate queries, each answered by the database (COUNT / GROUP BY), never by Java loops over rows. */
@ApplicationScoped
public class DefaultOverviewService implements OverviewService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Override
    public Overview current() {
        long contacts = em.createNamedQuery("Contact.count", Long.class).getSingleResult();
        long lists = em.createNamedQuery("MailingList.count", Long.class).getSingleResult();

        Map<CampaignStatus, Long> campaigns = new EnumMap<>(CampaignStatus.class);
        for (CampaignStatus status : CampaignStatus.values()) {
            campaigns.put(status, 0L);
        }
        for (Object[] row : em.createNamedQuery("Campaign.countByStatus", Object[].class).getResultList()) {
            campaigns.put((CampaignStatus) row[0], (Long) row[1]);
        }

        long[] counts = new long[Score.MAX + 1];
        for (Object[] row : em.createNamedQuery("Response.countByScore", Object[].class).getResultList()) {
            counts[((Number) row[0]).intValue()] = ((Number) row[1]).longValue();
        }
        return new Overview(contacts, lists, campaigns, ScoreDistribution.ofCounts(counts));
    }
}
