package org.npsloop.web.api;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.text.StrictDates;
import org.npsloop.domain.validation.Violations;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.RatedTouchpoint;
import org.npsloop.reporting.ReportFilter;

/**
 * The query parameters every report endpoint takes ({@code @BeanParam}), turned into a {@link ReportFilter}:
 * {@code from}, {@code to} (days, both included, e.g. 2026-11-01), {@code campaign}, {@code moment},
 * {@code segment}, {@code attribute} with {@code value}, {@code language} (FR, EN), {@code channel}
 * (EMAIL, PHONE, MANUAL), {@code includeFlagged} (default false) and the drill-down {@code touchpoint} (a
 * touchpoint code) with {@code rated} ({@code low} or {@code high}). Malformed values answer 400 naming each wrong
 * parameter.
 */
public class ReportFilterParams {

    @QueryParam("from")
    private String from;

    @QueryParam("to")
    private String to;

    @QueryParam("campaign")
    private String campaign;

    @QueryParam("moment")
    private String moment;

    @QueryParam("segment")
    private String segment;

    @QueryParam("attribute")
    private String attribute;

    @QueryParam("value")
    private String value;

    @QueryParam("language")
    private String language;

    @QueryParam("channel")
    private String channel;

    @QueryParam("includeFlagged")
    private String includeFlagged;

    @QueryParam("touchpoint")
    private String touchpoint;

    @QueryParam("rated")
    private String rated;

    public ReportFilterParams() {
        // for JAX-RS
    }

    /** The parameters as a request would carry them (tests). */
    ReportFilterParams(String from, String to, String campaign, String moment, String segment, String attribute, String value,
            String language, String channel, String includeFlagged) {
        this.from = from;
        this.to = to;
        this.campaign = campaign;
        this.moment = moment;
        this.segment = segment;
        this.attribute = attribute;
        this.value = value;
        this.language = language;
        this.channel = channel;
        this.includeFlagged = includeFlagged;
    }

    /** @throws org.npsloop.domain.validation.InvalidInputException naming every malformed parameter */
    public ReportFilter toFilter() {
        Violations violations = new Violations();
        LocalDate since = violations.check("from", () -> day(from));
        LocalDate until = violations.check("to", () -> day(to));
        Long campaignId = violations.check("campaign", () -> id(campaign));
        Long segmentId = violations.check("segment", () -> id(segment));
        Language lang = violations.check("language", () -> named(Language.class, language));
        ResponseChannel chan = violations.check("channel", () -> named(ResponseChannel.class, channel));
        Boolean flagged = violations.check("includeFlagged", () -> bool(includeFlagged));
        RatedTouchpoint drill = null;
        try {
            drill = RatedTouchpoint.of(touchpoint, rated);
        } catch (InvalidInputException e) {
            e.errors().forEach(violations::add);
        }
        violations.throwIfAny();
        return new ReportFilter(since, until, campaignId, moment, segmentId, attribute, value, lang, chan,
                Boolean.TRUE.equals(flagged), drill);
    }

    static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return StrictDates.isoDay(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("param.day", text);
        }
    }

    static Long id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("param.id", text);
        }
    }

    static Boolean bool(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new InvalidValueException("param.boolean", text);
        };
    }

    static <E extends Enum<E>> E named(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("param.oneOf", Arrays.toString(type.getEnumConstants()), text);
        }
    }
}
