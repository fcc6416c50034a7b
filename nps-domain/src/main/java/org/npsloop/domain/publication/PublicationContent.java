package org.npsloop.domain.publication;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.question.RatingScale;

/**
 * What a public page shows, frozen when it is published: later answers, changed comments or a changed
 * draft do not alter it until the next publish. It holds no email, no name and no individual score:
 * aggregate counts, trend points with at least {@link #MIN_RESPONSES} answers, theme mention counts, the
 * two texts, the quotes' text alone and, when the executive asks for them, the mean rating of each touchpoint rated
 * at least {@link NpsResult#MIN_CONCLUSIVE_RESPONSES} times (never a text answer). Stored as JSON in the version
 * history.
 */
public record PublicationContent(String title, Language language, LocalDate from, LocalDate to, NpsResult nps,
        TrendGranularity granularity, List<TrendPoint> trend, List<Theme> themes, String whatYouToldUs,
        String whatWeAreDoing, List<Quote> quotes, List<TouchpointRating> touchpoints) {

    /**
     * Fewer answers than this in a trend period and its figures are hidden: with two or three answers an
     * NPS tells who said what to anyone who knows who answered. Also the least a whole publication needs.
     */
    public static final int MIN_RESPONSES = 5;

    public PublicationContent {
        trend = List.copyOf(trend);
        themes = List.copyOf(themes);
        quotes = List.copyOf(quotes);
        touchpoints = List.copyOf(touchpoints);
    }

    /** One period of the trend; {@code nps} is empty when it had too few answers to be shown. */
    public record TrendPoint(LocalDate start, LocalDate end, Optional<NpsResult> nps) {

        /** The period's figures, hidden below {@link #MIN_RESPONSES} answers (an empty period stays empty). */
        public static TrendPoint of(LocalDate start, LocalDate end, NpsResult result) {
            return new TrendPoint(start, end, result.responses() >= MIN_RESPONSES ? Optional.of(result) : Optional.empty());
        }

        public boolean hidden() {
            return nps.isEmpty();
        }
    }

    /** A theme and how many comments of the period mention it. */
    public record Theme(String label, long mentions) {
    }

    /**
     * A comment quoted by its text only, as published: the edited wording or the comment, masked
     * ({@link QuoteMasker}). The response id stays internal (to drop it if its author withdraws or is erased).
     */
    public record Quote(long responseId, String text) {
    }

    /**
     * A touchpoint's mean rating on one scale, labelled in both languages, kept as the moments of its ratings (count,
     * sum, sum of squares: the mean and its 95% interval follow, no single rating can be read back).
     */
    public record TouchpointRating(String labelEn, String labelFr, RatingScale scale, RatingSummary summary) {

        public String label(Language language) {
            return language == Language.FR ? labelFr : labelEn;
        }
    }

    /**
     * The snapshot of a publication; {@code touchpoints} are kept only if the publication asks for them, and then
     * only those rated at least {@link NpsResult#MIN_CONCLUSIVE_RESPONSES} times: a mean of a few ratings is no
     * finding and can point at the few who gave it.
     *
     * @throws IllegalArgumentException when the period has fewer than {@link #MIN_RESPONSES} answers
     */
    public static PublicationContent snapshot(Publication publication, NpsResult nps, List<TrendPoint> trend,
            List<Theme> themes, List<Quote> quotes, List<TouchpointRating> touchpoints) {
        if (nps.responses() < MIN_RESPONSES) {
            throw new InvalidValueException("publication.tooFewAnswers", nps.responses(), MIN_RESPONSES);
        }
        List<TouchpointRating> shown = publication.isTouchpoints()
                ? touchpoints.stream().filter(t -> t.summary().isConclusive()).toList()
                : List.of();
        return new PublicationContent(publication.getTitle(), publication.getLanguage(), publication.getPeriodFrom(),
                publication.getPeriodTo(), nps, publication.getGranularity(), trend, themes, publication.getWhatYouToldUs(),
                publication.getWhatWeAreDoing(), quotes, shown);
    }

    /** The same content without the quotes whose authors no longer consent (or were erased). */
    public PublicationContent withoutQuotes(java.util.Set<Long> withdrawn) {
        if (withdrawn.isEmpty()) {
            return this;
        }
        return new PublicationContent(title, language, from, to, nps, granularity, trend, themes, whatYouToldUs,
                whatWeAreDoing, quotes.stream().filter(q -> !withdrawn.contains(q.responseId())).toList(), touchpoints);
    }

    /** The same content with each quote's text replaced (e.g. masked again). */
    public PublicationContent withQuoteTexts(java.util.function.Function<Quote, String> text) {
        return new PublicationContent(title, language, from, to, nps, granularity, trend, themes, whatYouToldUs,
                whatWeAreDoing, quotes.stream().map(q -> new Quote(q.responseId(), text.apply(q))).toList(), touchpoints);
    }

    public String toJson() {
        JsonProvider json = Json.PROVIDER;
        JsonArrayBuilder points = json.createArrayBuilder();
        for (TrendPoint point : trend) {
            JsonObjectBuilder p = json.createObjectBuilder().add("start", point.start().toString()).add("end", point.end().toString());
            point.nps().ifPresent(r -> p.add("nps", counts(json, r)));
            points.add(p);
        }
        JsonArrayBuilder themeArray = json.createArrayBuilder();
        themes.forEach(t -> themeArray.add(json.createObjectBuilder().add("label", t.label()).add("mentions", t.mentions())));
        JsonArrayBuilder quoteArray = json.createArrayBuilder();
        quotes.forEach(q -> quoteArray.add(json.createObjectBuilder().add("responseId", q.responseId()).add("text", q.text())));
        JsonArrayBuilder touchpointArray = json.createArrayBuilder();
        touchpoints.forEach(t -> touchpointArray.add(json.createObjectBuilder().add("labelEn", t.labelEn())
                .add("labelFr", t.labelFr()).add("scale", t.scale().name()).add("n", t.summary().n())
                .add("sum", t.summary().sum()).add("sumOfSquares", t.summary().sumOfSquares())));
        return json.createObjectBuilder().add("title", title).add("language", language.name())
                .add("from", from.toString()).add("to", to.toString()).add("nps", counts(json, nps))
                .add("granularity", granularity.name()).add("trend", points).add("themes", themeArray)
                .add("whatYouToldUs", whatYouToldUs == null ? "" : whatYouToldUs)
                .add("whatWeAreDoing", whatWeAreDoing == null ? "" : whatWeAreDoing)
                .add("quotes", quoteArray).add("touchpoints", touchpointArray).build().toString();
    }

    public static PublicationContent fromJson(String text) {
        JsonProvider json = Json.PROVIDER;
        try (var reader = json.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            List<TrendPoint> trend = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("trend")) {
                JsonObject p = v.asJsonObject();
                trend.add(new TrendPoint(LocalDate.parse(p.getString("start")), LocalDate.parse(p.getString("end")),
                        p.containsKey("nps") ? Optional.of(result(p.getJsonObject("nps"))) : Optional.empty()));
            }
            List<Theme> themes = o.getJsonArray("themes").stream().map(JsonValue::asJsonObject)
                    .map(t -> new Theme(t.getString("label"), t.getJsonNumber("mentions").longValue())).toList();
            List<Quote> quotes = o.getJsonArray("quotes").stream().map(JsonValue::asJsonObject)
                    .map(q -> new Quote(q.getJsonNumber("responseId").longValue(), q.getString("text"))).toList();
            // Versions published before touchpoint ratings existed have none.
            List<TouchpointRating> touchpoints = !o.containsKey("touchpoints") ? List.of()
                    : o.getJsonArray("touchpoints").stream().map(JsonValue::asJsonObject)
                            .map(t -> new TouchpointRating(t.getString("labelEn"), t.getString("labelFr"),
                                    RatingScale.valueOf(t.getString("scale")), RatingSummary.ofMoments(
                                            t.getJsonNumber("n").longValue(), t.getJsonNumber("sum").doubleValue(),
                                            t.getJsonNumber("sumOfSquares").doubleValue())))
                            .toList();
            return new PublicationContent(o.getString("title"), Language.valueOf(o.getString("language")),
                    LocalDate.parse(o.getString("from")), LocalDate.parse(o.getString("to")), result(o.getJsonObject("nps")),
                    TrendGranularity.valueOf(o.getString("granularity")), trend, themes, o.getString("whatYouToldUs"),
                    o.getString("whatWeAreDoing"), quotes, touchpoints);
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("Unreadable publication content: " + e.getMessage(), e);
        }
    }

    /** Looked up on first use only: code that never reads or writes content needs no JSON implementation. */
    private static final class Json {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }

    private static JsonObjectBuilder counts(JsonProvider json, NpsResult r) {
        return json.createObjectBuilder().add("promoters", r.promoters()).add("passives", r.passives())
                .add("detractors", r.detractors());
    }

    private static NpsResult result(JsonObject o) {
        return NpsResult.ofCounts(o.getJsonNumber("promoters").longValue(), o.getJsonNumber("passives").longValue(),
                o.getJsonNumber("detractors").longValue());
    }
}
