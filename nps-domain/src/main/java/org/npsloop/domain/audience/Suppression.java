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
 * for an address that is imported again later. No campaign can override it. Once its contact is erased,
 * the entry keeps only {@link #erasedKey} of the address: the suppression still holds when the address
 * comes back, but the list no longer says who it was.
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

    /** Where it came from (null for entries older than issue 15). */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private org.npsloop.domain.deliverability.DeliverySource source;

    /** What the mail system said (the SMTP reply, the DSN's status part, the ESP's event), for the ADMIN's review. */
    @Column(length = org.npsloop.domain.deliverability.DeliveryEvent.MAX_EVIDENCE)
    private String evidence;

    /** The delivery event that caused it, if any. */
    @Column(name = "event_id")
    private Long eventId;

    /** Marks the stored form of an erased contact's address: a SHA-256 of its normalised form, in hex. */
    public static final String ERASED_PREFIX = "sha256:";

    protected Suppression() {
        // for JPA
    }

    public Suppression(EmailAddress email, SuppressionReason reason, String note, Instant now) {
        this.email = Objects.requireNonNull(email, "email");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.createdAt = now;
    }

    public Suppression(EmailAddress email, SuppressionReason reason, String note, Instant now,
            org.npsloop.domain.deliverability.DeliverySource source, String evidence, Long eventId) {
        this(email, reason, note, now);
        this.source = source;
        this.evidence = org.npsloop.domain.deliverability.DeliveryEvent.cut(evidence,
                org.npsloop.domain.deliverability.DeliveryEvent.MAX_EVIDENCE);
        this.eventId = eventId;
    }

    public org.npsloop.domain.deliverability.DeliverySource getSource() {
        return source;
    }

    public String getEvidence() {
        return evidence;
    }

    public Long getEventId() {
        return eventId;
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

    /**
     * What stays of an address on the list after its contact's erasure: {@code sha256:} and the hex SHA-256 of
     * the normalised address (lower case, trimmed, as {@link EmailAddress} keeps it). Unsalted on purpose: the
     * list must recognise the address when it is imported again, on any instance.
     */
    public static String erasedKey(EmailAddress address) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(address.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return ERASED_PREFIX + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
