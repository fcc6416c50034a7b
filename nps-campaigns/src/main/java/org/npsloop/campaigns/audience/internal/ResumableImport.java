package org.npsloop.campaigns.audience.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ContactCsvReader;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.ParsedRow;

/**
 * The batches of an import from its checkpoint on: the file is read from its start (so the batches are cut exactly as
 * in an uninterrupted run), the batches up to the last committed line are skipped, each other one is handed to
 * {@link Steps#batch}, which commits it with the new checkpoint.
 */
final class ResumableImport {

    /** Thrown when the job's lease was taken over by another worker: this one stops, without failing the job. */
    static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost(long jobId) {
            super("Import " + jobId + " was taken over by another instance");
        }
    }

    interface Steps {
        /** The file's fresh stream. */
        InputStream open() throws IOException;

        /** Commits one batch and the checkpoint {@code lastLine}; throws {@link LeaseLost} (rolled back) when not the holder. */
        void batch(List<ParsedRow> rows, int lastLine);
    }

    private ResumableImport() {
    }

    /** @param doneLine the checkpoint: rows on lines up to it are already committed */
    static void run(ContactCsvReader reader, CsvFormat format, ColumnMapping mapping, int batchSize, int doneLine, Steps steps)
            throws IOException {
        try (InputStream in = steps.open()) {
            reader.readBatches(in, format, mapping, batchSize, batch -> {
                int lastLine = batch.get(batch.size() - 1).line();
                if (lastLine > doneLine) {
                    // Batches end where they ended before, so this keeps the whole batch; filtered all the same.
                    steps.batch(batch.stream().filter(r -> r.line() > doneLine).toList(), lastLine);
                }
            });
        }
    }
}
