package org.npsloop.web.campaigns;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;
import org.npsloop.campaigns.audience.ListId;
import org.npsloop.campaigns.audience.SegmentId;
import org.npsloop.campaigns.campaign.CampaignService.Audience;
import org.npsloop.campaigns.campaign.CampaignService.CampaignSettings;
import org.npsloop.campaigns.campaign.CampaignService.Reminders;
import org.npsloop.campaigns.campaign.CampaignService.Window;
import org.npsloop.campaigns.survey.SurveyId;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.campaign.JourneyTrigger;
import org.npsloop.domain.campaign.Recurrence;
import org.npsloop.domain.campaign.SendWindow;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.validation.Violations;

/**
 * A campaign's settings as a person or a client writes them: the body of {@code POST/PUT /api/campaigns} (these
 * field names are the REST contract) and what the campaign pages send. {@link #parse()} is the one place where
 * this text becomes the typed {@link CampaignSettings}, refusing it with every malformed field at once.
 */
public record CampaignForm(String name, Long surveyId, String kind, Long listId, Long segmentId, Instant sendAt,
        String timeZone, Integer fatigueDays, Integer repeatEvery, String repeatUnit, String triggerEvent,
        Integer triggerDelayDays, Integer windowFromHour, Integer windowToHour, String windowDays, Integer reminders,
        Integer reminderAfterDays) {

    /** For a new campaign: without a kind it is a one-off, whose interval and trigger are not read. */
    public CampaignSettings parseNew() {
        return parse(CampaignKind.ONE_OFF);
    }

    /** For a draft: without a kind it keeps its own, which the edge does not know, so every setting is read. */
    public CampaignSettings parseChange() {
        return parse(null);
    }

    /** @throws org.npsloop.domain.validation.InvalidInputException naming each malformed field (nothing is stored) */
    private CampaignSettings parse(CampaignKind absentKind) {
        Violations violations = new Violations();
        CampaignKind kind = isBlank(kind()) ? null : violations.check("kind", () -> kind(kind()));
        ZoneId zone = isBlank(timeZone()) ? null : violations.check("timeZone", () -> zone(timeZone()));
        Audience audience = violations.check("audience", () -> new Audience(ListId.of(listId), SegmentId.of(segmentId)));
        Window window = windowFromHour == null && windowToHour == null && isBlank(windowDays) ? null
                : violations.check("window", () -> Window.of(windowFromHour, windowToHour, SendWindow.parseDays(windowDays)));
        // A kind's own settings are read only where they may matter: the others are ignored, as they always were.
        CampaignKind readAs = kind == null ? absentKind : kind;
        Recurrence repeat = readAs == null || readAs == CampaignKind.RECURRING ? violations.check("repeatEvery", this::repeat)
                : null;
        JourneyTrigger trigger = readAs == null || readAs == CampaignKind.JOURNEY ? violations.check("triggerEvent", this::trigger)
                : null;
        violations.throwIfAny();
        return CampaignSettings.named(name).survey(SurveyId.of(surveyId)).kind(kind).audience(audience).sendAt(sendAt)
                .timeZone(zone).fatigueDays(fatigueDays).repeat(repeat).trigger(trigger).window(window)
                .reminders(new Reminders(reminders, reminderAfterDays)).build();
    }

    static CampaignKind kind(String text) {
        return parse(() -> CampaignKind.valueOf(text.trim().toUpperCase(Locale.ROOT)), "campaign.kind.invalid");
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new InvalidValueException("campaign.timeZone.unknown", text);
        }
    }

    static Recurrence.Unit unit(String text) {
        return parse(() -> Recurrence.Unit.valueOf(text.trim().toUpperCase(Locale.ROOT)), "campaign.recurrence.unitRequired");
    }

    /** Both or neither: neither keeps the draft's interval. */
    private Recurrence repeat() {
        if (repeatEvery == null && repeatUnit == null) {
            return null;
        }
        if (repeatEvery == null || repeatUnit == null) {
            throw new InvalidValueException("campaign.recurrence.missing");
        }
        return new Recurrence(repeatEvery, unit(repeatUnit));
    }

    /** Neither keeps the draft's trigger; an event needs its delay. */
    private JourneyTrigger trigger() {
        if (triggerEvent == null && triggerDelayDays == null) {
            return null;
        }
        if (triggerDelayDays == null) {
            throw new InvalidValueException("campaign.trigger.delayRequired");
        }
        return new JourneyTrigger(triggerEvent, triggerDelayDays);
    }

    private static <T> T parse(Supplier<T> parser, String key) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(key);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
