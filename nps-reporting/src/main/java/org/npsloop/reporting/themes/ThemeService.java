package org.npsloop.reporting.themes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.reporting.ReportFilter;

/**
 * Comment themes: keyword rules in FR and EN that a background matching applies to every comment, manual
 * tags a person adds or removes, theme counts split by NPS category, and the comments themselves.
 *
 * <p>Counts and comments select responses with a {@link ReportFilter} exactly like the dashboard, and
 * only responses with a comment. A response mentions a theme when the rules assign it (AUTO) or a person
 * added it (MANUAL), unless a person removed it from that response: a removal outlives every re-match.
 * Assignments are kept current in the background (new and changed responses within seconds; every
 * response again after the rules change, see {@link #matching()}), so counts may lag a rule change.
 */
public interface ThemeService {

    /** Every theme with its keywords, by English label. */
    List<Theme> themes();

    /** @throws java.util.NoSuchElementException for an unknown id */
    Theme theme(long id);

    /**
     * @param by who made the change (kept on the theme)
     * @throws org.npsloop.domain.validation.InvalidInputException naming each bad field: {@code labelEn},
     *         {@code labelFr} (empty, too long, or already another theme's), {@code keywordsEn}, {@code keywordsFr}
     *         (an empty or too long keyword, or a duplicate ignoring case and accents)
     */
    Theme create(ThemeDraft draft, String by);

    /** As {@link #create}; @throws java.util.NoSuchElementException for an unknown id */
    Theme update(long id, ThemeDraft draft, String by);

    /** Deletes the theme and every assignment of it; @throws java.util.NoSuchElementException for an unknown id */
    void delete(long id);

    /**
     * Per theme, how many promoters, passives and detractors in the filter mention it, most mentioned
     * first (ties: most detractors first), every theme listed even at zero; and how many commented
     * responses of each category the filter holds, so each count can be read as a share.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException for an unknown segment or attribute
     */
    ThemeCounts counts(ReportFilter filter);

    /**
     * The themes the responses of one category mention most, for reports and the public synthesis.
     *
     * @param limit at most this many, themes nobody mentioned left out
     */
    default List<ThemeCount> top(ReportFilter filter, NpsCategory category, int limit) {
        List<ThemeCount> mentioned = new ArrayList<>(counts(filter).themes().stream().filter(c -> c.count(category) > 0).toList());
        mentioned.sort((a, b) -> Long.compare(b.count(category), a.count(category)));
        return mentioned.subList(0, Math.min(Math.max(0, limit), mentioned.size()));
    }

    /** One page of commented responses, newest first, each with its themes; the page is cut by the database. */
    CommentPage comments(CommentQuery query);

    /**
     * A person puts the theme on the response (MANUAL), whatever the rules say.
     *
     * @throws java.util.NoSuchElementException for an unknown response or theme
     */
    void tag(long responseId, long themeId, String by);

    /**
     * A person takes the theme off the response; the rules never put it back on that response.
     *
     * @throws java.util.NoSuchElementException for an unknown response or theme
     */
    void untag(long responseId, long themeId, String by);

    /** How far the background matching is after the last rule change. */
    Matching matching();

    /** A theme as stored; keywords as typed, in the order given. */
    record Theme(long id, String labelEn, String labelFr, List<String> keywordsEn, List<String> keywordsFr, Instant updatedAt,
            String updatedBy) {

        public Theme {
            keywordsEn = List.copyOf(keywordsEn);
            keywordsFr = List.copyOf(keywordsFr);
        }

        public String label(Language language) {
            return language == Language.FR ? labelFr : labelEn;
        }
    }

    /** What a person submits; keywords may be null (none). */
    record ThemeDraft(String labelEn, String labelFr, List<String> keywordsEn, List<String> keywordsFr) {

        public ThemeDraft {
            keywordsEn = keywordsEn == null ? List.of() : List.copyOf(keywordsEn.stream().map(k -> k == null ? "" : k).toList());
            keywordsFr = keywordsFr == null ? List.of() : List.copyOf(keywordsFr.stream().map(k -> k == null ? "" : k).toList());
        }
    }

    /** How many responses of each category in a filter mention a theme. */
    record ThemeCount(long themeId, String labelEn, String labelFr, long promoters, long passives, long detractors) {

        public long total() {
            return promoters + passives + detractors;
        }

        public long count(NpsCategory category) {
            return switch (category) {
                case PROMOTER -> promoters;
                case PASSIVE -> passives;
                case DETRACTOR -> detractors;
            };
        }

        public String label(Language language) {
            return language == Language.FR ? labelFr : labelEn;
        }
    }

    /**
     * Theme counts, and the commented responses of the filter per category (a response may mention
     * several themes or none, so the theme counts do not add up to these).
     */
    record ThemeCounts(List<ThemeCount> themes, long commentedPromoters, long commentedPassives, long commentedDetractors) {

        public ThemeCounts {
            themes = List.copyOf(themes);
        }

        public long commented() {
            return commentedPromoters + commentedPassives + commentedDetractors;
        }
    }

    /**
     * Which comments to list: the report filter, and optionally a category, a theme and a text searched
     * in the comment (ignoring case).
     */
    record CommentQuery(ReportFilter filter, NpsCategory category, Long themeId, String text, int first, int size) {

        public static final int MAX_PAGE = 500;

        public CommentQuery {
            filter = filter == null ? ReportFilter.everything() : filter;
            text = text == null || text.isBlank() ? null : text.strip();
            first = Math.max(0, first);
            size = size <= 0 || size > MAX_PAGE ? 50 : size;
        }
    }

    /** A theme on a comment; {@code manual} when a person added it. */
    record AssignedTheme(long themeId, String labelEn, String labelFr, boolean manual) implements java.io.Serializable {

        public String label(Language language) {
            return language == Language.FR ? labelFr : labelEn;
        }
    }

    /** A commented response: no contact details, only whether its author agreed to be contacted. */
    record Comment(long responseId, Instant respondedAt, int score, NpsCategory category, String comment,
            boolean contactConsent, String campaignName, List<AssignedTheme> themes) implements java.io.Serializable {

        public Comment {
            themes = List.copyOf(themes);
        }
    }

    record CommentPage(List<Comment> comments, long total) {

        public CommentPage {
            comments = List.copyOf(comments);
        }
    }

    /**
     * The background matching after the last rule change: {@code done} of {@code total} responses matched
     * again while {@code running}.
     */
    record Matching(boolean running, long done, long total) {

        public int percent() {
            return total <= 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }
    }
}
