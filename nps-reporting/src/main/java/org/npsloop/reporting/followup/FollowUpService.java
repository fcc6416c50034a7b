package org.npsloop.reporting.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.npsloop.domain.followup.FollowUpStatus;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.ReportFilter;

/**
 * Closing the loop: every detractor response (and passive, with {@code nps.follow-up.passives=true})
 * not flagged as a suspected bot gets a follow-up, created by a worker every few seconds and before each
 * listing. Listed in priority order ({@link org.npsloop.domain.followup.FollowUpRules}); owners are mailed
 * when given one. Unknown ids: {@link java.util.NoSuchElementException}; bad input: {@link InvalidInputException}.
 */
public interface FollowUpService {

    /**
     * Filters, all optional: status; owner (a username; "mine" is the signed-in user's); only unassigned
     * ones; only overdue ones. {@code size} is capped at {@link #MAX_PAGE}.
     */
    record Query(FollowUpStatus status, String owner, boolean unassigned, boolean overdueOnly, int first, int size) {

        public Query {
            owner = owner == null || owner.isBlank() ? null : owner.strip();
            first = Math.max(0, first);
            size = size <= 0 || size > MAX_PAGE ? 50 : size;
        }

        public static Query all(int first, int size) {
            return new Query(null, null, false, false, first, size);
        }
    }

    int MAX_PAGE = 500;

    /** Someone a follow-up can be given to (an enabled user); {@code email} null when they have none. */
    record Assignee(String username, String displayName, String email) implements java.io.Serializable {
    }

    /**
     * One follow-up with its response: the current score (the respondent may have changed it), the
     * contact (null once erased) and whether they agreed to be contacted.
     */
    record Row(long id, long responseId, int score, NpsCategory category, String comment, boolean contactConsent,
            Instant respondedAt, Long contactId, String contactEmail, String contactName,
            String campaignName, Assignee owner, FollowUpStatus status, LocalDate dueOn, boolean overdue,
            Instant createdAt) implements java.io.Serializable {

        /** The same follow-up for a reader who may not see contacts' email addresses (the name stays). */
        public Row withoutContactEmail() {
            return new Row(id, responseId, score, category, comment, contactConsent, respondedAt, contactId, null,
                    contactName, campaignName, owner, status, dueOn, overdue, createdAt);
        }
    }

    record Page(List<Row> rows, long total) {

        public Page withoutContactEmails() {
            return new Page(rows.stream().map(Row::withoutContactEmail).toList(), total);
        }
    }

    record Note(String author, Instant createdAt, String text) implements java.io.Serializable {
    }

    /** A follow-up with its notes, oldest first, and the moves its status allows. */
    record Detail(Row followUp, List<Note> notes, List<FollowUpStatus> allowedStatuses) implements java.io.Serializable {

        public Detail withoutContactEmail() {
            return new Detail(followUp.withoutContactEmail(), notes, allowedStatuses);
        }
    }

    /**
     * A change, each field optional (null: unchanged). {@code owner}: a username, or "" to unassign;
     * {@code dueOn}: today or later, within a year.
     */
    record Change(String owner, FollowUpStatus status, LocalDate dueOn) {
    }

    /** Follow-ups of the responses a report counts, by status, and how many open ones are overdue. */
    record StatusCounts(long created, long contacted, long resolved, long overdue) {

        public long total() {
            return created + contacted + resolved;
        }

        public long open() {
            return created + contacted;
        }
    }

    /** The installation's rules (configuration): whether passives get follow-ups, days until a new one is due. */
    record Policy(boolean passives, int dueDays) {
    }

    Page list(Query query);

    Policy policy();

    Detail detail(long id);

    /**
     * Applies a change. A new owner with an email address is mailed (after the commit) with the response
     * and a link to the follow-up, unless they assigned it to themselves.
     *
     * @param actor the username (or API key name) making the change
     */
    Detail update(long id, Change change, String actor);

    Detail addNote(long id, String text, String author);

    /**
     * The follow-up status for the internal report: follow-ups of the responses {@code filter} counts
     * (period = when the responses were given), by status, and the open ones overdue today.
     */
    StatusCounts counts(ReportFilter filter);

    /** Enabled users, by display name. */
    List<Assignee> assignees();

    /**
     * Creates the missing follow-ups now (the worker does it every few seconds).
     *
     * @return how many were created
     */
    int sync();
}
