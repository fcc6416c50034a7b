package org.npsloop.web.api;

import java.time.Instant;
import java.util.Locale;
import org.npsloop.campaigns.campaign.CampaignService.CampaignView;

/**
 * A campaign as {@code /api/campaigns} writes it: flat, with text for kinds, units, zones and days (the REST contract).
 * {@code pausedReason} is the reason the campaign paused itself, in the caller's language (Accept-Language).
 */
public record CampaignJson(long id, String name, long surveyId, String surveyName, String kind, String status, Long listId,
        Long segmentId, Instant scheduledAt, String timeZone, Integer fatigueDays, Integer repeatEvery, String repeatUnit,
        String triggerEvent, Integer triggerDelayDays, Integer windowFromHour, Integer windowToHour, String windowDays,
        int reminders, int reminderAfterDays, int waves, String pausedReason) {

    static CampaignJson of(CampaignView c, Locale locale) {
        var repeat = c.repeat();
        var trigger = c.trigger();
        var window = c.window();
        return new CampaignJson(c.id(), c.name(), c.survey().value(), c.surveyName(), c.kind().name(), c.status().name(),
                c.audience().list() == null ? null : c.audience().list().value(),
                c.audience().segment() == null ? null : c.audience().segment().value(), c.scheduledAt(), c.timeZone().getId(),
                c.fatigueDays(), repeat == null ? null : repeat.every(), repeat == null ? null : repeat.unit().name(),
                trigger == null ? null : trigger.eventType(), trigger == null ? null : trigger.delayDays(),
                window == null ? null : window.fromHour(), window == null ? null : window.toHour(),
                window == null ? null : window.daysText(), c.reminders(), c.reminderAfterDays(), c.waves(),
                c.pausedReason() == null ? null : c.pausedReason().render(locale));
    }
}
