package org.npsloop.reporting.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.publication.DefaultPeriod;
import org.npsloop.domain.publication.PublicBrand;
import org.npsloop.domain.publication.PublicationDraft;
import org.npsloop.domain.publication.QuoteWording;
import org.npsloop.domain.publication.PublicationAction;
import org.npsloop.domain.publication.PublicationContent;
import org.npsloop.domain.publication.PublicationStatus;

/**
 * The customer-facing synthesis: executives draft a publication for a period, preview it, publish it at
 * its public address, re-publish and revoke it; the public pages read what was published.
 *
 * <p>Refused input throws {@code InvalidInputException} naming each field; an unknown id throws
 * {@code NoSuchElementException}; an action the status does not allow throws {@code IllegalStateException}.
 */
public interface PublicationService {

    List<Detail> list();

    Detail get(long id);

    /**
     * A new draft; every chosen quote must be a consented comment in the draft's scope (and, where the survey
     * asks it, its author agreed to be quoted). Edited wordings are stored masked ({@code QuoteMasker}).
     */
    Detail create(PublicationDraft draft, String actor);

    /** Changes the draft only: the public page changes at the next publish. */
    Detail update(long id, PublicationDraft draft, String actor);

    /**
     * Refuses, as {@link #publish} would, a draft that cannot be published as it stands: bad fields, quotes out of
     * scope, or fewer than {@link PublicationContent#MIN_RESPONSES} answers in its scope. Stores nothing.
     */
    void checkPublishable(PublicationDraft draft);

    /** The period a new draft starts with: the latest months that have answers ({@link DefaultPeriod}). */
    DefaultPeriod defaultPeriod();

    /** The brand of the publications that are not one campaign's, as set on the Settings page (with the configured name as default). */
    PublicBrand brand();

    /** @throws org.npsloop.domain.validation.InvalidInputException naming {@code name}, {@code colour} or {@code logoUrl} */
    PublicBrand saveBrand(String name, String colour, String logoUrl, String actor);

    /** The brand publication {@code id}'s pages wear: its campaign's survey's, else {@link #brand()}. */
    PublicBrand brandOf(long id);

    /** Deletes a draft never published; a published one is revoked instead (its history stays). */
    void delete(long id);

    /**
     * Freezes the draft's live figures, themes, texts and quotes and shows them at the public address.
     * Quotes whose authors have since withdrawn their consent or been erased are left out (and off the draft).
     */
    Detail publish(long id, String actor);

    Detail revoke(long id, String actor);

    /** Newest first. */
    List<VersionRow> versions(long id);

    /** The content a publish would freeze now, from the live data. */
    PublicationContent preview(long id);

    /**
     * Quotable comments in the draft's scope whose text contains {@code text} (any when blank), newest first,
     * their text masked as it would be published.
     */
    List<QuoteCandidate> quoteCandidates(PublicationDraft scope, String text, int limit);

    /**
     * The draft's chosen quotes that can still be quoted, in the chosen order, with their text masked and their
     * edited wording (masked too) if any.
     */
    List<QuoteCandidate> chosenQuotes(long id);

    /** What a visitor of {@code /p/<slug>} sees: empty for an unknown slug or a never published draft. */
    Optional<PublicPage> publicPage(String slug);

    /** The publications currently published, newest first. */
    List<IndexEntry> publicIndex();

    record Detail(long id, String slug, String title, Language language, LocalDate from, LocalDate to, Long campaignId,
            String journeyMoment, TrendGranularity granularity, String whatYouToldUs, String whatWeAreDoing,
            List<Long> quoteIds, List<QuoteWording> quoteWordings, boolean touchpoints, PublicationStatus status, int publishedVersion, Instant publishedAt, Instant createdAt,
            String createdBy, Instant updatedAt, String updatedBy, boolean deletable) implements java.io.Serializable {

        /** The public address, relative to the application. */
        public String publicPath() {
            return "p/" + slug;
        }

        public PublicationDraft draft() {
            return new PublicationDraft(title, language, from, to, campaignId, journeyMoment, granularity, whatYouToldUs,
                    whatWeAreDoing, quoteIds, quoteWordings, touchpoints);
        }
    }

    record VersionRow(int number, PublicationAction action, String actor, Instant at, String title) {
    }

    /**
     * A comment that may be quoted, masked as it would be published; the score's category helps choosing, it
     * is never published. {@code wording} is the edited wording chosen for it (masked), or null.
     */
    record QuoteCandidate(long responseId, Instant respondedAt, String category, String comment, String wording) implements java.io.Serializable {

        /** What the public page would show: the edited wording, else the comment. */
        public String published() {
            return wording != null ? wording : comment;
        }

        public QuoteCandidate masked(String maskedComment, String maskedWording) {
            return new QuoteCandidate(responseId, respondedAt, category, maskedComment, maskedWording);
        }
    }

    /** {@code content} is absent when the publication was revoked. */
    record PublicPage(PublicationStatus status, Optional<PublicationContent> content, Instant publishedAt, PublicBrand brand) {
    }

    record IndexEntry(String slug, String title, Language language, LocalDate from, LocalDate to, Instant publishedAt) {
    }
}
