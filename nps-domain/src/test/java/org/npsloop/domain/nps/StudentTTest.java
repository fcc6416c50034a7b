package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void oneAndTwoDegreesOfFreedomMatchTheirClosedForms() {
        // df = 1 is the Cauchy distribution: P(|T| <= t) = 2/π atan(t) = .95, so t = tan(.475 π) = 12.7062047...
        assertEquals(Math.tan(0.475 * Math.PI), StudentT.criticalValue95(1), 1e-9);
        // df = 2: P(|T| <= t) = t / sqrt(2 + t²) = .95, so t² = .9025 * 2 / (1 - .9025) = 18.5128..., t = 4.3026527...
        assertEquals(Math.sqrt(0.9025 * 2 / 0.0975), StudentT.criticalValue95(2), 1e-9);
    }

    @Test
    void matchesThePublishedTableToItsThreeDecimals() {
        // Two-sided 95% column of the usual t table.
        long[] df = {3, 4, 5, 9, 10, 29, 30, 40, 60, 100, 120, 1000};
        double[] t = {3.182, 2.776, 2.571, 2.262, 2.228, 2.045, 2.042, 2.021, 2.000, 1.984, 1.980, 1.962};
        for (int i = 0; i < df.length; i++) {
            assertEquals(t[i], StudentT.criticalValue95(df[i]), 0.0005, "df = " + df[i]);
        }
    }

    @Test
    void growsNoJumpWhereTheComputationSwitchesToTheExpansion() {
        double exact = StudentT.criticalValue95(StudentT.EXACT_UP_TO);
        double expanded = StudentT.criticalValue95(StudentT.EXACT_UP_TO + 1);
        assertTrue(expanded < exact, "t keeps falling with df");
        // d t / d df is about -(z³ + z) / (4 df²) = -(7.529 + 1.960) / 4,000,000 = -2.372e-6 here.
        assertEquals(exact - 2.372e-6, expanded, 5e-8);
        // and tends to the normal z of 1.959964
        assertEquals(1.959964, StudentT.criticalValue95(10_000_000), 1e-6);
    }

    @Test
    void needsAtLeastOneDegreeOfFreedom() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.criticalValue95(0));
    }
}
