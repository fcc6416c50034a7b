package org.npsloop.domain.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An address on the global suppression list. Kept by address, not by contact, so that it holds even
 * for an address that is imported again later. No campaign can override it.
 */
@Entity
@Table(name = "suppression")
public class Suppression {

    @Id
    @SequenceGenerator(name = "suppression_seq", sequenceName = "suppression_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suppression_seq")
    private Long id;

    @Embedded
    private EmailAddress email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SuppressionReason reason;

    @Column(length = 1000)
    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Suppression() {
        // for JPA
    }

    public Suppression(EmailAddress email, SuppressionReason reason, String note, Instant now) {
        this.email = Objects.requireNonNull(email, "email");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public EmailAddress getEmail() {
        return email;
    }

    public SuppressionReason getReason() {
        return reason;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
