package org.npsloop.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npsloop.domain.campaign.CampaignStatus.CANCELLED;
import static org.npsloop.domain.campaign.CampaignStatus.DONE;
import static org.npsloop.domain.campaign.CampaignStatus.DRAFT;
import static org.npsloop.domain.campaign.CampaignStatus.PAUSED;
import static org.npsloop.domain.campaign.CampaignStatus.SCHEDULED;
import static org.npsloop.domain.campaign.CampaignStatus.SENDING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.campaign.CampaignStatus.Transition;

/** The life cycle, written out here on purpose: a change to the table must change this test too. */
class CampaignStatusTest {

    private static final Map<CampaignStatus, Set<CampaignStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(SCHEDULED, CANCELLED),
            SCHEDULED, EnumSet.of(SENDING, PAUSED, DONE, CANCELLED),
            SENDING, EnumSet.of(SCHEDULED, PAUSED, DONE, CANCELLED),
            PAUSED, EnumSet.of(SCHEDULED, SENDING, CANCELLED),
            DONE, EnumSet.of(SENDING),
            CANCELLED, EnumSet.noneOf(CampaignStatus.class));

    @Test
    void everyPairIsAllowedOrRefused() {
        int allowed = 0;
        for (CampaignStatus from : CampaignStatus.values()) {
            for (CampaignStatus to : CampaignStatus.values()) {
                boolean expected = ALLOWED.get(from).contains(to);
                assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
                allowed += expected ? 1 : 0;
            }
        }
        assertEquals(14, allowed, "14 of the 36 pairs");
    }

    @Test
    void noStatusMovesToItself() {
        for (CampaignStatus status : CampaignStatus.values()) {
            assertFalse(status.canMoveTo(status), status.name());
        }
    }

    @Test
    void eachTransitionStartsFromItsStatuses() {
        Map<Transition, Set<CampaignStatus>> from = Map.ofEntries(
                Map.entry(Transition.SCHEDULE, EnumSet.of(DRAFT)),
                Map.entry(Transition.PAUSE, EnumSet.of(SCHEDULED, SENDING)),
                Map.entry(Transition.RESUME_SENDING, EnumSet.of(PAUSED)),
                Map.entry(Transition.RESUME_WAITING, EnumSet.of(PAUSED)),
                Map.entry(Transition.CANCEL, EnumSet.of(DRAFT, SCHEDULED, SENDING, PAUSED)),
                Map.entry(Transition.START_WAVE, EnumSet.of(SCHEDULED)),
                Map.entry(Transition.SEND_REMINDERS, EnumSet.of(SCHEDULED, DONE)),
                Map.entry(Transition.AUTO_PAUSE, EnumSet.of(SENDING)),
                Map.entry(Transition.FINISH, EnumSet.of(SENDING)),
                Map.entry(Transition.WAIT_FOR_NEXT_WAVE, EnumSet.of(SENDING)),
                Map.entry(Transition.CLOSE, EnumSet.of(SCHEDULED)));
        assertEquals(Transition.values().length, from.size());
        for (Transition transition : Transition.values()) {
            assertEquals(from.get(transition), transition.from(), transition.name());
            for (CampaignStatus status : CampaignStatus.values()) {
                assertEquals(from.get(transition).contains(status), transition.allowsFrom(status), transition + " from " + status);
            }
        }
    }

    @Test
    void theTransitionsLeadWhereTheirNamesSay() {
        assertEquals(SCHEDULED, Transition.SCHEDULE.to());
        assertEquals(PAUSED, Transition.PAUSE.to());
        assertEquals(SENDING, Transition.RESUME_SENDING.to());
        assertEquals(SCHEDULED, Transition.RESUME_WAITING.to());
        assertEquals(CANCELLED, Transition.CANCEL.to());
        assertEquals(SENDING, Transition.START_WAVE.to());
        assertEquals(SENDING, Transition.SEND_REMINDERS.to());
        assertEquals(PAUSED, Transition.AUTO_PAUSE.to());
        assertEquals(DONE, Transition.FINISH.to());
        assertEquals(SCHEDULED, Transition.WAIT_FOR_NEXT_WAVE.to());
        assertEquals(DONE, Transition.CLOSE.to());
    }

    @Test
    void aCancelledCampaignNeverMovesAgain() {
        for (Transition transition : Transition.values()) {
            assertFalse(transition.allowsFrom(CANCELLED), transition.name());
        }
        assertTrue(DONE.canMoveTo(SENDING), "reminders due after the end send a done campaign again");
    }
}
