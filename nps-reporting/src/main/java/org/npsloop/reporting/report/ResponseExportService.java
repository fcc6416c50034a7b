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
    default void export(ReportFilter filter, NpsCategory category, char separator, boolean withContactEmail, Writer out)
            throws IOException {
        export(filter, category, separator, withContactEmail, org.npsloop.domain.audience.Language.EN, out);
    }

    /**
     * After {@link #COLUMNS}, one column per additional question of the exported responses' surveys (archived ones
     * too while they have answers), headed by its wording in {@code language}; each cell the answer as a reader
     * wants it: the rating, the options' labels joined by "; ", yes or no in {@code language}, the text.
     */
    void export(ReportFilter filter, NpsCategory category, char separator, boolean withContactEmail,
            org.npsloop.domain.audience.Language language, Writer out) throws IOException;
}
