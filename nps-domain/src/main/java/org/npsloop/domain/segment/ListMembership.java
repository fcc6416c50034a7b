package org.npsloop.domain.segment;

/** Whether the contact is (or, with {@code member} false, is not) on a mailing list. */
public record ListMembership(long listId, boolean member) implements SegmentRule {

    public ListMembership {
        if (listId <= 0) {
            throw new IllegalArgumentException("A mailing list id is a positive number; got " + listId);
        }
    }
}
