package org.npsloop.reporting.publication.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.publication.QuoteMasker;
import org.npsloop.domain.publication.QuoteRules;
import org.npsloop.domain.text.LikePattern;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.reporting.publication.PublicationService.QuoteCandidate;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * The SQL behind quotes, on H2 and PostgreSQL: consented comments of a scope, what the database says of
 * chosen responses (comment, consent, in scope), which quoted ones can still be shown, and the names the
 * masking needs (the authors', and the contacts whose last name a quote contains). Every value is a bound
 * parameter.
 */
final class QuoteQueries {

    /**
     * The second consent over response {@code r}: a yes to "may we quote you anonymously?", or no answer where
     * the response's survey does not ask it ({@link QuoteRules#quoteConsented}).
     */
    static final String QUOTE_CONSENTED = "(r.quote_consent = TRUE OR (r.quote_consent IS NULL AND NOT EXISTS ("
            + "SELECT 1 FROM campaign qk JOIN survey qs ON qs.id = qk.survey_id WHERE qk.id = r.campaign_id"
            + " AND qs.ask_quote_consent = TRUE)))";

    /** A response that may be quoted: both consents and a comment. */
    static final String QUOTABLE = "r.contact_consent = TRUE AND r.comment_text IS NOT NULL AND " + QUOTE_CONSENTED;

    /** Most contacts returned for the names of one batch of quotes (the masking's lookup stays bounded). */
    static final int MAX_NAMED_CONTACTS = 5000;

    /** Most bound values in one IN list of ids. */
    private static final int CHUNK = 500;

    /**
     * Most terms in one name lookup: each lookup reads the contact table once, so a page of 50 candidates
     * (thousands of terms) costs one pass, far below PostgreSQL's 32,767 bound values.
     */
    private static final int TERMS_CHUNK = 5000;

    private final DataSource dataSource;

    QuoteQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Consented comments of the scope containing {@code text} (any when blank), newest first. */
    List<QuoteCandidate> candidates(ResponseScope.Where scope, String text, int limit) {
        ResponseScope.Where where = scope.and(QUOTABLE, List.of());
        if (text != null && !text.isBlank()) {
            where = where.and("LOWER(r.comment_text) LIKE ? ESCAPE '\\'",
                    List.of(LikePattern.containsIgnoringCase(text)));
        }
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(Math.max(1, Math.min(limit, 200)));
        List<QuoteCandidate> candidates = new ArrayList<>();
        query("SELECT r.id, r.responded_at, r.score, r.comment_text" + ResponseScope.FROM + where.sql()
                + " ORDER BY r.responded_at DESC, r.id DESC FETCH FIRST ? ROWS ONLY", parameters,
                rs -> candidates.add(candidate(rs)));
        return candidates;
    }

    /**
     * What the database says of each chosen response.
     *
     * @param scope the publication's scope; null when it is incomplete (nothing is then in scope)
     */
    Map<Long, QuoteRules.Source> sources(List<Long> chosen, ResponseScope.Where scope) {
        List<Long> ids = chosen.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<Long> inScope = new HashSet<>();
        if (scope != null) {
            ResponseScope.Where where = scope.and("r.id IN (" + marks(ids) + ")", List.copyOf(ids));
            query("SELECT r.id" + ResponseScope.FROM + where.sql(), where.parameters(), rs -> inScope.add(rs.getLong(1)));
        }
        Map<Long, QuoteRules.Source> sources = new HashMap<>();
        query("SELECT r.id, r.comment_text, r.contact_consent, CASE WHEN " + QUOTE_CONSENTED + " THEN 1 ELSE 0 END"
                + " FROM response r WHERE r.id IN (" + marks(ids) + ")",
                List.copyOf(ids), rs -> sources.put(rs.getLong(1), new QuoteRules.Source(rs.getLong(1), rs.getString(2),
                        rs.getBoolean(3), rs.getInt(4) == 1, inScope.contains(rs.getLong(1)))));
        return sources;
    }

    /** The quoted responses that still have a comment and their author's consent (erasure clears both). */
    Set<Long> stillQuotable(Collection<Long> ids) {
        Set<Long> quotable = new HashSet<>();
        if (!ids.isEmpty()) {
            query("SELECT r.id FROM response r WHERE " + QUOTABLE + " AND r.id IN (" + marks(ids) + ")", List.copyOf(ids),
                    rs -> quotable.add(rs.getLong(1)));
        }
        return quotable;
    }

    /** The chosen responses that can still be quoted, in the chosen order. */
    List<QuoteCandidate> chosen(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, QuoteCandidate> found = new HashMap<>();
        query("SELECT r.id, r.responded_at, r.score, r.comment_text FROM response r WHERE " + QUOTABLE
                + " AND r.id IN (" + marks(ids) + ")", List.copyOf(ids), rs -> found.put(rs.getLong(1), candidate(rs)));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The names of the authors of these responses (erased or anonymous ones have none). */
    Map<Long, QuoteMasker.Person> authors(Collection<Long> responseIds) {
        Map<Long, QuoteMasker.Person> authors = new HashMap<>();
        List<Long> ids = responseIds.stream().filter(Objects::nonNull).distinct().toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            query("SELECT r.id, c.first_name, c.last_name FROM response r JOIN contact c ON c.id = r.contact_id WHERE r.id IN ("
                    + marks(chunk) + ")", List.copyOf(chunk),
                    rs -> authors.put(rs.getLong(1), new QuoteMasker.Person(rs.getString(2), rs.getString(3))));
        }
        return authors;
    }

    /**
     * The contacts whose last name, folded (lower case, no accent, hyphens as spaces), is one of {@code terms}
     * ({@link QuoteMasker#lookupTerms}): a bounded lookup by the quotes' own words, never every contact.
     */
    List<QuoteMasker.Person> contactsNamed(Collection<String> terms) {
        List<String> all = terms.stream().distinct().toList();
        Set<QuoteMasker.Person> found = new java.util.LinkedHashSet<>();
        String folded = "TRANSLATE(LOWER(REPLACE(REPLACE(c.last_name, '-', ' '), '''', ' ')), ?, ?)";
        for (int i = 0; i < all.size() && found.size() < MAX_NAMED_CONTACTS; i += TERMS_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + TERMS_CHUNK));
            List<Object> parameters = new ArrayList<>(List.of(QuoteMasker.FOLD_FROM, QuoteMasker.FOLD_TO));
            parameters.addAll(chunk);
            parameters.add(MAX_NAMED_CONTACTS - found.size());
            query("SELECT DISTINCT c.first_name, c.last_name FROM contact c WHERE c.last_name IS NOT NULL AND " + folded
                    + " IN (" + marks(chunk) + ") FETCH FIRST ? ROWS ONLY", parameters,
                    rs -> found.add(new QuoteMasker.Person(rs.getString(1), rs.getString(2))));
        }
        return List.copyOf(found);
    }

    boolean campaignExists(long id) {
        boolean[] exists = new boolean[1];
        query("SELECT 1 FROM campaign WHERE id = ?", List.of(id), rs -> exists[0] = true);
        return exists[0];
    }

    private static QuoteCandidate candidate(ResultSet rs) throws SQLException {
        return new QuoteCandidate(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                NpsCategory.of(rs.getInt(3)).name(), rs.getString(4), null);
    }

    private static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Quote query failed: " + e.getMessage(), e);
        }
    }
}
