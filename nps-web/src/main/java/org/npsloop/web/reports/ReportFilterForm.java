package org.npsloop.web.reports;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.RatedTouchpoint;
import org.npsloop.reporting.ReportFilter;

/**
 * The filters of every page that filters answers (dashboard, breakdowns, comments, responses inbox) as they
 * travel in the URL (view parameters, {@code WEB-INF/includes/report-params.xhtml}), so that a view can be
 * shared: a quick period (last 30 or 90 days, last 12 months, everything) or custom days, and the optional
 * campaign, journey moment, segment, attribute = value, language, channel and the suspected-bots toggle, and the
 * drill-down from a touchpoint to its raters ({@code touchpoint} and {@code rated}, low or high), set by the links of
 * the touchpoints page and kept by every page.
 * Each page's bean holds one. The names are the REST API's: the bots toggle is {@code includeFlagged}
 * everywhere (URL, property, label {@code reports.includeFlagged}).
 */
public class ReportFilterForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Quick periods, ending today; {@link #CUSTOM} uses {@code from} and {@code to}. */
    public static final String LAST_30_DAYS = "30d";
    public static final String LAST_90_DAYS = "90d";
    public static final String LAST_12_MONTHS = "12m";
    public static final String ALL = "all";
    public static final String CUSTOM = "custom";

    private String period = LAST_12_MONTHS;
    private LocalDate from;
    private LocalDate to;
    private Long campaign;
    private String moment;
    private Long segment;
    private String attribute;
    private String value;
    private String language;
    private String channel;
    private boolean includeFlagged;
    private String touchpoint;
    private String rated;

    public List<String> getPeriods() {
        return List.of(LAST_30_DAYS, LAST_90_DAYS, LAST_12_MONTHS, ALL, CUSTOM);
    }

    /**
     * The filter for today (a day in the report zone).
     *
     * @throws InvalidInputException naming the bad fields (period, language, channel, and the filter's own checks)
     */
    public ReportFilter toFilter(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate since = from;
        LocalDate until = to;
        switch (period == null ? LAST_12_MONTHS : period) {
            case LAST_30_DAYS -> { since = today.minusDays(29); until = today; }
            case LAST_90_DAYS -> { since = today.minusDays(89); until = today; }
            case LAST_12_MONTHS -> { since = today.withDayOfMonth(1).minusMonths(11); until = today; }
            case ALL -> { since = null; until = null; }
            case CUSTOM -> { /* the days typed */ }
            default -> errors.add(new FieldError("period", "param.oneOf", getPeriods(), period));
        }
        Language lang = named(Language.class, "language", language, errors);
        ResponseChannel chan = named(ResponseChannel.class, "channel", channel, errors);
        RatedTouchpoint drill = null;
        try {
            drill = RatedTouchpoint.of(touchpoint, rated);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReportFilter(since, until, campaign, moment, segment, attribute, value, lang, chan, includeFlagged, drill);
    }

    /** The parameters of this form as the REST API takes them (the same names as the page's URL). */
    public Map<String, String> apiParameters(ReportFilter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "from", filter.from());
        put(params, "to", filter.to());
        put(params, "campaign", filter.campaignId());
        put(params, "moment", filter.journeyMoment());
        put(params, "segment", filter.segmentId());
        put(params, "attribute", filter.attribute());
        put(params, "value", filter.attributeValue());
        put(params, "language", filter.language());
        put(params, "channel", filter.channel());
        if (filter.includeFlagged()) {
            params.put("includeFlagged", "true");
        }
        if (filter.rated() != null) {
            params.put("touchpoint", filter.rated().touchpoint());
            params.put("rated", filter.rated().ratedParameter());
        }
        return params;
    }

    /**
     * The query string of a reports page showing the answers of the filter (its period as custom days): how one
     * page links to another, e.g. the touchpoints page to the comments of one touchpoint's low raters.
     */
    public String pageQuery(ReportFilter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("period", filter.from() == null && filter.to() == null ? ALL : CUSTOM);
        params.putAll(apiParameters(filter));
        StringBuilder query = new StringBuilder();
        params.forEach((name, v) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }


    private static void put(Map<String, String> params, String name, Object value) {
        if (value != null) {
            params.put(name, value.toString());
        }
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "param.unknown", text));
            return null;
        }
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getCampaign() {
        return campaign;
    }

    public void setCampaign(Long campaign) {
        this.campaign = campaign;
    }

    public String getMoment() {
        return moment;
    }

    public void setMoment(String moment) {
        this.moment = moment;
    }

    public Long getSegment() {
        return segment;
    }

    public void setSegment(Long segment) {
        this.segment = segment;
    }

    public String getAttribute() {
        return attribute;
    }

    public void setAttribute(String attribute) {
        this.attribute = attribute;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public boolean isIncludeFlagged() {
        return includeFlagged;
    }

    public void setIncludeFlagged(boolean includeFlagged) {
        this.includeFlagged = includeFlagged;
    }

    public String getTouchpoint() {
        return touchpoint;
    }

    public void setTouchpoint(String touchpoint) {
        this.touchpoint = touchpoint;
    }

    public String getRated() {
        return rated;
    }

    public void setRated(String rated) {
        this.rated = rated;
    }

    /** Never written: links and bookmarks made before the toggle had one name may still say {@code hideFlagged}. */
    public Boolean getHideFlagged() {
        return null;
    }

    /** The inbox's former parameter ({@code hideFlagged=true} is {@code includeFlagged=false}). */
    public void setHideFlagged(Boolean hideFlagged) {
        if (hideFlagged != null) {
            this.includeFlagged = !hideFlagged;
        }
    }
}
