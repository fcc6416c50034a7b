package org.npsloop.domain.followup;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a follow-up stands. Allowed moves: NEW to CONTACTED or RESOLVED (a problem can be fixed
 * without a call); CONTACTED to RESOLVED; RESOLVED back to CONTACTED (reopened: the customer calls
 * again). A contact once made is never undone, so nothing goes back to NEW.
 */
public enum FollowUpStatus {
    NEW,
    CONTACTED,
    RESOLVED;

    public Set<FollowUpStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CONTACTED, RESOLVED);
            case CONTACTED -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(CONTACTED);
        };
    }

    /** Staying where one is counts as allowed (a no-op). */
    public boolean canMoveTo(FollowUpStatus target) {
        return target == this || next().contains(target);
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
