package org.npsloop.reporting.report.internal;

import freemarker.template.Configuration;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsChange;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.Score;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.domain.nps.KeyDriver;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.reporting.drilldown.Driver;
import org.npsloop.reporting.drilldown.TouchpointRatings;
import org.npsloop.reporting.report.InternalReport;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.report.ReportSections;
import org.npsloop.platform.templates.FreemarkerConfigurations;

/**
 * Turns an {@link InternalReport} (and the digest) into documents with the FreeMarker templates under
 * {@code /report}: every figure is formatted here, in the report's language, so the templates only place
 * strings (auto-escaped by {@code .ftlh}). No container needed: unit-testable as is.
 */
public final class ReportRenderer {

    /** Email addresses typed in comments: masked wherever a comment is quoted. */
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");

    /** How many key drivers a digest names: the strongest few, the full table being in the report. */
    static final int DIGEST_DRIVERS = 3;

    private final Configuration freemarker;

    public ReportRenderer() {
        freemarker = FreemarkerConfigurations.classpath(ReportRenderer.class, "/report");
    }

    /** The comment as quoted: email addresses replaced by "[email]". */
    public static String maskEmails(String comment) {
        return comment == null ? null : EMAIL.matcher(comment).replaceAll("[email]");
    }

    public String html(InternalReport report) {
        return FreemarkerConfigurations.render(freemarker, "internal.ftlh", model(report));
    }

    public String htmlBody(InternalReport report) {
        return FreemarkerConfigurations.render(freemarker, "internal-embedded.ftlh", model(report));
    }

    /** A digest mail: subject, HTML and text. */
    public record DigestContent(String subject, String html, String text) {
    }

    /**
     * @param openFollowUps follow-ups not resolved yet, over all time
     * @param reportLink the full report of the same days
     */
    public DigestContent digest(Language language, ZoneId zone, LocalDate from, LocalDate to, Dashboard dashboard,
            List<ReportSections.ThemeCount> themes, ReportSections.FollowUpSummary openFollowUps, String reportLink) {
        return digest(language, zone, from, to, dashboard, themes, List.of(), openFollowUps, reportLink);
    }

    /** @param drivers the key drivers of the same days, ranked; the digest names the first {@link #DIGEST_DRIVERS} */
    public DigestContent digest(Language language, ZoneId zone, LocalDate from, LocalDate to, Dashboard dashboard,
            List<ReportSections.ThemeCount> themes, List<Driver> drivers, ReportSections.FollowUpSummary openFollowUps,
            String reportLink) {
        Map<String, String> l = labels(language);
        Locale locale = locale(language);
        Map<String, Object> model = new HashMap<>();
        model.put("l", l);
        model.put("lang", locale.getLanguage());
        model.put("period", day(from, locale) + " " + l.get("to") + " " + day(to, locale));
        model.put("nps", nps(dashboard.nps(), locale));
        model.put("comparison", comparison(dashboard, locale, l));
        model.put("themes", themes(themes));
        model.put("drivers", drivers(drivers.subList(0, Math.min(DIGEST_DRIVERS, drivers.size())), language, locale, l));
        model.put("openFollowUps", openFollowUps.newOnes() + openFollowUps.contacted());
        model.put("overdue", openFollowUps.overdue());
        model.put("link", reportLink);
        String subject = l.get("digestSubject") + " — " + model.get("period");
        model.put("subject", subject);
        return new DigestContent(subject, FreemarkerConfigurations.render(freemarker, "digest.ftlh", model),
                FreemarkerConfigurations.render(freemarker, "digest.ftl", model));
    }

