package org.npsloop.campaigns.campaign.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.npsloop.campaigns.audience.ListId;
import org.npsloop.campaigns.audience.SegmentId;
import org.npsloop.campaigns.campaign.CampaignService;
import org.npsloop.campaigns.survey.SurveyId;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.campaign.Campaign;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.campaign.DueForecast;
import org.npsloop.domain.campaign.InvitationStatus;
import org.npsloop.domain.campaign.SendWindow;
import org.npsloop.domain.i18n.InvalidStateException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.segment.Segment;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;
import org.npsloop.domain.text.LikePattern;
import org.npsloop.platform.jdbc.SqlValues;

@ApplicationScoped
@Transactional
public class DefaultCampaignService implements CampaignService {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CampaignStarter starter;

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
    public CampaignView create(CampaignSettings input) {
        Instant now = clock.instant();
        Violations violations = new Violations();
        Survey survey = survey(input, violations);
        CampaignKind kind = input.kind() == null ? CampaignKind.ONE_OFF : input.kind();
        if (survey == null) {
            violations.throwIfAny();
        }
        Campaign campaign = violations.check("name", () -> new Campaign(input.name(), survey, kind, zone(input), now));
        if (campaign == null) {
            violations.throwIfAny();
        }
        apply(campaign, input, violations, now);
        em.persist(campaign);
        em.flush();
        return view(campaign);
    }

    @Override
    public CampaignView update(long id, CampaignSettings input) {
        Campaign campaign = existing(id);
        if (!campaign.isDraft()) {
            throw new InvalidInputException("status", "campaign.notDraft", Message.of("campaign.state." + campaign.getStatus()));
        }
        if (input.kind() != null && input.kind() != campaign.getKind()) {
            throw new InvalidInputException("kind", "campaign.kind.fixed");
        }
        Instant now = clock.instant();
        Violations violations = new Violations();
        Survey survey = survey(input, violations);
        violations.check("name", () -> {
            campaign.rename(input.name(), now);
            return null;
        });
        violations.throwIfAny();
        campaign.useSurvey(survey, now);
        campaign.changeTimeZone(zone(input), now);
        apply(campaign, input, violations, now);
        em.flush();
        return view(campaign);
    }

    /** The settings shared by create and update; throws with every field error at once. */
    private void apply(Campaign campaign, CampaignSettings input, Violations violations, Instant now) {
        // A draft may lack its audience, interval or trigger: scheduling refuses it until they are set.
        ListId listId = input.audience().list();
        SegmentId segmentId = input.audience().segment();
        MailingList list = listId == null ? null : em.find(MailingList.class, listId.value());
        Segment segment = segmentId == null ? null : em.find(Segment.class, segmentId.value());
        if (listId != null && list == null) {
            violations.add("listId", "list.notFound", listId.value());
        }
        if (segmentId != null && segment == null) {
            violations.add("segmentId", "segment.notFound", segmentId.value());
        }
        if (segment != null) {
            campaign.target(segment, now);
        } else {
            campaign.target(list, now);
        }
        violations.check("fatigueDays", () -> {
            campaign.fatigue(input.fatigueDays(), now);
            return null;
        });
        Reminders reminders = input.reminders();
        violations.check("reminders", () -> {
            campaign.reminders(reminders.count() == null ? campaign.getReminders() : reminders.count(),
                    reminders.afterDays() == null ? campaign.getReminderAfterDays() : reminders.afterDays(), now);
            return null;
        });
        Window window = input.window();
        campaign.sendWindow(window == null ? null : new SendWindow(window.fromHour(), window.toHour(), window.days()), now);
        violations.throwIfAny();
        switch (campaign.getKind()) {
            case RECURRING -> {
                if (input.repeat() != null) {
                    campaign.repeat(input.repeat(), now);
                }
            }
            case JOURNEY -> {
                if (input.trigger() != null) {
                    campaign.trigger(input.trigger(), now);
                }
            }
            default -> {
                // one-off: nothing more
            }
        }
        campaign.sendAt(input.sendAt(), now);
    }

    @Override
    public AudiencePreview previewAudience(long id) {
        Campaign campaign = existing(id);
        if (!campaign.hasAudience() && campaign.getKind() != CampaignKind.JOURNEY) {
            throw new InvalidInputException("audience", "campaign.audience.required");
        }
        try {
            InvitationPlanner.Plan plan = starter.preview(id);
            Map<String, Integer> excluded = new TreeMap<>();
            plan.excluded().forEach((reason, count) -> excluded.put(reason.name(), count));
            return new AudiencePreview(plan.invited(), excluded);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the audience", e);
        }
    }

    @Override
    public List<DueForecast.Day> dueByDay(long id, int days) {
        existing(id);
        try {
            return starter.forecast(id, days);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the coming days", e);
        }
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
        return change(campaign, () -> campaign.resume(campaign.getLastWave() > 0, clock.instant()));
    }

