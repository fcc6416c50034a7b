package org.npsloop.campaigns.audience;

import java.time.Instant;
import java.util.Map;
import org.npsloop.domain.retention.RetentionPolicy;
import org.npsloop.domain.retention.RetentionRule;

/**
 * Data retention (issue 17): the periods an administrator chose, what the next run will remove (the dry run), and the
 * run itself, in bounded batches, one at a time across instances, recorded in the audit trail.
 */
public interface RetentionService {

    /** The policy, who changed it last, when the last run ended and when the next one is due. */
    record Settings(RetentionPolicy policy, Instant updatedAt, String updatedBy, Instant lastRun, Instant nextRun) {
    }

    /** What a run now would remove: per rule that is on, its cutoff and how many rows fall under it. */
    record Preview(Instant at, Map<RetentionRule, Instant> cutoffs, Map<RetentionRule, Long> counts) {
    }

    /**
     * What a run removed, per rule that is on; {@code ran} false when another run (this instance's or another's) held
     * the lease, and nothing was done.
     */
    record Run(boolean ran, Instant at, Map<RetentionRule, Long> removed) {
    }

    Settings settings();

    Settings save(RetentionPolicy policy, String actor);

    Preview preview();

    /** Runs now, whatever the schedule; recorded in the audit trail as {@code actor}'s (the caller's, or the system's). */
    Run run();

    /** The scheduled run: runs if due (once per interval across instances), else does nothing. */
    Run runIfDue();
}
