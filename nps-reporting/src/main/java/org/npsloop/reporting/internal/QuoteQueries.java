package org.npsloop.reporting.internal;

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
import org.npsloop.domain.publication.QuoteRules;
import org.npsloop.domain.text.LikePattern;
import org.npsloop.reporting.PublicationService.QuoteCandidate;

/**
 * The SQL behind quotes, on H2 and PostgreSQL: consented comments of a scope, what the database says of
 * chosen responses (comment, consent, in scope), and which quoted ones can still be shown. Every value is
 * a bound parameter.
 */
final class QuoteQueries {

    private final DataSource dataSource;

    QuoteQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Consented comments of the scope containing {@code text} (any when blank), newest first. */
    List<QuoteCandidate> candidates(ResponseScope.Where scope, String text, int limit) {
        ResponseScope.Where where = scope.and("r.contact_consent = TRUE AND r.comment_text IS NOT NULL", List.of());
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
        query("SELECT r.id, r.comment_text, r.contact_consent FROM response r WHERE r.id IN (" + marks(ids) + ")",
                List.copyOf(ids), rs -> sources.put(rs.getLong(1),
                        new QuoteRules.Source(rs.getLong(1), rs.getString(2), rs.getBoolean(3), inScope.contains(rs.getLong(1)))));
        return sources;
    }

    /** The quoted responses that still have a comment and their author's consent (erasure clears both). */
    Set<Long> stillQuotable(Collection<Long> ids) {
        Set<Long> quotable = new HashSet<>();
        if (!ids.isEmpty()) {
            query("SELECT r.id FROM response r WHERE r.contact_consent = TRUE AND r.comment_text IS NOT NULL AND r.id IN ("
                    + marks(ids) + ")", List.copyOf(ids), rs -> quotable.add(rs.getLong(1)));
        }
        return quotable;
    }

    /** The chosen responses that can still be quoted, in the chosen order. */
    List<QuoteCandidate> chosen(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, QuoteCandidate> found = new HashMap<>();
        query("SELECT r.id, r.responded_at, r.score, r.comment_text FROM response r WHERE r.contact_consent = TRUE"
                + " AND r.comment_text IS NOT NULL AND r.id IN (" + marks(ids) + ")", List.copyOf(ids),
                rs -> found.put(rs.getLong(1), candidate(rs)));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    boolean campaignExists(long id) {
        boolean[] exists = new boolean[1];
        query("SELECT 1 FROM campaign WHERE id = ?", List.of(id), rs -> exists[0] = true);
        return exists[0];
    }

    private static QuoteCandidate candidate(ResultSet rs) throws SQLException {
        return new QuoteCandidate(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                NpsCategory.of(rs.getInt(3)).name(), rs.getString(4));
    }

    private static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
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
