package org.npsloop.web.api;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.ReportFilter;

/**
 * The query parameters every report endpoint accepts, read in one place ({@code @BeanParam}):
 * {@code from}, {@code to} (days, ISO {@code 2026-11-01}, both included, in the report time zone),
 * {@code campaign} (id), {@code moment} (journey moment), {@code segment} (id), {@code attribute} with
 * {@code value}, {@code language} (EN, FR), {@code channel} (EMAIL, PHONE, MANUAL) and {@code includeFlagged}
 * (true to count answers suspected to come from mail scanners). A malformed value answers 400 naming it.
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

    public ReportFilterParams() {
        // for JAX-RS
    }

    /** For tests. */
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

    /** @throws InvalidInputException naming every malformed parameter at once */
    public ReportFilter toFilter() {
        Violations violations = new Violations();
        LocalDate since = violations.check("from", () -> day(from));
        LocalDate until = violations.check("to", () -> day(to));
        Long campaignId = violations.check("campaign", () -> id(campaign));
        Long segmentId = violations.check("segment", () -> id(segment));
        Language lang = violations.check("language", () -> named(Language.class, language));
        ResponseChannel chan = violations.check("channel", () -> named(ResponseChannel.class, channel));
        Boolean flagged = violations.check("includeFlagged", () -> bool(includeFlagged));
        violations.throwIfAny();
        return new ReportFilter(since, until, campaignId, moment, segmentId, attribute, value, lang, chan,
                Boolean.TRUE.equals(flagged));
    }

    static LocalDate day(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a day like 2026-11-01, not " + text);
        }
    }

    static Long id(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number, not " + text);
        }
    }

    static <E extends Enum<E>> E named(Class<E> type, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("one of " + Arrays.toString(type.getEnumConstants()) + ", not " + text);
        }
    }

    private static Boolean bool(String text) {
        if (blank(text)) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("true or false, not " + text);
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
