package org.npsloop.domain.campaign;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Durable life cycle of a campaign: it survives restarts. Its moves are the {@link Transition}s, the only
 * table of them: the marketer's through {@link Campaign}, the dispatch's through conditional updates that
 * state the same from-statuses (campaigns.campaign.internal.CampaignStates).
 */
public enum CampaignStatus {
    DRAFT, SCHEDULED, SENDING, PAUSED, DONE, CANCELLED;

    /** Whether some transition takes a campaign from this status to {@code target}. */
    public boolean canMoveTo(CampaignStatus target) {
        for (Transition transition : Transition.values()) {
            if (transition.to() == target && transition.from().contains(this)) {
                return true;
            }
        }
        return false;
    }

    /** Every move a campaign makes, named, with the statuses it may start from. */
    public enum Transition {
        /** The marketer schedules a draft. */
        SCHEDULE(SCHEDULED, DRAFT),
        /** The marketer pauses a campaign that is sending or waiting for its time (or its next wave). */
        PAUSE(PAUSED, SCHEDULED, SENDING),
        /** The marketer resumes a campaign that had started sending. */
        RESUME_SENDING(SENDING, PAUSED),
        /** The marketer resumes a campaign that had not started: it waits for its time again. */
        RESUME_WAITING(SCHEDULED, PAUSED),
        /** The marketer cancels a campaign that is not over. */
        CANCEL(CANCELLED, DRAFT, SCHEDULED, SENDING, PAUSED),
        /** The dispatch starts a due wave (or activates a journey campaign). */
        START_WAVE(SENDING, SCHEDULED),
        /** The dispatch planned reminders for a campaign that was done or waiting for its next wave. */
        SEND_REMINDERS(SENDING, SCHEDULED, DONE),
        /** The dispatch pauses a campaign whose messages mostly fail. */
        AUTO_PAUSE(PAUSED, SENDING),
        /** Nothing left to send: a one-off campaign, or one whose survey closed, is done. */
        FINISH(DONE, SENDING),
        /** Nothing left to send in this wave: a recurring campaign waits for its next one. */
        WAIT_FOR_NEXT_WAVE(SCHEDULED, SENDING),
        /** The survey of a recurring campaign waiting for its next wave closed: no more waves. */
        CLOSE(DONE, SCHEDULED);

        private final CampaignStatus to;
        private final Set<CampaignStatus> from;

        Transition(CampaignStatus to, CampaignStatus first, CampaignStatus... others) {
            this.to = to;
            this.from = Collections.unmodifiableSet(EnumSet.of(first, others));
        }

        public CampaignStatus to() {
            return to;
        }

        /** The statuses it starts from, in declaration order. */
        public Set<CampaignStatus> from() {
            return from;
        }

        public boolean allowsFrom(CampaignStatus status) {
            return from.contains(status);
        }
    }
}
