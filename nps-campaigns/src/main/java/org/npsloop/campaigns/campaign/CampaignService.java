package org.npsloop.campaigns.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.npsloop.campaigns.audience.ListId;
import org.npsloop.campaigns.audience.SegmentId;
import org.npsloop.campaigns.survey.SurveyId;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.campaign.DueForecast;
import org.npsloop.domain.campaign.InvitationStatus;
import org.npsloop.domain.campaign.JourneyTrigger;
import org.npsloop.domain.campaign.Recurrence;
import org.npsloop.domain.campaign.SendWindow;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;

/**
 * Campaigns: a survey sent to a list or a segment once (now or at a time), every N weeks or months,
 * or N days after a journey event. Draft, scheduled, sending, done, paused or cancelled: every state
 * is stored, so it survives restarts.
 */
public interface CampaignService {

    /**
     * A campaign's settings, for creating it or changing a draft, already parsed (the web edge turns text into these
     * types once, with its field errors). {@code kind} null means ONE_OFF on creation and "unchanged" on update;
     * {@code repeat} matters to a RECURRING campaign, {@code trigger} to a JOURNEY one (whose audience is then
     * optional). The send window is read in {@code timeZone} (null: Europe/Paris); no window means any time.
     * A null {@code repeat} or {@code trigger} keeps the draft's; null reminder fields keep theirs.
     * Build it by name with {@link #named(String)}.
     */
    record CampaignSettings(String name, SurveyId survey, CampaignKind kind, Audience audience, Instant sendAt,
            ZoneId timeZone, Integer fatigueDays, Recurrence repeat, JourneyTrigger trigger, Window window,
            Reminders reminders) {

        public CampaignSettings {
            audience = audience == null ? Audience.NONE : audience;
            reminders = reminders == null ? Reminders.UNCHANGED : reminders;
        }

        public static Builder named(String name) {
            return new Builder(name);
        }

        /** So that call sites read by name rather than by position. */
        public static final class Builder {
            private final String name;
            private SurveyId survey;
            private CampaignKind kind;
            private Audience audience;
            private Instant sendAt;
            private ZoneId timeZone;
            private Integer fatigueDays;
            private Recurrence repeat;
            private JourneyTrigger trigger;
            private Window window;
            private Reminders reminders;

            private Builder(String name) {
                this.name = name;
            }

            public Builder survey(SurveyId value) {
                survey = value;
                return this;
            }

            public Builder kind(CampaignKind value) {
                kind = value;
                return this;
            }

            public Builder audience(Audience value) {
                audience = value;
                return this;
            }

            public Builder sendAt(Instant value) {
                sendAt = value;
                return this;
            }

            public Builder timeZone(ZoneId value) {
                timeZone = value;
                return this;
            }

            public Builder fatigueDays(Integer value) {
                fatigueDays = value;
                return this;
            }

            public Builder repeat(Recurrence value) {
                repeat = value;
                return this;
            }

            public Builder trigger(JourneyTrigger value) {
                trigger = value;
                return this;
            }

            public Builder window(Window value) {
                window = value;
                return this;
            }

            public Builder reminders(Reminders value) {
                reminders = value;
                return this;
            }

            public CampaignSettings build() {
                return new CampaignSettings(name, survey, kind, audience, sendAt, timeZone, fatigueDays, repeat, trigger,
                        window, reminders);
            }
        }
    }

    /** Who a campaign surveys: a list, a segment, or (a journey campaign, or a draft) neither; never both. */
    record Audience(ListId list, SegmentId segment) implements java.io.Serializable {

        public static final Audience NONE = new Audience(null, null);

        public Audience {
            if (list != null && segment != null) {
                throw new InvalidValueException("campaign.audience.both");
            }
        }

        public static Audience of(ListId list) {
            return new Audience(list, null);
        }

        public static Audience of(SegmentId segment) {
            return new Audience(null, segment);
        }
    }

    /** When a campaign may send: hours [fromHour, toHour) on some weekdays, in the campaign's time zone. */
    record Window(int fromHour, int toHour, Set<DayOfWeek> days) implements java.io.Serializable {

        public Window {
            SendWindow.check(fromHour, toHour, days);
            days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        }

        /** Hours default to the whole day, days to every day. */
        public static Window of(Integer fromHour, Integer toHour, Set<DayOfWeek> days) {
            return new Window(fromHour == null ? 0 : fromHour, toHour == null ? 24 : toHour,
                    days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days);
        }

        /** "MON,TUE,WED": the days as the API and the pages write them. */
        public String daysText() {
            return days.stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        }
    }

    /** How many reminders go to those who have not answered, and after how many days; null keeps a draft's value. */
    record Reminders(Integer count, Integer afterDays) {

        public static final Reminders UNCHANGED = new Reminders(null, null);
    }

    /** @param pausedReason why the campaign paused itself, to render in the reader's language; null when it did not */
    record CampaignView(long id, String name, SurveyId survey, String surveyName, CampaignKind kind, CampaignStatus status,
            Audience audience, Instant scheduledAt, ZoneId timeZone, Integer fatigueDays, Recurrence repeat,
            JourneyTrigger trigger, Window window, int reminders, int reminderAfterDays, int waves, Message pausedReason) implements java.io.Serializable {

        /** Scheduled or sending: it may still change by itself. */
        public boolean isLive() {
            return status == CampaignStatus.SCHEDULED || status == CampaignStatus.SENDING;
        }
    }

    /** Where a campaign stands: recipients by state, and the audience left out by reason. */
    record Progress(long recipients, long sent, long failed, long pending, Map<String, Integer> excluded, long responses) {
    }

    /** What launching would do now: how many would be invited, and how many each rule leaves out. */
    record AudiencePreview(int invited, Map<String, Integer> excluded) implements java.io.Serializable {
    }

    /** One invitation (or reminder) of a campaign, for the per-recipient view. */
    record Recipient(long invitationId, long contactId, String email, String name, int wave, int reminder, InvitationStatus status,
            Instant dueAt, Instant sentAt, int attempts, String lastError, boolean responded) implements java.io.Serializable {
    }

    record RecipientPage(long total, List<Recipient> rows) {
    }

    List<CampaignView> list();

    Optional<CampaignView> find(long id);

    Progress progress(long id);

    CampaignView create(CampaignSettings campaign);

    /** Only a draft can be changed. */
    CampaignView update(long id, CampaignSettings campaign);

    AudiencePreview previewAudience(long id);

    /**
     * A journey campaign's next {@code days} days (today first, in the campaign's time zone): how many contacts of
     * its audience become due each day, and how many of them can be mailed. Empty for other kinds, or without a
     * trigger yet.
     */
    List<DueForecast.Day> dueByDay(long id, int days);

    /**
     * @param status an invitation status (PENDING, SENT, FAILED...) or null for all
     * @param search part of the email or name, or null
     */
    RecipientPage recipients(long id, String status, String search, int first, int max);

    /** Draft to scheduled: it starts at its send time (or at once), on whichever instance gets there first. */
    CampaignView schedule(long id);

    CampaignView pause(long id);

    CampaignView resume(long id);

    /** No more invitations go out; those not yet sent are skipped. */
    CampaignView cancel(long id);
}