    Map<String, Object> model(InternalReport report) {
        Locale locale = locale(report.language());
        Map<String, String> l = labels(report.language());
        Dashboard dashboard = report.dashboard();
        Map<String, Object> model = new HashMap<>();
        model.put("l", l);
        model.put("lang", locale.getLanguage());
        model.put("period", day(report.from(), locale) + " " + l.get("to") + " " + day(report.to(), locale));
        model.put("generated", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale)
                .format(report.generatedAt().atZone(report.zone())) + " (" + report.zone().getId() + ")");
        model.put("filters", filters(report.filter(), l));
        model.put("nps", nps(dashboard.nps(), locale));
        Dashboard.ResponseRate rate = dashboard.responseRate();
        Map<String, Object> responseRate = new HashMap<>();
        responseRate.put("invited", String.valueOf(rate.invited()));
        responseRate.put("responded", String.valueOf(rate.responded()));
        responseRate.put("percent", rate.percent().map(p -> percent(p, locale)).orElse(""));
        model.put("rate", responseRate);
        model.put("comparison", comparison(dashboard, locale, l));
        List<Map<String, Object>> distribution = new ArrayList<>();
        long max = 0;
        for (int s = Score.MIN; s <= Score.MAX; s++) {
            max = Math.max(max, dashboard.distribution().count(s));
        }
        for (int s = Score.MIN; s <= Score.MAX; s++) {
            long count = dashboard.distribution().count(s);
            Map<String, Object> row = new HashMap<>();
            row.put("score", String.valueOf(s));
            row.put("count", String.valueOf(count));
            row.put("percent", percent(dashboard.distribution().percent(s), locale));
            row.put("bar", max == 0 ? 0 : Math.round(100.0 * count / max));
            row.put("category", NpsCategory.of(s).name().toLowerCase(Locale.ROOT));
            distribution.add(row);
        }
        model.put("distribution", distribution);
        model.put("granularity", l.get("granularity." + dashboard.granularity().name()));
        List<Map<String, Object>> trend = new ArrayList<>();
        for (Dashboard.TrendPoint point : dashboard.trend()) {
            Map<String, Object> row = new HashMap<>(nps(point.nps(), locale));
            row.put("period", day(point.start(), locale) + " – " + day(point.end(), locale));
            row.put("change", point.changeFromPrevious().isKnown() ? signed(point.changeFromPrevious().delta(), locale) : "");
            row.put("significant", point.changeFromPrevious().significant());
            trend.add(row);
        }
        model.put("trend", trend);
        model.put("byMoment", breakdown(report.byMoment(), locale));
        model.put("byCampaign", breakdown(report.byCampaign(), locale));
        model.put("themes", themes(report.themes()));
        model.put("touchpoints", touchpoints(report.touchpoints(), report.language(), locale, l));
        model.put("drivers", drivers(report.drivers(), report.language(), locale, l));
        ReportSections.FollowUpSummary f = report.followUps();
        model.put("followUps", Map.of("newOnes", f.newOnes(), "contacted", f.contacted(), "resolved", f.resolved(),
                "overdue", f.overdue(), "total", f.total()));
        List<Map<String, Object>> verbatims = new ArrayList<>();
        for (NpsCategory category : new NpsCategory[] {NpsCategory.PROMOTER, NpsCategory.PASSIVE, NpsCategory.DETRACTOR}) {
            Map<String, Object> section = new HashMap<>();
            section.put("category", category.name().toLowerCase(Locale.ROOT));
            section.put("title", l.get(category.name().toLowerCase(Locale.ROOT) + "s"));
            List<Map<String, Object>> items = new ArrayList<>();
            for (InternalReport.Verbatim v : report.verbatims(category)) {
                Map<String, Object> item = new HashMap<>();
                item.put("date", day(v.respondedAt().atZone(report.zone()).toLocalDate(), locale));
                item.put("score", String.valueOf(v.score()));
                item.put("comment", maskEmails(v.comment()));
                item.put("who", v.contactId() == null ? l.get("erasedContact")
                        : (v.firstName() == null || v.firstName().isBlank() ? "" : maskEmails(v.firstName()) + ", ")
                                + l.get("contact") + " #" + v.contactId());
                items.add(item);
            }
            section.put("items", items);
            verbatims.add(section);
        }
        model.put("verbatims", verbatims);
        return model;
    }

    private static List<String> filters(ReportFilter filter, Map<String, String> l) {
        List<String> parts = new ArrayList<>();
        if (filter.campaignId() != null) {
            parts.add("campaign #" + filter.campaignId());
        }
        if (filter.journeyMoment() != null) {
            parts.add("moment " + filter.journeyMoment());
        }
        if (filter.segmentId() != null) {
            parts.add("segment #" + filter.segmentId());
        }
        if (filter.attribute() != null) {
            parts.add(filter.attribute() + " = " + filter.attributeValue());
        }
        if (filter.language() != null) {
            parts.add(filter.language().name());
        }
        if (filter.channel() != null) {
            parts.add(filter.channel().name());
        }
        if (filter.rated() != null) {
            parts.add(MessageFormat.format(l.get("rated." + filter.rated().band().name()), filter.rated().touchpoint()));
        }
        if (parts.isEmpty()) {
            parts.add(l.get("allResponses"));
        }
        parts.add(filter.includeFlagged() ? l.get("flaggedIncluded") : l.get("flaggedExcluded"));
        return parts;
    }

    static Map<String, Object> nps(NpsResult nps, Locale locale) {
        Map<String, Object> m = new HashMap<>();
        m.put("has", nps.hasResponses());
        m.put("score", nps.score().map(s -> signed(s, locale)).orElse("—"));
        m.put("moe", nps.marginOfError().map(e -> number(e, locale)).orElse(""));
        m.put("responses", String.valueOf(nps.responses()));
        m.put("promoters", String.valueOf(nps.promoters()));
        m.put("passives", String.valueOf(nps.passives()));
        m.put("detractors", String.valueOf(nps.detractors()));
        m.put("promotersPercent", percent(nps.promoterPercent(), locale));
        m.put("passivesPercent", percent(nps.passivePercent(), locale));
        m.put("detractorsPercent", percent(nps.detractorPercent(), locale));
        m.put("conclusive", nps.isConclusive());
        return m;
    }

    private static Map<String, Object> comparison(Dashboard dashboard, Locale locale, Map<String, String> l) {
        Map<String, Object> m = new HashMap<>();
        Optional<Dashboard.PeriodComparison> comparison = dashboard.comparison();
        m.put("present", comparison.isPresent());
        comparison.ifPresent(c -> {
            NpsChange change = c.change();
            m.put("period", day(c.previousFrom(), locale) + " " + l.get("to") + " " + day(c.previousTo(), locale));
            m.put("previous", nps(c.previous(), locale));
            m.put("known", change.isKnown());
            m.put("delta", change.isKnown() ? signed(change.delta(), locale) : "");
            m.put("combined", change.isKnown() ? number(change.combinedMarginOfError(), locale) : "");
            m.put("significant", change.significant());
            m.put("verdict", !change.isKnown() ? l.get("noComparison")
                    : change.significant() ? l.get("significant") : l.get("notSignificant"));
        });
        return m;
    }

    private static List<Map<String, Object>> breakdown(Breakdown breakdown, Locale locale) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (breakdown != null) {
            for (Breakdown.Row row : breakdown.rows()) {
                Map<String, Object> m = new HashMap<>(nps(row.nps(), locale));
                m.put("label", row.label() == null ? "—" : row.label());
                rows.add(m);
            }
        }
        return rows;
    }

    /** Each touchpoint and scale: n, mean, margin and interval (two decimals: a 1-5 mean needs them). */
    private static List<Map<String, Object>> touchpoints(List<TouchpointRatings.Row> rows, Language language, Locale locale,
            Map<String, String> l) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TouchpointRatings.Row row : rows) {
            RatingSummary r = row.summary();
            Map<String, Object> m = new HashMap<>();
            m.put("label", row.label(language));
            m.put("scale", l.get("scale." + row.scale().name()));
            m.put("n", String.valueOf(r.n()));
            m.put("mean", r.mean().map(v -> decimals2(v, locale)).orElse("—"));
            m.put("moe", r.marginOfError().map(v -> decimals2(v, locale)).orElse("—"));
            m.put("interval", r.marginOfError().isPresent()
                    ? decimals2(r.lower().orElseThrow(), locale) + " – " + decimals2(r.upper().orElseThrow(), locale) : "");
            m.put("conclusive", r.isConclusive());
            list.add(m);
        }
        return list;
    }

    /** The ranked key drivers: NPS of high and low raters, the difference and the verdict. */
    private static List<Map<String, Object>> drivers(List<Driver> drivers, Language language, Locale locale,
            Map<String, String> l) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Driver d : drivers) {
            KeyDriver k = d.driver();
            Map<String, Object> m = new HashMap<>();
            m.put("rank", String.valueOf(list.size() + 1));
            m.put("label", d.label(language));
            m.put("scale", l.get("scale." + d.scale().name()));
            m.put("high", nps(k.high(), locale));
            m.put("low", nps(k.low(), locale));
            NpsChange difference = k.difference();
            m.put("known", difference.isKnown());
            m.put("difference", difference.isKnown() ? signed(difference.delta(), locale) : "—");
            m.put("combined", difference.isKnown() ? number(difference.combinedMarginOfError(), locale) : "");
            m.put("significant", k.isSignificant());
            m.put("conclusive", k.isConclusive());
            m.put("verdict", k.isSignificant() ? l.get("significant")
                    : k.isConclusive() ? l.get("notSignificant") : l.get("driverNotConclusive"));
            list.add(m);
        }
        return list;
    }

    static String decimals2(double value, Locale locale) {
        return String.format(locale, "%.2f", value);
    }

    private static List<Map<String, Object>> themes(List<ReportSections.ThemeCount> themes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportSections.ThemeCount t : themes) {
            rows.add(Map.of("label", t.label(), "total", String.valueOf(t.total()), "promoters", String.valueOf(t.promoters()),
                    "passives", String.valueOf(t.passives()), "detractors", String.valueOf(t.detractors())));
        }
        return rows;
    }

    static String signed(double value, Locale locale) {
        String text = String.format(locale, "%+.1f", value);
        return text.equals(String.format(locale, "%+.1f", -0.0)) ? String.format(locale, "%.1f", 0.0) : text;
    }

    static String number(double value, Locale locale) {
        return String.format(locale, "%.1f", value);
    }

    static String percent(double value, Locale locale) {
        return String.format(locale, "%.1f %%", value);
    }

    private static String day(LocalDate day, Locale locale) {
        return day == null ? "" : day.toString();
    }

    static Locale locale(Language language) {
        return language == Language.FR ? Locale.FRENCH : Locale.ENGLISH;
    }

    static Map<String, String> labels(Language language) {
        ResourceBundle bundle = ResourceBundle.getBundle("report.labels", locale(language),
                ReportRenderer.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : bundle.keySet()) {
            labels.put(key, bundle.getString(key));
        }
        return labels;
    }

}
