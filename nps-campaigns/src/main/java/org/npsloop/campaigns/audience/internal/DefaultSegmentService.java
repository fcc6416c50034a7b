package org.npsloop.campaigns.audience.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.npsloop.campaigns.audience.SegmentService;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.segment.AttributeCatalog;
import org.npsloop.domain.segment.Segment;
import org.npsloop.domain.segment.SegmentJson;
import org.npsloop.domain.segment.SegmentRule;
import org.npsloop.domain.segment.SqlCondition;
import org.npsloop.domain.validation.InvalidInputException;

@ApplicationScoped
@Transactional
public class DefaultSegmentService implements SegmentService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private AudienceQueries queries;

    @Inject
    private Clock clock;

    @Override
    public List<SegmentView> list() {
        return em.createNamedQuery("Segment.all", Segment.class).getResultStream().map(DefaultSegmentService::view).toList();
    }

    @Override
    public Optional<SegmentView> find(long id) {
        return Optional.ofNullable(em.find(Segment.class, id)).map(DefaultSegmentService::view);
    }

    @Override
    public SegmentView save(Long id, String name, String description, String definition) {
        SegmentRule rule = parse(definition);
        conditionOf(rule); // refuse rules the database could not evaluate (unknown attribute...) before saving
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "segment.name.required");
        }
        boolean taken = em.createQuery("SELECT COUNT(s) FROM Segment s WHERE s.name = :name AND s.id <> :id", Long.class)
                .setParameter("name", name.strip()).setParameter("id", id == null ? -1L : id).getSingleResult() > 0;
        if (taken) {
            throw new InvalidInputException("name", "segment.name.taken", name.strip());
        }
        Segment segment;
        if (id == null) {
            segment = new Segment(name, description, rule, clock.instant());
            em.persist(segment);
        } else {
            segment = existing(id);
            segment.change(name, description, rule, clock.instant());
        }
        em.flush();
        return view(segment);
    }

    @Override
    public void delete(long id) {
        em.remove(existing(id));
    }

    @Override
    public Preview preview(String definition) {
        return preview(conditionOf(parse(definition)));
    }

    @Override
    public Preview preview(long id) {
        return preview(conditionOf(existing(id).rule()));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> sizes() {
        List<Long> ids = new ArrayList<>();
        List<SqlCondition> conditions = new ArrayList<>();
        AttributeCatalog catalog = queries.catalog();
        for (Segment segment : em.createNamedQuery("Segment.all", Segment.class).getResultList()) {
            try {
                conditions.add(queries.condition(segment.rule(), catalog));
                ids.add(segment.getId());
            } catch (IllegalArgumentException e) {
                // Its attribute is gone: the page says so rather than showing a count.
            }
        }
        List<Long> counts = queries.countEach(conditions);
        Map<Long, Long> sizes = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            sizes.put(ids.get(i), counts.get(i));
        }
        return sizes;
    }

    private Preview preview(SqlCondition condition) {
        return new Preview(queries.count(condition, false), queries.count(condition, true),
                queries.sample(condition, SAMPLE_SIZE));
    }

    private SqlCondition conditionOf(SegmentRule rule) {
        try {
            return queries.condition(rule);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("definition", InvalidValueException.reasonOf(e));
        }
    }

    private static SegmentRule parse(String definition) {
        if (definition == null || definition.isBlank()) {
            throw new InvalidInputException("definition", "segment.rule.required");
        }
        try {
            return SegmentJson.fromJson(definition);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("definition", InvalidValueException.reasonOf(e));
        }
    }

    private Segment existing(long id) {
        Segment segment = em.find(Segment.class, id);
        if (segment == null) {
            throw new NotFoundException("notFound.segment", id);
        }
        return segment;
    }

    private static SegmentView view(Segment s) {
        return new SegmentView(s.getId(), s.getName(), s.getDescription(), s.getDefinition(), s.getUpdatedAt());
    }
}
