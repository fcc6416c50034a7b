package org.npsloop.web.reports;

import java.util.Locale;
import org.npsloop.domain.nps.TrendGranularity;

/** What the reports pages share. */
final class ReportPages {

    private ReportPages() {
    }

    /** The trend granularity of a page's URL: WEEK, MONTH or QUARTER in any case; anything else is MONTH. */
    static TrendGranularity granularity(String text) {
        try {
            return TrendGranularity.valueOf(
                    text == null ? "MONTH" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return TrendGranularity.MONTH;
        }
    }

    /** The filter component a refused filter field is shown on. */
    static String component(String field) {
        return switch (field) {
            case "from", "to", "period", "campaign", "moment", "segment", "attribute", "value", "language", "channel" -> field;
            case "campaignId" -> "campaign";
            case "journeyMoment" -> "moment";
            case "touchpoint", "rated" -> "drillDown";
            default -> "apply";
        };
    }
}
