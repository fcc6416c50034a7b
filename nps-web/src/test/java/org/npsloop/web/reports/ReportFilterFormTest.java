package org.npsloop.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.RatedTouchpoint;
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

    @Test
    void theDrillDownTravelsFromTheTouchpointsPageToTheComments() {
        ReportFilterForm form = new ReportFilterForm();
        form.setPeriod(ReportFilterForm.LAST_30_DAYS);
        form.setCampaign(12L);
        ReportFilter filter = form.toFilter(TODAY);
        assertNull(filter.rated());
        String query = form.pageQuery(filter.withRated(new RatedTouchpoint("DELIVERY", RatedTouchpoint.Band.LOW)));
        assertEquals("period=custom&from=2026-02-14&to=2026-03-15&campaign=12&touchpoint=DELIVERY&rated=low", query);

        // The comments page reads those parameters back into the same filter.
        ReportFilterForm comments = new ReportFilterForm();
        comments.setPeriod("custom");
        comments.setFrom(LocalDate.of(2026, 2, 14));
        comments.setTo(TODAY);
        comments.setCampaign(12L);
        comments.setTouchpoint("DELIVERY");
        comments.setRated("low");
        assertEquals(new RatedTouchpoint("DELIVERY", RatedTouchpoint.Band.LOW), comments.toFilter(TODAY).rated());
        comments.setRated("middling");
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> comments.toFilter(TODAY));
        assertEquals("rated", refused.errors().get(0).field());
        assertEquals("drillDown", ReportPages.component("rated"), "shown on the drill-down note above the filters");
    }
}
