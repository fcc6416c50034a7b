package org.npsloop.reporting.benchmark;

import org.npsloop.domain.nps.BenchmarkComparison;
import org.npsloop.reporting.ReportFilter;

/**
 * The company's NPS over a period next to a reference.
 *
 * @param company the filter the company's NPS was counted with: the period and the suspected-bots toggle alone
 */
public record ReferenceComparison(BenchmarkService.ReferenceView reference, ReportFilter company,
        BenchmarkComparison comparison) {
}
