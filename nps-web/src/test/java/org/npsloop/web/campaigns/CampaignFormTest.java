package org.npsloop.web.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.audience.ListId;
import org.npsloop.campaigns.campaign.CampaignService.CampaignSettings;
import org.npsloop.campaigns.campaign.CampaignService.Reminders;
import org.npsloop.campaigns.campaign.CampaignService.Window;
import org.npsloop.campaigns.survey.SurveyId;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.campaign.JourneyTrigger;
import org.npsloop.domain.campaign.Recurrence;
import org.npsloop.domain.validation.InvalidInputException;

/** The one place where a campaign's text becomes typed settings: what it accepts, and how it names what it refuses. */
class CampaignFormTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void aCompleteFormBecomesTypedSettings() {
        CampaignSettings settings = new CampaignForm("  Spring ", 7L, "recurring", 3L, null, AT, " Europe/London ", 30, 2,
                "weeks", null, null, 9, 17, "MON, tue 5", 2, 4).parseNew();
        assertEquals("  Spring ", settings.name(), "the name is the service's to check");
        assertEquals(new SurveyId(7), settings.survey());
        assertEquals(CampaignKind.RECURRING, settings.kind());
        assertEquals(new ListId(3), settings.audience().list());
        assertNull(settings.audience().segment());
        assertEquals(AT, settings.sendAt());
        assertEquals(ZoneId.of("Europe/London"), settings.timeZone());
        assertEquals(30, settings.fatigueDays());
        assertEquals(new Recurrence(2, Recurrence.Unit.WEEKS), settings.repeat());
        assertNull(settings.trigger());
        assertEquals(new Window(9, 17, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.FRIDAY)), settings.window());
        assertEquals(new Reminders(2, 4), settings.reminders());
    }

    @Test
    void whatIsLeftOutStaysNull() {
        CampaignSettings settings = form("x", null, null, null, null, null, null, null, null, null, null).parseChange();
        assertNull(settings.kind());
        assertNull(settings.timeZone());
        assertNull(settings.window());
        assertNull(settings.repeat());
        assertNull(settings.trigger());
        assertEquals(Reminders.UNCHANGED, settings.reminders());
        assertNull(form("x", " ", null, null, null, null, null, null, null, null, " ").parseNew().window());
    }

    @Test
    void anUnknownKindIsRefusedOnItsField() {
        Map<String, String> errors = errors(form("x", "SOMETIMES", null, null, null, null, null, null, null, null, null));
        assertEquals(Map.of("kind", "kind is ONE_OFF, RECURRING or JOURNEY"), errors);
        assertEquals("le type est ONE_OFF, RECURRING ou JOURNEY",
                errors(form("x", "SOMETIMES", null, null, null, null, null, null, null, null, null), Locale.FRENCH).get("kind"));
    }

    @Test
    void everyMalformedFieldIsNamedInOneAnswer() {
        // The body CampaignDispatchIT sends: a journey without its event, a window that ends before it starts, a zone on Mars.
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new CampaignForm("x", 1L, "JOURNEY",
                null, null, null, "Mars/Olympus", null, null, null, null, 7, 18, 9, null, 9, null).parseNew());
        Map<String, String> errors = errors(refused, Locale.ENGLISH);
        assertEquals("unknown time zone: Mars/Olympus", errors.get("timeZone"));
        assertEquals("The send window needs 0 <= from < to <= 24 (hours of the day)", errors.get("window"));
        assertEquals("Choose the journey event that triggers the survey", errors.get("triggerEvent"));
        assertEquals(3, errors.size(), errors.toString());
        assertEquals("fuseau horaire inconnu : Mars/Olympus", errors(refused, Locale.FRENCH).get("timeZone"));
    }

    @Test
    void anUnknownWeekdayIsAWindowError() {
        Map<String, String> errors = errors(form("x", null, null, null, null, null, null, null, 8, null, "MON,Xyz"));
        assertEquals(Map.of("window", "Unknown weekday: Xyz"), errors);
        assertEquals("Jour de la semaine inconnu : Xyz",
                errors(form("x", null, null, null, null, null, null, null, 8, null, "MON,Xyz"), Locale.FRENCH).get("window"));
    }

    @Test
    void anIntervalNeedsBothItsNumberAndAKnownUnit() {
        assertEquals(Map.of("repeatEvery", "say how often it repeats: repeatEvery and repeatUnit (WEEKS or MONTHS)"),
                errors(form("x", "RECURRING", 2, null, null, null, null, null, null, null, null)));
        assertEquals(Map.of("repeatEvery", "Choose weeks or months"),
                errors(form("x", "RECURRING", 2, "DAYS", null, null, null, null, null, null, null)));
        assertEquals(new Recurrence(3, Recurrence.Unit.MONTHS),
                form("x", "RECURRING", 3, "months", null, null, null, null, null, null, null).parseNew().repeat());
    }

    @Test
    void aTriggerNeedsItsDelay() {
        assertEquals(Map.of("triggerEvent", "say how many days after the event (triggerDelayDays)"),
                errors(form("x", "JOURNEY", null, null, "ORDER_DELIVERED", null, null, null, null, null, null)));
        assertEquals(new JourneyTrigger("ORDER_DELIVERED", 3),
                form("x", "JOURNEY", null, null, "order_delivered", 3, null, null, null, null, null).parseNew().trigger());
    }

    /** As before the settings were typed: a kind's own settings are read only where they may matter. */
    @Test
    void aNewOneOffIgnoresAnotherKindsSettingsButAChangeWithoutKindReadsThem() {
        CampaignForm stray = form("x", null, 2, null, null, 7, null, null, null, null, null);
        CampaignSettings oneOff = stray.parseNew();
        assertNull(oneOff.repeat());
        assertNull(oneOff.trigger());
        assertEquals(Map.of("repeatEvery", "say how often it repeats: repeatEvery and repeatUnit (WEEKS or MONTHS)",
                "triggerEvent", "Choose the journey event that triggers the survey"), errors(stray, Locale.ENGLISH, false));
    }

    @Test
    void aListAndASegmentTogetherAreRefused() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new CampaignForm("x", 1L, null, 1L, 2L,
                null, null, null, null, null, null, null, null, null, null, null, null).parseNew());
        assertEquals(Map.of("audience", "choose either a list (listId) or a segment (segmentId), not both"),
                errors(refused, Locale.ENGLISH));
    }

    private static CampaignForm form(String name, String kind, Integer repeatEvery, String repeatUnit, String triggerEvent,
            Integer triggerDelayDays, String timeZone, Integer windowFrom, Integer windowTo, Integer reminders, String windowDays) {
        return new CampaignForm(name, 1L, kind, null, null, null, timeZone, null, repeatEvery, repeatUnit, triggerEvent,
                triggerDelayDays, windowFrom, windowTo, windowDays, reminders, null);
    }

    private static Map<String, String> errors(CampaignForm form) {
        return errors(form, Locale.ENGLISH);
    }

    private static Map<String, String> errors(CampaignForm form, Locale locale) {
        return errors(form, locale, true);
    }

    private static Map<String, String> errors(CampaignForm form, Locale locale, boolean asNew) {
        return errors(assertThrows(InvalidInputException.class, () -> {
            if (asNew) {
                form.parseNew();
            } else {
                form.parseChange();
            }
        }), locale);
    }

    private static Map<String, String> errors(InvalidInputException refused, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.errors().forEach(e -> errors.put(e.field(), e.message(locale)));
        return errors;
    }
}
