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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.segment.Segment;
import org.npsloop.domain.survey.Survey;

/** Sending one survey to an audience, once, repeatedly or on journey events. */
@Entity
@Table(name = "campaign")
@NamedQuery(name = "Campaign.countByStatus",
        query = "SELECT c.status, COUNT(c) FROM Campaign c GROUP BY c.status")
public class Campaign {

    @Id
    @SequenceGenerator(name = "campaign_seq", sequenceName = "campaign_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_seq")
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CampaignKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CampaignStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "mailing_list_id")
    private MailingList mailingList;

    /** Zone in which the schedule and send windows are read. */
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "segment_id")
    private Segment segment;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    /** Minimum days since a contact's last survey; null means the global rule. */
    @Column(name = "fatigue_days")
    private Integer fatigueDays;

    @Column(nullable = false)
    private int reminders = 1;

    @Column(name = "reminder_after_days", nullable = false)
    private int reminderAfterDays = 3;

    /** Why the campaign paused itself (too many errors...), for the marketer. */
    @Column(name = "paused_reason", length = 1000)
    private String pausedReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Campaign() {
        // for JPA
    }

    public Campaign(String name, Survey survey, CampaignKind kind, ZoneId timeZone, Instant now) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A campaign needs a name");
        }
        this.name = name.trim();
        this.survey = Objects.requireNonNull(survey, "survey");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.timeZone = timeZone.getId();
        this.status = CampaignStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Survey getSurvey() {
        return survey;
    }

    public CampaignKind getKind() {
        return kind;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public MailingList getMailingList() {
        return mailingList;
    }

    /** The audience: a static list or a segment, never both. */
    public void target(MailingList list, Instant now) {
        this.mailingList = list;
        this.segment = null;
        this.updatedAt = now;
    }

    public void target(Segment newSegment, Instant now) {
        this.segment = newSegment;
        this.mailingList = null;
        this.updatedAt = now;
    }

    public Segment getSegment() {
        return segment;
    }

    public Integer getFatigueDays() {
        return fatigueDays;
    }

    public void fatigue(Integer days, Instant now) {
        if (days != null && (days < 0 || days > 3650)) {
            throw new IllegalArgumentException("The minimum interval is between 0 and 3650 days");
        }
        this.fatigueDays = days;
        this.updatedAt = now;
    }

    public int getReminders() {
        return reminders;
    }

    public int getReminderAfterDays() {
        return reminderAfterDays;
    }

    public String getPausedReason() {
        return pausedReason;
    }

    /** While a draft: when it should start once scheduled (null: as soon as it is scheduled). */
    public void sendAt(Instant sendAt, Instant now) {
        requireStatus(CampaignStatus.DRAFT);
        this.scheduledAt = sendAt;
        this.updatedAt = now;
    }

    /** Draft to scheduled, to start at {@code sendAt} (null: at once). */
    public void schedule(Instant sendAt, Instant now) {
        requireStatus(CampaignStatus.DRAFT);
        if (mailingList == null && segment == null) {
            throw new IllegalStateException("Choose a list or a segment first");
        }
        this.scheduledAt = sendAt == null ? now : sendAt;
        this.status = CampaignStatus.SCHEDULED;
        this.updatedAt = now;
    }

    public void pause(Instant now) {
        requireStatus(CampaignStatus.SENDING, CampaignStatus.SCHEDULED);
        this.status = CampaignStatus.PAUSED;
        this.pausedReason = null;
        this.updatedAt = now;
    }

    /** A paused campaign goes on sending, or waits for its time if it had not started. */
    public void resume(boolean started, Instant now) {
        requireStatus(CampaignStatus.PAUSED);
        this.status = started ? CampaignStatus.SENDING : CampaignStatus.SCHEDULED;
        this.pausedReason = null;
        this.updatedAt = now;
    }

    public void cancel(Instant now) {
        if (status == CampaignStatus.DONE || status == CampaignStatus.CANCELLED) {
            throw new IllegalStateException("The campaign is already " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        this.status = CampaignStatus.CANCELLED;
        this.updatedAt = now;
    }

    private void requireStatus(CampaignStatus... allowed) {
        for (CampaignStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalStateException("Not possible while the campaign is " + status.name().toLowerCase(java.util.Locale.ROOT));
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }
}
