package org.npsloop.campaigns.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.npsloop.domain.campaign.DueForecast;

/**
 * Campaigns: a survey sent to a list or a segment once (now or at a time), every N weeks or months,
 * or N days after a journey event. Draft, scheduled, sending, done, paused or cancelled: every state
 * is stored, so it survives restarts.
 */
public interface CampaignService {

    /**
     * A campaign's settings, for creating it or changing a draft. {@code kind} is ONE_OFF (default),
     * RECURRING (with repeatEvery + repeatUnit WEEKS|MONTHS) or JOURNEY (with triggerEvent +
     * triggerDelayDays; the list or segment is then optional). The send window (hours [from, to) on
     * windowDays, e.g. "MON,TUE,WED,THU,FRI") is read in {@code timeZone}; none means any time.
     */
    record CampaignSettings(String name, Long surveyId, String kind, Long listId, Long segmentId, Instant sendAt,
            String timeZone, Integer fatigueDays, Integer repeatEvery, String repeatUnit, String triggerEvent,
            Integer triggerDelayDays, Integer windowFromHour, Integer windowToHour, String windowDays, Integer reminders,
            Integer reminderAfterDays) {
    }

    record CampaignView(long id, String name, long surveyId, String surveyName, String kind, String status, Long listId,
            Long segmentId, Instant scheduledAt, String timeZone, Integer fatigueDays, Integer repeatEvery,
            String repeatUnit, String triggerEvent, Integer triggerDelayDays, Integer windowFromHour,
            Integer windowToHour, String windowDays, int reminders, int reminderAfterDays, int waves, String pausedReason) {
    }

    /** Where a campaign stands: recipients by state, and the audience left out by reason. */
    record Progress(long recipients, long sent, long failed, long pending, Map<String, Integer> excluded, long responses) {
    }

    /** What launching would do now: how many would be invited, and how many each rule leaves out. */
    record AudiencePreview(int invited, Map<String, Integer> excluded) {
    }

    /** One invitation (or reminder) of a campaign, for the per-recipient view. */
    record Recipient(long invitationId, long contactId, String email, String name, int wave, int reminder, String status,
            Instant dueAt, Instant sentAt, int attempts, String lastError, boolean responded) {
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
