package org.npsloop.reporting.publication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.publication.PublicationContent;
import org.npsloop.domain.publication.PublicationContent.Quote;

class PublicationErasureTest {

    private static String snapshot(List<Quote> quotes) {
        return new PublicationContent("Q1", Language.EN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
                NpsResult.ofCounts(6, 2, 1), TrendGranularity.MONTH,
                List.of(new PublicationContent.TrendPoint(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), Optional.empty())),
                List.of(new PublicationContent.Theme("Delivery", 3)), "told", "doing", quotes, List.of()).toJson();
    }

    @Test
    void anErasedAuthorsQuoteLeavesTheSnapshotAndEverythingElseStays() {
        String stored = snapshot(List.of(new Quote(12, "Zorglub was rude"), new Quote(123, "Fast and kind")));

        String rewritten = PublicationErasure.withoutQuotes(stored, Set.of(12L));

        assertFalse(rewritten.contains("Zorglub"), rewritten);
        PublicationContent content = PublicationContent.fromJson(rewritten);
        assertEquals(List.of(new Quote(123, "Fast and kind")), content.quotes());
        assertEquals(PublicationContent.fromJson(stored).nps(), content.nps());
        assertEquals("told", content.whatYouToldUs());
        assertEquals(1, content.themes().size());
    }

    @Test
    void aSnapshotThatDoesNotQuoteTheAuthorIsNotRewritten() {
        // "responseId":12 is a prefix of 123: the SQL pre-filter finds it, the parsed quotes decide.
        String stored = snapshot(List.of(new Quote(123, "Fast and kind")));

        assertTrue(stored.contains("\"responseId\":12"));
        assertEquals(stored, PublicationErasure.withoutQuotes(stored, Set.of(12L)));
    }
}
