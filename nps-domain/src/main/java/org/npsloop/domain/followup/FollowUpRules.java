package org.npsloop.domain.followup;

import java.util.Comparator;
import java.time.LocalDate;
import org.npsloop.domain.nps.NpsCategory;

/**
 * Which responses get a follow-up, and in which order the list is worked through.
 *
 * <p>Order (the French reference on closing the loop: answer every detractor, but start with the 5s
 * and 6s, who are closest to passive and easiest to win back):
 * <ol>
 * <li>open ones before resolved ones;</li>
 * <li>overdue ones first: a promise already broken comes before everything else;</li>
 * <li>detractors 5-6, then detractors 0-4, then passives;</li>
 * <li>the earliest due date; then the higher score (closest to the next group); then the oldest (smallest id).</li>
 * </ol>
 * The SQL of the list in nps-reporting sorts the same way; {@link #comparator(LocalDate)} is its specification.
 */
public final class FollowUpRules {

    /** Days between the creation of a follow-up and its default due date. */
    public static final int DEFAULT_DUE_DAYS = 7;
    /** Notes longer than this are refused. */
    public static final int MAX_NOTE_LENGTH = 4000;
    /** A due date further than this ahead is refused (a typo, not a plan). */
    public static final int MAX_DUE_DAYS_AHEAD = 366;

    private FollowUpRules() {
    }

    /** Detractors always; passives only when the installation asks for them; promoters never. */
    public static boolean wanted(NpsCategory category, boolean passivesToo) {
        return category == NpsCategory.DETRACTOR || (passivesToo && category == NpsCategory.PASSIVE);
    }

    /** 0 for detractors 5-6, 1 for detractors 0-4, 2 for passives (and, should a score change, promoters). */
    public static int priorityGroup(int score) {
        if (score > NpsCategory.DETRACTOR.max()) {
            return 2;
        }
        return score >= 5 ? 0 : 1;
    }

    /** Overdue: still open and its due day has passed (the due day itself is not late). */
    public static boolean overdue(FollowUpStatus status, LocalDate dueOn, LocalDate today) {
        return status.isOpen() && today.isAfter(dueOn);
    }

    /** What the order looks at. */
    public record SortKey(long id, int score, FollowUpStatus status, LocalDate dueOn) {
    }

    /** The list's order on {@code today}. */
    public static Comparator<SortKey> comparator(LocalDate today) {
        return Comparator.<SortKey>comparingInt(k -> k.status().isOpen() ? 0 : 1)
                .thenComparingInt(k -> overdue(k.status(), k.dueOn(), today) ? 0 : 1)
                .thenComparingInt(k -> priorityGroup(k.score()))
                .thenComparing(SortKey::dueOn)
                .thenComparing(Comparator.comparingInt(SortKey::score).reversed())
                .thenComparingLong(SortKey::id);
    }
}
