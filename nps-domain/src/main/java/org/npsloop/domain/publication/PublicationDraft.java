package org.npsloop.domain.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.validation.Violations;

/**
 * The editable part of a {@link Publication}, as typed (a value of its own, so that the reporting API never names the
 * entity); {@code quoteWordings} (optional) gives, for some of the chosen quotes, the wording to publish instead of the
 * comment; {@code touchpoints} asks the published page for the mean rating of each touchpoint rated in scope.
 */
public record PublicationDraft(String title, Language language, LocalDate from, LocalDate to, Long campaignId,
        String journeyMoment, TrendGranularity granularity, String whatYouToldUs, String whatWeAreDoing,
        List<Long> quoteIds, List<QuoteWording> quoteWordings, boolean touchpoints) {

    public PublicationDraft {
        title = strip(title);
        journeyMoment = strip(journeyMoment);
        journeyMoment = journeyMoment == null ? null : journeyMoment.toUpperCase(Locale.ROOT);
        whatYouToldUs = strip(whatYouToldUs);
        whatWeAreDoing = strip(whatWeAreDoing);
        quoteIds = quoteIds == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(quoteIds));
        quoteWordings = quoteWordings == null ? List.of()
                : quoteWordings.stream().filter(w -> w != null && w.wording() != null && !w.wording().isBlank())
                        .map(w -> new QuoteWording(w.responseId(), w.wording().strip())).toList();
    }

    /** The wording to publish for a chosen quote, or null for its comment. */
    public String wordingOf(long responseId) {
        return quoteWordings.stream().filter(w -> w.responseId() != null && w.responseId() == responseId)
                .map(QuoteWording::wording).findFirst().orElse(null);
    }

    /** The same draft with other wordings (e.g. masked ones). */
    public PublicationDraft withWordings(List<QuoteWording> wordings) {
        return new PublicationDraft(title, language, from, to, campaignId, journeyMoment, granularity, whatYouToldUs, whatWeAreDoing,
                quoteIds, wordings, touchpoints);
    }

    /** Records what is wrong with the draft itself (quotes are checked against the database elsewhere). */
    public void check(Violations violations) {
        if (title == null) {
            violations.add("title", "publication.title.required");
        } else if (title.length() > Publication.TITLE_MAX) {
            violations.add("title", "text.tooLong", Publication.TITLE_MAX);
        }
        if (language == null) {
            violations.add("language", "publication.language.required");
        }
        if (from == null) {
            violations.add("from", "publication.from.required");
        }
        if (to == null) {
            violations.add("to", "publication.to.required");
        }
        if (from != null && to != null && from.isAfter(to)) {
            violations.add("to", "period.endsBeforeStart", to, from);
        }
        if (journeyMoment != null && journeyMoment.length() > 50) {
            violations.add("journeyMoment", "text.tooLong", 50);
        }
        if (whatYouToldUs != null && whatYouToldUs.length() > Publication.TEXT_MAX) {
            violations.add("whatYouToldUs", "text.tooLong", Publication.TEXT_MAX);
        }
        if (whatWeAreDoing != null && whatWeAreDoing.length() > Publication.TEXT_MAX) {
            violations.add("whatWeAreDoing", "text.tooLong", Publication.TEXT_MAX);
        }
        java.util.Set<Long> worded = new java.util.HashSet<>();
        for (QuoteWording w : quoteWordings) {
            if (w.responseId() == null || !quoteIds.contains(w.responseId())) {
                violations.add("quoteWordings", "publication.wording.notChosen", w.responseId());
            } else if (!worded.add(w.responseId())) {
                violations.add("quoteWordings", "publication.wording.twice", w.responseId());
            } else if (w.wording().length() > Publication.WORDING_MAX) {
                violations.add("quoteWordings", "publication.wording.tooLong", w.responseId(), Publication.WORDING_MAX);
            }
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
