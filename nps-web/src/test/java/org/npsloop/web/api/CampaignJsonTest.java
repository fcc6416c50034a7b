package org.npsloop.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.RecordComponent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.audience.SegmentId;
import org.npsloop.campaigns.campaign.CampaignService.Audience;
import org.npsloop.campaigns.campaign.CampaignService.CampaignView;
import org.npsloop.campaigns.campaign.CampaignService.Window;
import org.npsloop.campaigns.survey.SurveyId;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.campaign.JourneyTrigger;
import org.npsloop.web.campaigns.CampaignForm;

/** The typed view goes out flat and as text, under the names REST clients already read. */
class CampaignJsonTest {

    @Test
    void aTypedViewIsWrittenAsTheApiAlwaysWroteIt() {
        CampaignView view = new CampaignView(4, "Onboarding", new SurveyId(7), "Relationship", CampaignKind.JOURNEY,
                CampaignStatus.SENDING, Audience.of(new SegmentId(9)), Instant.EPOCH, ZoneId.of("Europe/Paris"), 30, null,
                new JourneyTrigger("order_delivered", 3), new Window(8, 18, EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY)),
                1, 5, 2, null);
        CampaignJson json = CampaignJson.of(view, Locale.ENGLISH);
        assertEquals(new CampaignJson(4, "Onboarding", 7, "Relationship", "JOURNEY", "SENDING", null, 9L, Instant.EPOCH,
                "Europe/Paris", 30, null, null, "ORDER_DELIVERED", 3, 8, 18, "MON,FRI", 1, 5, 2, null), json);
    }

    @Test
    void noWindowIsWrittenAsNoWindowFields() {
        CampaignJson json = CampaignJson.of(new CampaignView(1, "x", new SurveyId(1), "s", CampaignKind.ONE_OFF,
                CampaignStatus.DRAFT, Audience.NONE, null, ZoneId.of("UTC"), null, null, null, null, 0, 3, 0, null), Locale.ENGLISH);
        assertNull(json.windowDays());
        assertNull(json.windowFromHour());
        assertNull(json.listId());
    }

    /** The JSON field names are the contract: the body read and the object written keep today's names. */
    @Test
    void theFieldNamesAreThoseOfTheContract() {
        assertEquals(List.of("id", "name", "surveyId", "surveyName", "kind", "status", "listId", "segmentId", "scheduledAt",
                "timeZone", "fatigueDays", "repeatEvery", "repeatUnit", "triggerEvent", "triggerDelayDays", "windowFromHour",
                "windowToHour", "windowDays", "reminders", "reminderAfterDays", "waves", "pausedReason"), names(CampaignJson.class));
        assertEquals(List.of("name", "surveyId", "kind", "listId", "segmentId", "sendAt", "timeZone", "fatigueDays",
                "repeatEvery", "repeatUnit", "triggerEvent", "triggerDelayDays", "windowFromHour", "windowToHour", "windowDays",
                "reminders", "reminderAfterDays"), names(CampaignForm.class));
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
