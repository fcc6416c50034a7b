package org.npsloop.domain.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.user.User;

class FollowUpTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static FollowUp followUp() {
        return new FollowUp(new Response(null, new Score(4), ResponseChannel.PHONE, NOW), TODAY,
                FollowUpRules.DEFAULT_DUE_DAYS, NOW);
    }

    @Test
    void aNewFollowUpIsUnassignedAndDueSevenDaysLater() {
        FollowUp f = followUp();
        assertEquals(FollowUpStatus.NEW, f.getStatus());
        assertNull(f.getOwner());
        assertEquals(LocalDate.of(2026, 11, 27), f.getDueOn());
    }

    @Test
    void overdueOnlyOnceTheDueDayHasPassedAndWhileOpen() {
        FollowUp f = followUp();
        assertFalse(f.isOverdue(LocalDate.of(2026, 11, 27)), "the due day itself is not late");
        assertTrue(f.isOverdue(LocalDate.of(2026, 11, 28)));
        f.moveTo(FollowUpStatus.CONTACTED, NOW);
        assertTrue(f.isOverdue(LocalDate.of(2026, 11, 28)), "contacted but not resolved is still open");
        f.moveTo(FollowUpStatus.RESOLVED, NOW);
        assertFalse(f.isOverdue(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void statusMovesForwardAndAResolvedOneCanBeReopenedButNeverBackToNew() {
        FollowUp f = followUp();
        assertThrows(IllegalArgumentException.class, () -> f.moveTo(null, NOW));
        assertTrue(f.moveTo(FollowUpStatus.RESOLVED, NOW), "fixed without a call");
        assertEquals(NOW, f.getResolvedAt());
        IllegalArgumentException back = assertThrows(IllegalArgumentException.class, () -> f.moveTo(FollowUpStatus.NEW, NOW));
        assertTrue(back.getMessage().contains("from Resolved to New"), back.getMessage());
        assertTrue(f.moveTo(FollowUpStatus.CONTACTED, NOW.plusSeconds(60)), "reopened");
        assertNull(f.getResolvedAt());
        assertFalse(f.moveTo(FollowUpStatus.CONTACTED, NOW), "no change");
        assertThrows(IllegalArgumentException.class, () -> f.moveTo(FollowUpStatus.NEW, NOW));
    }

    @Test
    void assigningTellsWhetherTheOwnerChanged() {
        FollowUp f = followUp();
        User alice = new User("alice", "Alice", List.of(Role.MARKETER), "h", false, NOW);
        User bob = new User("bob", "Bob", List.of(Role.EXECUTIVE), "h", false, NOW);
        assertTrue(f.assign(alice, NOW));
        assertSame(alice, f.getOwner());
        assertFalse(f.assign(alice, NOW));
        assertTrue(f.assign(bob, NOW));
        assertTrue(f.assign(null, NOW));
        assertNull(f.getOwner());
        assertFalse(f.assign(null, NOW));
    }

    @Test
    void dueDateNotInThePastNorMoreThanAYearAhead() {
        FollowUp f = followUp();
        assertThrows(IllegalArgumentException.class, () -> f.dueOn(TODAY.minusDays(1), TODAY, NOW));
        assertThrows(IllegalArgumentException.class, () -> f.dueOn(TODAY.plusDays(367), TODAY, NOW));
        assertTrue(f.dueOn(TODAY, TODAY, NOW));
        assertEquals(TODAY, f.getDueOn());
        assertFalse(f.dueOn(TODAY, TODAY.plusDays(3), NOW), "unchanged, even once it is past");
    }

    @Test
    void notesNeedTextAndKeepItTrimmed() {
        FollowUp f = followUp();
        assertThrows(IllegalArgumentException.class, () -> f.addNote("alice", "  ", NOW));
        assertThrows(IllegalArgumentException.class, () -> f.addNote("alice", "x".repeat(4001), NOW));
        FollowUpNote note = f.addNote("alice", "  Called, will send a voucher \n", NOW);
        assertEquals("Called, will send a voucher", note.getText());
        assertEquals("alice", note.getAuthor());
        assertEquals(List.of(note), f.getNotes());
    }

    @Test
    void detractorsAlwaysGetOnePassivesOnlyWhenAskedPromotersNever() {
        assertTrue(FollowUpRules.wanted(NpsCategory.DETRACTOR, false));
        assertFalse(FollowUpRules.wanted(NpsCategory.PASSIVE, false));
        assertTrue(FollowUpRules.wanted(NpsCategory.PASSIVE, true));
        assertFalse(FollowUpRules.wanted(NpsCategory.PROMOTER, true));
    }

    @Test
    void overdueFirstThenFiveAndSixThenZeroToFourThenPassivesResolvedLast() {
        LocalDate soon = TODAY.plusDays(3);
        LocalDate later = TODAY.plusDays(6);
        FollowUpRules.SortKey six = new FollowUpRules.SortKey(1, 6, FollowUpStatus.NEW, later);
        FollowUpRules.SortKey five = new FollowUpRules.SortKey(2, 5, FollowUpStatus.CONTACTED, later);
        FollowUpRules.SortKey sixSooner = new FollowUpRules.SortKey(3, 6, FollowUpStatus.NEW, soon);
        FollowUpRules.SortKey three = new FollowUpRules.SortKey(4, 3, FollowUpStatus.NEW, soon);
        FollowUpRules.SortKey zeroOverdue = new FollowUpRules.SortKey(5, 0, FollowUpStatus.NEW, TODAY.minusDays(1));
        FollowUpRules.SortKey passive = new FollowUpRules.SortKey(6, 8, FollowUpStatus.NEW, soon);
        FollowUpRules.SortKey resolvedSix = new FollowUpRules.SortKey(7, 6, FollowUpStatus.RESOLVED, TODAY.minusDays(5));
        FollowUpRules.SortKey fourSameDay = new FollowUpRules.SortKey(8, 4, FollowUpStatus.NEW, soon);
        List<FollowUpRules.SortKey> keys = new ArrayList<>(List.of(resolvedSix, passive, three, fourSameDay, zeroOverdue, five,
                sixSooner, six));
        keys.sort(FollowUpRules.comparator(TODAY));
        assertEquals(List.of(zeroOverdue, sixSooner, six, five, fourSameDay, three, passive, resolvedSix), keys);
    }
}
