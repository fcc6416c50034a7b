package org.npsloop.reporting.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.ScoreDistribution;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.response.CommentText;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.domain.nps.KeyDriver;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.domain.question.RatingScale;
import org.npsloop.reporting.RatedTouchpoint;
import org.npsloop.reporting.drilldown.Driver;
import org.npsloop.reporting.drilldown.TouchpointRatings;
import org.npsloop.reporting.report.InternalReport;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.report.ReportSections;

/**
 * The report and the digest as documents, from hand-made figures: 5 promoters, 2 passives, 3 detractors
 * give NPS +20.0 with a margin of error of 1.96·√(0.76/10)·100 = 54.0; the previous period (2, 2, 6) had
 * −40.0, so the change is +60.0 against a combined margin of 1.96·√(0.076 + 0.064)·100 = 73.3: not significant.
 */
class ReportRendererTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final ReportRenderer renderer = new ReportRenderer();

    static InternalReport report(Language language) {
        return report(language, "Late delivery <b>again</b>");
    }

    static InternalReport report(Language language, String detractorComment) {
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 3, 14);
        ReportFilter filter = ReportFilter.period(from, to);
        ScoreDistribution distribution = ScoreDistribution.ofScores(10, 10, 9, 9, 9, 8, 7, 6, 3, 0);
        NpsResult previous = NpsResult.ofCounts(2, 2, 6);
        Dashboard dashboard = new Dashboard(filter, distribution, new Dashboard.ResponseRate(40, 10),
                Optional.of(new Dashboard.PeriodComparison(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 28), previous,
                        distribution.toNps().changeSince(previous))),
                TrendGranularity.WEEK, List.of(
                        new Dashboard.TrendPoint(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 1), NpsResult.ofCounts(1, 0, 0),
                                org.npsloop.domain.nps.NpsChange.UNKNOWN),
                        new Dashboard.TrendPoint(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), NpsResult.ofCounts(4, 2, 3),
                                NpsResult.ofCounts(4, 2, 3).changeSince(NpsResult.ofCounts(1, 0, 0)))));
        Breakdown byMoment = new Breakdown(Breakdown.Dimension.JOURNEY_MOMENT, null,
                List.of(new Breakdown.Row("ONBOARDING", "ONBOARDING", NpsResult.ofCounts(3, 1, 1))));
        Breakdown byCampaign = new Breakdown(Breakdown.Dimension.CAMPAIGN, null,
                List.of(new Breakdown.Row("12", "Spring <survey>", distribution.toNps())));
        Map<NpsCategory, List<InternalReport.Verbatim>> verbatims = Map.of(
                NpsCategory.PROMOTER, List.of(new InternalReport.Verbatim(1, Instant.parse("2026-03-10T09:00:00Z"), 10,
                        "Great service, write me at zoe.martin@exemple.fr", 301L, "Zoé")),
                NpsCategory.DETRACTOR, List.of(new InternalReport.Verbatim(2, Instant.parse("2026-03-11T09:00:00Z"), 3,
                        detractorComment, null, null)));
        return new InternalReport(filter, from, to, language, PARIS, Instant.parse("2026-03-15T07:00:00Z"), dashboard,
                byMoment, byCampaign, List.of(new ReportSections.ThemeCount(7, "Delivery", 1, 0, 4)),
                new ReportSections.FollowUpSummary(2, 1, 3, 1), verbatims);
    }

    @Test
    void theReportShowsEveryFigureEscapedWithVerbatimsByCategoryAndNoEmail() {
        String html = renderer.html(report(Language.EN));

        assertTrue(html.contains("2026-03-01 to 2026-03-14"), html);
        assertTrue(html.contains("<div class=\"big\" id=\"report-nps\">+20.0</div>"), html);
        assertTrue(html.contains("± 54.0"), html);
        // Counts and shares.
        assertTrue(html.contains("<td>Promoters (9-10)</td><td class=\"num\">5</td><td class=\"num\">50.0 %</td>"), html);
        assertTrue(html.contains("<td>Passives (7-8)</td><td class=\"num\">2</td><td class=\"num\">20.0 %</td>"), html);
        assertTrue(html.contains("<td>Detractors (0-6)</td><td class=\"num\">3</td><td class=\"num\">30.0 %</td>"), html);
        // Response rate 10 of 40.
        assertTrue(html.contains("25.0 %") && html.contains("10 answered / 40 invited by email"), html);
        // Change since the previous period, and its verdict.
        assertTrue(html.contains("Change: +60.0 (combined margin of error ± 73.3)"), html);
        assertTrue(html.contains("not significant (within the margin of error)"), html);
        assertTrue(html.contains("2026-02-15 to 2026-02-28</td><td class=\"num\">-40.0</td>"), html);
        // Trend table: a week with one promoter, then +0.0... the second week's NPS 11.1 and its change.
        assertTrue(html.contains("<td>2026-03-02 – 2026-03-08</td><td class=\"num\">+11.1</td>"), html);
        // Breakdowns, small groups marked; names escaped.
        assertTrue(html.contains("ONBOARDING *"), html);
        assertTrue(html.contains("Spring &lt;survey&gt;"), html);
        // Themes and follow-ups.
        assertTrue(html.contains("<td>Delivery</td><td class=\"num\">5</td>"), html);
        assertTrue(html.contains("<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">6</td>"), html);
        // Verbatims under their category, first name and contact id, no email, markup escaped.
        int promoters = html.indexOf("id=\"verbatims-promoter\"");
        int passives = html.indexOf("id=\"verbatims-passive\"");
        int detractors = html.indexOf("id=\"verbatims-detractor\"");
        assertTrue(promoters < passives && passives < detractors, html);
        int great = html.indexOf("Great service");
        assertTrue(great > promoters && great < passives, html);
        assertTrue(html.indexOf("Late delivery &lt;b&gt;again&lt;/b&gt;") > detractors, html);
        assertTrue(html.contains("Zoé, contact #301"), html);
        assertTrue(html.contains("erased contact"), html);
        assertTrue(html.contains("No comment."), "passives have none: " + html);
        assertFalse(html.contains("zoe.martin@exemple.fr"), html);
        assertTrue(html.contains("write me at [email]"), html);
    }

    @Test
    void frenchLabelsAndDecimalCommas() {
        String html = renderer.html(report(Language.FR));
        assertTrue(html.contains("lang=\"fr\""), html);
        assertTrue(html.contains("+20,0") && html.contains("± 54,0"), html);
        assertTrue(html.contains("Détracteurs (0-6)"), html);
        assertTrue(html.contains("non significative"), html);
    }

    @Test
    void theBodyToEmbedCarriesItsStylesButNoDocument() {
        String body = renderer.htmlBody(report(Language.EN));
        assertTrue(body.startsWith("<style>"), body);
        assertFalse(body.contains("<html"), body);
        assertTrue(body.contains("id=\"report-nps\">+20.0<"), body);
    }

    @Test
    void thePdfHasTheFiguresAndTheVerbatimsAsText() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRenderer.render(renderer.html(report(Language.EN)), pdf);
        byte[] bytes = pdf.toByteArray();
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        String text;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains("+20.0"), text);
        assertTrue(text.contains("± 54.0"), text);
        assertTrue(text.contains("Great service, write me at [email]"), text);
        assertTrue(text.contains("Late delivery <b>again</b>"), text);
        assertTrue(text.contains("Zoé, contact #301"), text);
        assertFalse(text.contains("@exemple.fr"), text);
    }

    /** A control character in a comment broke the PDF (XML parsing fails); comments are now cleaned on input. */
    @Test
    void aCommentCleanedOnInputKeepsThePdfWorking() throws Exception {
        String typed = "Late\u0001 delivery\u000B again\uFFFF\uD800";
        assertThrows(RuntimeException.class, () -> PdfRenderer.render(renderer.html(report(Language.EN, typed)), new ByteArrayOutputStream()),
                "the raw comment breaks the PDF: what happened before comments were cleaned");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRenderer.render(renderer.html(report(Language.EN, CommentText.of(typed))), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertTrue(new PDFTextStripper().getText(document).contains("Late delivery again"));
        }
    }

    @Test
    void theDigestHasTheFiguresTheChangeTheThemesAndTheLink() {
        InternalReport r = report(Language.EN);
        ReportRenderer.DigestContent digest = renderer.digest(Language.EN, PARIS, LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 15), r.dashboard(), r.themes(), new ReportSections.FollowUpSummary(2, 1, 0, 1),
                "http://localhost:8080/reports/internal.xhtml?from=2026-03-09&to=2026-03-15");
        assertEquals("Weekly NPS digest — 2026-03-09 to 2026-03-15", digest.subject());
        for (String part : new String[] {digest.html(), digest.text()}) {
            assertTrue(part.contains("NPS +20.0"), part);
            assertTrue(part.contains("± 54.0"), part);
            assertTrue(part.contains("Responses: 10"), part);
            assertTrue(part.contains("+60.0"), part);
            assertTrue(part.contains("not significant"), part);
            assertTrue(part.contains("Delivery: 5"), part);
            assertTrue(part.contains("Open follow-ups: 3 (of them overdue: 1)"), part);
        }
        assertTrue(digest.html().contains("href=\"http://localhost:8080/reports/internal.xhtml?from=2026-03-09&amp;to=2026-03-15\""),
                digest.html());
        assertTrue(digest.text().contains("http://localhost:8080/reports/internal.xhtml?from=2026-03-09&to=2026-03-15"));
    }

    /**
     * Delivery 1-5 rated 5, 4, 1, 3: mean 3.25, s = 1.70783, t(3) = 3.18245, margin 2.72, interval 0.53 to 5.97; Sales'
     * high raters (20, 5, 5) have NPS +50.0 ± 27.3 and its low raters (5, 5, 20) -50.0: +100.0 against a combined
     * margin of 1.96 * sqrt(2 * 0.58333 / 30) * 100 = 38.7, significant; Delivery's 2 against 2 are not conclusive.
     */
    static InternalReport withTouchpoints(Language language) {
        InternalReport r = report(language);
        List<TouchpointRatings.Row> touchpoints = List.of(
                new TouchpointRatings.Row("PHONE", "<b>Phone</b>", "<b>Téléphone</b>", RatingScale.ZERO_TO_TEN,
                        new RatingSummary(1, 7, 49), List.of()),
                new TouchpointRatings.Row("DELIVERY", "Delivery", "Livraison", RatingScale.ONE_TO_FIVE,
                        new RatingSummary(4, 13, 51), List.of()));
        List<Driver> drivers = List.of(
                new Driver("SALES", "Sales team", "Équipes commerciales", RatingScale.ONE_TO_FIVE, new KeyDriver("SALES",
                        "Sales team", NpsResult.ofCounts(20, 5, 5), NpsResult.ofCounts(5, 5, 20))),
                new Driver("DELIVERY", "Delivery", "Livraison", RatingScale.ONE_TO_FIVE, new KeyDriver("DELIVERY",
                        "Delivery", NpsResult.ofCounts(2, 0, 0), NpsResult.ofCounts(0, 1, 1))));
        return new InternalReport(r.filter().withRated(new RatedTouchpoint("DELIVERY", RatedTouchpoint.Band.LOW)), r.from(),
                r.to(), language, PARIS, r.generatedAt(), r.dashboard(), r.byMoment(), r.byCampaign(), r.themes(),
                r.followUps(), Map.of(), touchpoints, drivers);
    }

    @Test
    void theTouchpointsAndKeyDriversSection() throws Exception {
        String html = renderer.html(withTouchpoints(Language.EN));

        assertTrue(html.contains("<td>Delivery *</td><td>1-5</td><td class=\"num\">4</td>\n    <td class=\"num\">3.25</td>"
                + "<td class=\"num\">2.72</td><td class=\"num\">0.53 – 5.97</td>"), html);
        assertTrue(html.contains("&lt;b&gt;Phone&lt;/b&gt; *</td><td>0-10</td><td class=\"num\">1</td>\n    <td class=\"num\">7.00</td>"
                + "<td class=\"num\">—</td>"), "one rating: a mean but no interval, the label escaped: " + html);
        int sales = html.indexOf("<td>1</td><td>Sales team (1-5)</td>");
        assertTrue(sales > html.indexOf("id=\"report-drivers\""), html);
        assertTrue(html.indexOf("+50.0 ± 27.3 (n = 30)", sales) > 0 && html.indexOf("-50.0 ± 27.3 (n = 30)", sales) > 0, html);
        assertTrue(html.contains("+100.0 ± 38.7</td>\n    <td class=\"significant\">significant</td>"), html);
        assertTrue(html.contains("<td>2</td><td>Delivery (1-5)</td>"), html);
        assertTrue(html.contains("+150.0 ± 69.3</td>\n    <td>not conclusive (fewer than 30 in a group)</td>"), html);
        assertTrue(html.contains("rated DELIVERY low"), "the drill-down filter is named: " + html);

        String fr = renderer.html(withTouchpoints(Language.FR));
        assertTrue(fr.contains("Leviers du NPS") && fr.contains("3,25") && fr.contains("0,53 – 5,97") && fr.contains("Livraison (1-5)"), fr);
        assertTrue(fr.contains("ont mal noté DELIVERY"), fr);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRenderer.render(html, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Key drivers") && text.contains("0.53 – 5.97") && text.contains("+100.0 ± 38.7"), text);
        }

        String none = renderer.html(report(Language.EN));
        assertTrue(none.contains("id=\"report-no-touchpoints\">No touchpoint was rated in this period."), none);
    }

    @Test
    void theDigestNamesTheStrongestKeyDrivers() {
        InternalReport r = withTouchpoints(Language.EN);
        ReportRenderer.DigestContent digest = renderer.digest(Language.EN, PARIS, LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 15), r.dashboard(), r.themes(), r.drivers(), new ReportSections.FollowUpSummary(2, 1, 0, 1),
                "http://localhost:8080/reports/internal.xhtml");
        for (String part : new String[] {digest.html(), digest.text()}) {
            assertTrue(part.contains("Sales team (1-5): NPS of high raters +50.0, NPS of low raters -50.0 — difference +100.0 — significant"), part);
            assertTrue(part.contains("Delivery (1-5): NPS of high raters +100.0, NPS of low raters -50.0 — difference +150.0 — not conclusive"), part);
        }
        ReportRenderer.DigestContent without = renderer.digest(Language.EN, PARIS, LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 15), r.dashboard(), r.themes(), new ReportSections.FollowUpSummary(2, 1, 0, 1), "x");
        assertFalse(without.text().contains("Key drivers"), without.text());
    }

    @Test
    void emailsInCommentsAreMasked() {
        assertEquals("mail [email] or [email].", ReportRenderer.maskEmails("mail jean.dupont+nps@exemple.co.uk or Zoé@exemple.fr."));
        assertEquals("no address here", ReportRenderer.maskEmails("no address here"));
    }
}
