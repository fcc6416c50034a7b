package org.npsloop.reporting.dashboard.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.report.Annotation;
import org.npsloop.domain.schema.Database;
import org.npsloop.reporting.dashboard.AnnotationService;

@ApplicationScoped
@Transactional
public class DefaultAnnotationService implements AnnotationService {

    /** Stand-ins for an open bound: far outside any NPS history, valid as DATE on both databases. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public List<AnnotationView> between(LocalDate from, LocalDate to) {
        return em.createNamedQuery("Annotation.between", Annotation.class)
                .setParameter("from", from == null ? EARLIEST : from)
                .setParameter("to", to == null ? LATEST : to)
                .getResultList().stream().map(DefaultAnnotationService::view).toList();
    }

    @Override
    public AnnotationView create(AnnotationInput input, String author) {
        Annotation annotation = new Annotation(input.day(), input.text(), author, clock.instant());
        em.persist(annotation);
        em.flush();
        return view(annotation);
    }

    @Override
    public AnnotationView update(long id, AnnotationInput input) {
        Annotation annotation = find(id);
        annotation.change(input.day(), input.text(), clock.instant());
        return view(annotation);
    }

    @Override
    public void delete(long id) {
        em.remove(find(id));
    }

    private Annotation find(long id) {
        Annotation annotation = em.find(Annotation.class, id);
        if (annotation == null) {
            throw new NotFoundException("notFound.annotation", id);
        }
        return annotation;
    }

    private static AnnotationView view(Annotation a) {
        return new AnnotationView(a.getId(), a.getDay(), a.getText(), a.getAuthor(), a.getCreatedAt(), a.getUpdatedAt());
    }
}
