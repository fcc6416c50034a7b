package org.npsloop.reporting.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.publication.Publication;
import org.npsloop.domain.publication.PublicationContent;
import org.npsloop.domain.publication.PublicationStatus;
import org.npsloop.domain.publication.PublicationVersion;
import org.npsloop.domain.publication.PublicSlug;
import org.npsloop.domain.publication.QuoteRules;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.segment.SegmentSqlTranslator;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.Dashboard;
import org.npsloop.reporting.PublicationService;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.ReportSections;
import org.npsloop.reporting.ReportService;

/**
 * Publications in JPA; the figures come from {@link ReportService} and {@link ReportSections} over the
 * publication's scope, the quotes' consent and text straight from the response table at each save,
 * publish and public view.
 */
@ApplicationScoped
@Transactional
public class DefaultPublicationService implements PublicationService {

    /** Themes shown on a public page. */
    static final int THEMES = 5;

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private ReportService reports;

    @Inject
    private ReportSections sections;

    @Inject
    private ResponseScope scope;

    @Inject
    private Clock clock;

    @Override
    public List<Detail> list() {
        return em.createNamedQuery("Publication.all", Publication.class).getResultList().stream()
                .map(DefaultPublicationService::detail).toList();
    }

    @Override
    public Detail get(long id) {
        return detail(existing(id));
    }

    @Override
    public Detail create(Publication.Draft draft, String actor) {
        check(draft);
        Publication publication = new Publication(draft, actor, clock.instant());
        em.persist(publication);
        em.flush();
        return detail(publication);
    }

    @Override
    public Detail update(long id, Publication.Draft draft, String actor) {
        Publication publication = existing(id);
        check(draft);
        publication.edit(draft, actor, clock.instant());
        em.flush();
        return detail(publication);
    }

    @Override
    public void delete(long id) {
        Publication publication = existing(id);
        if (!publication.isDeletable()) {
            throw new IllegalStateException("Publication " + id + " was published: revoke it instead, its history stays");
        }
        em.remove(publication);
    }

    @Override
    public Detail publish(long id, String actor) {
        Publication publication = existing(id);
        Map<Long, QuoteRules.Source> sources = sources(publication.toDraft());
        // Authors who withdrew their consent or were erased since the quote was chosen: left out, and off the draft.
        Set<Long> gone = publication.getQuoteIds().stream()
                .filter(q -> sources.get(q) == null || !sources.get(q).quotable()).collect(Collectors.toSet());
        publication.dropQuotes(gone);
        PublicationContent content = snapshot(publication, sources);
        em.persist(publication.publish(content, actor, clock.instant()));
        em.flush();
        return detail(publication);
    }

    @Override
    public Detail revoke(long id, String actor) {
        Publication publication = existing(id);
        em.persist(publication.revoke(actor, clock.instant()));
        em.flush();
        return detail(publication);
    }

    @Override
    public List<VersionRow> versions(long id) {
        existing(id);
        return em.createNamedQuery("PublicationVersion.of", PublicationVersion.class).setParameter("publication", id)
                .getResultList().stream()
                .map(v -> new VersionRow(v.getNumber(), v.getAction(), v.getActor(), v.getActedAt(), v.getTitle())).toList();
    }

    @Override
    public PublicationContent preview(long id) {
        Publication publication = existing(id);
        Map<Long, QuoteRules.Source> sources = sources(publication.toDraft());
        return snapshot(publication, sources);
    }

