package org.npsloop.reporting.report;

import java.io.IOException;
import java.io.Writer;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.reporting.ReportFilter;

/**
 * The responses a filter selects as CSV for Excel: UTF-8 with a BOM, ',' or ';' between fields, quoted by
 * commons-csv, streamed from the database row by row (never all in memory), newest first.
 */
public interface ResponseExportService {

    /** The header row, in column order. */
    java.util.List<String> COLUMNS = java.util.List.of("id", "responded_at", "score", "category", "comment",
            "contact_consent", "channel", "campaign", "journey_moment", "contact_id", "contact_email", "contact_name",
            "flagged");

    /**
     * @param category only this category, or all when null
     * @param separator ',' or ';'
     * @param withContactEmail false for a reader who may not see contacts' addresses: no contact_email column
     * @throws org.npsloop.domain.validation.InvalidInputException for another separator, an unknown segment or attribute
     */
    void export(ReportFilter filter, NpsCategory category, char separator, boolean withContactEmail, Writer out)
            throws IOException;
}
