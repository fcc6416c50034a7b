package org.npsloop.reporting.followup;

import java.time.Instant;
import java.util.List;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.response.ResponseChannel;

/**
 * Every response, newest first, one database page at a time: score and category, comment, channel,
 * campaign and journey moment, contact, consent, and the suspected-bot flag. Read only.
 */
public interface ResponseInbox {

    /** What to do with responses flagged as suspected bots: show them (marked), hide them, or show only them. */
    enum Flagged { SHOW, HIDE, ONLY }

    /**
     * Filters, all optional: answered in [from, to), category, channel, campaign, journey moment (the
     * trigger event of journey campaigns), with or without a comment, flagged ones, and a free text
     * searched in the comment and the contact's email and name (ignoring case).
     */
    record Query(Instant from, Instant to, NpsCategory category, ResponseChannel channel, Long campaignId,
            String journeyMoment, Boolean hasComment, Flagged flagged, String text, int first, int size) {

        public static final int MAX_PAGE = 500;

        public Query {
            flagged = flagged == null ? Flagged.SHOW : flagged;
            journeyMoment = journeyMoment == null || journeyMoment.isBlank() ? null : journeyMoment.strip();
            text = text == null || text.isBlank() ? null : text.strip();
            first = Math.max(0, first);
            size = size <= 0 || size > MAX_PAGE ? 50 : size;
        }

        public static Query all(int first, int size) {
            return new Query(null, null, null, null, null, null, null, Flagged.SHOW, null, first, size);
        }
    }

    /** One response as the inbox shows it; contact fields are null once the contact was erased. */
    record Row(long id, Instant respondedAt, int score, NpsCategory category, String comment, boolean contactConsent,
            ResponseChannel channel, Long campaignId, String campaignName, String journeyMoment, Long contactId,
            String contactEmail, String contactName, boolean flagged, String flagReason, String enteredBy) implements java.io.Serializable {

        /** The same row for a reader who may not see contacts' email addresses (the name stays). */
        public Row withoutContactEmail() {
            return new Row(id, respondedAt, score, category, comment, contactConsent, channel, campaignId, campaignName,
                    journeyMoment, contactId, null, contactName, flagged, flagReason, enteredBy);
        }
    }

    record Page(List<Row> rows, long total) {

        public Page withoutContactEmails() {
            return new Page(rows.stream().map(Row::withoutContactEmail).toList(), total);
        }
    }

    /** A campaign to filter on. */
    record CampaignOption(long id, String name, String journeyMoment) {
    }

    Page search(Query query);

    /** Every campaign, by name. */
    List<CampaignOption> campaigns();

    /** The journey moments (trigger events) of journey campaigns, sorted. */
    List<String> journeyMoments();
}
