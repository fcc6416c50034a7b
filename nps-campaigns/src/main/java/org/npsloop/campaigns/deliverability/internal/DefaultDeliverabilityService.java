package org.npsloop.campaigns.deliverability.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.campaigns.audience.SuppressionService;
import org.npsloop.campaigns.deliverability.DeliverabilityService;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.SuppressionReason;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.campaign.Invitation;
import org.npsloop.domain.campaign.InvitationToken;
import org.npsloop.domain.deliverability.CampaignDeliverability;
import org.npsloop.domain.deliverability.CampaignDeliverabilityAlarm;
import org.npsloop.domain.deliverability.DeliverabilityPolicy;
import org.npsloop.domain.deliverability.DeliveryEvent;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.deliverability.MailReference;
import org.npsloop.domain.schema.Database;

@ApplicationScoped
@Transactional
public class DefaultDeliverabilityService implements DeliverabilityService {

    private static final Logger LOG = Logger.getLogger(DefaultDeliverabilityService.class.getName());

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private SuppressionService suppressions;

    @Inject
    private Event<CampaignDeliverabilityAlarm> alarms;

    @Inject
    @ConfigProperty(name = "nps.deliverability.soft-bounce-limit", defaultValue = "3")
    private int softBounceLimit;

    @Inject
    @ConfigProperty(name = "nps.deliverability.soft-bounce-days", defaultValue = "15")
    private int softBounceDays;

    @Inject
    @ConfigProperty(name = "nps.deliverability.pause.complaint-rate", defaultValue = "0.003")
    private double pauseComplaintRate;

    @Inject
    @ConfigProperty(name = "nps.deliverability.pause.bounce-rate", defaultValue = "0.05")
    private double pauseBounceRate;

    @Inject
    @ConfigProperty(name = "nps.deliverability.pause.minimum-sent", defaultValue = "500")
    private int pauseMinimumSent;

    private DeliverabilityPolicy policy;

    @PostConstruct
    void readPolicy() {
        policy = new DeliverabilityPolicy(softBounceLimit, softBounceDays, pauseComplaintRate, pauseBounceRate, pauseMinimumSent);
    }

    @Override
    public DeliverabilityPolicy policy() {
        return policy;
    }

    /** The invitation a report is about, as far as it could be found. */
    private record Match(Long invitationId, Long campaignId, String email) {
    }

