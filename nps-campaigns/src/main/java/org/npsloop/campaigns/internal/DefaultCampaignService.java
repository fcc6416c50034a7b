package org.npsloop.campaigns.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.npsloop.campaigns.CampaignService;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.campaign.Campaign;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.segment.Segment;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;

@ApplicationScoped
@Transactional
public class DefaultCampaignService implements CampaignService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public List<CampaignView> list() {
        return em.createQuery("SELECT c FROM Campaign c ORDER BY c.createdAt DESC", Campaign.class).getResultStream()
                .map(DefaultCampaignService::view).toList();
    }

    @Override
    public Optional<CampaignView> find(long id) {
        return Optional.ofNullable(em.find(Campaign.class, id)).map(DefaultCampaignService::view);
    }

    @Override
    public CampaignView create(NewCampaign input) {
        Instant now = clock.instant();
        Violations violations = new Violations();
        Survey survey = input.surveyId() == null ? null : em.find(Survey.class, input.surveyId());
        if (survey == null) {
            violations.add("surveyId", input.surveyId() == null ? "choose a survey" : "no survey with id " + input.surveyId());
        }
        if ((input.listId() == null) == (input.segmentId() == null)) {
            violations.add("audience", "choose either a list (listId) or a segment (segmentId)");
        }
        MailingList list = input.listId() == null ? null : em.find(MailingList.class, input.listId());
        Segment segment = input.segmentId() == null ? null : em.find(Segment.class, input.segmentId());
        if (input.listId() != null && list == null) {
            violations.add("listId", "no list with id " + input.listId());
        }
        if (input.segmentId() != null && segment == null) {
            violations.add("segmentId", "no segment with id " + input.segmentId());
        }
        ZoneId zone = input.timeZone() == null ? ZoneId.of("Europe/Paris")
                : violations.check("timeZone", () -> ZoneId.of(input.timeZone()));
        violations.throwIfAny();
        Campaign campaign = violations.check("name", () -> new Campaign(input.name(), survey, CampaignKind.ONE_OFF, zone, now));
        violations.throwIfAny();
        if (list != null) {
            campaign.target(list, now);
        } else {
            campaign.target(segment, now);
        }
        violations.check("fatigueDays", () -> {
            campaign.fatigue(input.fatigueDays(), now);
            return null;
        });
        violations.throwIfAny();
        em.persist(campaign);
        campaign.sendAt(input.sendAt(), now);
        em.flush();
        return view(campaign);
    }

    @Override
    public CampaignView schedule(long id) {
        Campaign campaign = existing(id);
        return change(campaign, () -> campaign.schedule(campaign.getScheduledAt(), clock.instant()));
    }

    @Override
    public CampaignView pause(long id) {
        Campaign campaign = existing(id);
        return change(campaign, () -> campaign.pause(clock.instant()));
    }

    @Override
    public CampaignView resume(long id) {
        Campaign campaign = existing(id);
        boolean started = em.createQuery("SELECT COUNT(i) FROM Invitation i WHERE i.campaign = :c", Long.class)
                .setParameter("c", campaign).getSingleResult() > 0;
        return change(campaign, () -> campaign.resume(started, clock.instant()));
    }

    @Override
    public CampaignView cancel(long id) {
        Campaign campaign = existing(id);
        CampaignView view = change(campaign, () -> campaign.cancel(clock.instant()));
        em.createNativeQuery("UPDATE invitation SET status = 'SKIPPED', token_secret = NULL WHERE campaign_id = ?1 "
                + "AND status = 'PENDING'").setParameter(1, id).executeUpdate();
        return view;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Progress progress(long id) {
        existing(id);
        Map<String, Long> byStatus = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "SELECT status, COUNT(*) FROM invitation WHERE campaign_id = ?1 GROUP BY status").setParameter(1, id).getResultList()) {
            byStatus.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Integer> excluded = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "SELECT reason, SUM(contacts) FROM campaign_exclusion WHERE campaign_id = ?1 GROUP BY reason").setParameter(1, id).getResultList()) {
            excluded.put((String) row[0], ((Number) row[1]).intValue());
        }
        long responses = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM response WHERE campaign_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        long recipients = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Progress(recipients, byStatus.getOrDefault("SENT", 0L), byStatus.getOrDefault("FAILED", 0L),
                byStatus.getOrDefault("PENDING", 0L) + byStatus.getOrDefault("CLAIMED", 0L), excluded, responses);
    }

    private CampaignView change(Campaign campaign, Runnable transition) {
        try {
            transition.run();
        } catch (IllegalStateException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
        return view(campaign);
    }

    private Campaign existing(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        if (campaign == null) {
            throw new NoSuchElementException("No campaign with id " + id);
        }
        return campaign;
    }

    private static CampaignView view(Campaign c) {
        return new CampaignView(c.getId(), c.getName(), c.getSurvey().getId(), c.getKind().name(), c.getStatus().name(),
                c.getMailingList() == null ? null : c.getMailingList().getId(),
                c.getSegment() == null ? null : c.getSegment().getId(), c.getScheduledAt(), c.getFatigueDays(),
                c.getPausedReason());
    }
}
