package org.npsloop.web.respond;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.publication.PublicationContent;

/**
 * A published snapshot as the public page shows it, every value already a string in the page's language
 * (the template only places and escapes them): signed whole NPS, margins of error, shares, period labels,
 * the trend chart's geometry and its table, the texts cut into paragraphs.
 */
final class SynthesisView {

    private SynthesisView() {
    }

    /** @param labels the public pages' labels in the content's language: counted ones are MessageFormat patterns */
    static Map<String, Object> of(PublicationContent content, Instant publishedAt, ZoneId zone, Map<String, String> labels) {
        Locale locale = content.language().locale();
        Map<String, Object> view = new HashMap<>();
        view.put("title", content.title());
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        view.put("from", day.format(content.from()));
        view.put("to", day.format(content.to()));
        if (publishedAt != null) {
            view.put("publishedOn", day.format(publishedAt.atZone(zone).toLocalDate()));
        }
        NpsResult nps = content.nps();
        view.put("nps", signed(nps.score().orElse(0.0)));
        view.put("moe", count(labels, "pub.moe", Math.round(nps.marginOfError().orElse(0.0)), locale));
        view.put("basis", count(labels, "pub.basis", nps.responses(), locale));
        view.put("hiddenNote", count(labels, "pub.hidden", PublicationContent.MIN_RESPONSES, locale));
        view.put("promoters", String.valueOf(Math.round(nps.promoterPercent())));
        view.put("passives", String.valueOf(Math.round(nps.passivePercent())));
        view.put("detractors", String.valueOf(Math.round(nps.detractorPercent())));

        List<Map<String, Object>> rows = new ArrayList<>();
        List<TrendChart.Point> points = new ArrayList<>();
        for (PublicationContent.TrendPoint point : content.trend()) {
            String label = label(point.start(), content.granularity(), content.language());
            Map<String, Object> row = new HashMap<>();
            row.put("label", label);
            row.put("hidden", point.hidden());
            point.nps().ifPresent(r -> {
                row.put("nps", signed(r.score().orElseThrow()));
                row.put("moe", String.valueOf(Math.round(r.marginOfError().orElseThrow())));
                row.put("responses", String.valueOf(r.responses()));
            });
            rows.add(row);
            points.add(new TrendChart.Point(label, point.nps().flatMap(NpsResult::score).orElse(null),
                    point.nps().flatMap(NpsResult::marginOfError).orElse(null)));
        }
        view.put("trend", rows);
        view.put("chart", TrendChart.of(points));
        view.put("hasTrendFigures", points.stream().anyMatch(p -> p.nps() != null));
        view.put("themes", content.themes().stream()
                .map(t -> Map.of("label", t.label(), "mentions", count(labels, "pub.mentions", t.mentions(), locale))).toList());
        view.put("touchpoints", content.touchpoints().stream().map(r -> touchpoint(r, content.language(), labels)).toList());
        view.put("toldUs", paragraphs(content.whatYouToldUs()));
        view.put("doing", paragraphs(content.whatWeAreDoing()));
        view.put("quotes", content.quotes().stream().map(PublicationContent.Quote::text).toList());
        return view;
    }

    /** A touchpoint's row: its label, the mean out of the scale's top, its 95% interval and how many rated it. */
    private static Map<String, Object> touchpoint(PublicationContent.TouchpointRating rating, Language language,
            Map<String, String> labels) {
        Locale locale = language.locale();
        RatingSummary summary = rating.summary();
        return Map.of("label", rating.label(language),
                "mean", new MessageFormat(labels.get("pub.touchpointMean"), locale)
                        .format(new Object[] {summary.mean().orElseThrow(), rating.scale().max()}),
                "interval", new MessageFormat(labels.get("pub.touchpointInterval"), locale)
                        .format(new Object[] {summary.lower().orElseThrow(), summary.upper().orElseThrow()}),
                "ratings", new MessageFormat("{0,number,integer}", locale).format(new Object[] {summary.n()}));
    }

    /** A label that counts something, with the number written and the noun agreed the language's way ("1 réponse", "0 answers"). */
    static String count(Map<String, String> labels, String key, long number, Locale locale) {
        return new MessageFormat(labels.get(key), locale).format(new Object[] {number});
    }

    /** A whole NPS with its sign: +32, -5, 0. */
    static String signed(double value) {
        long rounded = Math.round(value);
        return rounded > 0 ? "+" + rounded : String.valueOf(rounded);
    }

    /** The name of a trend period: "Sep 2026" / "sept. 2026", "Q3 2026" / "T3 2026", or its first day for weeks. */
    static String label(LocalDate start, TrendGranularity granularity, Language language) {
        Locale locale = language.locale();
        return switch (granularity) {
            case MONTH -> DateTimeFormatter.ofPattern("MMM yyyy", locale).format(start);
            case QUARTER -> (language == Language.FR ? "T" : "Q") + start.get(IsoFields.QUARTER_OF_YEAR) + " " + start.getYear();
            case WEEK -> DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(start);
        };
    }

    /** Paragraphs separated by blank lines; single line breaks kept as spaces. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(p -> p.strip().replaceAll("\\s*\\R\\s*", " "))
                .filter(p -> !p.isEmpty()).toList();
    }
}
