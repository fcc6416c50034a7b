package org.npsloop.reporting.drilldown;

import java.util.List;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.reporting.ReportFilter;

/**
 * What the additional answers of the responses a {@link ReportFilter} selects say. Every figure is per touchpoint
 * and scale: a 1-5 and a 0-10 rating of the same touchpoint are never averaged together.
 *
 * @throws org.npsloop.domain.validation.InvalidInputException (each method) for an unknown segment, attribute or touchpoint
 */
public interface DrillDownService {

    /** The mean rating of each touchpoint rated in scope, with its trend by period (null granularity: months). */
    TouchpointRatings touchpoints(ReportFilter filter, TrendGranularity granularity);

    /** The answers to each choice and yes/no question in scope, split by the respondent's NPS category. */
    List<ChoiceDistribution> choices(ReportFilter filter);

    /** For each touchpoint and scale, the NPS of its high raters against its low raters, ranked by KeyDrivers.rank. */
    List<Driver> drivers(ReportFilter filter);
}
