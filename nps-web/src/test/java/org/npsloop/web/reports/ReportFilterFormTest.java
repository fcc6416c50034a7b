package org.npsloop.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.npsloop.reporting.ReportFilter;

class ReportFilterFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void theBotsToggleHasOneNameFromTheUrlToTheApi() {
        ReportFilterForm form = new ReportFilterForm();
        assertFalse(form.toFilter(TODAY).includeFlagged(), "the reports leave suspected bots out by default");
        form.setIncludeFlagged(true);
        ReportFilter filter = form.toFilter(TODAY);
        assertTrue(filter.includeFlagged());
        assertEquals("true", form.apiParameters(filter).get("includeFlagged"));
    }

    @Test
    void theInboxsFormerParameterIsReadButNeverWritten() {
        ReportFilterForm form = new ReportFilterForm();
        form.setIncludeFlagged(true);
        form.setHideFlagged(null);
        assertTrue(form.isIncludeFlagged(), "absent: no change");
        form.setHideFlagged(Boolean.TRUE);
        assertFalse(form.isIncludeFlagged());
        form.setHideFlagged(Boolean.FALSE);
        assertTrue(form.isIncludeFlagged());
        assertNull(form.getHideFlagged(), "links carry includeFlagged only");
    }

    @Test
    void quickPeriodsEndTodayAndAllHasNoBounds() {
        ReportFilterForm form = new ReportFilterForm();
        form.setPeriod(ReportFilterForm.LAST_30_DAYS);
        ReportFilter last30 = form.toFilter(TODAY);
        assertEquals(LocalDate.of(2026, 2, 14), last30.from());
        assertEquals(TODAY, last30.to());
        form.setPeriod(ReportFilterForm.ALL);
        form.setFrom(LocalDate.of(2026, 1, 1));
        assertNull(form.toFilter(TODAY).from(), "everything, whatever the days typed");
    }
}
