package org.npsloop.web.reports;

/** What the reports pages share. */
final class ReportPages {

    private ReportPages() {
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
