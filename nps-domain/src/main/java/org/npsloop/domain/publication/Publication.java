package org.npsloop.domain.publication;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidStateException;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.validation.Violations;

/**
 * A customer-facing synthesis for a period: the draft an executive edits (scope, texts, chosen quotes)
 * and, once published, the address of its public page. Editing changes only the draft; what the public
 * sees changes at the next {@link #publish}, which records a {@link PublicationVersion}.
 */
@Entity
@Table(name = "publication")
@NamedQuery(name = "Publication.all", query = "SELECT p FROM Publication p ORDER BY p.updatedAt DESC, p.id DESC")
@NamedQuery(name = "Publication.bySlug", query = "SELECT p FROM Publication p WHERE p.slug = :slug")
@NamedQuery(name = "Publication.published",
        query = "SELECT p FROM Publication p WHERE p.status = org.npsloop.domain.publication.PublicationStatus.PUBLISHED"
                + " ORDER BY p.publishedAt DESC, p.id DESC")
public class Publication {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 4000;
    /** The longest published wording of a quote. */
    public static final int WORDING_MAX = 2000;

    @Id
    @SequenceGenerator(name = "publication_seq", sequenceName = "publication_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publication_seq")
    private Long id;

    @Column(nullable = false, length = 80, updatable = false)
    private String slug;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(name = "journey_moment", length = 50)
    private String journeyMoment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private TrendGranularity granularity;

    @Column(name = "told_us", length = TEXT_MAX)
    private String whatYouToldUs;

    @Column(name = "we_do", length = TEXT_MAX)
    private String whatWeAreDoing;

    /** Whether the published page shows the touchpoint ratings (chosen by the executive). */
    @Column(nullable = false)
    private boolean touchpoints;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "publication_quote", joinColumns = @JoinColumn(name = "publication_id"))
    @OrderColumn(name = "position")
    private List<ChosenQuote> quotes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PublicationStatus status = PublicationStatus.DRAFT;

    /** The version number whose content the public page shows; 0 before the first publish. */
    @Column(name = "published_version", nullable = false)
    private int publishedVersion;

    @Column(name = "last_version", nullable = false)
    private int lastVersion;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @Version
    private long version;

    protected Publication() {
        // for JPA
    }

    /** A new draft; its public address is chosen now and never changes (links shared stay valid). */
    public Publication(PublicationDraft draft, String actor, Instant now) {
        this.slug = PublicSlug.generate(draft.title());
        this.createdAt = now;
        this.createdBy = Objects.requireNonNull(actor, "actor");
        edit(draft, actor, now);
    }

    /** Changes the draft; the public page keeps showing the last published content. */
    public void edit(PublicationDraft draft, String actor, Instant now) {
        Violations violations = new Violations();
        draft.check(violations);
        violations.throwIfAny();
        this.title = draft.title();
        this.language = draft.language();
        this.periodFrom = draft.from();
        this.periodTo = draft.to();
        this.campaignId = draft.campaignId();
        this.journeyMoment = draft.journeyMoment();
        this.granularity = draft.granularity() == null ? TrendGranularity.MONTH : draft.granularity();
        this.whatYouToldUs = draft.whatYouToldUs();
        this.whatWeAreDoing = draft.whatWeAreDoing();
        this.touchpoints = draft.touchpoints();
        this.quotes.clear();
        draft.quoteIds().stream().filter(Objects::nonNull).forEach(q -> this.quotes.add(new ChosenQuote(q, draft.wordingOf(q))));
        touch(actor, now);
    }

    /** The draft's quotes without those that can no longer be quoted (authors erased or withdrawn). */
    public void dropQuotes(java.util.Collection<Long> ids) {
        quotes.removeIf(q -> ids.contains(q.getResponseId()));
    }

    /**
     * Makes {@code content} what the public page shows, from now on.
     *
     * @return the version to store in the history: PUBLISHED the first time (or after a revoke), UPDATED after
     */
    public PublicationVersion publish(PublicationContent content, String actor, Instant now) {
        PublicationAction action = status == PublicationStatus.PUBLISHED ? PublicationAction.UPDATED : PublicationAction.PUBLISHED;
        lastVersion++;
        publishedVersion = lastVersion;
        status = PublicationStatus.PUBLISHED;
        publishedAt = now;
        touch(actor, now);
        return new PublicationVersion(this, lastVersion, action, actor, now, content);
    }

    /**
     * Withdraws the public page (it answers 410 Gone); publishing again brings it back at the same address.
     *
     * @throws IllegalStateException when it is not published
     */
    public PublicationVersion revoke(String actor, Instant now) {
        if (status != PublicationStatus.PUBLISHED) {
            throw new InvalidStateException("publication.revoke.notPublished");
        }
        lastVersion++;
        status = PublicationStatus.REVOKED;
        touch(actor, now);
        return new PublicationVersion(this, lastVersion, PublicationAction.REVOKED, actor, now, null);
    }

    /** Only a draft never published can be deleted: a published one has a history and is revoked instead. */
    public boolean isDeletable() {
        return status == PublicationStatus.DRAFT && lastVersion == 0;
    }

    private void touch(String actor, Instant now) {
        this.updatedBy = Objects.requireNonNull(actor, "actor");
        this.updatedAt = now;
    }

    public PublicationDraft toDraft() {
        return new PublicationDraft(title, language, periodFrom, periodTo, campaignId, journeyMoment, granularity, whatYouToldUs,
                whatWeAreDoing, getQuoteIds(), getQuoteWordings(), touchpoints);
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public Language getLanguage() {
        return language;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getJourneyMoment() {
        return journeyMoment;
    }

    public boolean isTouchpoints() {
        return touchpoints;
    }

    public TrendGranularity getGranularity() {
        return granularity;
    }

    public String getWhatYouToldUs() {
        return whatYouToldUs;
    }

    public String getWhatWeAreDoing() {
        return whatWeAreDoing;
    }

    public List<Long> getQuoteIds() {
        return quotes.stream().map(ChosenQuote::getResponseId).toList();
    }

    /** The edited wordings of the chosen quotes, in their order. */
    public List<QuoteWording> getQuoteWordings() {
        return quotes.stream().filter(q -> q.getWording() != null)
                .map(q -> new QuoteWording(q.getResponseId(), q.getWording())).toList();
    }

    public PublicationStatus getStatus() {
        return status;
    }

    public int getPublishedVersion() {
        return publishedVersion;
    }

    public int getLastVersion() {
        return lastVersion;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
