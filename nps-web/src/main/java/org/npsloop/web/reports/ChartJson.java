package org.npsloop.web.reports;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.ScoreDistribution;
import org.npsloop.reporting.dashboard.AnnotationService.AnnotationView;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.themes.ThemeService.ThemeCount;
import org.npsloop.web.api.ReportJson;

/**
 * The one way a Chart.js configuration ({@code p:chart value}) is made: built with JSON-P, so labels typed
 * by people (campaign names, notes, theme labels) are JSON strings, then made safe for where PrimeFaces puts
 * it as is: inside an inline {@code <script>} of the page, or of an Ajax update's CDATA section. See
 * {@link #write(JsonObjectBuilder)}.
 */
public final class ChartJson {

    static final String PROMOTER = "#2f9e55";
    static final String PASSIVE = "#e0a800";
    static final String DETRACTOR = "#d64545";
    static final String LINE = "#1f5fa8";
    static final String BAND = "rgba(31, 95, 168, 0.15)";
    static final String NOTE = "#6b3fa0";

    private ChartJson() {
    }

    /** The 0-10 distribution as eleven bars coloured by category. */
    public static String distribution(ScoreDistribution distribution, String countLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (int score = 0; score <= 10; score++) {
            labels.add(String.valueOf(score));
            data.add(distribution.count(score));
            colours.add(colour(NpsCategory.of(score)));
        }
        JsonObject dataset = Json.createObjectBuilder().add("label", countLabel).add("data", data)
                .add("backgroundColor", colours).build();
        return write(Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0))))));
    }

    /**
     * The NPS per period with its 95% band (two datasets, the lower one filled up to the upper one) and
     * the notes as markers on the period they fall in, at the top of the scale.
     */
    public static String trend(List<Dashboard.TrendPoint> points, List<AnnotationView> notes, String npsLabel,
            String upperLabel, String lowerLabel, String notesLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder nps = Json.createArrayBuilder();
        JsonArrayBuilder upper = Json.createArrayBuilder();
        JsonArrayBuilder lower = Json.createArrayBuilder();
        JsonArrayBuilder markers = Json.createArrayBuilder();
        for (Dashboard.TrendPoint point : points) {
            labels.add(point.start().toString());
            Optional<Double> score = point.nps().score();
            Optional<Double> moe = point.nps().marginOfError();
            addOrNull(nps, score.map(ReportJson::round));
            addOrNull(upper, score.map(s -> ReportJson.round(Math.min(100, s + moe.orElseThrow()))));
            addOrNull(lower, score.map(s -> ReportJson.round(Math.max(-100, s - moe.orElseThrow()))));
            boolean noted = notes.stream().anyMatch(n -> !n.day().isBefore(point.start()) && !n.day().isAfter(point.end()));
            if (noted) {
                markers.add(100);
            } else {
                markers.addNull();
            }
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("label", npsLabel).add("data", nps).add("borderColor", LINE)
                        .add("backgroundColor", LINE).add("spanGaps", true).add("fill", false).add("order", 0))
                .add(Json.createObjectBuilder().add("label", upperLabel).add("data", upper).add("borderColor", BAND)
                        .add("backgroundColor", BAND).add("pointRadius", 0).add("fill", false).add("order", 2))
                .add(Json.createObjectBuilder().add("label", lowerLabel).add("data", lower).add("borderColor", BAND)
                        .add("backgroundColor", BAND).add("pointRadius", 0).add("fill", "-1").add("order", 2))
                .add(Json.createObjectBuilder().add("label", notesLabel).add("data", markers).add("borderColor", NOTE)
                        .add("backgroundColor", NOTE).add("showLine", false).add("pointStyle", "triangle")
                        .add("pointRadius", 8).add("order", 1));
        return write(Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("min", -100).add("max", 100)))));
    }

    /** Home page: the answers of each day, one stacked bar a day (detractors, passives, promoters). */
    public static String answersPerDay(List<Dashboard.TrendPoint> days, String detractorsLabel, String passivesLabel,
            String promotersLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder detractors = Json.createArrayBuilder();
        JsonArrayBuilder passives = Json.createArrayBuilder();
        JsonArrayBuilder promoters = Json.createArrayBuilder();
        for (Dashboard.TrendPoint day : days) {
            labels.add(day.start().toString());
            detractors.add(day.nps().detractors());
            passives.add(day.nps().passives());
            promoters.add(day.nps().promoters());
        }
        return write(Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", stacked(detractors, passives,
                        promoters, detractorsLabel, passivesLabel, promotersLabel)))
                .add("options", Json.createObjectBuilder().add("animation", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true))
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0))))));
    }

    /**
     * Each group's 95% interval as a floating horizontal bar and its NPS as a point on it, in the
     * breakdown's order; not-conclusive groups in grey.
     */
    public static String breakdown(Breakdown breakdown, String intervalLabel, String npsLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder intervals = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        JsonArrayBuilder scores = Json.createArrayBuilder();
        for (Breakdown.Row row : breakdown.rows()) {
            NpsResult nps = row.nps();
            labels.add(row.label() == null ? "—" : row.label());
            if (nps.hasResponses()) {
                double s = nps.score().orElseThrow();
                double moe = nps.marginOfError().orElseThrow();
                intervals.add(Json.createArrayBuilder().add(ReportJson.round(Math.max(-100, s - moe)))
                        .add(ReportJson.round(Math.min(100, s + moe))));
                scores.add(ReportJson.round(s));
            } else {
                intervals.addNull();
                scores.addNull();
            }
            colours.add(nps.isConclusive() ? "rgba(31, 95, 168, 0.35)" : "rgba(120, 120, 120, 0.25)");
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "line").add("indexAxis", "y").add("label", npsLabel).add("data", scores)
                        .add("showLine", false).add("borderColor", LINE).add("backgroundColor", LINE).add("pointRadius", 5)
                        .add("pointStyle", "rectRot"))
                .add(Json.createObjectBuilder().add("type", "bar").add("label", intervalLabel).add("data", intervals)
                        .add("backgroundColor", colours).add("borderSkipped", false));
        return write(Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("animation", false).add("indexAxis", "y")
                        .add("scales", Json.createObjectBuilder().add("x", Json.createObjectBuilder().add("min", -100).add("max", 100)))));
    }

    /**
     * Reports → Comments: one horizontal bar per theme (in the given order, labels in the page's language),
     * stacked detractors, passives, promoters.
     */
    public static String themeCounts(List<ThemeCount> counts, Language language, String detractorsLabel, String passivesLabel,
            String promotersLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder detractors = Json.createArrayBuilder();
        JsonArrayBuilder passives = Json.createArrayBuilder();
        JsonArrayBuilder promoters = Json.createArrayBuilder();
        for (ThemeCount count : counts) {
            labels.add(count.label(language));
            detractors.add(count.detractors());
            passives.add(count.passives());
            promoters.add(count.promoters());
        }
        JsonArrayBuilder datasets = stacked(detractors, passives, promoters, detractorsLabel, passivesLabel, promotersLabel);
        return write(Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("animation", false).add("indexAxis", "y").add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))
                                .add("y", Json.createObjectBuilder().add("stacked", true)))));
    }

    /** Detractors, passives and promoters as three datasets in their category colours, for stacked bars. */
    private static JsonArrayBuilder stacked(JsonArrayBuilder detractors, JsonArrayBuilder passives, JsonArrayBuilder promoters,
            String detractorsLabel, String passivesLabel, String promotersLabel) {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("label", detractorsLabel).add("data", detractors).add("backgroundColor", DETRACTOR))
                .add(Json.createObjectBuilder().add("label", passivesLabel).add("data", passives).add("backgroundColor", PASSIVE))
                .add(Json.createObjectBuilder().add("label", promotersLabel).add("data", promoters).add("backgroundColor", PROMOTER));
    }

    static String colour(NpsCategory category) {
        return switch (category) {
            case PROMOTER -> PROMOTER;
            case PASSIVE -> PASSIVE;
            case DETRACTOR -> DETRACTOR;
        };
    }

    private static void addOrNull(JsonArrayBuilder array, Optional<Double> value) {
        if (value.isPresent()) {
            array.add(value.get());
        } else {
            array.addNull();
        }
    }

    /**
     * The configuration as JSON that is inert wherever it is pasted in HTML: {@code <} and {@code >} (no
     * {@code </script>}, {@code <!--} or CDATA end {@code ]]>}), {@code &} (no entity in XHTML or CDATA
     * contexts) and the line separators U+2028 / U+2029 (line ends to older JavaScript parsers) become JSON
     * escapes. They can only occur inside JSON strings, where the escape means the same character.
     */
    private static String write(JsonObjectBuilder config) {
        String json = config.build().toString();
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> safe.append(String.format("\\u%04x", (int) c));
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
