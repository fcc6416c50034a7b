package org.npsloop.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;

/** The report and export parameters that are not filters: format, label language, CSV separator. */
class ReportParametersTest {

    @Test
    void theFormatComesFromTheParameterElseFromAccept() {
        assertTrue(InternalReportResource.pdf("PDF", null));
        assertFalse(InternalReportResource.pdf("html", "application/pdf"));
        assertTrue(InternalReportResource.pdf(null, "application/pdf"));
        assertFalse(InternalReportResource.pdf(null, "text/html,application/pdf;q=0.9"));
        assertFalse(InternalReportResource.pdf(" ", null));
        assertThrows(IllegalArgumentException.class, () -> InternalReportResource.pdf("docx", null));
    }

    @Test
    void labelsInTheLanguageAskedElseTheBrowsers() {
        assertEquals(Language.FR, InternalReportResource.language("fr", "en"));
        assertEquals(Language.FR, InternalReportResource.language(null, "fr-FR,fr;q=0.9,en;q=0.8"));
        assertEquals(Language.EN, InternalReportResource.language(null, "de-DE"));
        assertEquals(Language.EN, InternalReportResource.language(null, null));
        assertThrows(IllegalArgumentException.class, () -> InternalReportResource.language("de", null));
    }

    @Test
    void semicolonByDefaultCommaOnRequest() {
        assertEquals(';', ResponsesResource.separator(null));
        assertEquals(';', ResponsesResource.separator("semicolon"));
        assertEquals(',', ResponsesResource.separator(","));
        assertEquals(',', ResponsesResource.separator("Comma"));
        assertThrows(IllegalArgumentException.class, () -> ResponsesResource.separator("tab"));
    }
}
