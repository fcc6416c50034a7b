package org.npsloop.domain.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of an answer, written each time it is given or changed: the respondent may change
 * their score or comment until the survey closes, and the latest answer wins, but every change stays.
 */
@Entity
@Table(name = "response_change")
public class ResponseChange {

    @Id
    @SequenceGenerator(name = "response_change_seq", sequenceName = "response_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_change_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "response_id")
    private Response response;

    @Column(nullable = false)
    private int score;

    @Column(name = "comment_text", length = 10000)
    private String comment;

    @Column(name = "contact_consent", nullable = false)
    private boolean contactConsent;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected ResponseChange() {
        // for JPA
    }

    /** The response as it stands now (after it was given or changed). */
    public static ResponseChange of(Response response) {
        ResponseChange change = new ResponseChange();
        change.response = Objects.requireNonNull(response, "response");
        change.score = response.getScore().value();
        change.comment = response.getComment();
        change.contactConsent = response.isContactConsent();
        change.changedAt = response.getUpdatedAt();
        return change;
    }

    public Long getId() {
        return id;
    }

    public Response getResponse() {
        return response;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public boolean isContactConsent() {
        return contactConsent;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
