package org.npsloop.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.ReportFilter;

class ReportFilterParamsTest {

    @Test
    void everyParameterIsReadIntoTheFilter() {
        ReportFilter filter = new ReportFilterParams("2026-03-01", "2026-03-31", "12", "onboarding", "7", "Plan", "pro", "fr",
                "phone", "true").toFilter();
        assertEquals(LocalDate.of(2026, 3, 1), filter.from());
        assertEquals(LocalDate.of(2026, 3, 31), filter.to());
        assertEquals(12L, filter.campaignId());
        assertEquals("ONBOARDING", filter.journeyMoment());
        assertEquals(7L, filter.segmentId());
        assertEquals("pro", filter.attributeValue());
        assertEquals(Language.FR, filter.language());
        assertEquals(ResponseChannel.PHONE, filter.channel());
        assertTrue(filter.includeFlagged());
    }

    @Test
    void absentParametersMeanNoFilter() {
        ReportFilter filter = new ReportFilterParams(null, " ", null, null, null, null, null, null, null, null).toFilter();
        assertEquals(ReportFilter.everything(), filter);
        assertNull(filter.from());
        assertFalse(filter.includeFlagged());
    }

    @Test
    void everyMalformedParameterIsNamedAtOnce() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new ReportFilterParams("2026-13-01",
                "2026-02-31", "abc", null, "1.5", null, null, "de", "fax", "maybe").toFilter());
        assertEquals(List.of("from", "to", "campaign", "segment", "language", "channel", "includeFlagged"),
                refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.getMessage().contains("a day like 2026-11-01, not 2026-13-01"), refused.getMessage());
        InvalidInputException reversed = assertThrows(InvalidInputException.class,
                () -> new ReportFilterParams("2026-03-10", "2026-03-01", null, null, null, null, null, null, null, null).toFilter());
        assertEquals("to", reversed.errors().get(0).field());
    }

    /** A malformed attribute name was an IllegalArgumentException out of the filter: a 500 on every report endpoint. */
    @Test
    void aMalformedAttributeOrAValueWithoutOneIsNamed() {
        InvalidInputException malformed = assertThrows(InvalidInputException.class, () -> new ReportFilterParams(null, null, null,
                null, null, "plan'; --", "x", null, null, null).toFilter());
        assertEquals(List.of("attribute"), malformed.errors().stream().map(FieldError::field).toList());
        InvalidInputException noValue = assertThrows(InvalidInputException.class, () -> new ReportFilterParams(null, null, null,
                null, null, "plan", " ", null, null, null).toFilter());
        assertEquals(List.of("value"), noValue.errors().stream().map(FieldError::field).toList());
    }
}
