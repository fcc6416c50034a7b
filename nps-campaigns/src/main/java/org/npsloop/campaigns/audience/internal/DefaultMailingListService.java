package org.npsloop.campaigns.audience.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.npsloop.campaigns.audience.ContactPage;
import org.npsloop.campaigns.audience.MailingListService;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;

@ApplicationScoped
@Transactional
public class DefaultMailingListService implements MailingListService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public List<ListView> list() {
        // One grouped join, not a count per list.
        return em.createQuery("SELECT l.id, l.name, l.description, COUNT(m) FROM MailingList l LEFT JOIN l.members m "
                + "GROUP BY l.id, l.name, l.description ORDER BY l.name", Object[].class).getResultStream()
                .map(r -> new ListView((Long) r[0], (String) r[1], (String) r[2], (Long) r[3])).toList();
    }

    @Override
    public Optional<ListView> find(long id) {
        MailingList list = em.find(MailingList.class, id);
        return list == null ? Optional.empty() : Optional.of(view(list));
    }

    @Override
    public ListView create(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "list.name.required");
        }
        if (!em.createQuery("SELECT l FROM MailingList l WHERE l.name = :name", MailingList.class)
                .setParameter("name", name.strip()).getResultList().isEmpty()) {
            throw new InvalidInputException("name", "list.name.taken", name.strip());
        }
        MailingList list = new MailingList(name, clock.instant());
        list.describe(description, clock.instant());
        em.persist(list);
        em.flush();
        return view(list);
    }

    @Override
    public int addMembers(long listId, List<String> emails) {
        MailingList list = existing(listId);
        if (emails == null || emails.isEmpty()) {
            throw new InvalidInputException("emails", "list.emails.required");
        }
        Violations violations = new Violations();
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            String raw = emails.get(i);
            EmailAddress email = violations.check("emails[" + i + "]", () -> new EmailAddress(raw));
            if (email != null) {
                normalised.add(email.value());
            }
        }
        violations.throwIfAny();
        List<Contact> contacts = em.createQuery("SELECT c FROM Contact c WHERE c.email.value IN :emails", Contact.class)
                .setParameter("emails", normalised).getResultList();
        if (contacts.size() < normalised.stream().distinct().count()) {
            List<String> found = contacts.stream().map(c -> c.getEmail().value()).toList();
            normalised.stream().filter(e -> !found.contains(e)).distinct()
                    .forEach(e -> violations.add("emails", "contact.email.notFound", e));
            violations.throwIfAny();
        }
        int added = 0;
        for (Contact contact : contacts) {
            if (list.getMembers().add(contact)) {
                added++;
            }
        }
        return added;
    }

    @Override
    public boolean removeMember(long listId, long contactId) {
        return existing(listId).getMembers().removeIf(c -> c.getId() == contactId);
    }

    @Override
    public ContactPage members(long listId, int first, int size) {
        existing(listId);
        List<Contact> page = em.createQuery("SELECT c FROM MailingList l JOIN l.members c WHERE l.id = :id ORDER BY c.email.value",
                Contact.class).setParameter("id", listId).setFirstResult(first).setMaxResults(size).getResultList();
        long total = em.createQuery("SELECT COUNT(c) FROM MailingList l JOIN l.members c WHERE l.id = :id", Long.class)
                .setParameter("id", listId).getSingleResult();
        return new ContactPage(page.stream().map(DefaultContactService::summary).toList(), total);
    }

    private MailingList existing(long id) {
        MailingList list = em.find(MailingList.class, id);
        if (list == null) {
            throw new NotFoundException("notFound.list", id);
        }
        return list;
    }

    private ListView view(MailingList list) {
        long members = em.createQuery("SELECT COUNT(c) FROM MailingList l JOIN l.members c WHERE l.id = :id", Long.class)
                .setParameter("id", list.getId()).getSingleResult();
        return new ListView(list.getId(), list.getName(), list.getDescription(), members);
    }
}
