package org.npsloop.reporting.themes.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.text.LikePattern;
import org.npsloop.domain.theme.Keyword;
import org.npsloop.domain.validation.Violations;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.themes.ThemeService;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * Themes in plain SQL shared by H2 and PostgreSQL. Counting is one GROUP BY over the stored assignments
 * joined to the responses the filter selects ({@link ResponseScope}); comments are paged by the database.
 * Every rule edit bumps the rules version in the same transaction, which starts a full re-match.
 */
@ApplicationScoped
@Transactional
public class DefaultThemeService implements ThemeService {

    static final int MAX_LABEL = 100;
    static final int MAX_KEYWORDS = 200;
    /** The assignments that count: rules' and people's, not the ones a person removed. */
    private static final String ASSIGNED = "rt.source IN ('AUTO', 'MANUAL')";
    private static final String CATEGORY_SUMS = NpsCategory.countsSql("r.score");

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private ResponseScope scope;

    private Function<ReportFilter, ResponseScope.Where> where;

    public DefaultThemeService() {
        // for CDI
    }

    /** Outside the container (tests): a data source, a clock and the filter translation of one's own. */
    DefaultThemeService(DataSource dataSource, Clock clock, Function<ReportFilter, ResponseScope.Where> where) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.where = where;
    }

    private ResponseScope.Where where(ReportFilter filter) {
        return where != null ? where.apply(filter) : scope.where(filter);
    }

    @Override
    public List<Theme> themes() {
        try (Connection db = dataSource.getConnection()) {
            return load(db, null);
        } catch (SQLException e) {
            throw failed("Theme list", e);
        }
    }

    @Override
    public Theme theme(long id) {
        try (Connection db = dataSource.getConnection()) {
            return load(db, id).stream().findFirst().orElseThrow(() -> new NotFoundException("notFound.theme", id));
        } catch (SQLException e) {
            throw failed("Theme", e);
        }
    }

    private static List<Theme> load(Connection db, Long id) throws SQLException {
        Map<Long, String[]> labels = new LinkedHashMap<>();
        Map<Long, Object[]> changed = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT id, label_en, label_fr, updated_at, updated_by FROM theme"
                + (id == null ? "" : " WHERE id = ?") + " ORDER BY LOWER(label_en), id")) {
            if (id != null) {
                select.setLong(1, id);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    labels.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    changed.put(rs.getLong(1), new Object[] {rs.getObject(4, OffsetDateTime.class), rs.getString(5)});
                }
            }
        }
        Map<Long, List<String>> en = new HashMap<>();
        Map<Long, List<String>> fr = new HashMap<>();
        // Keywords in the order typed is not kept by the primary key; alphabetical reads well enough.
        try (PreparedStatement select = db.prepareStatement("SELECT theme_id, language, keyword FROM theme_keyword"
                + (id == null ? "" : " WHERE theme_id = ?") + " ORDER BY theme_id, language, keyword")) {
            if (id != null) {
                select.setLong(1, id);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    (("FR".equals(rs.getString(2))) ? fr : en).computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(3));
                }
            }
        }
        List<Theme> themes = new ArrayList<>();
        labels.forEach((themeId, label) -> themes.add(new Theme(themeId, label[0], label[1], en.getOrDefault(themeId, List.of()),
                fr.getOrDefault(themeId, List.of()), ((OffsetDateTime) changed.get(themeId)[0]).toInstant(),
                (String) changed.get(themeId)[1])));
        return themes;
    }

    @Override
    public Theme create(ThemeDraft draft, String by) {
        try (Connection db = dataSource.getConnection()) {
            ThemeDraft valid = validate(db, draft, null);
            long id = nextId(db);
            execute(db, "INSERT INTO theme (id, label_en, label_fr, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, 1)",
                    id, valid.labelEn(), valid.labelFr(), clock.instant(), by);
            insertKeywords(db, id, valid);
            new ThemeMatchingStore(db).rulesChanged();
            return load(db, id).get(0);
        } catch (SQLException e) {
            throw failed("Theme creation", e);
        }
    }

    @Override
    public Theme update(long id, ThemeDraft draft, String by) {
        try (Connection db = dataSource.getConnection()) {
            if (load(db, id).isEmpty()) {
                throw new NotFoundException("notFound.theme", id);
            }
            ThemeDraft valid = validate(db, draft, id);
            execute(db, "UPDATE theme SET label_en = ?, label_fr = ?, updated_at = ?, updated_by = ?, version = version + 1 "
                    + "WHERE id = ?", valid.labelEn(), valid.labelFr(), clock.instant(), by, id);
            execute(db, "DELETE FROM theme_keyword WHERE theme_id = ?", id);
            insertKeywords(db, id, valid);
            new ThemeMatchingStore(db).rulesChanged();
            return load(db, id).get(0);
        } catch (SQLException e) {
            throw failed("Theme update", e);
        }
    }

    @Override
    public void delete(long id) {
        try (Connection db = dataSource.getConnection()) {
            // The assignments and keywords go with it (ON DELETE CASCADE).
            if (execute(db, "DELETE FROM theme WHERE id = ?", id) == 0) {
                throw new NotFoundException("notFound.theme", id);
            }
            new ThemeMatchingStore(db).rulesChanged();
        } catch (SQLException e) {
            throw failed("Theme deletion", e);
        }
    }

    /** Labels stripped and required, unique ignoring case; keywords parsed, without duplicates. */
    private static ThemeDraft validate(Connection db, ThemeDraft draft, Long id) throws SQLException {
        Violations violations = new Violations();
        String en = label(violations, "labelEn", draft.labelEn());
        String fr = label(violations, "labelFr", draft.labelFr());
        try (PreparedStatement select = db.prepareStatement("SELECT LOWER(label_en), LOWER(label_fr) FROM theme WHERE id <> ?")) {
            select.setLong(1, id == null ? -1 : id);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (en != null && en.toLowerCase(Locale.ROOT).equals(rs.getString(1))) {
                        violations.add("labelEn", "theme.label.taken", en);
                        en = null;
                    }
                    if (fr != null && fr.toLowerCase(Locale.ROOT).equals(rs.getString(2))) {
                        violations.add("labelFr", "theme.label.taken", fr);
                        fr = null;
                    }
                }
            }
        }
        List<String> keywordsEn = keywords(violations, "keywordsEn", draft.keywordsEn());
        List<String> keywordsFr = keywords(violations, "keywordsFr", draft.keywordsFr());
        violations.throwIfAny();
        return new ThemeDraft(en, fr, keywordsEn, keywordsFr);
    }

    private static String label(Violations violations, String field, String value) {
        String label = value == null ? "" : value.strip();
        if (label.isEmpty()) {
            violations.add(field, "theme.label.required");
            return null;
        }
        if (label.length() > MAX_LABEL) {
            violations.add(field, "text.tooLong", MAX_LABEL);
            return null;
        }
        return label;
    }

    private static List<String> keywords(Violations violations, String field, List<String> typed) {
        List<String> kept = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        if (typed.size() > MAX_KEYWORDS) {
            violations.add(field, "theme.keywords.tooMany", MAX_KEYWORDS);
            return kept;
        }
        for (String text : typed) {
            try {
                Keyword keyword = Keyword.parse(text);
                if (!keys.add(keyword.key())) {
                    violations.add(field, "theme.keyword.twice", keyword.text());
                } else {
                    kept.add(keyword.text());
                }
            } catch (IllegalArgumentException e) {
                violations.add(field, text.isBlank() ? InvalidValueException.reasonOf(e) : Message.of("rule.at", InvalidValueException.reasonOf(e), text.strip()));
            }
        }
        return kept;
    }

    private static void insertKeywords(Connection db, long id, ThemeDraft draft) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO theme_keyword (theme_id, language, keyword) VALUES (?, ?, ?)")) {
            for (String[] language : new String[][] {{"EN"}, {"FR"}}) {
                for (String keyword : "EN".equals(language[0]) ? draft.keywordsEn() : draft.keywordsFr()) {
                    insert.setLong(1, id);
                    insert.setString(2, language[0]);
                    insert.setString(3, keyword);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @Override
    public ThemeCounts counts(ReportFilter filter) {
        ResponseScope.Where scoped = where(filter).and("r.comment_text IS NOT NULL", List.of());
        String byTheme = "SELECT rt.theme_id, " + CATEGORY_SUMS + ResponseScope.FROM
                + " JOIN response_theme rt ON rt.response_id = r.id AND " + ASSIGNED + scoped.sql() + " GROUP BY rt.theme_id";
        try (Connection db = dataSource.getConnection()) {
            Map<Long, long[]> counted = new HashMap<>();
            try (PreparedStatement select = prepare(db, byTheme, scoped.parameters()); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counted.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
            long[] commented;
            try (PreparedStatement select = prepare(db, "SELECT " + CATEGORY_SUMS + ResponseScope.FROM + scoped.sql(),
                    scoped.parameters()); ResultSet rs = select.executeQuery()) {
                rs.next();
                commented = new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
            List<ThemeCount> themes = new ArrayList<>();
            for (Theme theme : load(db, null)) {
                long[] c = counted.getOrDefault(theme.id(), new long[3]);
                themes.add(new ThemeCount(theme.id(), theme.labelEn(), theme.labelFr(), c[0], c[1], c[2]));
            }
            themes.sort(Comparator.comparingLong(ThemeCount::total).reversed()
                    .thenComparing(Comparator.comparingLong(ThemeCount::detractors).reversed())
                    .thenComparing(t -> t.labelEn().toLowerCase(Locale.ROOT)));
            return new ThemeCounts(themes, commented[0], commented[1], commented[2]);
        } catch (SQLException e) {
            throw failed("Theme counts", e);
        }
    }

    @Override
    public CommentPage comments(CommentQuery query) {
        ResponseScope.Where scoped = where(query.filter()).and("r.comment_text IS NOT NULL", List.of());
        if (query.category() != null) {
            scoped = scoped.and(query.category().sqlCondition("r.score"), List.of());
        }
        if (query.themeId() != null) {
            scoped = scoped.and("EXISTS (SELECT 1 FROM response_theme rt WHERE rt.response_id = r.id AND rt.theme_id = ? AND "
                    + ASSIGNED + ")", List.of(query.themeId()));
        }
        if (query.text() != null) {
            scoped = scoped.and("LOWER(r.comment_text) LIKE ? ESCAPE '\\'",
                    List.of(LikePattern.containsIgnoringCase(query.text())));
        }
        List<Object> pageParameters = new ArrayList<>(scoped.parameters());
        pageParameters.add(query.first());
        pageParameters.add(query.size());
        String rowsSql = "SELECT r.id, r.responded_at, r.score, r.comment_text, r.contact_consent, k.name" + ResponseScope.FROM
                + scoped.sql() + " ORDER BY r.responded_at DESC, r.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (Connection db = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(db, "SELECT COUNT(*)" + ResponseScope.FROM + scoped.sql(), scoped.parameters());
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement page = prepare(db, rowsSql, pageParameters); ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6)});
                }
            }
            Map<Long, List<AssignedTheme>> themes = assigned(db, rows.stream().map(row -> (Long) row[0]).toList());
            List<Comment> comments = new ArrayList<>();
            for (Object[] row : rows) {
                int score = (Integer) row[2];
                comments.add(new Comment((Long) row[0], (Instant) row[1], score, NpsCategory.of(score), (String) row[3],
                        (Boolean) row[4], (String) row[5], themes.getOrDefault((Long) row[0], List.of())));
            }
            return new CommentPage(comments, total);
        } catch (SQLException e) {
            throw failed("Comment search", e);
        }
    }

    private static Map<Long, List<AssignedTheme>> assigned(Connection db, List<Long> responseIds) throws SQLException {
        Map<Long, List<AssignedTheme>> themes = new HashMap<>();
        if (responseIds.isEmpty()) {
            return themes;
        }
        try (PreparedStatement select = prepare(db, "SELECT rt.response_id, t.id, t.label_en, t.label_fr, rt.source "
                + "FROM response_theme rt JOIN theme t ON t.id = rt.theme_id WHERE " + ASSIGNED + " AND rt.response_id IN ("
                + SqlDialect.placeholders(responseIds.size()) + ") ORDER BY LOWER(t.label_en), t.id", responseIds);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                themes.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(new AssignedTheme(rs.getLong(2), rs.getString(3), rs.getString(4), "MANUAL".equals(rs.getString(5))));
            }
        }
        return themes;
    }

    @Override
    public void tag(long responseId, long themeId, String by) {
        assign(responseId, themeId, "MANUAL", by);
    }

    @Override
    public void untag(long responseId, long themeId, String by) {
        assign(responseId, themeId, "REMOVED", by);
    }

    private void assign(long responseId, long themeId, String source, String by) {
        try (Connection db = dataSource.getConnection()) {
            requireExists(db, "response", responseId, "notFound.response");
            requireExists(db, "theme", themeId, "notFound.theme");
            Instant now = clock.instant();
            if (execute(db, "UPDATE response_theme SET source = ?, assigned_at = ?, assigned_by = ? WHERE response_id = ? "
                    + "AND theme_id = ?", source, now, by, responseId, themeId) == 0) {
                execute(db, "INSERT INTO response_theme (response_id, theme_id, source, assigned_at, assigned_by) "
                        + "VALUES (?, ?, ?, ?, ?)", responseId, themeId, source, now, by);
            }
        } catch (SQLException e) {
            throw failed("Theme assignment", e);
        }
    }

    @Override
    public Matching matching() {
        try (Connection db = dataSource.getConnection()) {
            ThemeMatchingStore.State state = new ThemeMatchingStore(db).state();
            return new Matching(state.rematchPending(), state.rematchVersion() == state.rulesVersion() ? state.rematchDone() : 0,
                    state.rematchVersion() == state.rulesVersion() ? state.rematchTotal() : 0);
        } catch (SQLException e) {
            throw failed("Theme matching status", e);
        }
    }

    private static void requireExists(Connection db, String table, long id, String key) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(key, id);
                }
            }
        }
    }

    /** A fresh theme id: the first of a block of 50, as the sequence is allocated everywhere. */
    private static long nextId(Connection db) throws SQLException {
        return SqlDialect.of(db).allocateIds(db, "theme_seq", 1).pop();
    }

    private static int execute(Connection db, String sql, Object... parameters) throws SQLException {
        return Jdbc.update(db, sql, parameters);
    }

    private static PreparedStatement prepare(Connection db, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        Jdbc.bind(statement, parameters);
        return statement;
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}
