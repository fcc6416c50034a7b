package org.npsloop.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.survey.Survey;

class CampaignTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aRecurringCampaignNeedsItsIntervalAndSchedulesItsNextWave() {
        Campaign campaign = new Campaign("Quarterly", survey(), CampaignKind.RECURRING, PARIS, NOW);
        campaign.target(new MailingList("Customers", NOW), NOW);
        assertThrows(IllegalStateException.class, () -> campaign.schedule(null, NOW));
        campaign.repeat(new Recurrence(3, Recurrence.Unit.MONTHS), NOW);
        campaign.schedule(NOW, NOW);

        campaign.waveStarted(NOW);
        assertEquals(NOW, campaign.getFirstSendAt());
        assertEquals(Instant.parse("2027-02-23T08:00:00Z"), campaign.getScheduledAt(), "three months later, 9:00 in Paris");
    }

    @Test
    void wavesMissedWhileNothingRanAreNotSentOneAfterAnother() {
        Campaign campaign = new Campaign("Weekly", survey(), CampaignKind.RECURRING, PARIS, NOW);
        campaign.target(new MailingList("Customers", NOW), NOW);
        campaign.repeat(new Recurrence(1, Recurrence.Unit.WEEKS), NOW);
        campaign.schedule(NOW, NOW);
        Instant threeWeeksLate = NOW.plus(Duration.ofDays(21)).plusSeconds(60);
        campaign.waveStarted(threeWeeksLate);
        assertEquals(NOW.plus(Duration.ofDays(28)), campaign.getScheduledAt());
    }

    @Test
    void aJourneyCampaignNeedsItsTriggerButNoAudienceAndListensFromItsStart() {
        Campaign campaign = new Campaign("Onboarding", survey(), CampaignKind.JOURNEY, PARIS, NOW);
        assertThrows(IllegalStateException.class, () -> campaign.schedule(null, NOW));
        campaign.trigger(new JourneyTrigger(" onboarding ", 7), NOW);
        assertEquals("ONBOARDING", campaign.getTrigger().eventType());
        campaign.schedule(null, NOW);
        assertNull(campaign.getTriggeredUntil());
        campaign.waveStarted(NOW);
        assertEquals(NOW, campaign.getTriggeredUntil());
    }

    @Test
    void onlyTheMatchingKindTakesARecurrenceOrATrigger() {
        Campaign oneOff = new Campaign("Once", survey(), CampaignKind.ONE_OFF, PARIS, NOW);
        assertThrows(IllegalStateException.class, () -> oneOff.repeat(new Recurrence(1, Recurrence.Unit.WEEKS), NOW));
        assertThrows(IllegalStateException.class, () -> oneOff.trigger(new JourneyTrigger("PURCHASE", 3), NOW));
    }

    @Test
    void messagesWaitForTheSendWindow() {
        Campaign campaign = new Campaign("Office hours", survey(), CampaignKind.ONE_OFF, PARIS, NOW);
        campaign.sendWindow(new SendWindow(10, 12, EnumSet.of(DayOfWeek.MONDAY)), NOW);
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), campaign.nextSendTime(NOW), "Monday 10:00 in Paris");
    }

    @Test
    void remindersAreBounded() {
        Campaign campaign = new Campaign("R", survey(), CampaignKind.ONE_OFF, PARIS, NOW);
        assertThrows(IllegalArgumentException.class, () -> campaign.reminders(6, 3, NOW));
        assertThrows(IllegalArgumentException.class, () -> campaign.reminders(1, 0, NOW));
        campaign.reminders(2, 5, NOW);
        assertEquals(2, campaign.getReminders());
    }

    private static Survey survey() {
        return new Survey("NPS", "Acme", NOW);
    }
}
