package org.npsloop.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npsloop.domain.campaign.CampaignStatus.CANCELLED;
import static org.npsloop.domain.campaign.CampaignStatus.DONE;
import static org.npsloop.domain.campaign.CampaignStatus.DRAFT;
import static org.npsloop.domain.campaign.CampaignStatus.PAUSED;
import static org.npsloop.domain.campaign.CampaignStatus.SCHEDULED;
import static org.npsloop.domain.campaign.CampaignStatus.SENDING;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.i18n.InvalidStateException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.survey.Survey;

/** The marketer's moves on the entity, from every status: done, or refused in words and leaving it as it was. */
class CampaignLifecycleTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void scheduleOnlyADraft() {
        check((c, now) -> c.schedule(null, now), Map.of(DRAFT, SCHEDULED), "campaign.state.notNow");
    }

    @Test
    void pauseWhatIsSendingOrWaiting() {
        check(Campaign::pause, Map.of(SCHEDULED, PAUSED, SENDING, PAUSED), "campaign.state.notNow");
    }

    @Test
    void resumeWhatIsPausedToSendingOnceStarted() {
        check((c, now) -> c.resume(true, now), Map.of(PAUSED, SENDING), "campaign.state.notNow");
    }

    @Test
    void resumeWhatIsPausedToScheduledBeforeItsStart() {
        check((c, now) -> c.resume(false, now), Map.of(PAUSED, SCHEDULED), "campaign.state.notNow");
    }

    @Test
    void cancelWhatIsNotOver() {
        check(Campaign::cancel, Map.of(DRAFT, CANCELLED, SCHEDULED, CANCELLED, SENDING, CANCELLED, PAUSED, CANCELLED),
                "campaign.state.already");
    }

    @Test
    void aPausedCampaignForgetsWhyItPausedItselfWhenResumed() throws ReflectiveOperationException {
        Campaign campaign = campaignIn(PAUSED);
        set(campaign, "pausedReason", "12 of the last 15 messages failed");
        campaign.resume(true, NOW);
        assertNull(campaign.getPausedReason());
    }

    @Test
    void theRefusalIsReadInBothLanguages() {
        InvalidStateException refused = assertThrows(InvalidStateException.class, () -> campaignIn(DONE).pause(NOW));
        assertEquals("Not possible while the campaign is done", refused.reason().render(Locale.ENGLISH));
        assertEquals("Impossible tant que la campagne est terminée", refused.reason().render(Locale.FRENCH));
        InvalidStateException again = assertThrows(InvalidStateException.class, () -> campaignIn(CANCELLED).cancel(NOW));
        assertEquals("The campaign is already cancelled", again.reason().render(Locale.ENGLISH));
        assertEquals("La campagne est déjà annulée", again.reason().render(Locale.FRENCH));
    }

    /** {@code action} from each status: to the expected status where {@code moves} says, else refused with {@code key}. */
    private static void check(BiConsumer<Campaign, Instant> action, Map<CampaignStatus, CampaignStatus> moves, String key) {
        for (CampaignStatus from : CampaignStatus.values()) {
            Campaign campaign = campaignIn(from);
            if (moves.containsKey(from)) {
                action.accept(campaign, NOW);
                assertEquals(moves.get(from), campaign.getStatus(), "from " + from);
                assertTrue(from.canMoveTo(campaign.getStatus()), from + " -> " + campaign.getStatus() + " is in the table");
                assertEquals(NOW, updatedAt(campaign), "from " + from);
            } else {
                InvalidStateException refused = assertThrows(InvalidStateException.class, () -> action.accept(campaign, NOW),
                        "from " + from);
                assertEquals(Message.of(key, Message.of("campaign.state." + from)), refused.reason(), "from " + from);
                assertEquals(from, campaign.getStatus(), "a refusal leaves the status");
                assertEquals(CREATED, updatedAt(campaign), "a refusal changes nothing");
            }
        }
    }

    private static Campaign campaignIn(CampaignStatus status) {
        Campaign campaign = new Campaign("Lifecycle", new Survey("NPS", "Acme", CREATED), CampaignKind.ONE_OFF,
                ZoneId.of("Europe/Paris"), CREATED);
        campaign.target(new MailingList("Customers", CREATED), CREATED);
        try {
            set(campaign, "status", status);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return campaign;
    }

    private static Instant updatedAt(Campaign campaign) {
        try {
            Field field = Campaign.class.getDeclaredField("updatedAt");
            field.setAccessible(true);
            return (Instant) field.get(campaign);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void set(Campaign campaign, String name, Object value) throws ReflectiveOperationException {
        Field field = Campaign.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(campaign, value);
    }
}
