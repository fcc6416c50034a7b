package org.npsloop.domain.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A response a publication quotes and, when the executive edited it, the wording to publish instead of the
 * comment (kept masked: it never holds an email, a phone, a URL or a name). The comment itself stays internal.
 */
@Embeddable
public class ChosenQuote {

    @Column(name = "response_id", nullable = false)
    private Long responseId;

    @Column(name = "wording", length = Publication.WORDING_MAX)
    private String wording;

    protected ChosenQuote() {
        // for JPA
    }

    public ChosenQuote(long responseId, String wording) {
        this.responseId = responseId;
        this.wording = wording == null || wording.isBlank() ? null : wording.strip();
    }

    public long getResponseId() {
        return responseId;
    }

    /** The edited wording, or null to publish the comment itself (masked). */
    public String getWording() {
        return wording;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChosenQuote q && Objects.equals(responseId, q.responseId) && Objects.equals(wording, q.wording);
    }

    @Override
    public int hashCode() {
        return Objects.hash(responseId, wording);
    }
}
