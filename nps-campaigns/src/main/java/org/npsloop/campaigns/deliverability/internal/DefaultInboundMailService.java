package org.npsloop.campaigns.deliverability.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.npsloop.campaigns.audience.SuppressionService;
import org.npsloop.campaigns.deliverability.DeliverabilityService;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Outcome;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Report;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Result;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Trace;
import org.npsloop.campaigns.deliverability.InboundMailService;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.SuppressionReason;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.validation.InvalidInputException;

@ApplicationScoped
@Transactional
public class DefaultInboundMailService implements InboundMailService {

    private static final String COLUMNS = "id, kind, status, subject, sender, recipient, status_code, detail, received_at, note, "
            + "resolved_by, resolved_at";

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private DeliverabilityService deliverability;

    @Inject
    private SuppressionService suppressions;

    @Override
    @SuppressWarnings("unchecked")
    public List<InboundMailView> quarantined(int first, int size) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + ", NULL FROM inbound_mail WHERE status = ?1 "
                + "ORDER BY received_at DESC, id DESC").setParameter(1, InboundStatus.QUARANTINED.name())
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size)).getResultList();
        return rows.stream().map(DefaultInboundMailService::view).toList();
    }

    @Override
    public long countQuarantined() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM inbound_mail WHERE status = ?1")
                .setParameter(1, InboundStatus.QUARANTINED.name()).getSingleResult()).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public InboundMailView find(long id) {
        // Only mail that went through the quarantine: handled mail keeps no text worth a page.
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + ", raw_text FROM inbound_mail WHERE id = ?1 "
                + "AND status IN (?2, ?3, ?4)").setParameter(1, id).setParameter(2, InboundStatus.QUARANTINED.name())
                .setParameter(3, InboundStatus.RESOLVED.name()).setParameter(4, InboundStatus.DISMISSED.name()).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("notFound.inboundMail", id);
        }
        return view(rows.get(0));
    }

    @Override
    public InboundMailView act(long id, QuarantineAction action, String email, String note, String who) {
        if (action == null) {
            throw new InvalidInputException("action", "inboundMail.action.invalid");
        }
        InboundMailView mail = find(id);
        if (mail.status() != InboundStatus.QUARANTINED) {
            throw new InvalidInputException("status", "inboundMail.notQuarantined");
        }
        String cleanNote = note == null || note.isBlank() ? null : ReturnedMail.cut(note.strip(), 1000);
        InboundStatus status = InboundStatus.DISMISSED;
        if (action != QuarantineAction.DISMISS) {
            String address = email == null || email.isBlank() ? mail.recipient() : email.strip();
            if (address == null) {
                throw new InvalidInputException("email", "inboundMail.email.required");
            }
            EmailAddress valid;
            try {
                valid = new EmailAddress(address);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("email", InvalidValueException.reasonOf(e));
            }
            suppress(mail, action, valid.value(), who, cleanNote);
            status = InboundStatus.RESOLVED;
        }
        em.createNativeQuery("UPDATE inbound_mail SET status = ?1, note = ?2, resolved_by = ?3, resolved_at = ?4 WHERE id = ?5")
                .setParameter(1, status.name()).setParameter(2, cleanNote).setParameter(3, ReturnedMail.cut(who, 200))
                .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)).setParameter(5, id)
                .executeUpdate();
        return find(id);
    }

    /** Through the one door (the policy, the event, the campaign's counts); an address we never mailed is suppressed alone. */
    private void suppress(InboundMailView mail, QuarantineAction action, String email, String who, String note) {
        DeliveryEventKind kind = switch (action) {
            case HARD_BOUNCE -> DeliveryEventKind.HARD_BOUNCE;
            case COMPLAINT -> DeliveryEventKind.COMPLAINT;
            default -> DeliveryEventKind.UNSUBSCRIBE;
        };
        DeliverySource source = switch (action) {
            case HARD_BOUNCE -> DeliverySource.DSN;
            case COMPLAINT -> DeliverySource.ARF;
            default -> DeliverySource.MAILTO;
        };
        String detail = ReturnedMail.cut("Quarantined mail read by " + who + (note == null ? "" : ": " + note), 1000);
        Outcome outcome = deliverability.report(new Report(kind, source, Trace.email(email), mail.statusCode(), detail,
                mail.rawText(), "quarantine:" + mail.id(), null));
        if (outcome.result() == Result.UNMATCHED) {
            SuppressionReason reason = switch (kind) {
                case HARD_BOUNCE -> SuppressionReason.BOUNCED;
                case COMPLAINT -> SuppressionReason.COMPLAINED;
                default -> SuppressionReason.UNSUBSCRIBED;
            };
            suppressions.suppress(email, reason, detail, source, mail.rawText(), null);
        }
    }

    private static InboundMailView view(Object[] row) {
        return new InboundMailView(((Number) row[0]).longValue(), (String) row[1], InboundStatus.valueOf((String) row[2]),
                (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7], instant(row[8]),
                (String) row[9], (String) row[10], instant(row[11]), row[12] == null ? null : row[12].toString());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value.getClass());
    }
}
