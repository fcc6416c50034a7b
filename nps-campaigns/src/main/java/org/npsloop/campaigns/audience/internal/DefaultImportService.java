package org.npsloop.campaigns.audience.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.npsloop.campaigns.audience.ImportService;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ColumnTarget;
import org.npsloop.campaigns.audience.imports.ContactCsvReader;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.CsvPreview;
import org.npsloop.campaigns.audience.internal.imports.StoredReasons;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.audience.ImportJob;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.text.SpreadsheetCsv;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

/**
 * Uploads are kept in a private temporary folder of this instance until imported: the job runs on
 * the instance that received the file, on the container's managed executor.
 */
@ApplicationScoped
public class DefaultImportService implements ImportService {

    private static final Logger LOG = Logger.getLogger(DefaultImportService.class.getName());
    private static final Pattern UPLOAD_ID = Pattern.compile("^[0-9a-f-]{36}$");
    private static final int PREVIEW_ROWS = 5;
    static final int BATCH_SIZE = 1000;

    @Resource
    private ManagedExecutorService executor;

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private ContactCsvReader reader;

    @Inject
    private ImportJobs jobs;

    @Inject
    private DefaultAttributeService attributes;

    @Inject
    private Clock clock;

    private Path uploads;
    /** Original names of the files waiting in {@link #uploads}. */
    private final Map<String, String> uploadNames = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void createUploadFolder() {
        try {
            uploads = Files.createTempDirectory("nps-imports-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Upload upload(String fileName, InputStream content) throws IOException {
        String uploadId = UUID.randomUUID().toString();
        Path file = uploads.resolve(uploadId + ".csv");
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // The body broke off or went over the size cap: no half file waits for a mapping.
            Files.deleteIfExists(file);
            throw e;
        }
        uploadNames.put(uploadId, fileName == null || fileName.isBlank() ? "upload.csv" : fileName);
        try {
            CsvFormat format = detect(file);
            try (InputStream in = open(file)) {
                Map<String, AttributeType> known = existingTypes();
                return new Upload(uploadId, fileName, format, withKnownTypes(reader.preview(in, format, PREVIEW_ROWS), known), known);
            }
        } catch (IllegalArgumentException e) {
            Files.deleteIfExists(file);
            throw new InvalidInputException(List.of(new FieldError("file", InvalidValueException.reasonOf(e))));
        }
    }

    private Map<String, AttributeType> existingTypes() {
        Map<String, AttributeType> known = new HashMap<>();
        attributes.definitions().forEach((name, definition) -> known.put(name, definition.getType()));
        return known;
    }

    /**
     * The suggestion with the type of each attribute that already exists, whatever its sample values look
     * like: an exported file (every attribute a column, often empty) imports back without a mapping.
     */
    static CsvPreview withKnownTypes(CsvPreview preview, Map<String, AttributeType> known) {
        List<ColumnMapping.Column> suggestion = preview.suggestion().stream().map(c -> c.withTypeOf(known)).toList();
        return new CsvPreview(preview.headers(), preview.rows(), suggestion, preview.problems());
    }

    @Override
    public ImportStatus start(String uploadId, ColumnMapping mapping, Long targetListId, String startedBy) {
        Path file = uploadFile(uploadId);
        if (mapping == null) {
            throw new InvalidInputException("mapping", "import.mapping.noEmail");
        }
        if (targetListId != null && em.find(MailingList.class, targetListId) == null) {
            throw new InvalidInputException("listId", "import.list.unknown", String.valueOf(targetListId));
        }
        ColumnMapping typed = mapping.withTypesOf(existingTypes());
        Map<String, AttributeType> types = attributeTypes(typed);
        CsvFormat format = detect(file);
        checkWithinHeader(file, format, typed);
        // Taken from the waiting uploads first: neither a second start nor the sweeper can have it then.
        String fileName = uploadNames.remove(uploadId);
        if (fileName == null || !Files.isRegularFile(file)) {
            throw new InvalidInputException("uploadId", "import.upload.taken");
        }
        long jobId = jobs.create(new ImportJob(fileName, format.charset().name(), format.delimiter(),
                typed.toJson(), targetListId, startedBy, clock.instant()));
        executor.submit(() -> run(jobId, file, format, typed, types, targetListId));
        return jobs.status(jobId);
    }

    /** A mapping naming a column the file does not have is refused before a job starts, not as a failed job. */
    private void checkWithinHeader(Path file, CsvFormat format, ColumnMapping mapping) {
        int width;
        try (InputStream in = open(file)) {
            width = reader.preview(in, format, 0).headers().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (ColumnMapping.Column column : mapping.columns()) {
            if (column.index() >= width) {
                throw new InvalidInputException("mapping", "import.mapping.beyondHeader", column.index() + 1, width);
            }
        }
    }

    private void run(long jobId, Path file, CsvFormat format, ColumnMapping mapping, Map<String, AttributeType> types,
            Long listId) {
        try {
            try (InputStream in = open(file)) {
                jobs.begin(jobId, (int) Math.min(Integer.MAX_VALUE, reader.countRecords(in, format)));
            }
            try (InputStream in = open(file)) {
                int[] batches = {0};
                reader.readBatches(in, format, mapping, BATCH_SIZE, batch -> {
                    jobs.writeBatch(jobId, batch, types, listId);
                    // After batches 1, 2, 4, 8...: often while the table is small, rarely once it is big.
                    if (Integer.bitCount(++batches[0]) == 1) {
                        jobs.refreshStatistics();
                    }
                });
                jobs.refreshStatistics();
            }
            jobs.finish(jobId);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Import " + jobId + " failed", e);
            jobs.fail(jobId, rootMessage(e));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.FINE, "Could not delete " + file, e);
            }
        }
    }