    @Override
    public Outcome report(Report report) {
        if (report.externalId() != null && !em.createQuery(
                "SELECT e.id FROM DeliveryEvent e WHERE e.source = :source AND e.externalId = :external", Long.class)
                .setParameter("source", report.source()).setParameter("external", DeliveryEvent.cut(report.externalId(), 200))
                .setMaxResults(1).getResultList().isEmpty()) {
            return new Outcome(Result.DUPLICATE, null, null, null, null, false);
        }
        Optional<Match> found = match(report.trace());
        if (found.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        Match match = found.get();
        Instant now = clock.instant();
        DeliveryEvent event = new DeliveryEvent(match.invitationId(), match.campaignId(), match.email(), report.kind(),
                report.source(), report.statusCode(), report.detail(), report.evidence(), report.externalId(),
                report.occurredAt(), now);
        em.persist(event);
        em.flush();
        boolean suppressed = applyPolicy(report, match, event, now);
        if (match.campaignId() != null && report.kind() != DeliveryEventKind.UNSUBSCRIBE) {
            pauseIfNeeded(match.campaignId());
        }
        return new Outcome(Result.RECORDED, event.getId(), match.invitationId(), match.campaignId(), match.email(), suppressed);
    }

    private boolean applyPolicy(Report report, Match match, DeliveryEvent event, Instant now) {
        if (match.email() == null || suppressions.isSuppressed(match.email())) {
            return false;
        }
        String note = report.detail();
        SuppressionReason reason = switch (report.kind()) {
            case HARD_BOUNCE -> SuppressionReason.BOUNCED;
            case COMPLAINT -> SuppressionReason.COMPLAINED;
            case UNSUBSCRIBE -> SuppressionReason.UNSUBSCRIBED;
            case SOFT_BOUNCE -> {
                long recent = em.createQuery("SELECT COUNT(e) FROM DeliveryEvent e WHERE e.email = :email "
                        + "AND e.kind = :kind AND e.occurredAt >= :since", Long.class)
                        .setParameter("email", match.email()).setParameter("kind", DeliveryEventKind.SOFT_BOUNCE)
                        .setParameter("since", now.minus(Duration.ofDays(policy.softBounceDays()))).getSingleResult();
                if (recent < policy.softBounceLimit()) {
                    yield null;
                }
                note = recent + " soft bounces within " + policy.softBounceDays() + " days; last: " + report.detail();
                yield SuppressionReason.BOUNCED;
            }
        };
        if (reason == null) {
            return false;
        }
        suppressions.suppress(match.email(), reason, note, report.source(), report.evidence(), event.getId());
        return true;
    }

    private void pauseIfNeeded(long campaignId) {
        CampaignStatus status = em.createQuery("SELECT c.status FROM Campaign c WHERE c.id = :id", CampaignStatus.class)
                .setParameter("id", campaignId).getResultStream().findFirst().orElse(null);
        if (status != CampaignStatus.SENDING) {
            return;
        }
        campaign(campaignId).pauseReason(policy).ifPresent(reason -> {
            LOG.warning(() -> "Campaign " + campaignId + " pauses: " + reason.render(Locale.ENGLISH));
            alarms.fire(new CampaignDeliverabilityAlarm(campaignId, reason));
        });
    }

    private Optional<Match> match(Trace trace) {
        if (trace.invitationId() != null) {
            Invitation invitation = em.find(Invitation.class, trace.invitationId());
            if (invitation != null) {
                return Optional.of(of(invitation));
            }
        }
        MailReference reference = trace.reference() != null ? trace.reference()
                : MailReference.inMessageId(trace.messageId()).orElse(null);
        if (reference != null) {
            Optional<Match> byReference = byTokenHash(reference.tokenHash());
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        if (trace.token() != null && !trace.token().isBlank()) {
            Optional<Match> byToken = byTokenHash(InvitationToken.hashOf(trace.token().strip()));
            if (byToken.isPresent()) {
                return byToken;
            }
        }
        return byEmail(trace.email());
    }

    private Optional<Match> byTokenHash(String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT i FROM Invitation i WHERE i.tokenHash = :hash", Invitation.class)
                .setParameter("hash", hash).getResultStream().findFirst().map(DefaultDeliverabilityService::of);
    }

    /** The address's latest invitation sent; or, for a known contact never sent to, the address alone. */
    private Optional<Match> byEmail(String email) {
        EmailAddress address;
        try {
            address = new EmailAddress(email);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<Match> latest = em.createQuery("SELECT i FROM Invitation i WHERE i.contact.email.value = :email "
                + "AND i.sentAt IS NOT NULL ORDER BY i.sentAt DESC", Invitation.class)
                .setParameter("email", address.value()).setMaxResults(1).getResultStream().findFirst()
                .map(DefaultDeliverabilityService::of);
        if (latest.isPresent()) {
            return latest;
        }
        boolean known = !em.createQuery("SELECT c.id FROM Contact c WHERE c.email.value = :email", Long.class)
                .setParameter("email", address.value()).setMaxResults(1).getResultList().isEmpty();
        return known ? Optional.of(new Match(null, null, address.value())) : Optional.empty();
    }

    private static Match of(Invitation invitation) {
        return new Match(invitation.getId(), invitation.getCampaign().getId(), invitation.getContact().getEmail().value());
    }

    @Override
    public CampaignDeliverability campaign(long campaignId) {
        long accepted = em.createQuery("SELECT COUNT(i) FROM Invitation i WHERE i.campaign.id = :id AND i.sentAt IS NOT NULL",
                Long.class).setParameter("id", campaignId).getSingleResult();
        long refused = 0;
        long[] byKind = new long[DeliveryEventKind.values().length];
        for (Object[] row : em.createQuery("SELECT e.kind, e.source, COUNT(DISTINCT e.invitationId) FROM DeliveryEvent e "
                + "WHERE e.campaignId = :id GROUP BY e.kind, e.source", Object[].class).setParameter("id", campaignId)
                .getResultList()) {
            DeliveryEventKind kind = (DeliveryEventKind) row[0];
            long count = ((Number) row[2]).longValue();
            byKind[kind.ordinal()] += count;
            if (row[1] == DeliverySource.SMTP && kind != DeliveryEventKind.UNSUBSCRIBE) {
                refused += count; // refused while sending: never counted as sent, but an attempt all the same
            }
        }
        return new CampaignDeliverability(accepted + refused, byKind[DeliveryEventKind.HARD_BOUNCE.ordinal()],
                byKind[DeliveryEventKind.SOFT_BOUNCE.ordinal()], byKind[DeliveryEventKind.COMPLAINT.ordinal()],
                byKind[DeliveryEventKind.UNSUBSCRIBE.ordinal()]);
    }
}
