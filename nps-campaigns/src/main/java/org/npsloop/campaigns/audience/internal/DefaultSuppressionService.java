package org.npsloop.campaigns.audience.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.npsloop.campaigns.audience.SuppressionService;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Suppression;
import org.npsloop.domain.audience.SuppressionReason;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.text.LikePattern;
import org.npsloop.domain.validation.InvalidInputException;

@ApplicationScoped
@Transactional
public class DefaultSuppressionService implements SuppressionService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public SuppressionView suppress(String email, SuppressionReason reason, String note, DeliverySource source,
            String evidence, Long eventId) {
        EmailAddress address;
        try {
            address = new EmailAddress(email);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("email", InvalidValueException.reasonOf(e));
        }
        if (reason == null) {
            throw new InvalidInputException("reason", "suppression.reason.invalid");
        }
        Suppression entry = find(address).orElseGet(() -> {
            Suppression created = new Suppression(address, reason, note, clock.instant(), source, evidence, eventId);
            em.persist(created);
            return created;
        });
        em.createQuery("SELECT c FROM Contact c WHERE c.email.value = :email", Contact.class)
                .setParameter("email", address.value()).getResultStream()
                .forEach(contact -> contact.suppress(reason, clock.instant()));
        em.flush();
        return view(entry);
    }

    @Override
    public void lift(long id, boolean administrator) {
        Suppression entry = existing(id);
        if (entry.getReason() == SuppressionReason.UNSUBSCRIBED) {
            throw new InvalidInputException("reason", "suppression.unsubscribePermanent");
        }
        if (entry.getReason() != SuppressionReason.MANUAL && !administrator) {
            throw new InvalidInputException("reason", "suppression.liftNeedsAdmin");
        }
        if (entry.getReason() != SuppressionReason.MANUAL) {
            em.createQuery("SELECT c FROM Contact c WHERE c.email.value = :email", Contact.class)
                    .setParameter("email", entry.getEmail().value()).getResultStream()
                    .forEach(contact -> contact.liftSuppression(clock.instant()));
        }
        em.remove(entry);
    }

    @Override
    public SuppressionView find(long id) {
        return view(existing(id));
    }

    private Suppression existing(long id) {
        Suppression entry = em.find(Suppression.class, id);
        if (entry == null) {
            throw new NotFoundException("notFound.suppression", id);
        }
        return entry;
    }

    @Override
    public boolean isSuppressed(String email) {
        try {
            return find(new EmailAddress(email)).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public List<SuppressionView> list(String text, int first, int size) {
        return filtered("SELECT s FROM Suppression s", text, Suppression.class, " ORDER BY s.createdAt DESC")
                .setFirstResult(first).setMaxResults(size).getResultStream().map(DefaultSuppressionService::view).toList();
    }

    @Override
    public long count(String text) {
        return filtered("SELECT COUNT(s) FROM Suppression s", text, Long.class, "").getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, String text, Class<T> type, String order) {
        boolean filter = text != null && !text.isBlank();
        TypedQuery<T> query = em.createQuery(select + (filter ? " WHERE s.email.value LIKE :text ESCAPE '\\'" : "") + order, type);
        if (filter) {
            query.setParameter("text", LikePattern.containsIgnoringCase(text));
        }
        return query;
    }

    /** The entry of the address, kept in clear or, once its contact was erased, as its hash. */
    private Optional<Suppression> find(EmailAddress address) {
        return em.createQuery("SELECT s FROM Suppression s WHERE s.email.value IN (:email, :erased)", Suppression.class)
                .setParameter("email", address.value()).setParameter("erased", Suppression.erasedKey(address))
                .getResultStream().findFirst();
    }

    private static SuppressionView view(Suppression s) {
        return new SuppressionView(s.getId(), s.getEmail().value(), s.getReason(), s.getNote(), s.getCreatedAt(),
                s.getSource(), s.getEvidence(), s.getEventId());
    }
}