    /** The attributes of a mapping typed by {@link ColumnMapping#withTypesOf}; new ones are defined with these types. */
    private static Map<String, AttributeType> attributeTypes(ColumnMapping mapping) {
        Map<String, AttributeType> types = new HashMap<>();
        for (ColumnMapping.Column column : mapping.columns()) {
            if (column.target() == ColumnTarget.ATTRIBUTE) {
                types.put(column.attribute(), column.type());
            }
        }
        return types;
    }

    @Override
    public Optional<ImportStatus> status(long jobId) {
        return Optional.ofNullable(jobs.status(jobId));
    }

    @Override
    public List<ImportStatus> recent(int max) {
        return jobs.recent(max);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Rejection> rejections(long jobId, int max) {
        List<Object[]> rows = em.createNativeQuery("SELECT line_number, reason, raw_line FROM import_rejection "
                + "WHERE import_job_id = ?1 ORDER BY line_number").setParameter(1, jobId).setMaxResults(max).getResultList();
        return rows.stream().map(r -> new Rejection(((Number) r[0]).intValue(), StoredReasons.decode((String) r[1]),
                (String) r[2])).toList();
    }

    @Override
    public void writeReport(long jobId, Writer out, Locale locale) throws IOException {
        if (jobs.status(jobId) == null) {
            throw new java.util.NoSuchElementException("No import with id " + jobId);
        }
        // Not closed: the caller owns the writer. The rejected lines are the file's own text: made inert too.
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, ';', List.of(Message.of("import.report.line").render(locale),
                Message.of("import.report.reason").render(locale), Message.of("import.report.content").render(locale)));
        for (Rejection rejection : rejections(jobId, Integer.MAX_VALUE)) {
            csv.row(java.util.Arrays.asList(rejection.line(), rejection.reason(locale), rejection.rawLine()));
        }
        csv.flush();
    }

    private CsvFormat detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.detect(in.readNBytes(ContactCsvReader.HEAD_SIZE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path uploadFile(String uploadId) {
        if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches() || !Files.isRegularFile(uploads.resolve(uploadId + ".csv"))) {
            throw new InvalidInputException("uploadId", "import.upload.unknown");
        }
        return uploads.resolve(uploadId + ".csv");
    }

    /**
     * Deletes the uploads previewed but never imported for longer than {@code age}. Uploads live in this
     * instance's own folder, so each instance sweeps its own and several instances never touch each
     * other's; a file already handed to an import is no longer waiting and is never swept.
     *
     * @return how many were deleted
     */
    int sweepAbandoned(Duration age) {
        Instant before = clock.instant().minus(age);
        int deleted = 0;
        for (String uploadId : AbandonedUploads.olderThan(uploads, uploadNames.keySet(), before)) {
            String name = uploadNames.remove(uploadId);
            if (name != null) {
                try {
                    Files.deleteIfExists(uploads.resolve(uploadId + ".csv"));
                    deleted++;
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Could not delete abandoned upload " + uploadId, e);
                }
            }
        }
        return deleted;
    }

    private static InputStream open(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
