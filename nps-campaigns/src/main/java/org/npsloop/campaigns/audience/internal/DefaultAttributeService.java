package org.npsloop.campaigns.audience.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npsloop.campaigns.audience.AttributeService;
import org.npsloop.domain.audience.AttributeDefinition;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.validation.InvalidInputException;

@ApplicationScoped
@Transactional
public class DefaultAttributeService implements AttributeService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public List<AttributeView> list() {
        return definitions().values().stream().map(DefaultAttributeService::view)
                .sorted(java.util.Comparator.comparing(AttributeView::name)).toList();
    }

    @Override
    public AttributeView define(String name, AttributeType type) {
        String normalised;
        try {
            normalised = AttributeDefinition.normaliseName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("name", InvalidValueException.reasonOf(e));
        }
        AttributeDefinition existing = definitions().get(normalised);
        if (existing != null) {
            if (existing.getType() != type) {
                throw new InvalidInputException("type", "attribute.typeTaken", normalised, Message.of("attribute.type." + existing.getType()));
            }
            return view(existing);
        }
        AttributeDefinition created = new AttributeDefinition(normalised, type, clock.instant());
        em.persist(created);
        em.flush();
        return view(created);
    }

    /** Every definition by name. */
    Map<String, AttributeDefinition> definitions() {
        Map<String, AttributeDefinition> byName = new HashMap<>();
        em.createNamedQuery("AttributeDefinition.all", AttributeDefinition.class).getResultList()
                .forEach(d -> byName.put(d.getName(), d));
        return byName;
    }

    /** Ids of the named attributes, defining the missing ones with the given types. */
    Map<String, Long> ensure(Map<String, AttributeType> wanted) {
        Map<String, AttributeDefinition> known = definitions();
        Map<String, Long> ids = new HashMap<>();
        wanted.forEach((name, type) -> {
            AttributeDefinition definition = known.get(name);
            if (definition == null) {
                definition = new AttributeDefinition(name, type, clock.instant());
                em.persist(definition);
            }
            ids.put(name, null);
            known.put(name, definition);
        });
        em.flush();
        wanted.keySet().forEach(name -> ids.put(name, known.get(name).getId()));
        return ids;
    }

    private static AttributeView view(AttributeDefinition d) {
        return new AttributeView(d.getId(), d.getName(), d.getType());
    }
}
