package org.npsloop.campaigns.audience;

/** A mailing list's id where it travels next to other ids (a segment's, a survey's), so they cannot be swapped. */
public record ListId(long value) implements java.io.Serializable {

    public static ListId of(Long value) {
        return value == null ? null : new ListId(value);
    }
}
