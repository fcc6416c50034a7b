package org.npsloop.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsChange;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.ScoreDistribution;
import org.npsloop.reporting.dashboard.AnnotationService.AnnotationView;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.themes.ThemeService.ThemeCount;
import org.npsloop.web.api.ReportJson;

class ChartJsonTest {

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void distributionBarsAreColouredByCategory() {
        JsonObject chart = parse(ChartJson.distribution(ScoreDistribution.ofScores(0, 6, 7, 9, 9, 10), "Responses"));
        JsonObject dataset = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertEquals(List.of(1, 0, 0, 0, 0, 0, 1, 1, 0, 2, 1),
                dataset.getJsonArray("data").getValuesAs(jakarta.json.JsonNumber.class).stream().map(n -> n.intValue()).toList());
        JsonArray colours = dataset.getJsonArray("backgroundColor");
        assertEquals(ChartJson.DETRACTOR, colours.getString(6));
        assertEquals(ChartJson.PASSIVE, colours.getString(7));
        assertEquals(ChartJson.PASSIVE, colours.getString(8));
        assertEquals(ChartJson.PROMOTER, colours.getString(9));
    }

    @Test
    void trendHasItsErrorBandAndMarksTheMonthsWithNotes() {
        NpsResult october = NpsResult.ofCounts(30, 5, 5);   // 62.5 ± 21.57
        List<Dashboard.TrendPoint> points = List.of(
                new Dashboard.TrendPoint(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), october, NpsChange.UNKNOWN),
                new Dashboard.TrendPoint(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), NpsResult.ofCounts(0, 0, 0),
                        NpsChange.UNKNOWN));
        List<AnnotationView> notes = List.of(new AnnotationView(1, LocalDate.of(2026, 10, 31), "</script><b>x</b>", "marie",
                Instant.EPOCH, Instant.EPOCH));
        String json = ChartJson.trend(points, notes, "NPS", "high", "low", "Notes");
        assertFalse(json.contains("<") || json.contains(">"), "nothing typed can close the script: " + json);
        JsonArray datasets = parse(json).getJsonObject("data").getJsonArray("datasets");
        assertEquals("[62.5,null]", datasets.getJsonObject(0).getJsonArray("data").toString());
        assertEquals("[84.1,null]", datasets.getJsonObject(1).getJsonArray("data").toString());
        assertEquals("[40.9,null]", datasets.getJsonObject(2).getJsonArray("data").toString());
        assertEquals("-1", datasets.getJsonObject(2).getString("fill"), "the band is filled between the bounds");
        assertEquals("[100,null]", datasets.getJsonObject(3).getJsonArray("data").toString(), "a marker on October only");
    }

    @Test
    void answersPerDayStackEachDaysCategoriesWithEmptyDaysKept() {
        List<Dashboard.TrendPoint> days = List.of(
                new Dashboard.TrendPoint(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3), NpsResult.ofCounts(2, 1, 3),
                        NpsChange.UNKNOWN),
                new Dashboard.TrendPoint(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 4), NpsResult.ofCounts(0, 0, 0),
                        NpsChange.UNKNOWN));
        String json = ChartJson.answersPerDay(days, "Détracteurs <", "Passifs", "Promoteurs");
        assertFalse(json.contains("<"), "labels go through the one escaping path: " + json);
        JsonObject chart = parse(json);
        assertEquals("[\"2026-12-03\",\"2026-12-04\"]", chart.getJsonObject("data").getJsonArray("labels").toString());
        JsonArray datasets = chart.getJsonObject("data").getJsonArray("datasets");
        assertEquals("Détracteurs <", datasets.getJsonObject(0).getString("label"));
        assertEquals("[3,0]", datasets.getJsonObject(0).getJsonArray("data").toString(), "detractors");
        assertEquals("[1,0]", datasets.getJsonObject(1).getJsonArray("data").toString(), "passives");
        assertEquals("[2,0]", datasets.getJsonObject(2).getJsonArray("data").toString(), "promoters");
        assertEquals(ChartJson.PROMOTER, datasets.getJsonObject(2).getString("backgroundColor"));
        assertTrue(chart.getJsonObject("options").getJsonObject("scales").getJsonObject("y").getBoolean("stacked"));
    }

    /** What people type into a theme label cannot end the script, open a comment or an entity, or break a line. */
    @Test
    void commentsChartKeepsTypedLabelsInert() {
        String hostile = "</script><script>alert(1)</script> <!-- \"><img src=x onerror=alert(2)> & \u2028\u2029 ]]>";
        List<ThemeCount> counts = List.of(new ThemeCount(7, hostile, "FR " + hostile, 1, 2, 3),
                new ThemeCount(8, "Price", "Prix", 0, 0, 4));
        String json = ChartJson.themeCounts(counts, Language.EN, "Detractors", "Passives", "Promoters");
        for (String raw : new String[] {"<", ">", "&", "\u2028", "\u2029", "</script", "<!--", "]]>"}) {
            assertFalse(json.contains(raw), raw + " written as is: " + json);
        }
        // A quote cannot end the JSON string: the label reads back whole, and the figures in order.
        JsonObject data = parse(json).getJsonObject("data");
        assertEquals(hostile, data.getJsonArray("labels").getString(0));
        assertEquals("Price", data.getJsonArray("labels").getString(1));
        assertEquals("FR " + hostile, parse(ChartJson.themeCounts(counts, Language.FR, "D", "P", "Pr")).getJsonObject("data")
                .getJsonArray("labels").getString(0), "the page's language");
        JsonArray datasets = data.getJsonArray("datasets");
        assertEquals("[3,4]", datasets.getJsonObject(0).getJsonArray("data").toString(), "detractors");
        assertEquals("[2,0]", datasets.getJsonObject(1).getJsonArray("data").toString(), "passives");
        assertEquals("[1,0]", datasets.getJsonObject(2).getJsonArray("data").toString(), "promoters");
        assertEquals(ChartJson.DETRACTOR, datasets.getJsonObject(0).getString("backgroundColor"));
    }

    /** Every chart goes through the same escaping: a breakdown group named by a person, too. */
    @Test
    void everyChartEscapesTheSameWay() {
        String hostile = "</script><!--&\u2028";
        Breakdown breakdown = new Breakdown(Breakdown.Dimension.CHANNEL, null,
                List.of(new Breakdown.Row(hostile, hostile, NpsResult.ofCounts(1, 0, 0))));
        String json = ChartJson.breakdown(breakdown, "95% <", "NPS &");
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&") || json.contains("\u2028"), json);
        assertEquals(hostile, parse(json).getJsonObject("data").getJsonArray("labels").getString(0));
        assertTrue(json.contains("\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"), json);
    }

    @Test
    void breakdownIntervalsAreClampedAndSmallGroupsGreyed() {
        Breakdown breakdown = new Breakdown(Breakdown.Dimension.CHANNEL, null, List.of(
                new Breakdown.Row("EMAIL", "EMAIL", NpsResult.ofCounts(30, 5, 5)),
                new Breakdown.Row("PHONE", "PHONE", NpsResult.ofCounts(5, 0, 0)),
                new Breakdown.Row(null, null, NpsResult.ofCounts(2, 0, 1))));
        JsonObject chart = parse(ChartJson.breakdown(breakdown, "95%", "NPS"));
        assertEquals("[\"EMAIL\",\"PHONE\",\"—\"]", chart.getJsonObject("data").getJsonArray("labels").toString());
        JsonObject bars = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(1);
        assertEquals("[40.9,84.1]", bars.getJsonArray("data").getJsonArray(0).toString());
        assertEquals("[100.0,100.0]", bars.getJsonArray("data").getJsonArray(1).toString(), "no margin with one category");
        assertTrue(bars.getJsonArray("backgroundColor").getString(1).contains("120"), "not conclusive: grey");
    }

    @Test
    void jsonFiguresAreRoundedHalfUpToOneDecimal() {
        assertEquals(29.0, ReportJson.round(29.032));
        assertEquals(0.1, ReportJson.round(0.05));
        assertEquals(-0.1, ReportJson.round(-0.05));
        assertEquals("0.0", String.valueOf(ReportJson.round(-0.01)), "no negative zero");
        ReportJson.Nps none = ReportJson.nps(NpsResult.ofCounts(0, 0, 0));
        assertEquals(null, none.nps());
        assertEquals(null, none.marginOfError());
        assertFalse(none.conclusive());
    }
}
