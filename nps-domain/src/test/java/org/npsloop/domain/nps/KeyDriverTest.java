package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyDriverTest {

    private static final double EPSILON = 1e-9;

    @Test
    void highIsFourAndFiveOfFiveAndEightToTenOfTen() {
        assertFalse(KeyDriver.isHigh(1, 5));
        assertFalse(KeyDriver.isHigh(3, 5));
        assertTrue(KeyDriver.isHigh(4, 5));
        assertTrue(KeyDriver.isHigh(5, 5));
        assertFalse(KeyDriver.isHigh(0, 10));
        assertFalse(KeyDriver.isHigh(7, 10));
        assertTrue(KeyDriver.isHigh(8, 10));
        assertTrue(KeyDriver.isHigh(10, 10));
        assertEquals(4, KeyDriver.highFrom(5));
        assertEquals(8, KeyDriver.highFrom(10));
    }

    @Test
    void ratingsOutsideTheScaleOrOtherScalesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeyDriver.isHigh(0, 5));
        assertThrows(IllegalArgumentException.class, () -> KeyDriver.isHigh(6, 5));
        assertThrows(IllegalArgumentException.class, () -> KeyDriver.isHigh(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> KeyDriver.isHigh(11, 10));
        assertThrows(IllegalArgumentException.class, () -> KeyDriver.isHigh(5, 7));
        assertThrows(IllegalArgumentException.class, () -> KeyDriver.highFrom(7));
    }

    @Test
    void largeGapOnLargeGroupsIsSignificant() {
        // high: 60/30/10 of 100, NPS +50, var = .6 + .1 - .5² = .45
        // low: 20/30/50 of 100, NPS -30, var = .2 + .5 - .3² = .61
        // delta = 80; combined = 1.96 * sqrt(.45/100 + .61/100) * 100 = 1.96 * sqrt(.0106) * 100 = 20.179
        KeyDriver delivery = new KeyDriver("DELIVERY", "Delivery",
                NpsResult.ofCounts(60, 30, 10), NpsResult.ofCounts(20, 30, 50));
        NpsChange difference = delivery.difference();
        assertEquals(80.0, difference.delta(), EPSILON);
        assertEquals(1.96 * Math.sqrt(0.0106) * 100, difference.combinedMarginOfError(), EPSILON);
        assertEquals(20.18, difference.combinedMarginOfError(), 0.005);
        assertTrue(delivery.isConclusive());
        assertTrue(delivery.isSignificant());
    }

    @Test
    void gapWithinTheCombinedErrorIsConclusiveButNotSignificant() {
        // high: 15/10/5 of 30, NPS +33.33, var = 20/30 - (10/30)² = .55556
        // low: 12/10/8 of 30, NPS +13.33, var = 20/30 - (4/30)² = .64889
        // delta = 20; combined = 1.96 * sqrt((.55556 + .64889) / 30) * 100 = 39.27 > 20
        KeyDriver phone = new KeyDriver("PHONE", "Phone", NpsResult.ofCounts(15, 10, 5), NpsResult.ofCounts(12, 10, 8));
        assertEquals(20.0, phone.difference().delta(), EPSILON);
        assertEquals(39.27, phone.difference().combinedMarginOfError(), 0.005);
        assertTrue(phone.isConclusive(), "30 in each group is the threshold");
        assertFalse(phone.difference().significant());
        assertFalse(phone.isSignificant());
    }

    @Test
    void twentyNineLowRatersAreNotConclusiveWhateverTheGap() {
        // high: 20/8/2 of 30, NPS (20 - 2)/30 = +60; low: 5/10/14 of 29, NPS (5 - 14)/29 = -31.03; delta 91.03
        KeyDriver sales = new KeyDriver("SALES", "Sales", NpsResult.ofCounts(20, 8, 2), NpsResult.ofCounts(5, 10, 14));
        assertEquals(60 + 900.0 / 29, sales.difference().delta(), EPSILON);
        assertTrue(sales.difference().significant(), "the margin alone would call it significant");
        assertFalse(sales.isConclusive());
        assertFalse(sales.isSignificant());
    }

    @Test
    void anEmptyGroupLeavesTheDifferenceUnknown() {
        // Everybody rated maintenance high: nobody to compare with.
        KeyDriver maintenance = new KeyDriver("MAINTENANCE", "Maintenance",
                NpsResult.ofCounts(50, 20, 10), NpsResult.ofCounts(0, 0, 0));
        assertFalse(maintenance.difference().isKnown());
        assertFalse(maintenance.isConclusive());
        assertFalse(maintenance.isSignificant());
    }

    @Test
    void needsAKeyAndBothGroups() {
        NpsResult any = NpsResult.ofCounts(1, 0, 0);
        assertThrows(NullPointerException.class, () -> new KeyDriver(null, "Phone", any, any));
        assertThrows(NullPointerException.class, () -> new KeyDriver("PHONE", "Phone", null, any));
        assertThrows(NullPointerException.class, () -> new KeyDriver("PHONE", "Phone", any, null));
    }
}
