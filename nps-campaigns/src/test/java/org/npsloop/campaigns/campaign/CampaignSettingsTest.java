package org.npsloop.campaigns.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.audience.ListId;
import org.npsloop.campaigns.audience.SegmentId;
import org.npsloop.campaigns.campaign.CampaignService.Audience;
import org.npsloop.campaigns.campaign.CampaignService.CampaignSettings;
import org.npsloop.campaigns.campaign.CampaignService.Reminders;
import org.npsloop.campaigns.campaign.CampaignService.Window;
import org.npsloop.campaigns.survey.SurveyId;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.campaign.Recurrence;
import org.npsloop.domain.i18n.InvalidValueException;

/** The typed settings refuse what no campaign could have, with the keys the pages and the API show. */
class CampaignSettingsTest {

    @Test
    void aWindowDefaultsToTheWholeDayEveryDay() {
        Window window = Window.of(null, null, null);
        assertEquals(0, window.fromHour());
        assertEquals(24, window.toHour());
        assertEquals(EnumSet.allOf(DayOfWeek.class), window.days());
        assertEquals(Window.of(9, null, Set.of()), new Window(9, 24, EnumSet.allOf(DayOfWeek.class)));
    }

    @Test
    void aWindowRefusesHoursThatDoNotMakeARangeAndAnEmptyWeek() {
        assertEquals("campaign.window.hours", key(() -> Window.of(18, 9, null)));
        assertEquals("campaign.window.hours", key(() -> Window.of(-1, null, null)));
        assertEquals("campaign.window.hours", key(() -> Window.of(null, 25, null)));
        assertEquals("campaign.window.days", key(() -> new Window(9, 17, EnumSet.noneOf(DayOfWeek.class))));
    }

    @Test
    void aWindowsDaysAreAnOrderedCopyNobodyCanChange() {
        Set<DayOfWeek> days = new HashSet<>(Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY));
        Window window = Window.of(8, 18, days);
        days.add(DayOfWeek.SUNDAY);
        assertEquals("MON,FRI", window.daysText());
        assertThrows(UnsupportedOperationException.class, () -> window.days().add(DayOfWeek.SUNDAY));
    }

    @Test
    void anAudienceIsAListOrASegmentNeverBoth() {
        assertEquals("campaign.audience.both", key(() -> new Audience(new ListId(1), new SegmentId(2))));
        assertEquals(new ListId(1), Audience.of(new ListId(1)).list());
        assertNull(Audience.of(new SegmentId(2)).list());
    }

    @Test
    void settingsReadByNameAndLeaveOutWhatIsNotSaid() {
        CampaignSettings settings = CampaignSettings.named("Spring").survey(new SurveyId(7)).kind(CampaignKind.RECURRING)
                .repeat(new Recurrence(2, Recurrence.Unit.WEEKS)).timeZone(ZoneId.of("Europe/London")).build();
        assertEquals("Spring", settings.name());
        assertEquals(7, settings.survey().value());
        assertEquals(Audience.NONE, settings.audience());
        assertEquals(Reminders.UNCHANGED, settings.reminders());
        assertNull(settings.window());
        assertNull(settings.trigger());
        assertNull(SurveyId.of(null));
        assertEquals(new SegmentId(3), SegmentId.of(3L));
    }

    private static String key(Runnable check) {
        return assertThrows(InvalidValueException.class, check::run).reason().key();
    }
}
