package org.npsloop.campaigns.audience.internal;

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
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.campaigns.audience.ImportService;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ColumnTarget;
import org.npsloop.campaigns.audience.imports.ContactCsvReader;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.CsvPreview;
import org.npsloop.campaigns.audience.imports.ParsedRow;
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
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * Uploads are stored in the database in chunks (UploadStore), so any instance can preview and start them; the job runs
 * on the container's managed executor of the instance that started it, holding a lease renewed with each batch, and
 * UploadSweeper's resuming rounds on any instance go on with a job whose lease expired (its instance died) after its last committed batch.
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

    /** How long a job stays with an instance that stopped renewing it before another instance takes it over. */
    @Inject
    @ConfigProperty(name = "nps.import.lease-seconds", defaultValue = "60")
    long leaseSeconds;

    /** This instance's name in import_job.claimed_by. */
    private final String worker = PeriodicWorker.instanceName("import", 200);

    @Override
    public Upload upload(String fileName, InputStream content, String uploadedBy) throws IOException {
        String uploadId = UUID.randomUUID().toString();
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName;
        // All or nothing: a body broken off or over the size cap leaves no row waiting for a mapping.
        jobs.saveUpload(uploadId, name, uploadedBy, content);
        try {
            return previewOf(uploadId, fileName);
        } catch (IllegalArgumentException e) {
            jobs.deleteUpload(uploadId);
            throw new InvalidInputException(List.of(new FieldError("file", InvalidValueException.reasonOf(e))));
        }
    }

    @Override
    public Optional<Upload> preview(String uploadId) {
        Optional<UploadStore.Stored> stored = stored(uploadId).filter(upload -> !upload.taken());
        try {
            return stored.isEmpty() ? Optional.empty() : Optional.of(previewOf(uploadId, stored.get().fileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Upload previewOf(String uploadId, String fileName) throws IOException {
        CsvFormat format = detect(uploadId);
        try (InputStream in = open(uploadId)) {
            Map<String, AttributeType> known = existingTypes();
            return new Upload(uploadId, fileName, format, withKnownTypes(reader.preview(in, format, PREVIEW_ROWS), known), known);
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
        UploadStore.Stored upload = knownUpload(uploadId);
        if (mapping == null) {
            throw new InvalidInputException("mapping", "import.mapping.noEmail");
        }
        if (targetListId != null && em.find(MailingList.class, targetListId) == null) {
            throw new InvalidInputException("listId", "import.list.unknown", String.valueOf(targetListId));
        }
        ColumnMapping typed = mapping.withTypesOf(existingTypes());
        CsvFormat format = detect(uploadId);
        checkWithinHeader(uploadId, format, typed);
        // Taken with the job's creation: neither a second start (on any instance) nor the sweeper can have it then.
        Long jobId = jobs.create(new ImportJob(upload.fileName(), format.charset().name(), format.delimiter(),
                typed.toJson(), targetListId, startedBy, clock.instant()), uploadId, worker, lease());
        if (jobId == null) {
            throw new InvalidInputException("uploadId", "import.upload.taken");
        }
        executor.submit(() -> run(jobId));
        return jobs.status(jobId);
    }

    /** Goes on with a job whose instance stopped renewing its lease; false when there is none. */
    boolean resumeOne() {
        Optional<Long> jobId = jobs.claimExpired(worker, lease());
        jobId.ifPresent(id -> {
            LOG.info(() -> "Resuming import " + id + " after its last committed batch");
            executor.submit(() -> run(id));
        });
        return jobId.isPresent();
    }

    Duration lease() {
        return Duration.ofSeconds(Math.max(5, leaseSeconds));
    }

    /** A mapping naming a column the file does not have is refused before a job starts, not as a failed job. */
    private void checkWithinHeader(String uploadId, CsvFormat format, ColumnMapping mapping) {
        int width;
        try (InputStream in = open(uploadId)) {
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

    /** Runs a job held by this instance from its checkpoint to its end (the checkpoint is 0 for a new job). */
    void run(long jobId) {
        try {
            ImportJob job = jobs.job(jobId);
            String uploadId = job.getUploadId();
            CsvFormat format = new CsvFormat(Charset.forName(job.getCharset()), false, job.getDelimiter());
            ColumnMapping mapping = ColumnMapping.fromJson(job.getMapping());
            Map<String, AttributeType> types = attributeTypes(mapping);
            Long listId = job.getTargetListId();
            int total = job.getTotalRows();
            if (job.getStatus() == ImportJob.Status.PENDING) {
                try (InputStream in = open(uploadId)) {
                    total = (int) Math.min(Integer.MAX_VALUE, reader.countRecords(in, format));
                }
            }
            jobs.begin(jobId, total, worker, lease());
            int[] batches = {0};
            ResumableImport.run(reader, format, mapping, BATCH_SIZE, job.getLastLine(), new ResumableImport.Steps() {
                @Override
                public InputStream open() {
                    return DefaultImportService.this.open(uploadId);
                }

                @Override
                public void batch(List<ParsedRow> rows, int lastLine) {
                    jobs.writeBatch(jobId, rows, types, listId, lastLine, worker, lease());
                    // After batches 1, 2, 4, 8...: often while the table is small, rarely once it is big.
                    if (Integer.bitCount(++batches[0]) == 1) {
                        jobs.refreshStatistics();
                    }
                }
            });
            jobs.refreshStatistics();
            jobs.finish(jobId, worker);
        } catch (ResumableImport.LeaseLost e) {
            LOG.warning(e.getMessage());
        } catch (Exception e) {
            if (rootCause(e) instanceof ResumableImport.LeaseLost lost) {
                LOG.warning(lost.getMessage());
                return;
            }
            LOG.log(Level.WARNING, "Import " + jobId + " failed", e);
            try {
                jobs.fail(jobId, worker, rootMessage(e));
            } catch (RuntimeException notHeld) {
                LOG.log(Level.WARNING, "Could not mark import " + jobId + " failed", notHeld);
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

    private CsvFormat detect(String uploadId) {
        try (InputStream in = open(uploadId)) {
            return reader.detect(in.readNBytes(ContactCsvReader.HEAD_SIZE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UploadStore.Stored knownUpload(String uploadId) {
        Optional<UploadStore.Stored> upload = stored(uploadId);
        if (upload.isEmpty()) {
            throw new InvalidInputException("uploadId", "import.upload.unknown");
        }
        if (upload.get().taken()) {
            throw new InvalidInputException("uploadId", "import.upload.taken");
        }
        return upload.get();
    }

    private Optional<UploadStore.Stored> stored(String uploadId) {
        return uploadId == null || !UPLOAD_ID.matcher(uploadId).matches() ? Optional.empty() : jobs.upload(uploadId);
    }

    /**
     * Deletes the uploads stored longer than {@code age} ago that no pending or running import needs (previewed but
     * never imported). In the database: safe while other instances sweep too.
     *
     * @return how many were deleted
     */
    int sweepAbandoned(Duration age) {
        return jobs.deleteAbandonedUploads(clock.instant().minus(age));
    }

    /** The stored upload, one chunk (a short transaction) at a time. */
    private InputStream open(String uploadId) {
        return new BufferedInputStream(UploadStore.open(uploadId, (id, seq) -> jobs.uploadChunk(id, seq)), 1 << 16);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
