package org.npsloop.domain.deliverability;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DeliverabilityPolicyTest {

    /** The published guidance behind the defaults: docs/deliverability.md, "Policy". */
    @Test
    void theDefaultsAreThoseDocumented() {
        assertEquals(new DeliverabilityPolicy(3, 15, 0.003, 0.05, 500), DeliverabilityPolicy.DEFAULT);
    }

    @Test
    void softBouncesNeedAtLeastOneWithinAtLeastOneDay() {
        assertThrows(IllegalArgumentException.class, () -> new DeliverabilityPolicy(0, 15, 0.003, 0.05, 500));
        assertThrows(IllegalArgumentException.class, () -> new DeliverabilityPolicy(3, 0, 0.003, 0.05, 500));
        assertThrows(IllegalArgumentException.class, () -> new DeliverabilityPolicy(-1, 15, 0.003, 0.05, 500));
        assertDoesNotThrow(() -> new DeliverabilityPolicy(1, 1, 0.003, 0.05, 500));
    }

    @Test
    void pauseRatesAreFractionsAboveZeroUpToOne() {
        for (double bad : new double[] {0, -0.01, 1.01, 3, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new DeliverabilityPolicy(3, 15, bad, 0.05, 500), "complaints " + bad);
            assertThrows(IllegalArgumentException.class, () -> new DeliverabilityPolicy(3, 15, 0.003, bad, 500), "bounces " + bad);
        }
        assertDoesNotThrow(() -> new DeliverabilityPolicy(3, 15, 1, 1, 500));
    }

    @Test
    void theMinimumSentIsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new DeliverabilityPolicy(3, 15, 0.003, 0.05, 0));
        assertDoesNotThrow(() -> new DeliverabilityPolicy(3, 15, 0.003, 0.05, 1));
    }
}
