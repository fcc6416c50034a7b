package org.npsloop.domain.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void answersThisMonthMakeThePeriodEndToday() {
        assertEquals(new DefaultPeriod(LocalDate.of(2026, 10, 1), TODAY),
                DefaultPeriod.of(Optional.of(LocalDate.of(2026, 12, 2)), TODAY));
    }

    @Test
    void olderAnswersMakeThePeriodEndWithTheirMonth() {
        assertEquals(new DefaultPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30)),
                DefaultPeriod.of(Optional.of(LocalDate.of(2026, 4, 10)), TODAY));
    }

    @Test
    void withoutAnswersTheThreeCompleteMonthsBeforeThisOne() {
        assertEquals(new DefaultPeriod(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30)), DefaultPeriod.of(Optional.empty(), TODAY));
    }

    @Test
    void anAnswerDatedInTheFutureDoesNotMoveThePeriodPastToday() {
        assertEquals(new DefaultPeriod(LocalDate.of(2026, 10, 1), TODAY), DefaultPeriod.of(Optional.of(LocalDate.of(2027, 1, 5)), TODAY));
    }
}
