package org.npsloop.reporting.dashboard;

import java.util.List;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.reporting.ReportFilter;

/** Live NPS reports, computed by the database from the responses a {@link ReportFilter} selects. */
public interface ReportService {

    /** @throws org.npsloop.domain.validation.InvalidInputException for an unknown segment or attribute */
    Dashboard dashboard(ReportFilter filter, TrendGranularity granularity);

    /**
     * The NPS of the answers the filter selects, and nothing else (one query): for figures compared with the
     * dashboard's, such as benchmarks.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException for an unknown segment or attribute
     */
    NpsResult nps(ReportFilter filter);

    /**
     * One point per day (in the report zone) of the filter's period, days without answers included: the
     * home page's answers per day, from the same counts as the dashboard.
     *
     * @throws IllegalArgumentException when the period has no start or no end
     */
    List<Dashboard.TrendPoint> daily(ReportFilter filter);

    /**
     * @param attribute the contact attribute to break down by; only for {@link Breakdown.Dimension#ATTRIBUTE}
     * @throws org.npsloop.domain.validation.InvalidInputException for an unknown attribute
     */
    Breakdown breakdown(ReportFilter filter, Breakdown.Dimension dimension, String attribute);

    /** What the filters can be set to. */
    FilterOptions options();

    record FilterOptions(List<Option> campaigns, List<String> journeyMoments, List<Option> segments,
            List<AttributeOption> attributes) {
    }

    record Option(long id, String name) {
    }

    record AttributeOption(String name, AttributeType type) {
    }
}
