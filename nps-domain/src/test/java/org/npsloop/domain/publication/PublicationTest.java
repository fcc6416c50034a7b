package org.npsloop.domain.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.domain.question.RatingScale;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;

class PublicationTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);

    private static PublicationDraft draft(String title, List<Long> quotes) {
        return new PublicationDraft(title, Language.FR, FROM, TO, null, " onboarding ", TrendGranularity.MONTH,
                "Vous trouvez la livraison lente.", "Un second transporteur d\u00e8s janvier.", quotes, List.of(), false);
    }

    @Test
    void slugsAreReadableWithAtLeast128RandomBitsAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String slug = PublicSlug.generate("Vos retours \u00e9t\u00e9 2026 !");
            assertTrue(slug.startsWith("vos-retours-ete-2026-"), slug);
            String random = slug.substring("vos-retours-ete-2026-".length());
            assertEquals(22, random.length(), "16 random bytes in URL-safe base64");
            assertTrue(random.matches("[A-Za-z0-9_-]{22}"), random);
            assertTrue(PublicSlug.isWellFormed(slug), slug);
            assertTrue(seen.add(random));
        }
        String longTitle = PublicSlug.generate("A very long title that goes on and on about customer feedback");
        assertTrue(longTitle.length() <= 80 && PublicSlug.isWellFormed(longTitle), longTitle);
        assertEquals("a-very-long-title-that-goes-on-and-on", PublicSlug.readable("A very long title that goes on and on about customer feedback"));
        assertEquals(22, PublicSlug.generate("!!!").length(), "no readable part: the random part alone");
        assertFalse(PublicSlug.isWellFormed("short"));
        assertFalse(PublicSlug.isWellFormed("nps-<script>alert(1)</script>aaaaaaaaaaaa"));
        assertFalse(PublicSlug.isWellFormed(null));
    }

    @Test
    void theDraftIsCheckedFieldByField() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new Publication(
                new PublicationDraft(" ", null, TO, FROM, null, null, null, "x".repeat(4001), null, List.of(), List.of(), false), "exec", T0));
        assertEquals(List.of("title", "language", "to", "whatYouToldUs"),
                refused.errors().stream().map(FieldError::field).toList());
        Publication p = new Publication(draft(" Autumn ", List.of(3L)), "exec", T0);
        assertEquals("Autumn", p.getTitle());
        assertEquals("ONBOARDING", p.getJourneyMoment());
        assertEquals(PublicationStatus.DRAFT, p.getStatus());
        assertTrue(p.isDeletable());
    }

    @Test
    void publishUpdateRevokeAndPublishAgainMakeNumberedVersions() {
        Publication p = new Publication(draft("Autumn", List.of()), "exec", T0);
        PublicationContent content = PublicationContent.snapshot(p, NpsResult.ofCounts(5, 2, 3), List.of(), List.of(), List.of(), List.of());

        PublicationVersion first = p.publish(content, "anna", T0.plusSeconds(60));
        assertEquals(1, first.getNumber());
        assertEquals(PublicationAction.PUBLISHED, first.getAction());
        assertEquals("anna", first.getActor());
        assertEquals(PublicationStatus.PUBLISHED, p.getStatus());
        assertEquals(1, p.getPublishedVersion());
        assertFalse(p.isDeletable(), "published once: revoke it, its history stays");

        // Editing the draft does not change what was published: version 1 still holds the old texts.
        p.edit(new PublicationDraft("Autumn, revised", Language.FR, FROM, TO, null, null, null, "New", "Newer", List.of(), List.of(), false),
                "bob", T0.plusSeconds(120));
        assertEquals("Vous trouvez la livraison lente.", first.content().orElseThrow().whatYouToldUs());
        assertEquals(1, p.getPublishedVersion());

        PublicationVersion second = p.publish(PublicationContent.snapshot(p, NpsResult.ofCounts(5, 2, 3), List.of(), List.of(),
                List.of(), List.of()), "bob", T0.plusSeconds(180));
        assertEquals(PublicationAction.UPDATED, second.getAction());
        assertEquals("New", second.content().orElseThrow().whatYouToldUs());
        assertEquals(2, p.getPublishedVersion());

        PublicationVersion revoked = p.revoke("anna", T0.plusSeconds(240));
        assertEquals(3, revoked.getNumber());
        assertEquals(PublicationAction.REVOKED, revoked.getAction());
        assertEquals(Optional.empty(), revoked.content());
        assertEquals(PublicationStatus.REVOKED, p.getStatus());
        assertThrows(IllegalStateException.class, () -> p.revoke("anna", T0.plusSeconds(300)));

        PublicationVersion again = p.publish(second.content().orElseThrow(), "anna", T0.plusSeconds(360));
        assertEquals(PublicationAction.PUBLISHED, again.getAction());
        assertEquals(4, p.getPublishedVersion());
    }

    @Test
    void aDraftCannotBeRevoked() {
        Publication p = new Publication(draft("Autumn", List.of()), "exec", T0);
        assertThrows(IllegalStateException.class, () -> p.revoke("exec", T0));
    }

    @Test
    void theSnapshotHidesTrendPointsWithFewerThanFiveAnswersAndNeedsFiveOverall() {
        Publication p = new Publication(draft("Autumn", List.of()), "exec", T0);
        PublicationContent.TrendPoint september = PublicationContent.TrendPoint.of(FROM, LocalDate.of(2026, 9, 30),
                NpsResult.ofCounts(2, 1, 1));
        PublicationContent.TrendPoint october = PublicationContent.TrendPoint.of(LocalDate.of(2026, 10, 1), TO,
                NpsResult.ofCounts(3, 1, 1));
        assertTrue(september.hidden(), "4 answers: hidden");
        assertFalse(october.hidden(), "5 answers: shown");
        assertEquals(40.0, october.nps().orElseThrow().score().orElseThrow(), 1e-9);

        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> PublicationContent.snapshot(p, NpsResult.ofCounts(2, 1, 1), List.of(), List.of(), List.of(), List.of()));
        assertTrue(tooFew.getMessage().contains("at least 5"), tooFew.getMessage());

        PublicationContent content = PublicationContent.snapshot(p, NpsResult.ofCounts(5, 2, 2), List.of(september, october),
                List.of(new PublicationContent.Theme("Livraison", 4)),
                List.of(new PublicationContent.Quote(77, "Livraison rapide, merci \"vraiment\" <b>!</b>")), List.of());
        PublicationContent read = PublicationContent.fromJson(content.toJson());
        assertEquals(content, read, "what is stored is read back unchanged");
        assertTrue(read.trend().get(0).hidden());
        assertFalse(content.toJson().contains("\"responses\""), "a hidden point stores no count at all");

        assertEquals(List.of(), content.withoutQuotes(Set.of(77L)).quotes(), "a withdrawn author's quote is dropped");
        assertEquals(content, content.withoutQuotes(Set.of()));
    }

    @Test
    void theSnapshotHoldsTouchpointRatingsOnlyWhenAskedAndOnlyFromThirtyRatings() {
        // Delivery, 30 ratings on 1-5: ten 3s, ten 4s, ten 5s. mean 120/30 = 4; s^2 = (500 - 120 * 4) / 29 = 20/29,
        // s = 0.830455; t(29) = 2.045230; margin = 2.045230 * 0.830455 / sqrt(30) = 0.310097.
        PublicationContent.TouchpointRating delivery = new PublicationContent.TouchpointRating("Delivery", "Livraison",
                RatingScale.ONE_TO_FIVE, RatingSummary.ofCounts(1, new long[] {0, 0, 10, 10, 10}));
        // Phone, 29 ratings on 0-10: one short of a conclusive group, never published.
        PublicationContent.TouchpointRating phone = new PublicationContent.TouchpointRating("Phone", "Téléphone",
                RatingScale.ZERO_TO_TEN, RatingSummary.ofCounts(0, new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 29}));
        List<PublicationContent.TouchpointRating> rated = List.of(delivery, phone);

        Publication notAsked = new Publication(draft("Autumn", List.of()), "exec", T0);
        assertFalse(notAsked.isTouchpoints());
        assertEquals(List.of(), PublicationContent.snapshot(notAsked, NpsResult.ofCounts(5, 2, 3), List.of(), List.of(),
                List.of(), rated).touchpoints(), "not chosen by the executive: none");

        PublicationDraft asked = new PublicationDraft("Autumn", Language.FR, FROM, TO, null, null, null, null, null,
                List.of(), List.of(), true);
        Publication p = new Publication(asked, "exec", T0);
        assertTrue(p.toDraft().touchpoints(), "the choice is kept with the draft");
        PublicationContent content = PublicationContent.snapshot(p, NpsResult.ofCounts(5, 2, 3), List.of(), List.of(),
                List.of(), rated);
        assertEquals(1, content.touchpoints().size(), "29 ratings: not shown");
        PublicationContent.TouchpointRating shown = content.touchpoints().get(0);
        assertEquals("Livraison", shown.label(Language.FR));
        assertEquals("Delivery", shown.label(Language.EN));
        assertEquals(30, shown.summary().n());
        assertEquals(4.0, shown.summary().mean().orElseThrow(), 1e-9);
        assertEquals(3.689903, shown.summary().lower().orElseThrow(), 1e-6);
        assertEquals(4.310097, shown.summary().upper().orElseThrow(), 1e-6);

        assertEquals(content.touchpoints(), PublicationContent.fromJson(content.toJson()).touchpoints(),
                "the ratings are read back unchanged");
        assertFalse(content.toJson().contains("Phone"));
        String older = content.toJson().replaceFirst(",\"touchpoints\":\\[.*\\]", "");
        assertFalse(older.contains("touchpoints"), older);
        assertEquals(List.of(), PublicationContent.fromJson(older).touchpoints(), "a version published before: none");
    }

    @Test
    void anEditedWordingIsKeptWithItsQuoteAndTheOriginalIsNotTouched() {
        Publication p = new Publication(draft("Autumn", List.of(1L, 2L)).withWordings(List.of(
                new QuoteWording(2L, "  Shorter words  "), new QuoteWording(1L, " "))), "anna", T0);
        assertEquals(List.of(1L, 2L), p.getQuoteIds());
        assertEquals(List.of(new QuoteWording(2L, "Shorter words")), p.getQuoteWordings(), "blank: the comment itself");
        assertEquals("Shorter words", p.toDraft().wordingOf(2L));
        assertEquals(null, p.toDraft().wordingOf(1L));
        p.dropQuotes(List.of(2L));
        assertEquals(List.of(), p.getQuoteWordings());

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new Publication(draft("Autumn", List.of(1L))
                .withWordings(List.of(new QuoteWording(3L, "Not chosen"),
                        new QuoteWording(1L, "x".repeat(Publication.WORDING_MAX + 1)))), "anna", T0));
        assertEquals(List.of("quoteWordings", "quoteWordings"), refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void onlyConsentedCommentsInScopeCanBeQuoted() {
        Map<Long, QuoteRules.Source> sources = Map.of(
                1L, new QuoteRules.Source(1, "Super service", true, true, true),
                2L, new QuoteRules.Source(2, "Trop cher", false, true, true),
                3L, new QuoteRules.Source(3, null, true, true, true),
                4L, new QuoteRules.Source(4, "L'an dernier", true, true, false),
                6L, new QuoteRules.Source(6, "Citez-moi pas", true, false, true));
        Violations ok = new Violations();
        QuoteRules.check(List.of(1L), sources, ok);
        assertTrue(ok.isEmpty());

        Violations refused = new Violations();
        QuoteRules.check(List.of(1L, 2L, 3L, 4L, 5L, 1L), sources, refused);
        InvalidInputException e = assertThrows(InvalidInputException.class, refused::throwIfAny);
        List<String> messages = e.errors().stream().map(FieldError::message).toList();
        assertEquals(5, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("did not consent"), messages.get(0));
        assertTrue(messages.get(1).contains("no comment"));
        assertTrue(messages.get(2).contains("outside"));
        assertTrue(messages.get(3).contains("No response 5"));
        assertTrue(messages.get(4).contains("twice"));
        assertTrue(e.errors().stream().allMatch(f -> f.field().equals("quoteIds")));

        Violations notQuotable = new Violations();
        QuoteRules.check(List.of(6L), sources, notQuotable);
        assertEquals(List.of("Response 6: its author did not agree to be quoted, it cannot be quoted"),
                assertThrows(InvalidInputException.class, notQuotable::throwIfAny).errors().stream().map(FieldError::message).toList());
        assertFalse(sources.get(6L).quotable());
        // The second consent: a yes, or not asked where the survey does not ask it; a no is never quotable.
        assertTrue(QuoteRules.quoteConsented(true, true));
        assertFalse(QuoteRules.quoteConsented(false, true));
        assertFalse(QuoteRules.quoteConsented(null, true), "the survey asks it now: never asked is no yes");
        assertTrue(QuoteRules.quoteConsented(null, false), "not asked: today's rule (contact consent) alone");
        assertFalse(QuoteRules.quoteConsented(false, false), "a no stays a no when the survey stops asking");

        Violations tooMany = new Violations();
        QuoteRules.check(java.util.stream.LongStream.rangeClosed(1, 11).boxed().toList(), Map.of(), tooMany);
        assertTrue(assertThrows(InvalidInputException.class, tooMany::throwIfAny).getMessage().contains("At most 10"));
    }
}
