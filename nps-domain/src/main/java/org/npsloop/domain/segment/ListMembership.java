package org.npsloop.domain.segment;

import org.npsloop.domain.i18n.InvalidValueException;

/** Whether the contact is (or, with {@code member} false, is not) on a mailing list. */
public record ListMembership(long listId, boolean member) implements SegmentRule {

    public ListMembership {
        if (listId <= 0) {
            throw new InvalidValueException("segment.list.invalid", listId);
        }
    }
}
