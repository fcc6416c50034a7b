package org.npsloop.domain.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-31T10:15:00Z");

    @Test
    void everyRuleIsOffUntilAnAdministratorChoosesAPeriod() {
        assertEquals(RetentionPolicy.OFF, RetentionPolicy.of(null, null, null, null, null));
        assertFalse(RetentionPolicy.OFF.anyOn());
        assertEquals(Map.of(), RetentionPolicy.OFF.cutoffs(NOW), "nothing would be removed");
        assertTrue(RetentionPolicy.of(null, null, null, 1, null).anyOn());
    }

    @Test
    void monthsAreCalendarMonthsAndDaysAreDaysBeforeNow() {
        RetentionPolicy policy = RetentionPolicy.of(1, 24, 90, 7, 30);
        Map<RetentionRule, Instant> cutoffs = policy.cutoffs(NOW);
        // One month before 31 March is the last day of February, at the same time of day.
        assertEquals(Instant.parse("2026-02-28T10:15:00Z"), cutoffs.get(RetentionRule.CONTACTS));
        assertEquals(Instant.parse("2024-03-31T10:15:00Z"), cutoffs.get(RetentionRule.COMMENTS));
        assertEquals(Instant.parse("2025-12-31T10:15:00Z"), cutoffs.get(RetentionRule.INVITATIONS));
        assertEquals(Instant.parse("2026-03-24T10:15:00Z"), cutoffs.get(RetentionRule.OUTBOX));
        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), cutoffs.get(RetentionRule.WEBHOOKS));
        assertEquals(List.of(RetentionRule.values()), List.copyOf(cutoffs.keySet()), "in rule order");
    }

    @Test
    void onlyTheRulesThatAreOnHaveACutoff() {
        RetentionPolicy policy = RetentionPolicy.of(0, 18, 0, null, 0);
        assertEquals(Map.of(RetentionRule.COMMENTS, Instant.parse("2024-09-30T10:15:00Z")), policy.cutoffs(NOW));
        assertEquals(18, policy.period(RetentionRule.COMMENTS));
        assertEquals(0, policy.period(RetentionRule.OUTBOX));
    }

    @Test
    void aPeriodOutOfBoundsIsRefusedNamingItsFieldInTheCallersLanguage() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> RetentionPolicy.of(-1, 1201, 36500, 36501, 1));
        assertEquals(List.of("contactMonths", "commentMonths", "outboxDays"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals("From 1 to 1200 months, or 0 to keep for ever (not -1)", refused.errors().get(0).message(Locale.ENGLISH));
        assertEquals("De 1 \u00e0 36500 jours, ou 0 pour tout garder (pas 36501)", refused.errors().get(2).message(Locale.FRENCH));
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(0, 0, 0, -5, 0));
    }

    @Test
    void aRunIsDueAnIntervalAfterTheLastOneWhicheverInstanceRanIt() {
        Duration day = Duration.ofDays(1);
        assertTrue(RetentionPolicy.due(null, day, NOW), "never run");
        assertEquals(NOW, RetentionPolicy.nextRun(null, day, NOW));
        Instant last = NOW.minus(Duration.ofHours(3));
        assertFalse(RetentionPolicy.due(last, day, NOW));
        assertEquals(last.plus(day), RetentionPolicy.nextRun(last, day, NOW));
        assertTrue(RetentionPolicy.due(NOW.minus(day), day, NOW), "exactly one interval later");
        assertEquals(NOW, RetentionPolicy.nextRun(NOW.minus(Duration.ofDays(3)), day, NOW), "overdue: now, not in the past");
    }
}
