package org.npsloop.domain.deliverability;

import jakarta.persistence.Column;
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
 * One report of a mail system about one message: a bounce, a complaint or an unsubscribe, with its source and the raw
 * evidence (the DSN's status part, the ARF report, the ESP's JSON). {@code (source, externalId)} is unique, so a
 * report delivered twice (an ESP's retry, a replayed webhook, a mail polled by two instances) is recorded once.
 * The address and the evidence are personal data: erased with the contact.
 */
@Entity
@Table(name = "delivery_event")
public class DeliveryEvent {

    /** Evidence is kept up to this many characters (the column's size). */
    public static final int MAX_EVIDENCE = 100_000;

    @Id
    @SequenceGenerator(name = "delivery_event_seq", sequenceName = "delivery_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_event_seq")
    private Long id;

    @Column(name = "invitation_id")
    private Long invitationId;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(length = 320)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeliveryEventKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeliverySource source;

    @Column(name = "status_code", length = 20)
    private String statusCode;

    @Column(length = 1000)
    private String detail;

    @Column(length = MAX_EVIDENCE)
    private String evidence;

    @Column(name = "external_id", length = 200)
    private String externalId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected DeliveryEvent() {
        // for JPA
    }

    public DeliveryEvent(Long invitationId, Long campaignId, String email, DeliveryEventKind kind, DeliverySource source,
            String statusCode, String detail, String evidence, String externalId, Instant occurredAt, Instant receivedAt) {
        this.invitationId = invitationId;
        this.campaignId = campaignId;
        this.email = email;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.source = Objects.requireNonNull(source, "source");
        this.statusCode = cut(statusCode, 20);
        this.detail = cut(detail, 1000);
        this.evidence = cut(evidence, MAX_EVIDENCE);
        this.externalId = cut(externalId, 200);
        this.occurredAt = occurredAt == null ? receivedAt : occurredAt;
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** At most {@code max} characters, never a lone half of a surrogate pair at the cut. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    public Long getId() {
        return id;
    }

    public Long getInvitationId() {
        return invitationId;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getEmail() {
        return email;
    }

    public DeliveryEventKind getKind() {
        return kind;
    }

    public DeliverySource getSource() {
        return source;
    }

    public String getStatusCode() {
        return statusCode;
    }

    public String getDetail() {
        return detail;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getExternalId() {
        return externalId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
