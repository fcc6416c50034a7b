package org.npsloop.domain.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.response.BotSuspicion;

/**
 * One email to one contact for one wave of a campaign: unique per (campaign, wave, contact, kind),
 * so that no recipient can be mailed twice for the same thing. Only the SHA-256 hash of the
 * respondent's token is stored.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    private Contact contact;

    @Column(nullable = false)
    private int wave;

    /** 0 for the wave's invitation, n for its n-th reminder. */
    @Column(nullable = false)
    private int reminder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private InvitationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private InvitationStatus status;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Score-link GETs store no score, but are noted to recognise mail scanners. */
    @Column(name = "first_opened_at")
    private Instant firstOpenedAt;

    @Column(name = "last_opened_at")
    private Instant lastOpenedAt;

    @Column(name = "last_opened_score")
    private Integer lastOpenedScore;

    /** Why its clicks look like a machine's (the first reason found), or null. */
    @Column(name = "bot_suspicion", length = 200)
    private String botSuspicion;

    /**
     * On the first invitation of a wave (reminder 0): when its recipient first answered, through it or a
     * reminder, unless the answer was flagged as a suspected bot's. Makes the response rate one count.
     */
    @Column(name = "answered_at")
    private Instant answeredAt;

    @Version
    private long version;

    protected Invitation() {
        // for JPA
    }

    public Invitation(Campaign campaign, Contact contact, int wave, InvitationKind kind, String tokenHash,
            Instant dueAt, Instant now) {
        this.campaign = Objects.requireNonNull(campaign, "campaign");
        this.contact = Objects.requireNonNull(contact, "contact");
        this.wave = wave;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.status = InvitationStatus.PENDING;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Campaign getCampaign() {
        return campaign;
    }

    public Contact getContact() {
        return contact;
    }

    public int getWave() {
        return wave;
    }

    public int getReminder() {
        return reminder;
    }

    public InvitationKind getKind() {
        return kind;
    }

    public InvitationStatus getStatus() {
        return status;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    /**
     * A GET on one of its score links: stores no answer, but remembers the click and whether it looks
     * like a mail scanner's (seconds after sending, or several score links within a second).
     */
    public void scoreLinkOpened(int score, Instant now, Duration botWindow) {
        BotSuspicion.ofClick(sentAt, lastOpenedAt, lastOpenedScore, score, now, botWindow).ifPresent(reason -> {
            if (botSuspicion == null) {
                botSuspicion = reason.substring(0, Math.min(200, reason.length()));
            }
        });
        if (firstOpenedAt == null) {
            firstOpenedAt = now;
        }
        lastOpenedAt = now;
        lastOpenedScore = score;
    }

    /** Its recipient answered the wave (a person, as far as can be told); the first time counts. */
    public void answered(Instant at) {
        if (reminder != 0) {
            throw new IllegalStateException("Answers are noted on the first invitation of a wave, not on reminder " + reminder);
        }
        if (answeredAt == null) {
            answeredAt = at;
        }
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getFirstOpenedAt() {
        return firstOpenedAt;
    }

    public Instant getLastOpenedAt() {
        return lastOpenedAt;
    }

    public Integer getLastOpenedScore() {
        return lastOpenedScore;
    }

    public String getBotSuspicion() {
        return botSuspicion;
    }
}
