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
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
 * real, and a failure loses at most the batch in hand (which is then stored not at all).
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

    long create(ImportJob job) {
        em.persist(job);
        em.flush();
        return job.getId();
    }

    void begin(long jobId, int total) {
        em.find(ImportJob.class, jobId).start(total, clock.instant());
    }

    /** Stores the valid rows of one batch and notes its rejected lines, together or not at all. */
    void writeBatch(long jobId, List<ParsedRow> batch, Map<String, AttributeType> attributeTypes, Long listId) {
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
        em.find(ImportJob.class, jobId).progress(records.size(), rejected.size());
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

    void finish(long jobId) {
        em.find(ImportJob.class, jobId).finish(clock.instant());
    }

    void fail(long jobId, String reason) {
        em.find(ImportJob.class, jobId).fail(reason, clock.instant());
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
