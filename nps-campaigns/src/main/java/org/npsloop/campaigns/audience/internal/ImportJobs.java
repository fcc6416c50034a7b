package org.npsloop.campaigns.audience.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.npsloop.campaigns.audience.ImportService.ImportStatus;
import org.npsloop.campaigns.audience.imports.ContactRow;
import org.npsloop.campaigns.audience.imports.ParsedRow;
import org.npsloop.campaigns.audience.imports.RejectedRow;
import org.npsloop.campaigns.audience.internal.imports.StoredReasons;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.audience.ImportJob;
import org.npsloop.domain.schema.Database;
import org.npsloop.platform.jdbc.SqlDialect;

/**
 * The import job's own transactions: each step commits on its own, so the progress the UI polls is
 * real, and a failure loses at most the batch in hand (which is then stored not at all). Each batch
 * commits with the job's checkpoint and lease (ImportLeases), and the uploads live in the database
 * (UploadStore): any instance can go on with a job whose instance died.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class ImportJobs {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private DefaultContactService contacts;

    @Inject
    private Clock clock;

    /** Stores an upload in chunks; all or nothing (a body broken off or over the size cap leaves no row). */
    @Transactional(value = TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    long saveUpload(String id, String fileName, String uploadedBy, InputStream content) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            return new UploadStore(connection).save(id, fileName, uploadedBy, clock.instant(), content);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the upload: " + e.getMessage(), e);
        }
    }

    Optional<UploadStore.Stored> upload(String id) {
        return jdbc(connection -> new UploadStore(connection).find(id));
    }

    /** One chunk, in a short transaction of its own: a stream over an upload holds no connection between reads. */
    byte[] uploadChunk(String id, int seq) {
        return jdbc(connection -> new UploadStore(connection).chunk(id, seq));
    }

    void deleteUpload(String id) {
        jdbc(connection -> {
            new UploadStore(connection).delete(id);
            return null;
        });
    }

    int deleteAbandonedUploads(Instant before) {
        return jdbc(connection -> new UploadStore(connection).deleteAbandoned(before));
    }

    /** Takes the upload and creates its job, leased to {@code worker}; null when another start took the upload first. */
    Long create(ImportJob job, String uploadId, String worker, Duration lease) {
        if (!jdbc(connection -> new UploadStore(connection).take(uploadId))) {
            return null;
        }
        em.persist(job.claimedBy(uploadId, worker, clock.instant().plus(lease)));
        em.flush();
        return job.getId();
    }

    ImportJob job(long jobId) {
        return em.find(ImportJob.class, jobId);
    }

    Optional<Long> claimExpired(String worker, Duration lease) {
        return jdbc(connection -> new ImportLeases(connection).claimExpired(worker, clock.instant(), lease));
    }

    /** Counts the file's rows on the first run (a resumed job keeps its total); renews the lease. */
    void begin(long jobId, int total, String worker, Duration lease) {
        ImportJob job = em.find(ImportJob.class, jobId);
        if (!worker.equals(job.getClaimedBy())) {
            throw new ResumableImport.LeaseLost(jobId);
        }
        if (job.getStatus() == ImportJob.Status.PENDING) {
            job.start(total, clock.instant());
        }
        em.flush();
        if (!jdbc(connection -> new ImportLeases(connection).renew(jobId, worker, clock.instant(), lease))) {
            throw new ResumableImport.LeaseLost(jobId);
        }
    }

    /**
     * Stores the valid rows of one batch, notes its rejected lines and moves the job's checkpoint to
     * {@code lastLine}, together or not at all: not at all when {@code worker} no longer holds the job.
     */
    void writeBatch(long jobId, List<ParsedRow> batch, Map<String, AttributeType> attributeTypes, Long listId,
            int lastLine, String worker, Duration lease) {
        List<ContactRecord> records = batch.stream().filter(ContactRow.class::isInstance).map(ContactRow.class::cast)
                .map(r -> new ContactRecord(r.email(), r.firstName(), r.lastName(), r.language(), r.attributes()))
                .toList();
        List<RejectedRow> rejected = batch.stream().filter(RejectedRow.class::isInstance).map(RejectedRow.class::cast)
                .toList();
        if (!records.isEmpty()) {
            contacts.write(new ContactInputs.Validated(records, attributeTypes), listId);
        }
        if (!rejected.isEmpty()) {
            insertRejections(jobId, rejected);
        }
        // Last, and conditional: a worker that lost its lease rolls back all of the above.
        if (!jdbc(connection -> new ImportLeases(connection).checkpoint(jobId, worker, records.size(), rejected.size(),
                lastLine, clock.instant(), lease))) {
            throw new ResumableImport.LeaseLost(jobId);
        }
    }

    /** See {@link SqlDialect#analyze}: the tables an import grows. */
    void refreshStatistics() {
        try (Connection connection = dataSource.getConnection()) {
            SqlDialect dialect = SqlDialect.of(connection);
            dialect.analyze(connection, "contact");
            dialect.analyze(connection, "contact_attribute");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh statistics: " + e.getMessage(), e);
        }
    }

    /** Ends the job and deletes its upload (contacts' data, no longer needed) together. */
    void finish(long jobId, String worker) {
        ImportJob job = heldJob(jobId, worker);
        job.finish(clock.instant());
        deleteUpload(job.getUploadId());
    }

    void fail(long jobId, String worker, String reason) {
        ImportJob job = heldJob(jobId, worker);
        job.fail(reason, clock.instant());
        deleteUpload(job.getUploadId());
    }

    private ImportJob heldJob(long jobId, String worker) {
        ImportJob job = em.find(ImportJob.class, jobId);
        if (!worker.equals(job.getClaimedBy())) {
            throw new ResumableImport.LeaseLost(jobId);
        }
        return job;
    }

    ImportStatus status(long jobId) {
        ImportJob job = em.find(ImportJob.class, jobId);
        return job == null ? null : status(job);
    }

    List<ImportStatus> recent(int max) {
        return em.createNamedQuery("ImportJob.recent", ImportJob.class).setMaxResults(max).getResultStream()
                .map(ImportJobs::status).toList();
    }

    static ImportStatus status(ImportJob j) {
        return new ImportStatus(j.getId(), j.getFileName(), j.getStatus().name(), j.getTotalRows(), j.getProcessedRows(),
                j.getImportedRows(), j.getRejectedRows(), j.getError(), j.getTargetListId(), j.getCreatedBy(),
                j.getCreatedAt(), j.getFinishedAt());
    }

    private interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs on this transaction's connection (the same one JPA and the contact writes use). */
    private <T> T jdbc(JdbcWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Import storage: " + e.getMessage(), e);
        }
    }

    private void insertRejections(long jobId, List<RejectedRow> rejected) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO import_rejection (import_job_id, line_number, reason, raw_line) VALUES (?, ?, ?, ?)")) {
            for (RejectedRow row : rejected) {
                insert.setLong(1, jobId);
                insert.setInt(2, row.line());
                insert.setString(3, StoredReasons.encode(row.reasons()));
                insert.setString(4, row.rawText());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record rejected lines: " + e.getMessage(), e);
        }
    }
}
