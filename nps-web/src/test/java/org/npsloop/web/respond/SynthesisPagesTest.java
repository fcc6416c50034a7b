package org.npsloop.web.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.domain.question.RatingScale;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.publication.PublicationContent;
import org.npsloop.domain.publication.PublicationContent.Quote;
import org.npsloop.domain.publication.PublicationContent.Theme;
import org.npsloop.domain.publication.PublicationContent.TouchpointRating;
import org.npsloop.domain.publication.PublicationContent.TrendPoint;
import org.npsloop.web.html.HtmlChecker;

/** The synthesis page and the index render the frozen content, escaped, valid HTML, in the publication's language. */
class SynthesisPagesTest {

    private final PublicPages pages = new PublicPages();

    private static PublicationContent content(Language language) {
        return new PublicationContent("Automne <2026> & vous", language, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30),
                NpsResult.ofCounts(10, 5, 5), TrendGranularity.MONTH,
                List.of(TrendPoint.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), NpsResult.ofCounts(6, 2, 2)),
                        TrendPoint.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), NpsResult.ofCounts(1, 1, 1)),
                        TrendPoint.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), NpsResult.ofCounts(3, 2, 2))),
                List.of(new Theme("Livraison", 7)), "La livraison est lente.\n\nLe support est appr\u00e9ci\u00e9.",
                "Un second transporteur.", List.of(new Quote(987654321L, "Super <script>alert(1)</script> \"merci\"")),
                List.of());
    }

    /** The same content with two touchpoints, as a snapshot keeps them (each rated 30 times or more). */
    private static PublicationContent withTouchpoints(Language language) {
        PublicationContent c = content(language);
        // Delivery: ten 3s, ten 4s, ten 5s -> mean 4, 95% interval 4 -/+ 2.045230 * sqrt(20/29) / sqrt(30) = 3.69 to 4.31.
        // Sales & <advice>: 40 ratings of 7 and 40 of 9 -> mean 8, s = sqrt(80/79) = 1.00631, t(79) = 1.99045,
        // interval 8 -/+ 1.99045 * 1.00631 / sqrt(80) = 7.78 to 8.22.
        return new PublicationContent(c.title(), language, c.from(), c.to(), c.nps(), c.granularity(), c.trend(), c.themes(),
                c.whatYouToldUs(), c.whatWeAreDoing(), c.quotes(), List.of(
                        new TouchpointRating("Delivery", "Livraison", RatingScale.ONE_TO_FIVE,
                                RatingSummary.ofCounts(1, new long[] {0, 0, 10, 10, 10})),
                        new TouchpointRating("Sales & <advice>", "Vente & <conseil>", RatingScale.ZERO_TO_TEN,
                                RatingSummary.ofCounts(0, new long[] {0, 0, 0, 0, 0, 0, 0, 40, 0, 40, 0}))));
    }

    @Test
    void touchpointRatingsShowMeanIntervalAndCountInThePagesLanguage() throws Exception {
        String fr = render(withTouchpoints(Language.FR), false);
        assertTrue(fr.contains("<h2 id=\"touchpoints-title\">Vos notes \u00e0 chaque \u00e9tape</h2>"), fr);
        assertTrue(fr.contains("<tr><th scope=\"row\">Livraison</th><td class=\"num\">4,0 sur 5</td>"
                + "<td class=\"num\">3,7 \u00e0 4,3</td><td class=\"num\">30</td></tr>"), fr);
        assertTrue(fr.contains("<tr><th scope=\"row\">Vente &amp; &lt;conseil&gt;</th><td class=\"num\">8,0 sur 10</td>"
                + "<td class=\"num\">7,8 \u00e0 8,2</td><td class=\"num\">80</td></tr>"), fr);
        assertFalse(fr.contains("Delivery"), "the other language's label stays out");
        wellFormed(fr);

        String en = render(withTouchpoints(Language.EN), false);
        assertTrue(en.contains("<h2 id=\"touchpoints-title\">How you rated each step</h2>"), en);
        assertTrue(en.contains("<tr><th scope=\"row\">Delivery</th><td class=\"num\">4.0 out of 5</td>"
                + "<td class=\"num\">3.7 to 4.3</td><td class=\"num\">30</td></tr>"), en);
        assertTrue(en.contains("<th scope=\"row\">Sales &amp; &lt;advice&gt;</th><td class=\"num\">8.0 out of 10</td>"), en);
        wellFormed(en);

        assertFalse(render(content(Language.EN), false).contains("id=\"touchpoints\""), "none chosen: no section");
    }

    @Test
    void thePageShowsFiguresTrendThemesTextsAndQuotesEscaped() throws Exception {
        String html = render(content(Language.FR), false);
        assertTrue(html.contains("<html lang=\"fr\">"), html);
        assertTrue(html.contains("Automne &lt;2026&gt; &amp; vous"));
        assertTrue(html.contains("<span class=\"nps\" id=\"nps\">+25</span>"), "10 promoters, 5 detractors of 20");
        assertTrue(html.contains("Sur 20 r\u00e9ponses."));
        assertTrue(html.contains("Super &lt;script&gt;alert(1)&lt;/script&gt; &quot;merci&quot;"), "the quote escaped");
        assertFalse(html.contains("<script"), "no script at all");
        assertFalse(html.contains("987654321"), "the quoted response's id never shows");
        assertTrue(html.contains("<p>La livraison est lente.</p>") && html.contains("<p>Le support est appr\u00e9ci\u00e9.</p>"));
        assertTrue(html.contains("Ce que vous nous avez dit") && html.contains("Ce que nous faisons"));
        assertTrue(html.contains("Livraison <span class=\"note\">(7 mentions)</span>"));
        // October had 3 answers: hidden in the table and a gap in the chart.
        assertTrue(html.contains("Moins de 5 r\u00e9ponses"), html);
        assertEquals(2, html.split("<circle ").length - 1, "two periods drawn");
        assertEquals(0, html.split("<polyline ").length - 1, "no line across the hidden month");
        assertTrue(html.contains("<th scope=\"row\">sept. 2026</th><td class=\"num\">+40</td>"), html);
        assertTrue(html.contains("Publi\u00e9 le 2 d\u00e9cembre 2026"));
        assertFalse(html.contains("id=\"preview-banner\""));
        wellFormed(html);
    }

    @Test
    void thePreviewSaysSoAndTheIndexListsPublications() throws Exception {
        String html = render(content(Language.EN), true);
        assertTrue(html.contains("id=\"preview-banner\""));
        assertTrue(html.contains("What you told us") && html.contains("In your words"));
        wellFormed(html);

        Map<String, Object> model = pages.model(Language.EN, null, null, null);
        model.put("entries", List.of(Map.of("slug", "autumn-AAAAAAAAAAAAAAAAAAAAAA", "title", "Autumn & co", "lang", "en",
                "from", "September 1, 2026", "to", "November 30, 2026", "publishedOn", "December 2, 2026")));
        String index = write("publications", model);
        assertTrue(index.contains("<a href=\"autumn-AAAAAAAAAAAAAAAAAAAAAA\" hreflang=\"en\" lang=\"en\">Autumn &amp; co</a>"), index);
        wellFormed(index);
        Map<String, Object> empty = pages.model(Language.FR, null, null, null);
        empty.put("entries", List.of());
        assertTrue(write("publications", empty).contains("Rien n\u2019est publi\u00e9"));
        for (String key : new String[] {"pub.notFound", "pub.revoked", "pub.tooFew"}) {
            Map<String, Object> message = pages.model(Language.FR, null, null, null);
            message.put("key", key);
            wellFormed(write("message", message));
        }
    }

    @Test
    void everyCountAgreesWithItsNumberInFrenchAndEnglish() throws Exception {
        Map<String, String> fr = pages.labels(Language.FR);
        Map<String, String> en = pages.labels(Language.EN);
        assertEquals("Sur 0 r\u00e9ponse.", SynthesisView.count(fr, "pub.basis", 0, Locale.FRENCH));
        assertEquals("Sur 1 r\u00e9ponse.", SynthesisView.count(fr, "pub.basis", 1, Locale.FRENCH));
        assertEquals("Sur 2 r\u00e9ponses.", SynthesisView.count(fr, "pub.basis", 2, Locale.FRENCH));
        assertEquals("Sur 1\u202f234 r\u00e9ponses.", SynthesisView.count(fr, "pub.basis", 1234, Locale.FRENCH));
        assertEquals("Based on 0 answers.", SynthesisView.count(en, "pub.basis", 0, Locale.ENGLISH));
        assertEquals("Based on 1 answer.", SynthesisView.count(en, "pub.basis", 1, Locale.ENGLISH));
        assertEquals("Based on 1,234 answers.", SynthesisView.count(en, "pub.basis", 1234, Locale.ENGLISH));
        assertEquals("1 mention", SynthesisView.count(fr, "pub.mentions", 1, Locale.FRENCH));
        assertEquals("0 mention", SynthesisView.count(fr, "pub.mentions", 0, Locale.FRENCH));
        assertEquals("0 mentions", SynthesisView.count(en, "pub.mentions", 0, Locale.ENGLISH));
        assertEquals("\u00b11 point (confiance 95 %)", SynthesisView.count(fr, "pub.moe", 1, Locale.FRENCH));
        assertEquals("\u00b11 point (95% confidence)", SynthesisView.count(en, "pub.moe", 1, Locale.ENGLISH));
        assertEquals("\u00b112 points (95% confidence)", SynthesisView.count(en, "pub.moe", 12, Locale.ENGLISH));

        // On the page: one theme mentioned once, and the basis of the figures.
        PublicationContent once = new PublicationContent("Spring", Language.EN, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31),
                NpsResult.ofCounts(1, 0, 0), TrendGranularity.MONTH, List.of(), List.of(new Theme("Delivery", 1)), null, null, List.of(), List.of());
        String html = render(once, false);
        assertTrue(html.contains("Delivery <span class=\"note\">(1 mention)</span>"), html);
        assertTrue(html.contains("Based on 1 answer."), html);
    }

    @Test
    void theChartFitsItsAxisToTheDataAndBreaksAtHiddenPeriods() {
        TrendChart chart = TrendChart.of(List.of(new TrendChart.Point("a", 20.0, 10.0), new TrendChart.Point("b", 30.0, 5.0),
                new TrendChart.Point("c", null, null), new TrendChart.Point("d", 40.0, 8.0)));
        assertEquals(List.of("+10", "+20", "+30", "+40", "+50"), chart.yTicks().stream().map(TrendChart.Tick::label).toList());
        assertEquals(1, chart.lines().size(), "a and b joined; d alone has a dot and a band only");
        assertEquals(2, chart.bands().size());
        assertEquals(3, chart.dots().size());
        assertEquals("44.0,171.0 224.0,118.0", chart.lines().get(0), "x from the left margin, +10 (bottom) at y 224");
    }

    private String render(PublicationContent content, boolean preview) throws Exception {
        Map<String, Object> model = pages.model(content.language(), null, null, null);
        model.put("s", SynthesisView.of(content, Instant.parse("2026-12-02T10:00:00Z"), ZoneId.of("Europe/Paris"),
                pages.labels(content.language())));
        model.put("preview", preview);
        return write("synthesis", model);
    }

    private String write(String template, Map<String, Object> model) throws Exception {
        model.put("nonce", "n0nce");
        StringWriter out = new StringWriter();
        pages.write(template, model, out);
        return out.toString();
    }

    /** Valid HTML by the Nu Html Checker (validator.w3.org/nu). */
    private static void wellFormed(String html) throws Exception {
        assertEquals(List.of(), HtmlChecker.errors(html), html);
    }
}
