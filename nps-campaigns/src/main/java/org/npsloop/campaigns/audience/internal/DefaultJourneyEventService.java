package org.npsloop.campaigns.audience.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.npsloop.campaigns.audience.JourneyEventService;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.JourneyEvent;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.validation.Violations;

@ApplicationScoped
@Transactional
public class DefaultJourneyEventService implements JourneyEventService {

    private static final int MAX_EXTERNAL_ID = 200;
    private static final int MAX_PROPERTIES = 4000;

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public Recorded record(EventInput event) {
        return store(java.util.Collections.singletonList(event), false).get(0);
    }

    @Override
    public List<Recorded> recordAll(List<EventInput> events) {
        return store(events, true);
    }

    /** @param batch true to name fields "events[i].x", as a batch's caller needs to find the bad ones */
    private List<Recorded> store(List<EventInput> events, boolean batch) {
        Violations violations = new Violations();
        if (events == null || events.isEmpty()) {
            violations.add("events", "events.required");
            violations.throwIfAny();
        }
        List<JourneyEvent> toStore = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String at = batch ? "events[" + i + "]." : "";
            EventInput input = events.get(i);
            if (input == null) {
                violations.add("events[" + i + "]", "events.missing");
                continue;
            }
            Contact contact = violations.check(at + "email", () -> contact(input.email()));
            String type = violations.check(at + "type", () -> JourneyEvent.normaliseType(input.type()));
            if (input.occurredAt() == null) {
                violations.add(at + "occurredAt", "events.occurredAt.required");
            }
            if (input.externalId() != null && input.externalId().length() > MAX_EXTERNAL_ID) {
                violations.add(at + "externalId", "value.text.tooLong", MAX_EXTERNAL_ID);
            }
            String properties = violations.check(at + "properties", () -> json(input.properties()));
            if (!violations.isEmpty()) {
                continue;
            }
            Optional<JourneyEvent> duplicate = input.externalId() == null ? Optional.empty()
                    : em.createQuery("SELECT e FROM JourneyEvent e WHERE e.externalId = :id", JourneyEvent.class)
                            .setParameter("id", input.externalId()).getResultStream().findFirst()
                            .or(() -> toStore.stream().filter(e -> input.externalId().equals(e.getExternalId())).findFirst());
            if (duplicate.isPresent()) {
                toStore.add(null); // a duplicate: its id is looked up after the flush
                continue;
            }
            JourneyEvent event = new JourneyEvent(contact, type, input.occurredAt(), input.externalId(), clock.instant());
            event.setProperties(properties);
            toStore.add(event);
        }
        violations.throwIfAny();
        for (JourneyEvent event : toStore) {
            if (event != null) {
                em.persist(event);
            }
        }
        em.flush();
        List<Recorded> result = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JourneyEvent stored = toStore.get(i);
            if (stored != null) {
                result.add(new Recorded(stored.getId(), Outcome.CREATED));
            } else {
                String externalId = events.get(i).externalId();
                long id = em.createQuery("SELECT e.id FROM JourneyEvent e WHERE e.externalId = :id", Long.class)
                        .setParameter("id", externalId).getSingleResult();
                result.add(new Recorded(id, Outcome.DUPLICATE));
            }
        }
        return result;
    }

    private Contact contact(String email) {
        String normalised = new EmailAddress(email).value();
        return em.createQuery("SELECT c FROM Contact c WHERE c.email.value = :email", Contact.class)
                .setParameter("email", normalised).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidValueException("contact.email.notFound", normalised));
    }

    /** Free-form properties, stored as a JSON object of scalar values. */
    private static String json(Map<String, Object> properties) {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        properties.forEach((key, value) -> {
            if (value == null) {
                object.addNull(key);
            } else if (value instanceof Boolean b) {
                object.add(key, b);
            } else if (value instanceof Number n) {
                object.add(key, new BigDecimal(n.toString()));
            } else if (value instanceof String s) {
                object.add(key, s);
            } else {
                throw new InvalidValueException("events.property.type", key);
            }
        });
        String json = object.build().toString();
        if (json.length() > MAX_PROPERTIES) {
            throw new InvalidValueException("events.properties.tooLong", MAX_PROPERTIES);
        }
        return json;
    }
}
