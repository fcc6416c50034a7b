package org.npsloop.campaigns;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.npsloop.campaigns.imports.ColumnMapping;
import org.npsloop.campaigns.imports.CsvFormat;
import org.npsloop.campaigns.imports.CsvPreview;

/**
 * CSV imports of contacts: upload (stored aside, format detected, previewed), then a background job
 * that upserts by email in batches, each batch all or nothing, and records every rejected line.
 */
public interface ImportService {

    /** An uploaded file waiting for its mapping. */
    record Upload(String uploadId, String fileName, CsvFormat format, CsvPreview preview) {
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
    }

    record Rejection(int line, String reason, String rawLine) {
    }

    /** Stores the file and previews it. @throws org.npsloop.domain.validation.InvalidInputException for an empty or headerless file */
    Upload upload(String fileName, InputStream content) throws IOException;

    /** Starts the import of an upload in the background; the mapping must have exactly one email column. */
    ImportStatus start(String uploadId, ColumnMapping mapping, Long targetListId, String startedBy);

    Optional<ImportStatus> status(long jobId);

    List<ImportStatus> recent(int max);

    List<Rejection> rejections(long jobId, int max);

    /** The rejected lines as CSV (line;reason;content), UTF-8 with a BOM so that Excel opens it right. */
    void writeReport(long jobId, Writer out) throws IOException;
}
