package org.npsloop.domain.publication;

/** The published wording of a chosen quote, when the executive edited it (blank: the comment itself). */
public record QuoteWording(Long responseId, String wording) implements java.io.Serializable {
}
