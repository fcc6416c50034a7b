package org.npsloop.reporting.report;

import java.io.IOException;
import java.io.OutputStream;
import org.npsloop.domain.audience.Language;
import org.npsloop.reporting.ReportFilter;

/** The internal report: assembled from the live figures, rendered as a printable XHTML page or as a PDF. */
public interface InternalReportService {

    /** Verbatims quoted per category. */
    int VERBATIMS_PER_CATEGORY = 5;

    /** Days a report covers when the filter gives no period: the last 30, today included. */
    int DEFAULT_DAYS = 30;

    /**
     * @param language of the labels
     * @throws org.npsloop.domain.validation.InvalidInputException for an unknown segment or attribute
     */
    InternalReport report(ReportFilter filter, Language language);

    /** A complete XHTML document, styled for screen and print. */
    String html(InternalReport report);

    /** The body of {@link #html}, to embed in a page of the admin UI. */
    String htmlBody(InternalReport report);

    /** The same document as a PDF, written to {@code out}. */
    void pdf(InternalReport report, OutputStream out) throws IOException;
}
