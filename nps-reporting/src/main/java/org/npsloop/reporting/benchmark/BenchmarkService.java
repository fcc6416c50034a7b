package org.npsloop.reporting.benchmark;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.npsloop.reporting.ReportFilter;

/**
 * Reference NPS values and the comparisons with them. References are the company's own: the table is empty until
 * someone types one in.
 */
public interface BenchmarkService {

    /** Every reference, by sector, region, then newest year first. */
    List<ReferenceView> references();

    /** @throws org.npsloop.domain.i18n.NotFoundException when there is no such reference */
    ReferenceView reference(long id);

    /**
     * @throws org.npsloop.domain.validation.InvalidInputException naming {@code sector}, {@code region}, {@code year},
     *         {@code source}, {@code licenceNote} or {@code nps} (see {@link org.npsloop.domain.report.BenchmarkReference})
     */
    ReferenceView create(ReferenceInput input);

    /** @throws org.npsloop.domain.i18n.NotFoundException when there is no such reference; InvalidInputException as {@link #create} */
    ReferenceView update(long id, ReferenceInput input);

    /** @throws org.npsloop.domain.i18n.NotFoundException when there is no such reference */
    void delete(long id);

    /**
     * The company's NPS over the filter's period (every answer of the period; the suspected-bots toggle as the filter
     * says) against the reference.
     *
     * @throws org.npsloop.domain.i18n.NotFoundException when there is no such reference
     */
    ReferenceComparison compare(long referenceId, ReportFilter filter);

    /**
     * Each segment and each journey moment (within the filter) against the company's overall NPS over the filter's
     * period.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException for an unknown segment or attribute in the filter
     */
    InternalBenchmarks internal(ReportFilter filter);

    /**
     * What a person types; year and NPS as text (as typed, or as a JSON number is written: "2025", "32.5", "-12,5"), so
     * that a typo in them is refused together with the other fields.
     */
    record ReferenceInput(String sector, String region, String year, String source, String licenceNote, String nps) {
    }

    /** @param nps with one decimal */
    record ReferenceView(long id, String sector, String region, int year, String source, String licenceNote, BigDecimal nps,
            Instant createdAt, Instant updatedAt) {
    }
}
