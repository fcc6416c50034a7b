package org.npsloop.reporting;

import java.util.List;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.nps.TrendGranularity;

/** Live NPS reports, computed by the database from the responses a {@link ReportFilter} selects. */
public interface ReportService {

    /** @throws org.npsloop.domain.validation.InvalidInputException for an unknown segment or attribute */
    Dashboard dashboard(ReportFilter filter, TrendGranularity granularity);

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
