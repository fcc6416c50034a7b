package org.npsloop.campaigns.audience;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.CsvPreview;
import org.npsloop.campaigns.audience.imports.RejectedRow;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.Message;

/**
 * CSV imports of contacts: upload (stored aside, format detected, previewed), then a background job
 * that upserts by email in batches, each batch all or nothing, and records every rejected line.
 */
public interface ImportService {

    /**
     * An uploaded file waiting for its mapping.
     *
     * @param existingTypes the type of every attribute already defined, by name: a column mapped to one of them is
     *                      imported with that type ({@link ColumnMapping.Column#withTypeOf})
     */
    record Upload(String uploadId, String fileName, CsvFormat format, CsvPreview preview,
            Map<String, AttributeType> existingTypes) {

        public Upload {
            existingTypes = Map.copyOf(existingTypes);
        }
    }

    record ImportStatus(long id, String fileName, String status, int total, int processed, int imported, int rejected,
            String error, Long targetListId, String createdBy, Instant createdAt, Instant finishedAt) {

        public boolean isFinished() {
            return "DONE".equals(status) || "FAILED".equals(status);
        }

        /** 0..100 for a progress bar. */
        public int getPercent() {
            return total == 0 ? (isFinished() ? 100 : 0) : (int) (100L * processed / total);
        }

        /** "41 of 41 lines read: 40 imported, 1 rejected", to render in the reader's language. */
        public Message summary() {
            return Message.of("import.summary", processed, total, imported, rejected);
        }
    }

    /** A rejected line: its number in the file, why (to render in the reader's language), and its text. */
    record Rejection(int line, List<Message> reasons, String rawLine) implements java.io.Serializable {

        public Rejection {
            reasons = List.copyOf(reasons);
        }

        public String reason(Locale locale) {
            return RejectedRow.joined(reasons, locale);
        }
    }

    /**
     * Stores the file (in the database: any instance can preview, start and resume its import) and previews it.
     *
     * @param uploadedBy who sent it, kept with it until it is imported or swept
     * @throws org.npsloop.domain.validation.InvalidInputException for an empty or headerless file
     */
    Upload upload(String fileName, InputStream content, String uploadedBy) throws IOException;

    /**
     * The preview of an upload stored earlier, read again from the database: for a page whose session moved to
     * another instance (a cluster) or was restored from disk. Empty once the upload is imported, swept or unknown.
     */
    Optional<Upload> preview(String uploadId);

    /** Starts the import of an upload in the background; the mapping must have exactly one email column. */
    ImportStatus start(String uploadId, ColumnMapping mapping, Long targetListId, String startedBy);

    Optional<ImportStatus> status(long jobId);

    List<ImportStatus> recent(int max);

    List<Rejection> rejections(long jobId, int max);

    /** The rejected lines as CSV (line;reason;content in that language), UTF-8 with a BOM so that Excel opens it right. */
    void writeReport(long jobId, Writer out, Locale locale) throws IOException;
}
