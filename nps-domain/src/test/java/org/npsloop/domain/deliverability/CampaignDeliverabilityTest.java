package org.npsloop.domain.deliverability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.i18n.StoredMessages;

/** A campaign's figures and when they pause it, under the default policy (0.3% complaints, 5% hard bounces, from 500). */
class CampaignDeliverabilityTest {

    private static final DeliverabilityPolicy POLICY = DeliverabilityPolicy.DEFAULT;

    @Test
    void deliveredIsWhatWasSentLessTheBouncesAndEachRateIsPerMessageSent() {
        CampaignDeliverability figures = new CampaignDeliverability(200, 6, 4, 1, 3);
        assertEquals(190, figures.delivered());
        assertEquals(0.95, figures.deliveredRate(), 1e-12);
        assertEquals(0.03, figures.bounceRate(), 1e-12);
        assertEquals(0.02, figures.softBounceRate(), 1e-12);
        assertEquals(0.005, figures.complaintRate(), 1e-12);
        assertEquals(0.015, figures.unsubscribeRate(), 1e-12);
    }

    @Test
    void nothingSentMeansRatesOfZeroAndNothingDeliveredNeverBelowZero() {
        CampaignDeliverability none = new CampaignDeliverability(0, 0, 0, 0, 0);
        assertEquals(0, none.delivered());
        assertEquals(0, none.deliveredRate());
        assertEquals(0, none.complaintRate());
        assertEquals(0, new CampaignDeliverability(2, 3, 1, 0, 0).delivered(), "more reports than messages: none delivered");
    }

    @Test
    void complaintsPauseOnlyAboveTheThresholdNotAtIt() {
        assertEquals(Optional.empty(), new CampaignDeliverability(1000, 0, 0, 2, 0).pauseReason(POLICY), "0.2%: under");
        assertEquals(Optional.empty(), new CampaignDeliverability(1000, 0, 0, 3, 0).pauseReason(POLICY), "0.3%: at, not above");
        Message reason = new CampaignDeliverability(1000, 0, 0, 4, 0).pauseReason(POLICY).orElseThrow();
        assertEquals("campaign.paused.complaints", reason.key());
        assertEquals("Paused: 4 complaints for 1000 messages sent (0.4 %, above the 0.3 % limit); check the audience and the "
                + "content, then resume.", reason.render(Locale.ENGLISH));
        assertEquals("En pause : 4 plaintes pour 1000 messages envoy\u00e9s (0,4 %, au-del\u00e0 de la limite de 0,3 %) ; "
                + "v\u00e9rifiez l'audience et le contenu, puis reprenez.", reason.render(Locale.FRENCH));
    }

    @Test
    void hardBouncesPauseOnlyAboveTheThresholdAndSoftOnesNever() {
        assertEquals(Optional.empty(), new CampaignDeliverability(1000, 50, 0, 0, 0).pauseReason(POLICY), "5%: at, not above");
        assertEquals(Optional.empty(), new CampaignDeliverability(1000, 0, 900, 0, 0).pauseReason(POLICY),
                "soft bounces say nothing against the list");
        Message reason = new CampaignDeliverability(1000, 51, 0, 0, 0).pauseReason(POLICY).orElseThrow();
        assertEquals("campaign.paused.bounces", reason.key());
        assertTrue(reason.render(Locale.ENGLISH).startsWith("Paused: 51 hard bounces for 1000 messages sent (5.1 %, above the 5 %"),
                reason.render(Locale.ENGLISH));
        assertTrue(reason.render(Locale.FRENCH).contains("(5,1 %, au-del\u00e0 de la limite de 5 %)"), reason.render(Locale.FRENCH));
    }

    @Test
    void complaintsComeFirstWhenBothRatesAreAbove() {
        assertEquals("campaign.paused.complaints",
                new CampaignDeliverability(1000, 100, 0, 10, 0).pauseReason(POLICY).orElseThrow().key());
    }

    @Test
    void nothingPausesBeforeTheMinimumSentAndFromItOn() {
        assertEquals(Optional.empty(), new CampaignDeliverability(499, 499, 0, 499, 0).pauseReason(POLICY), "499 sent: too few");
        assertTrue(new CampaignDeliverability(500, 0, 0, 2, 0).pauseReason(POLICY).isPresent(), "500 sent: judged (0.4%)");
        DeliverabilityPolicy small = new DeliverabilityPolicy(3, 15, 0.003, 0.05, 10);
        assertEquals(Optional.empty(), new CampaignDeliverability(9, 0, 0, 1, 0).pauseReason(small));
        assertTrue(new CampaignDeliverability(10, 0, 0, 1, 0).pauseReason(small).isPresent());
    }

    /** Stored in the campaign as key and arguments, it reads back in either language. */
    @Test
    void theReasonSurvivesBeingStored() {
        Message reason = new CampaignDeliverability(20, 0, 0, 1, 0).pauseReason(new DeliverabilityPolicy(3, 15, 0.003, 0.05, 10))
                .orElseThrow();
        Message read = StoredMessages.decodeOne(StoredMessages.encode(reason));
        assertEquals(reason.render(Locale.ENGLISH), read.render(Locale.ENGLISH));
        assertEquals("En pause : 1 plainte pour 20 messages envoy\u00e9s (5 %, au-del\u00e0 de la limite de 0,3 %) ; "
                + "v\u00e9rifiez l'audience et le contenu, puis reprenez.", read.render(Locale.FRENCH));
    }
}
