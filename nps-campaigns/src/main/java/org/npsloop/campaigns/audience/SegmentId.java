package org.npsloop.campaigns.audience;

/** A segment's id where it travels next to other ids (a list's, a survey's), so they cannot be swapped. */
public record SegmentId(long value) implements java.io.Serializable {

    public static SegmentId of(Long value) {
        return value == null ? null : new SegmentId(value);
    }
}
