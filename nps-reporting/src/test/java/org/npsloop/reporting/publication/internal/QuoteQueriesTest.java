package org.npsloop.reporting.publication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.publication.QuoteMasker;
import org.npsloop.domain.publication.QuoteRules;
import org.npsloop.reporting.publication.PublicationService.QuoteCandidate;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.scope.ResponseScope;
import org.npsloop.platform.MigratedH2;

/** The quote SQL on H2 with the real migrations (PostgreSQL: PublicationIT). */
class QuoteQueriesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private QuoteQueries quotes;
    private JdbcDataSource dataSource;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL(MigratedH2.create());
        dataSource.setUser("sa");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'S', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) "
                    + "VALUES (10, 'Autumn', 1, 'ONE_OFF', 'DONE', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            response(s, 100, 10, 10, "Fast_delivery 100%", true, "2026-03-02 09:00:00", false);
            response(s, 101, 3, 10, "Secret remark", false, "2026-03-03 09:00:00", false);
            response(s, 102, 8, 10, null, true, "2026-03-04 09:00:00", false);
            response(s, 103, 9, null, "Great support", true, "2026-03-05 09:00:00", false);
            response(s, 104, 6, 10, "Scanner said fast", true, "2026-03-06 09:00:00", true);
            response(s, 105, 2, 10, "Last year, fast", true, "2025-03-06 09:00:00", false);
        }
        quotes = new QuoteQueries(dataSource);
    }

    private static void response(Statement s, long id, int score, Integer campaign, String comment, boolean consent, String at,
            boolean flagged) throws SQLException {
        s.execute("INSERT INTO response (id, campaign_id, score, comment_text, contact_consent, channel, responded_at, updated_at,"
                + " version, flagged) VALUES (" + id + ", " + campaign + ", " + score + ", "
                + (comment == null ? "NULL" : "'" + comment + "'") + ", " + consent + ", 'PHONE', TIMESTAMP WITH TIME ZONE '" + at
                + "+00', TIMESTAMP WITH TIME ZONE '" + at + "+00', 0, " + flagged + ")");
    }

    private static ResponseScope.Where march(Long campaign) {
        return ResponseScope.where(ReportFilter.period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)).withCampaign(campaign),
                PARIS, null, null);
    }

    @Test
    void candidatesAreTheConsentedCommentsOfTheScopeNewestFirstSearchable() {
        assertEquals(List.of(103L, 100L), quotes.candidates(march(null), null, 50).stream().map(QuoteCandidate::responseId).toList(),
                "no comment without consent, none without text, no suspected bot, nothing outside the period");
        assertEquals(List.of(100L), quotes.candidates(march(10L), "", 50).stream().map(QuoteCandidate::responseId).toList());
        List<QuoteCandidate> found = quotes.candidates(march(null), " FAST_", 50);
        assertEquals(1, found.size(), "LIKE wildcards in the search are literal");
        assertEquals("PROMOTER", found.get(0).category());
        assertEquals("Fast_delivery 100%", found.get(0).comment());
        assertEquals(1, quotes.candidates(march(null), null, 1).size());
    }

    @Test
    void sourcesTellConsentCommentAndScope() {
        Map<Long, QuoteRules.Source> sources = quotes.sources(List.of(100L, 101L, 102L, 105L, 999L), march(10L));
        assertTrue(sources.get(100L).quotable());
        assertFalse(sources.get(101L).consent());
        assertEquals(null, sources.get(102L).comment());
        assertFalse(sources.get(105L).inScope(), "last year");
        assertFalse(sources.containsKey(999L));
        assertFalse(quotes.sources(List.of(100L), null).get(100L).inScope(), "no complete period: nothing is in scope");
        assertEquals(Map.of(), quotes.sources(List.of(), march(null)));
    }

    @Test
    void whereTheSurveyAsksOnlyAYesToTheQuoteConsentIsQuotable() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE response SET quote_consent = FALSE WHERE id = 103");
            s.execute("UPDATE response SET quote_consent = TRUE WHERE id = 100");
        }
        assertEquals(List.of(100L), quotes.candidates(march(null), null, 50).stream().map(QuoteCandidate::responseId).toList(),
                "a no is never quoted, even where the survey does not ask (response 103 has no campaign)");
        assertFalse(quotes.sources(List.of(103L), march(null)).get(103L).quoteConsent());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE survey SET ask_quote_consent = TRUE WHERE id = 1");
            s.execute("UPDATE response SET quote_consent = NULL WHERE id = 100");
        }
        assertEquals(Set.of(), quotes.stillQuotable(List.of(100L, 103L)), "the survey asks it: never answered is no yes");
        assertFalse(quotes.sources(List.of(100L), march(null)).get(100L).quotable());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE response SET quote_consent = TRUE WHERE id = 100");
        }
        assertEquals(Set.of(100L), quotes.stillQuotable(List.of(100L, 103L)));
        assertTrue(quotes.sources(List.of(100L), march(null)).get(100L).quotable());
    }

    @Test
    void theNamesTheMaskingNeedsAreLookedUpByTheQuotesWords() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO contact (id, email, first_name, last_name, language, status, created_at, updated_at, version) VALUES "
                    + "(1, 'a@x.fr', 'Ana\u00efs', 'Nob\u00e9court', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + "(2, 'b@x.fr', 'Yann', 'Le Gall', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + "(3, 'c@x.fr', 'Jean', 'Dupont', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + "(4, 'd@x.fr', 'Zo\u00e9', 'Saint-Andr\u00e9', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("UPDATE response SET contact_id = 1 WHERE id = 100");
        }
        assertEquals(Map.of(100L, new QuoteMasker.Person("Ana\u00efs", "Nob\u00e9court")), quotes.authors(List.of(100L, 101L)));
        assertEquals(Set.of(new QuoteMasker.Person("Ana\u00efs", "Nob\u00e9court"), new QuoteMasker.Person("Yann", "Le Gall"),
                new QuoteMasker.Person("Zo\u00e9", "Saint-Andr\u00e9")),
                Set.copyOf(quotes.contactsNamed(QuoteMasker.lookupTerms("NOBECOURT et le Gall, vu avec saint andre"))),
                "folded like the quote's words: case, accents, hyphens and several words");
        assertEquals(List.of(), quotes.contactsNamed(QuoteMasker.lookupTerms("Service rapide")));
    }

    @Test
    void anErasedAuthorsQuoteIsNoLongerQuotable() throws SQLException {
        assertEquals(Set.of(100L, 103L), quotes.stillQuotable(List.of(100L, 101L, 103L)));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // What erasing a contact does to their answers.
            s.execute("UPDATE response SET contact_id = NULL, comment_text = NULL, contact_consent = FALSE WHERE id = 103");
        }
        assertEquals(Set.of(100L), quotes.stillQuotable(List.of(100L, 103L)));
        assertEquals(List.of(100L), quotes.chosen(List.of(103L, 100L)).stream().map(QuoteCandidate::responseId).toList());
        assertTrue(quotes.campaignExists(10));
        assertFalse(quotes.campaignExists(11));
    }
}
