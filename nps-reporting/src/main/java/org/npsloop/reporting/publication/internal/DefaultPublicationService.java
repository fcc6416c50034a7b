package org.npsloop.reporting.publication.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.publication.DefaultPeriod;
import org.npsloop.domain.publication.PublicBrand;
import org.npsloop.domain.publication.Publication;
import org.npsloop.domain.publication.PublicationDraft;
import org.npsloop.domain.publication.QuoteWording;
import org.npsloop.domain.publication.PublicationContent;
import org.npsloop.domain.publication.PublicationStatus;
import org.npsloop.domain.publication.PublicationVersion;
import org.npsloop.domain.publication.PublicSlug;
import org.npsloop.domain.publication.QuoteMasker;
import org.npsloop.domain.publication.QuoteRules;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.drilldown.DrillDownService;
import org.npsloop.reporting.publication.PublicationService;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.report.ReportSections;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * Publications in JPA; the figures come from {@link ReportService}, {@link ReportSections} and (touchpoint ratings,
 * when chosen) {@link DrillDownService} over the
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
    private DrillDownService drillDown;

    @Inject
    private Clock clock;

    /** The brand name of publications when none is set on the Settings page; none by default. */
    @Inject
    @ConfigProperty(name = "nps.publication.brand-name")
    private Optional<String> configuredBrandName;

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
    public Detail create(PublicationDraft draft, String actor) {
        check(draft);
        Publication publication = new Publication(maskWordings(draft), actor, clock.instant());
        em.persist(publication);
        em.flush();
        return detail(publication);
    }

    @Override
    public Detail update(long id, PublicationDraft draft, String actor) {
        Publication publication = existing(id);
        check(draft);
        publication.edit(maskWordings(draft), actor, clock.instant());
        em.flush();
        return detail(publication);
    }

    @Override
    public void checkPublishable(PublicationDraft draft) {
        check(draft);
        long answers = reports.dashboard(filter(draft), draft.granularity() == null ? TrendGranularity.MONTH : draft.granularity())
                .nps().responses();
        if (answers < PublicationContent.MIN_RESPONSES) {
            throw new InvalidInputException("period", "publication.tooFewAnswers", answers, PublicationContent.MIN_RESPONSES);
        }
    }

    @Override
    public DefaultPeriod defaultPeriod() {
        return DefaultPeriod.of(settings().lastAnswerDay(scope.zone()), clock.instant().atZone(scope.zone()).toLocalDate());
    }

    @Override
    public PublicBrand brand() {
        return settings().brand().orName(configuredBrandName.orElse(null));
    }

    @Override
    public PublicBrand saveBrand(String name, String colour, String logoUrl, String actor) {
        settings().saveBrand(PublicBrand.of(name, colour, logoUrl), actor, clock.instant());
        return brand();
    }

    @Override
    public PublicBrand brandOf(long id) {
        return brandOf(existing(id));
    }

    /** A campaign's publication speaks for its survey's brand; any other for the organisation's. */
    private PublicBrand brandOf(Publication publication) {
        return Optional.ofNullable(publication.getCampaignId()).flatMap(settings()::surveyBrand).orElseGet(this::brand);
    }

    private PublicationSettings settings() {
        return new PublicationSettings(dataSource);
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
    public List<QuoteCandidate> quoteCandidates(PublicationDraft draft, String text, int limit) {
        return masked(quotes().candidates(scope.where(filter(draft)), text, limit), PublicationDraft::wordingOf, draft);
    }

    @Override
    public List<QuoteCandidate> chosenQuotes(long id) {
        Publication publication = existing(id);
        return masked(quotes().chosen(publication.getQuoteIds()), PublicationDraft::wordingOf, publication.toDraft());
    }

    /** The candidates with their comment and wording masked as they would be published. */
    private List<QuoteCandidate> masked(List<QuoteCandidate> candidates,
            java.util.function.BiFunction<PublicationDraft, Long, String> wording, PublicationDraft draft) {
        List<Long> ids = new java.util.ArrayList<>();
        List<String> texts = new java.util.ArrayList<>();
        for (QuoteCandidate c : candidates) {
            ids.add(c.responseId());
            texts.add(c.comment());
            ids.add(c.responseId());
            texts.add(wording.apply(draft, c.responseId()));
        }
        List<String> masked = mask(ids, texts, true);
        List<QuoteCandidate> result = new java.util.ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            result.add(candidates.get(i).masked(masked.get(2 * i), masked.get(2 * i + 1)));
        }
        return result;
    }

    /** The draft with its edited wordings masked: what is stored can never re-introduce an email, a phone or a name. */
    private PublicationDraft maskWordings(PublicationDraft draft) {
        List<Long> ids = draft.quoteWordings().stream().map(QuoteWording::responseId).toList();
        List<String> masked = mask(ids, draft.quoteWordings().stream().map(QuoteWording::wording).toList(), true);
        List<QuoteWording> wordings = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            wordings.add(new QuoteWording(ids.get(i), masked.get(i)));
        }
        return draft.withWordings(wordings);
    }

    /**
     * Masks each text (quoted from response {@code ids[i]}) with {@link QuoteMasker}: emails, phones, URLs and its
     * author's name, and, with {@code contacts}, the names of the contacts it contains (looked up by its words).
     */
    private List<String> mask(List<Long> ids, List<String> texts, boolean contacts) {
        if (texts.stream().allMatch(java.util.Objects::isNull)) {
            return texts;
        }
        QuoteQueries queries = quotes();
        Map<Long, QuoteMasker.Person> authors = queries.authors(ids);
        List<QuoteMasker.Person> named = List.of();
        if (contacts) {
            Set<String> terms = new java.util.LinkedHashSet<>();
            texts.stream().filter(java.util.Objects::nonNull).forEach(t -> terms.addAll(QuoteMasker.lookupTerms(t)));
            named = queries.contactsNamed(terms);
        }
        List<String> masked = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            masked.add(QuoteMasker.mask(texts.get(i), authors.get(ids.get(i)), named));
        }
        return masked;
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
            return Optional.of(new PublicPage(PublicationStatus.REVOKED, Optional.empty(), null, brandOf(publication)));
        }
        PublicationContent content = em.createNamedQuery("PublicationVersion.number", PublicationVersion.class)
                .setParameter("publication", publication.getId()).setParameter("number", publication.getPublishedVersion())
                .getSingleResult().content().orElseThrow();
        // A quoted author erased or who withdrew consent since: their words leave the page at once.
        Set<Long> quoted = content.quotes().stream().map(PublicationContent.Quote::responseId).collect(Collectors.toSet());
        Set<Long> stillQuotable = quotes().stillQuotable(quoted);
        quoted.removeAll(stillQuotable);
        PublicationContent shown = content.withoutQuotes(quoted);
        // Masked when published; masked again at each view (patterns and the author's name, cheap lookups by id),
        // so that a snapshot frozen before masking existed shows no email, phone, URL or author's name either.
        List<Long> ids = shown.quotes().stream().map(PublicationContent.Quote::responseId).toList();
        List<String> masked = mask(ids, shown.quotes().stream().map(PublicationContent.Quote::text).toList(), false);
        shown = shown.withQuoteTexts(q -> masked.get(ids.indexOf(q.responseId())));
        return Optional.of(new PublicPage(PublicationStatus.PUBLISHED, Optional.of(shown), publication.getPublishedAt(),
                brandOf(publication)));
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
        // The edited wording, else the comment, masked: the snapshot never holds what the public must not read.
        PublicationDraft draft = publication.toDraft();
        List<Long> ids = publication.getQuoteIds().stream().filter(id -> sources.get(id) != null && sources.get(id).quotable())
                .toList();
        List<String> texts = ids.stream()
                .map(id -> draft.wordingOf(id) != null ? draft.wordingOf(id) : sources.get(id).comment()).toList();
        List<String> masked = mask(ids, texts, true);
        List<PublicationContent.Quote> quotes = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            quotes.add(new PublicationContent.Quote(ids.get(i), masked.get(i)));
        }
        try {
            return PublicationContent.snapshot(publication, dashboard.nps(), trend, themes, quotes, touchpoints(publication, filter));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("period", InvalidValueException.reasonOf(e));
        }
    }

    /** The touchpoint ratings of the scope, asked only when the publication shows them (the snapshot keeps n >= 30). */
    private List<PublicationContent.TouchpointRating> touchpoints(Publication publication, ReportFilter filter) {
        if (!publication.isTouchpoints()) {
            return List.of();
        }
        return drillDown.touchpoints(filter, publication.getGranularity()).rows().stream()
                .map(r -> new PublicationContent.TouchpointRating(r.labelEn(), r.labelFr(), r.scale(), r.summary())).toList();
    }

    private void check(PublicationDraft draft) {
        Violations violations = new Violations();
        draft.check(violations);
        if (draft.campaignId() != null && !quotes().campaignExists(draft.campaignId())) {
            violations.add("campaignId", "campaign.notFound", draft.campaignId());
        }
        violations.throwIfAny();
        QuoteRules.check(draft.quoteIds(), sources(draft), violations);
        violations.throwIfAny();
    }

    /** The filter of a publication's scope: its period, campaign and journey moment; suspected bots left out. */
    static ReportFilter filter(PublicationDraft draft) {
        return new ReportFilter(draft.from(), draft.to(), draft.campaignId(), draft.journeyMoment(), null, null, null, null,
                null, false);
    }

    /** What the database says of each chosen response: its comment, consent and whether it is in the scope. */
    private Map<Long, QuoteRules.Source> sources(PublicationDraft draft) {
        return quotes().sources(draft.quoteIds(), draft.from() == null || draft.to() == null ? null : scope.where(filter(draft)));
    }

    private QuoteQueries quotes() {
        return new QuoteQueries(dataSource);
    }

    private Publication existing(long id) {
        Publication publication = em.find(Publication.class, id);
        if (publication == null) {
            throw new NotFoundException("notFound.publication", id);
        }
        return publication;
    }

    private static Detail detail(Publication p) {
        return new Detail(p.getId(), p.getSlug(), p.getTitle(), p.getLanguage(), p.getPeriodFrom(), p.getPeriodTo(),
                p.getCampaignId(), p.getJourneyMoment(), p.getGranularity(), p.getWhatYouToldUs(), p.getWhatWeAreDoing(),
                p.getQuoteIds(), p.getQuoteWordings(), p.isTouchpoints(), p.getStatus(), p.getPublishedVersion(), p.getPublishedAt(), p.getCreatedAt(),
                p.getCreatedBy(), p.getUpdatedAt(), p.getUpdatedBy(), p.isDeletable());
    }
}
