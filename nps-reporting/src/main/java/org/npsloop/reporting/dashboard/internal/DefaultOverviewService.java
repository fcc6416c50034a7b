package org.npsloop.reporting.dashboard.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.Map;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.nps.ScoreDistribution;
import org.npsloop.domain.publication.PublicationStatus;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.dashboard.Onboarding;
import org.npsloop.reporting.dashboard.Overview;
import org.npsloop.reporting.dashboard.OverviewService;

/** Aggregate queries, each answered by the database (COUNT / GROUP BY), never by Java loops over rows. */
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

    /** Scalar subqueries: one round trip, each an index or table count. */
    @Override
    public Onboarding.Facts onboardingFacts() {
        String users = "(SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id WHERE u.enabled = TRUE AND r.role = ?)";
        Object[] row = (Object[]) em.createNativeQuery("SELECT " + users + ", " + users + ", "
                + "(SELECT COUNT(*) FROM contact), (SELECT COUNT(*) FROM survey), "
                + "(SELECT COUNT(*) FROM survey WHERE test_sent_at IS NOT NULL), "
                + "(SELECT COUNT(*) FROM campaign WHERE status IN (?, ?, ?, ?)), "
                + "(SELECT COUNT(*) FROM response), "
                + "(SELECT COUNT(*) FROM publication WHERE status <> ?)")
                .setParameter(1, Role.MARKETER.name()).setParameter(2, Role.EXECUTIVE.name())
                .setParameter(3, CampaignStatus.SCHEDULED.name()).setParameter(4, CampaignStatus.SENDING.name())
                .setParameter(5, CampaignStatus.PAUSED.name()).setParameter(6, CampaignStatus.DONE.name())
                .setParameter(7, PublicationStatus.DRAFT.name())
                .getSingleResult();
        return new Onboarding.Facts(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                count(row[5]), count(row[6]), count(row[7]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