    @Override
    public List<QuoteCandidate> quoteCandidates(Publication.Draft draft, String text, int limit) {
        ResponseScope.Where where = scope.where(filter(draft)).and("r.contact_consent = TRUE AND r.comment_text IS NOT NULL",
                List.of());
        if (text != null && !text.isBlank()) {
            where = where.and("LOWER(r.comment_text) LIKE ? ESCAPE '\\'",
                    List.of("%" + SegmentSqlTranslator.escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%"));
        }
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(Math.max(1, Math.min(limit, 200)));
        String sql = "SELECT r.id, r.responded_at, r.score, r.comment_text" + ResponseScope.FROM + where.sql()
                + " ORDER BY r.responded_at DESC, r.id DESC FETCH FIRST ? ROWS ONLY";
        List<QuoteCandidate> candidates = new ArrayList<>();
        query(sql, parameters, rs -> candidates.add(new QuoteCandidate(rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(), NpsCategory.of(rs.getInt(3)).name(), rs.getString(4))));
        return candidates;
    }

    @Override
    public List<QuoteCandidate> chosenQuotes(long id) {
        List<Long> ids = existing(id).getQuoteIds();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, QuoteCandidate> found = new HashMap<>();
        query("SELECT r.id, r.responded_at, r.score, r.comment_text FROM response r WHERE r.contact_consent = TRUE"
                + " AND r.comment_text IS NOT NULL AND r.id IN (" + marks(ids) + ")", List.copyOf(ids),
                rs -> found.put(rs.getLong(1), new QuoteCandidate(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        NpsCategory.of(rs.getInt(3)).name(), rs.getString(4))));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Optional<PublicPage> publicPage(String slug) {
        if (!PublicSlug.isWellFormed(slug)) {
            return Optional.empty();
        }
        Optional<Publication> found = em.createNamedQuery("Publication.bySlug", Publication.class).setParameter("slug", slug)
                .getResultStream().findFirst();
        if (found.isEmpty() || found.get().getStatus() == PublicationStatus.DRAFT) {
            return Optional.empty();
        }
        Publication publication = found.get();
        if (publication.getStatus() == PublicationStatus.REVOKED) {
            return Optional.of(new PublicPage(PublicationStatus.REVOKED, Optional.empty(), null));
        }
        PublicationContent content = em.createNamedQuery("PublicationVersion.number", PublicationVersion.class)
                .setParameter("publication", publication.getId()).setParameter("number", publication.getPublishedVersion())
                .getSingleResult().content().orElseThrow();
        // A quoted author erased or who withdrew consent since: their words leave the page at once.
        Set<Long> quoted = content.quotes().stream().map(PublicationContent.Quote::responseId).collect(Collectors.toSet());
        Set<Long> stillQuotable = stillQuotable(quoted);
        quoted.removeAll(stillQuotable);
        return Optional.of(new PublicPage(PublicationStatus.PUBLISHED, Optional.of(content.withoutQuotes(quoted)),
                publication.getPublishedAt()));
    }

    @Override
    public List<IndexEntry> publicIndex() {
        return em.createQuery("SELECT v FROM PublicationVersion v JOIN v.publication p"
                + " WHERE p.status = org.npsloop.domain.publication.PublicationStatus.PUBLISHED AND v.number = p.publishedVersion"
                + " ORDER BY v.actedAt DESC, v.id DESC", PublicationVersion.class).getResultList().stream()
                .map(v -> {
                    PublicationContent c = v.content().orElseThrow();
                    return new IndexEntry(v.getPublication().getSlug(), c.title(), c.language(), c.from(), c.to(), v.getActedAt());
                }).toList();
    }

    private PublicationContent snapshot(Publication publication, Map<Long, QuoteRules.Source> sources) {
        ReportFilter filter = filter(publication.toDraft());
        Dashboard dashboard = reports.dashboard(filter, publication.getGranularity());
        List<PublicationContent.TrendPoint> trend = dashboard.trend().stream()
                .map(p -> PublicationContent.TrendPoint.of(p.start(), p.end(), p.nps())).toList();
        List<PublicationContent.Theme> themes = sections.topThemes(filter, publication.getLanguage(), THEMES).stream()
                .map(t -> new PublicationContent.Theme(t.label(), t.total())).toList();
        List<PublicationContent.Quote> quotes = publication.getQuoteIds().stream()
                .filter(id -> sources.get(id) != null && sources.get(id).quotable())
                .map(id -> new PublicationContent.Quote(id, sources.get(id).comment())).toList();
        try {
            return PublicationContent.snapshot(publication, dashboard.nps(), trend, themes, quotes);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("period", e.getMessage());
        }
    }

    private void check(Publication.Draft draft) {
        Violations violations = new Violations();
        draft.check(violations);
        if (draft.campaignId() != null && count("SELECT COUNT(*) FROM campaign WHERE id = ?", List.of(draft.campaignId())) == 0) {
            violations.add("campaignId", "No campaign " + draft.campaignId());
        }
        violations.throwIfAny();
        QuoteRules.check(draft.quoteIds(), sources(draft), violations);
        violations.throwIfAny();
    }

    /** The filter of a publication's scope: its period, campaign and journey moment; suspected bots left out. */
    static ReportFilter filter(Publication.Draft draft) {
        return new ReportFilter(draft.from(), draft.to(), draft.campaignId(), draft.journeyMoment(), null, null, null, null,
                null, false);
    }

    /** What the database says of each chosen response: its comment, consent and whether it is in the scope. */
    private Map<Long, QuoteRules.Source> sources(Publication.Draft draft) {
        List<Long> ids = draft.quoteIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<Long> inScope = new HashSet<>();
        if (draft.from() != null && draft.to() != null) {
            ResponseScope.Where where = scope.where(filter(draft)).and("r.id IN (" + marks(ids) + ")", List.copyOf(ids));
            query("SELECT r.id" + ResponseScope.FROM + where.sql(), where.parameters(), rs -> inScope.add(rs.getLong(1)));
        }
        Map<Long, QuoteRules.Source> sources = new HashMap<>();
        query("SELECT r.id, r.comment_text, r.contact_consent FROM response r WHERE r.id IN (" + marks(ids) + ")",
                List.copyOf(ids), rs -> sources.put(rs.getLong(1),
                        new QuoteRules.Source(rs.getLong(1), rs.getString(2), rs.getBoolean(3), inScope.contains(rs.getLong(1)))));
        return sources;
    }

    private Set<Long> stillQuotable(Collection<Long> ids) {
        Set<Long> quotable = new HashSet<>();
        if (!ids.isEmpty()) {
            query("SELECT r.id FROM response r WHERE r.contact_consent = TRUE AND r.comment_text IS NOT NULL AND r.id IN ("
                    + marks(ids) + ")", List.copyOf(ids), rs -> quotable.add(rs.getLong(1)));
        }
        return quotable;
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
            throw new IllegalStateException("Publication query failed: " + e.getMessage(), e);
        }
    }

    private long count(String sql, List<Object> parameters) {
        long[] count = new long[1];
        query(sql, parameters, rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    private Publication existing(long id) {
        Publication publication = em.find(Publication.class, id);
        if (publication == null) {
            throw new NoSuchElementException("No publication " + id);
        }
        return publication;
    }

    private static Detail detail(Publication p) {
        return new Detail(p.getId(), p.getSlug(), p.getTitle(), p.getLanguage(), p.getPeriodFrom(), p.getPeriodTo(),
                p.getCampaignId(), p.getJourneyMoment(), p.getGranularity(), p.getWhatYouToldUs(), p.getWhatWeAreDoing(),
                p.getQuoteIds(), p.getStatus(), p.getPublishedVersion(), p.getPublishedAt(), p.getCreatedAt(),
                p.getCreatedBy(), p.getUpdatedAt(), p.getUpdatedBy(), p.isDeletable());
    }
}
