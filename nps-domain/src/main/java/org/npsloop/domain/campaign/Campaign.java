package org.npsloop.domain.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.npsloop.domain.campaign.CampaignStatus.Transition;
import org.npsloop.domain.i18n.InvalidStateException;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
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

    @Column(name = "repeat_every")
    private Integer repeatEvery;

    @Enumerated(EnumType.STRING)
    @Column(name = "repeat_unit", length = 10)
    private Recurrence.Unit repeatUnit;

    @Column(name = "trigger_event", length = 50)
    private String triggerEvent;

    @Column(name = "trigger_delay_days")
    private Integer triggerDelayDays;

    @Embedded
    private SendWindow sendWindow;

    @Column(name = "first_send_at")
    private Instant firstSendAt;

    /** Waves started so far (a one-off campaign has one). */
    @Column(name = "last_wave", nullable = false)
    private int lastWave;

    /** Journey campaigns: events due up to this instant have been judged. */
    @Column(name = "triggered_until")
    private Instant triggeredUntil;

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
            throw new InvalidValueException("campaign.name.required");
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
            throw new InvalidValueException("campaign.fatigue.range", 0, 3650);
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
        require(Transition.SCHEDULE);
        if (mailingList == null && segment == null && kind != CampaignKind.JOURNEY) {
            throw new InvalidStateException("campaign.audience.required");
        }
        if (kind == CampaignKind.RECURRING && getRecurrence() == null) {
            throw new InvalidStateException("campaign.recurrence.required");
        }
        if (kind == CampaignKind.JOURNEY && getTrigger() == null) {
            throw new InvalidStateException("campaign.trigger.required");
        }
        this.scheduledAt = sendAt == null ? now : sendAt;
        move(Transition.SCHEDULE, now);
    }

    public void pause(Instant now) {
        require(Transition.PAUSE);
        this.pausedReason = null;
        move(Transition.PAUSE, now);
    }

    /** A paused campaign goes on sending, or waits for its time if it had not started. */
    public void resume(boolean started, Instant now) {
        Transition resume = started ? Transition.RESUME_SENDING : Transition.RESUME_WAITING;
        require(resume);
        this.pausedReason = null;
        move(resume, now);
    }

    public void cancel(Instant now) {
        if (!Transition.CANCEL.allowsFrom(status)) { // only a campaign that is over cannot be cancelled
            throw new InvalidStateException("campaign.state.already", Message.of("campaign.state." + status));
        }
        move(Transition.CANCEL, now);
    }

    /** Refuses, in the marketer's words, a transition that the life cycle does not allow from the current status. */
    private void require(Transition transition) {
        if (!transition.allowsFrom(status)) {
            throw new InvalidStateException("campaign.state.notNow", Message.of("campaign.state." + status));
        }
    }

    private void move(Transition transition, Instant now) {
        require(transition);
        this.status = transition.to();
        this.updatedAt = now;
    }

    /** For the edits that only a draft takes; the moves between statuses are {@link Transition}s. */
    private void requireStatus(CampaignStatus... allowed) {
        for (CampaignStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new InvalidStateException("campaign.state.notNow", Message.of("campaign.state." + status));
    }

    /** Everyone on the list or in the segment; for a journey campaign, no audience means every contact. */
    public boolean hasAudience() {
        return mailingList != null || segment != null;
    }

    public void repeat(Recurrence recurrence, Instant now) {
        requireStatus(CampaignStatus.DRAFT);
        requireKind(CampaignKind.RECURRING, "Only a recurring campaign repeats");
        this.repeatEvery = recurrence.every();
        this.repeatUnit = recurrence.unit();
        this.updatedAt = now;
    }

    /** Null unless the campaign is recurring. */
    public Recurrence getRecurrence() {
        return repeatEvery == null || repeatUnit == null ? null : new Recurrence(repeatEvery, repeatUnit);
    }

    public void trigger(JourneyTrigger trigger, Instant now) {
        requireStatus(CampaignStatus.DRAFT);
        requireKind(CampaignKind.JOURNEY, "Only a journey campaign is triggered by events");
        this.triggerEvent = trigger.eventType();
        this.triggerDelayDays = trigger.delayDays();
        this.updatedAt = now;
    }

    /** Null unless the campaign is journey-triggered. */
    public JourneyTrigger getTrigger() {
        return triggerEvent == null || triggerDelayDays == null ? null : new JourneyTrigger(triggerEvent, triggerDelayDays);
    }

    /** Null: any time. */
    public void sendWindow(SendWindow window, Instant now) {
        this.sendWindow = window == null || window.isAlways() ? null : window;
        this.updatedAt = now;
    }

    public SendWindow getSendWindow() {
        return sendWindow == null ? SendWindow.ALWAYS : sendWindow;
    }

    /** When a message that may go at {@code at} will actually go: the next opening of the send window. */
    public Instant nextSendTime(Instant at) {
        return getSendWindow().nextOpening(at, getTimeZone());
    }

    public void reminders(int count, int afterDays, Instant now) {
        if (count < 0 || count > 5) {
            throw new InvalidValueException("campaign.reminders.count", 0, 5);
        }
        if (afterDays < 1 || afterDays > 60) {
            throw new InvalidValueException("campaign.reminders.after", 1, 60);
        }
        this.reminders = count;
        this.reminderAfterDays = afterDays;
        this.updatedAt = now;
    }

    public void rename(String newName, Instant now) {
        if (newName == null || newName.isBlank()) {
            throw new InvalidValueException("campaign.name.required");
        }
        this.name = newName.trim();
        this.updatedAt = now;
    }

    public void changeTimeZone(ZoneId zone, Instant now) {
        requireStatus(CampaignStatus.DRAFT);
        this.timeZone = zone.getId();
        this.updatedAt = now;
    }

    public boolean isDraft() {
        return status == CampaignStatus.DRAFT;
    }

    public int getLastWave() {
        return lastWave;
    }

    public Instant getFirstSendAt() {
        return firstSendAt;
    }

    public Instant getTriggeredUntil() {
        return triggeredUntil;
    }

    /**
     * This instance has just claimed the start of wave {@link #getLastWave()} (its conditional update
     * {@link Transition#START_WAVE} moved the campaign to SENDING): remember the first send, and when the
     * next wave of a recurring campaign starts. Waves missed while no instance ran are not sent late one
     * after another.
     */
    public void waveStarted(Instant now) {
        if (firstSendAt == null) {
            firstSendAt = scheduledAt == null ? now : scheduledAt;
        }
        Recurrence recurrence = getRecurrence();
        if (kind == CampaignKind.RECURRING && recurrence != null) {
            int wave = lastWave + 1;
            Instant next = recurrence.waveStart(firstSendAt, wave, getTimeZone());
            while (!next.isAfter(now)) {
                next = recurrence.waveStart(firstSendAt, ++wave, getTimeZone());
            }
            scheduledAt = next;
        }
        if (kind == CampaignKind.JOURNEY && triggeredUntil == null) {
            triggeredUntil = now; // events that became due before the campaign started do not count
        }
        updatedAt = now;
    }

    public void useSurvey(Survey newSurvey, Instant now) {
        requireStatus(CampaignStatus.DRAFT);
        this.survey = Objects.requireNonNull(newSurvey, "survey");
        this.updatedAt = now;
    }

    private void requireKind(CampaignKind expected, String message) {
        if (kind != expected) {
            throw new IllegalStateException(message);
        }
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }
}
