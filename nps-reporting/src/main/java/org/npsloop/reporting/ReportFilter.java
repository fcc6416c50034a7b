package org.npsloop.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npsloop.domain.audience.AttributeDefinition;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

/**
 * Which responses a report counts. Every field is optional; {@code from} and {@code to} are days
 * (both included) in the report time zone. Responses flagged as suspected bots are left out unless
 * {@code includeFlagged}. A contact attribute filter is {@code attribute = attributeValue}, the value
 * compared as the attribute's type (text ignoring case), exactly as a segment rule would. {@code rated}, the
 * drill-down from a touchpoint to its verbatims, keeps the responses that rated one touchpoint low (or high).
 */
public record ReportFilter(LocalDate from, LocalDate to, Long campaignId, String journeyMoment, Long segmentId,
        String attribute, String attributeValue, Language language, ResponseChannel channel, boolean includeFlagged,
        RatedTouchpoint rated) {

    public ReportFilter {
        journeyMoment = blankToNull(journeyMoment);
        journeyMoment = journeyMoment == null ? null : journeyMoment.toUpperCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        attribute = blankToNull(attribute);
        if (attribute != null) {
            try {
                attribute = AttributeDefinition.normaliseName(attribute);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("attribute", InvalidValueException.reasonOf(e)));
            }
        }
        attributeValue = blankToNull(attributeValue);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("to", "report.filter.toBeforeFrom", to, from));
        }
        if (attribute != null && attributeValue == null) {
            errors.add(new FieldError("value", "report.filter.valueRequired", attribute));
        }
        if (attribute == null && attributeValue != null) {
            errors.add(new FieldError("attribute", "report.filter.attributeRequired", attributeValue));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Without a drill-down to a touchpoint's raters. */
    public ReportFilter(LocalDate from, LocalDate to, Long campaignId, String journeyMoment, Long segmentId,
            String attribute, String attributeValue, Language language, ResponseChannel channel, boolean includeFlagged) {
        this(from, to, campaignId, journeyMoment, segmentId, attribute, attributeValue, language, channel, includeFlagged,
                null);
    }

    /** Every response ever given, flagged ones left out. */
    public static ReportFilter everything() {
        return new ReportFilter(null, null, null, null, null, null, null, null, null, false);
    }

    /** Every response given in the period (days included), flagged ones left out. */
    public static ReportFilter period(LocalDate from, LocalDate to) {
        return everything().withPeriod(from, to);
    }

    public ReportFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new ReportFilter(newFrom, newTo, campaignId, journeyMoment, segmentId, attribute, attributeValue, language,
                channel, includeFlagged, rated);
    }

    public ReportFilter withCampaign(Long newCampaignId) {
        return new ReportFilter(from, to, newCampaignId, journeyMoment, segmentId, attribute, attributeValue, language,
                channel, includeFlagged, rated);
    }

    public ReportFilter withJourneyMoment(String newMoment) {
        return new ReportFilter(from, to, campaignId, newMoment, segmentId, attribute, attributeValue, language, channel,
                includeFlagged);
    }

    public ReportFilter withSegment(Long newSegmentId) {
        return new ReportFilter(from, to, campaignId, journeyMoment, newSegmentId, attribute, attributeValue, language, channel,
                includeFlagged);
    }

    public ReportFilter withChannel(ResponseChannel newChannel) {
        return new ReportFilter(from, to, campaignId, journeyMoment, segmentId, attribute, attributeValue, language,
                newChannel, includeFlagged, rated);
    }

    public ReportFilter withIncludeFlagged(boolean include) {
        return new ReportFilter(from, to, campaignId, journeyMoment, segmentId, attribute, attributeValue, language,
                channel, include, rated);
    }

    /** The same responses, narrowed to those that rated a touchpoint low or high (null: no narrowing). */
    public ReportFilter withRated(RatedTouchpoint newRated) {
        return new ReportFilter(from, to, campaignId, journeyMoment, segmentId, attribute, attributeValue, language,
                channel, includeFlagged, newRated);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