    @Override
    public CampaignView cancel(long id) {
        Campaign campaign = existing(id);
        CampaignView view = change(campaign, () -> campaign.cancel(clock.instant()));
        // Not those a sending thread holds (claimed_by): they are being sent, and are marked SENT when accepted.
        em.createNativeQuery("UPDATE invitation SET status = 'SKIPPED', token_secret = NULL WHERE campaign_id = ?1 "
                + "AND status = 'PENDING' AND claimed_by IS NULL").setParameter(1, id).executeUpdate();
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

    @Override
    @SuppressWarnings("unchecked")
    public RecipientPage recipients(long id, String status, String search, int first, int max) {
        existing(id);
        StringBuilder where = new StringBuilder(" FROM invitation i JOIN contact c ON c.id = i.contact_id WHERE i.campaign_id = ?1");
        List<Object> parameters = new ArrayList<>(List.of(id));
        if (status != null && !status.isBlank()) {
            parameters.add(status.trim().toUpperCase(Locale.ROOT));
            where.append(" AND ").append(DispatchQueue.SHOWN_STATUS).append(" = ?").append(parameters.size());
        }
        if (search != null && !search.isBlank()) {
            parameters.add(LikePattern.containsIgnoringCase(search));
            int p = parameters.size();
            where.append(" AND (c.email LIKE ?").append(p).append(LikePattern.ESCAPE)
                    .append(" OR LOWER(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')) LIKE ?").append(p)
                    .append(LikePattern.ESCAPE).append(')');
        }
        Query count = em.createNativeQuery("SELECT COUNT(*)" + where);
        Query page = em.createNativeQuery("SELECT i.id, c.id, c.email, c.first_name, c.last_name, i.wave, i.reminder, "
                + DispatchQueue.SHOWN_STATUS + ", i.due_at, i.sent_at, i.attempts, i.last_error, CASE WHEN EXISTS (SELECT 1 FROM response r "
                + "WHERE r.campaign_id = i.campaign_id AND r.contact_id = i.contact_id) THEN 1 ELSE 0 END"
                + where + " ORDER BY i.id DESC");
        for (int i = 0; i < parameters.size(); i++) {
            count.setParameter(i + 1, parameters.get(i));
            page.setParameter(i + 1, parameters.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Recipient> rows = new ArrayList<>();
        for (Object[] r : (List<Object[]>) page.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 500))
                .getResultList()) {
            String name = ((r[3] == null ? "" : r[3]) + " " + (r[4] == null ? "" : r[4])).trim();
            rows.add(new Recipient(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], name,
                    ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), InvitationStatus.valueOf((String) r[7]), SqlValues.instant(r[8]),
                    SqlValues.instant(r[9]), ((Number) r[10]).intValue(), (String) r[11], ((Number) r[12]).intValue() == 1));
        }
        return new RecipientPage(total, rows);
    }

    private Survey survey(CampaignSettings input, Violations violations) {
        SurveyId id = input.survey();
        Survey survey = id == null ? null : em.find(Survey.class, id.value());
        if (survey == null) {
            if (id == null) {
                violations.add("surveyId", "campaign.survey.required");
            } else {
                violations.add("surveyId", "survey.notFound", id.value());
            }
        }
        return survey;
    }

    private static ZoneId zone(CampaignSettings input) {
        return input.timeZone() == null ? DEFAULT_ZONE : input.timeZone();
    }

    private CampaignView change(Campaign campaign, Runnable transition) {
        try {
            transition.run();
        } catch (IllegalStateException e) {
            throw new InvalidInputException("status", InvalidStateException.reasonOf(e));
        }
        return view(campaign);
    }

    private Campaign existing(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        if (campaign == null) {
            throw new NotFoundException("notFound.campaign", id);
        }
        return campaign;
    }

    private static CampaignView view(Campaign c) {
        SendWindow window = c.getSendWindow();
        Audience audience = new Audience(c.getMailingList() == null ? null : new ListId(c.getMailingList().getId()),
                c.getSegment() == null ? null : new SegmentId(c.getSegment().getId()));
        return new CampaignView(c.getId(), c.getName(), new SurveyId(c.getSurvey().getId()), c.getSurvey().getName(),
                c.getKind(), c.getStatus(), audience, c.getScheduledAt(), c.getTimeZone(), c.getFatigueDays(),
                c.getRecurrence(), c.getTrigger(),
                window.isAlways() ? null : new Window(window.fromHour(), window.toHour(), window.days()),
                c.getReminders(), c.getReminderAfterDays(), c.getLastWave(),
                org.npsloop.domain.i18n.StoredMessages.decodeOne(c.getPausedReason()));
    }
}
