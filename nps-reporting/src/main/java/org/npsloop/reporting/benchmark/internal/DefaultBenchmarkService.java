package org.npsloop.reporting.benchmark.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.nps.BenchmarkComparison;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.report.BenchmarkReference;
import org.npsloop.domain.schema.Database;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.benchmark.BenchmarkService;
import org.npsloop.reporting.benchmark.InternalBenchmarks;
import org.npsloop.reporting.benchmark.ReferenceComparison;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.ReportService;

/**
 * References through JPA; every figure through {@link ReportService}, so that a benchmark counts the answers exactly
 * as the dashboard does (same filters, same time zone, same bots rule).
 */
@ApplicationScoped
@Transactional
public class DefaultBenchmarkService implements BenchmarkService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ReportService reports;

    public DefaultBenchmarkService() {
        // for CDI
    }

    /** Outside the container (tests): the figures only. */
    DefaultBenchmarkService(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public List<ReferenceView> references() {
        return em.createNamedQuery("BenchmarkReference.all", BenchmarkReference.class).getResultList().stream()
                .map(DefaultBenchmarkService::view).toList();
    }

    @Override
    public ReferenceView reference(long id) {
        return view(find(id));
    }

    @Override
    public ReferenceView create(ReferenceInput input) {
        BenchmarkReference reference = new BenchmarkReference(input.sector(), input.region(), input.year(), input.source(),
                input.licenceNote(), input.nps(), clock.instant());
        em.persist(reference);
        em.flush();
        return view(reference);
    }

    @Override
    public ReferenceView update(long id, ReferenceInput input) {
        BenchmarkReference reference = find(id);
        reference.change(input.sector(), input.region(), input.year(), input.source(), input.licenceNote(), input.nps(),
                clock.instant());
        em.flush();
        return view(reference);
    }

    @Override
    public void delete(long id) {
        em.remove(find(id));
    }

    @Override
    public ReferenceComparison compare(long referenceId, ReportFilter filter) {
        ReferenceView reference = reference(referenceId);
        ReportFilter company = company(filter);
        NpsResult nps = reports.nps(company);
        return new ReferenceComparison(reference, company, new BenchmarkComparison(nps, reference.nps().doubleValue()));
    }

    @Override
    public InternalBenchmarks internal(ReportFilter filter) {
        ReportFilter company = company(filter);
        NpsResult overall = reports.nps(company);
        List<InternalBenchmarks.Row> segments = reports.options().segments().stream()
                .map(s -> row(String.valueOf(s.id()), s.name(), reports.nps(filter.withSegment(s.id())), overall)).toList();
        // Answers to campaigns that no journey moment triggers (key null) are no moment's.
        List<InternalBenchmarks.Row> moments = reports.breakdown(filter, Breakdown.Dimension.JOURNEY_MOMENT, null).rows().stream()
                .filter(r -> r.key() != null).map(r -> row(r.key(), r.label(), r.nps(), overall))
                .sorted(Comparator.comparing(InternalBenchmarks.Row::label)).toList();
        return new InternalBenchmarks(filter, company, overall, segments, moments);
    }

    /** The company as a whole over the filter's period: every other filter dropped, the bots toggle kept. */
    static ReportFilter company(ReportFilter filter) {
        return ReportFilter.period(filter.from(), filter.to()).withIncludeFlagged(filter.includeFlagged());
    }

    private static InternalBenchmarks.Row row(String key, String label, NpsResult group, NpsResult overall) {
        return new InternalBenchmarks.Row(key, label, group, group.changeSince(overall));
    }

    private BenchmarkReference find(long id) {
        BenchmarkReference reference = em.find(BenchmarkReference.class, id);
        if (reference == null) {
            throw new NotFoundException("benchmark.notFound", id);
        }
        return reference;
    }

    private static ReferenceView view(BenchmarkReference r) {
        return new ReferenceView(r.getId(), r.getSector(), r.getRegion(), r.getYear(), r.getSource(), r.getLicenceNote(),
                r.getNps(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
