package org.npsloop.reporting.themes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.themes.ThemeService.Comment;
import org.npsloop.reporting.themes.ThemeService.CommentPage;
import org.npsloop.reporting.themes.ThemeService.CommentQuery;
import org.npsloop.reporting.themes.ThemeService.Theme;
import org.npsloop.reporting.themes.ThemeService.ThemeCount;
import org.npsloop.reporting.themes.ThemeService.ThemeCounts;
import org.npsloop.reporting.themes.ThemeService.ThemeDraft;
import org.npsloop.reporting.scope.ResponseScope;
import org.npsloop.platform.MigratedH2;

/**
 * Themes on H2 with the real migrations (and their five default themes): the background matching, counts
 * split by category under a report filter, comment search, manual tags that outlive a re-match, and
 * validation. PostgreSQL: ThemesIT.
 */
class DefaultThemeServiceTest {

    private static final long PRICE = 1;
    private static final long DELIVERY = 2;
    private static final long SUPPORT = 3;
    private static final long QUALITY = 4;
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private JdbcDataSource dataSource;
    private DefaultThemeService themes;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL(MigratedH2.create());
        dataSource.setUser("sa");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'S', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) "
                    + "VALUES (10, 'Autumn', 1, 'ONE_OFF', 'DONE', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) "
                    + "VALUES (20, 'Other', 1, 'ONE_OFF', 'DONE', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            response(s, 100, 10, 2, "Trop cher et livraison en retard", "2026-11-01 09:00:00", false);
            response(s, 101, 10, 5, "Le SAV ne répond jamais", "2026-11-02 09:00:00", false);
            response(s, 102, 10, 6, "Délais de livraison trop longs", "2026-11-03 09:00:00", false);
            response(s, 103, 10, 8, "Bon produit, prix correct", "2026-11-04 09:00:00", false);
            response(s, 104, 10, 10, "Great support team", "2026-11-05 09:00:00", false);
            response(s, 105, 10, 9, null, "2026-11-06 09:00:00", false);
            response(s, 106, 10, 1, "Way too expensive", "2026-11-07 09:00:00", true);
            response(s, 107, 20, 0, "Livraison catastrophique", "2026-11-08 09:00:00", false);
        }
        themes = new DefaultThemeService(dataSource, Clock.fixed(NOW, ZoneOffset.UTC),
                filter -> ResponseScope.where(filter, ZoneId.of("Europe/Paris"), null, null));
    }

    private static void response(Statement s, long id, long campaign, int score, String comment, String at, boolean flagged)
            throws SQLException {
        s.execute("INSERT INTO response (id, campaign_id, score, comment_text, contact_consent, channel, responded_at, updated_at, "
                + "version, flagged) VALUES (" + id + ", " + campaign + ", " + score + ", "
                + (comment == null ? "NULL" : "'" + comment.replace("'", "''") + "'") + ", " + (score == 10) + ", 'PHONE', "
                + "TIMESTAMP WITH TIME ZONE '" + at + "+00', TIMESTAMP WITH TIME ZONE '" + at + "+00', 1, " + flagged + ")");
    }

    /** Runs the background matching to its end, as the worker's rounds would. */
    private void matchEverything() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ThemeMatchingStore store = new ThemeMatchingStore(c);
            while (store.matchChanged(Duration.ofSeconds(30), NOW, 3) == 3) {
                // next batch
            }
            while (store.rematchStep(NOW, 3) > 0) {
                // next slice
            }
        }
    }

    private static Map<Long, String> counts(ThemeCounts counts) {
        return counts.themes().stream().filter(t -> t.total() > 0)
                .collect(Collectors.toMap(ThemeCount::themeId, t -> t.promoters() + "/" + t.passives() + "/" + t.detractors()));
    }

    private static ReportFilter autumn() {
        return ReportFilter.everything().withCampaign(10L);
    }

    @Test
    void countsSplitByCategoryUnderTheReportFilterMostMentionedFirst() throws SQLException {
        assertTrue(themes.matching().running(), "the first start matches what is there");
        matchEverything();
        assertFalse(themes.matching().running());
        assertEquals(100, themes.matching().percent());

        ThemeCounts autumn = themes.counts(autumn());
        // promoters/passives/detractors; 106 is flagged (left out), 107 is another campaign's.
        assertEquals(Map.of(PRICE, "0/1/1", DELIVERY, "0/0/2", SUPPORT, "1/0/1"), counts(autumn));
        assertEquals(List.of(DELIVERY, SUPPORT, PRICE), autumn.themes().subList(0, 3).stream().map(ThemeCount::themeId).toList(),
                "most mentioned first; ties: most detractors first, then by label");
        assertEquals(5, autumn.themes().size(), "every theme, even unmentioned");
        assertEquals(1, autumn.commentedPromoters(), "105 has no comment");
        assertEquals(1, autumn.commentedPassives());
        assertEquals(3, autumn.commentedDetractors());

        assertEquals(Map.of(PRICE, "0/1/2", DELIVERY, "0/0/2", SUPPORT, "1/0/1"),
                counts(themes.counts(autumn().withIncludeFlagged(true))));
        assertEquals(Map.of(DELIVERY, "0/0/3", PRICE, "0/1/1", SUPPORT, "1/0/1"), counts(themes.counts(ReportFilter.everything())));
        assertEquals(Map.of(PRICE, "0/0/1", DELIVERY, "0/0/1"),
                counts(themes.counts(autumn().withPeriod(java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 11, 1)))));
        assertEquals(List.of(DELIVERY, SUPPORT, PRICE), themes.top(autumn(), NpsCategory.DETRACTOR, 3).stream().map(ThemeCount::themeId).toList());
        assertEquals(List.of(SUPPORT), themes.top(autumn(), NpsCategory.PROMOTER, 5).stream().map(ThemeCount::themeId).toList());
    }

    @Test
    void manualTagsAndRemovalsOutliveARuleChangeAndItsRematch() throws SQLException {
        matchEverything();
        themes.tag(103, QUALITY, "marie");
        themes.untag(100, PRICE, "marie");
        assertEquals(Map.of(PRICE, "0/1/0", DELIVERY, "0/0/2", SUPPORT, "1/0/1", QUALITY, "0/1/0"), counts(themes.counts(autumn())));

        // Any rule edit re-matches everything; "retard" no longer means delivery, "bon produit" now means quality.
        Theme delivery = themes.theme(DELIVERY);
        themes.update(DELIVERY, new ThemeDraft(delivery.labelEn(), delivery.labelFr(), delivery.keywordsEn(),
                delivery.keywordsFr().stream().filter(k -> !k.equals("retard") && !k.equals("livr")).toList()), "paul");
        assertTrue(themes.matching().running());
        matchEverything();
        Map<Long, String> after = counts(themes.counts(autumn()));
        assertEquals("0/0/1", after.get(DELIVERY), "100 said 'livraison': without livr and retard, only 102's 'délais' is left");
        assertEquals("0/1/0", after.get(PRICE), "100's price stays removed by the person");
        assertEquals("0/1/0", after.get(QUALITY), "103's manual tag stays");

        // The person changes their mind: back by hand.
        themes.tag(100, PRICE, "marie");
        assertEquals("0/1/1", counts(themes.counts(autumn())).get(PRICE));
    }

    @Test
    void aChangedCommentIsMatchedAgainByTheScan() throws SQLException {
        matchEverything();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE response SET comment_text = 'Livraison rapide, merci', score = 9, version = 2, "
                    + "updated_at = TIMESTAMP WITH TIME ZONE '2026-11-20 11:59:50+00' WHERE id = 101");
            response(s, 108, 10, 3, "Hotline injoignable", "2026-11-20 11:59:55", false);
        }
        matchEverything();
        assertEquals(Map.of(PRICE, "0/1/1", DELIVERY, "1/0/2", SUPPORT, "1/0/1"), counts(themes.counts(autumn())),
                "101 is a delivery promoter now (no more support), 108 a support detractor");
    }

    @Test
    void aNewAnswerDatedInThePastIsFoundByTheSweepOfUnmatchedResponses() throws SQLException {
        matchEverything();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // A phone answer typed today about a call last month: its updated_at is last month's.
            response(s, 109, 10, 4, "Colis perdu", "2026-10-01 09:00:00", false);
            response(s, 110, 10, 4, "Colis abîmé", "2026-10-02 09:00:00", false);
            ThemeMatchingStore store = new ThemeMatchingStore(c);
            assertEquals(0, store.matchChanged(Duration.ofSeconds(30), NOW, 50), "behind the scan position");
            assertEquals(110L, store.maxResponseId());
            assertEquals(109L, store.matchUnmatched(0, NOW, 1), "a full batch: more may follow");
            assertEquals(110L, store.matchUnmatched(109, NOW, 1));
            assertEquals(null, store.matchUnmatched(0, NOW, 50), "nothing left unmatched");
        }
        assertEquals("0/0/4", counts(themes.counts(autumn())).get(DELIVERY));
    }

    @Test
    void commentsArePagedNewestFirstWithTheirThemesAndFilters() throws SQLException {
        matchEverything();
        themes.tag(104, QUALITY, "marie");
        CommentPage all = themes.comments(new CommentQuery(autumn(), null, null, null, 0, 50));
        assertEquals(5, all.total());
        assertEquals(List.of(104L, 103L, 102L, 101L, 100L), all.comments().stream().map(Comment::responseId).toList());
        Comment first = all.comments().get(0);
        assertEquals("Great support team", first.comment());
        assertEquals(NpsCategory.PROMOTER, first.category());
        assertTrue(first.contactConsent());
        assertEquals("Autumn", first.campaignName());
        assertEquals(List.of("Customer service:false", "Product quality:true"),
                first.themes().stream().map(t -> t.labelEn() + ":" + t.manual()).toList());

        assertEquals(List.of(102L, 100L), ids(new CommentQuery(autumn(), NpsCategory.DETRACTOR, DELIVERY, null, 0, 50)));
        assertEquals(List.of(103L), ids(new CommentQuery(autumn(), NpsCategory.PASSIVE, null, null, 0, 50)));
        assertEquals(List.of(102L, 100L), ids(new CommentQuery(autumn(), null, null, "LIVRAISON", 0, 50)));
        assertEquals(List.of(), ids(new CommentQuery(autumn(), null, null, "100%", 0, 50)));
        CommentPage second = themes.comments(new CommentQuery(autumn(), null, null, null, 2, 2));
        assertEquals(5, second.total());
        assertEquals(List.of(102L, 101L), second.comments().stream().map(Comment::responseId).toList());
        themes.untag(104, SUPPORT, "marie");
        assertEquals(List.of(101L), ids(new CommentQuery(autumn(), null, SUPPORT, null, 0, 50)));
    }

    private List<Long> ids(CommentQuery query) {
        return themes.comments(query).comments().stream().map(Comment::responseId).toList();
    }

    @Test
    void themesAreCreatedEditedAndDeletedWithFieldErrors() {
        assertEquals(5, themes.themes().size());
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> themes.create(
                new ThemeDraft(" ", "Prix", List.of("fees", "Fees", " "), List.of("frais", "frais")), "paul"));
        assertEquals(List.of("labelEn", "labelFr", "keywordsEn", "keywordsEn", "keywordsFr"),
                refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.getMessage().contains("Another theme is already called Prix"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Fees is there twice"), refused.getMessage());

        Theme fees = themes.create(new ThemeDraft(" Fees ", "Frais", List.of("fee", "charges"), List.of("frais", "\"commission\"")), "paul");
        assertTrue(fees.id() > 50, "from the sequence, past the seeded ids");
        assertEquals("Fees", fees.labelEn());
        assertEquals(List.of("charges", "fee"), fees.keywordsEn());
        assertEquals(List.of("\"commission\"", "frais"), fees.keywordsFr());
        assertEquals("paul", fees.updatedBy());
        assertEquals(6, themes.themes().size());

        Theme renamed = themes.update(fees.id(), new ThemeDraft("Fees", "Frais annexes", List.of(), null), "marie");
        assertEquals("Frais annexes", renamed.labelFr());
        assertEquals(List.of(), renamed.keywordsEn());
        assertEquals(List.of(), renamed.keywordsFr());
        assertThrows(InvalidInputException.class, () -> themes.update(fees.id(), new ThemeDraft("Price", "X", null, null), "marie"));
        themes.update(fees.id(), new ThemeDraft("FEES", "Frais annexes", null, null), "marie");

        themes.delete(fees.id());
        assertEquals(5, themes.themes().size());
        assertThrows(NoSuchElementException.class, () -> themes.delete(fees.id()));
        assertThrows(NoSuchElementException.class, () -> themes.theme(fees.id()));
        assertThrows(NoSuchElementException.class, () -> themes.tag(999, PRICE, "x"));
        assertThrows(NoSuchElementException.class, () -> themes.tag(100, 999, "x"));
    }
}
