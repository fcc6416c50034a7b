package org.npsloop.domain.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A CSV import running in the background: its settings and its progress, which the UI polls. */
@Entity
@Table(name = "import_job")
@NamedQuery(name = "ImportJob.recent", query = "SELECT j FROM ImportJob j ORDER BY j.createdAt DESC")
public class ImportJob {

    public enum Status { PENDING, RUNNING, DONE, FAILED }

    @Id
    @SequenceGenerator(name = "import_job_seq", sequenceName = "import_job_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_job_seq")
    private Long id;

    @Column(nullable = false, length = 20)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "file_name", nullable = false, length = 300)
    private String fileName;

    @Column(nullable = false, length = 30)
    private String charset;

    @Column(name = "delimiter_char", nullable = false, length = 1)
    private String delimiter;

    @Column(nullable = false, length = 8000)
    private String mapping;

    @Column(name = "target_list_id")
    private Long targetListId;

    @Column(name = "total_rows", nullable = false)
    private int totalRows;

    @Column(name = "processed_rows", nullable = false)
    private int processedRows;

    @Column(name = "imported_rows", nullable = false)
    private int importedRows;

    @Column(name = "rejected_rows", nullable = false)
    private int rejectedRows;

    @Column(length = 2000)
    private String error;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** The stored upload (table upload) the job reads; deleted when the job ends. */
    @Column(name = "upload_id", length = 36)
    private String uploadId;

    /** The worker holding the job's lease, renewed with each batch; another instance takes over once it expires. */
    @Column(name = "claimed_by", length = 200)
    private String claimedBy;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** The file line of the last row of the last committed batch: a resumed job goes on after it. */
    @Column(name = "last_line", nullable = false)
    private int lastLine;

    @Version
    private long version;

    protected ImportJob() {
        // for JPA
    }

    public ImportJob(String fileName, String charset, char delimiter, String mappingJson, Long targetListId,
            String createdBy, Instant now) {
        this.kind = "CONTACTS";
        this.status = Status.PENDING;
        this.fileName = fileName == null || fileName.isBlank() ? "upload.csv"
                : fileName.substring(0, Math.min(300, fileName.length()));
        this.charset = charset;
        this.delimiter = String.valueOf(delimiter);
        this.mapping = mappingJson;
        this.targetListId = targetListId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The upload to read and the lease of the worker that starts it. */
    public ImportJob claimedBy(String uploadId, String worker, Instant leaseUntil) {
        this.uploadId = uploadId;
        this.claimedBy = worker;
        this.leaseUntil = leaseUntil;
        return this;
    }

    public void start(int total, Instant now) {
        this.status = Status.RUNNING;
        this.totalRows = total;
        this.startedAt = now;
    }

    public void progress(int imported, int rejected) {
        this.importedRows += imported;
        this.rejectedRows += rejected;
        this.processedRows += imported + rejected;
    }

    public void finish(Instant now) {
        this.status = Status.DONE;
        this.finishedAt = now;
        this.leaseUntil = null;
    }

    public void fail(String reason, Instant now) {
        this.status = Status.FAILED;
        this.error = reason == null ? "unknown error" : reason.substring(0, Math.min(2000, reason.length()));
        this.finishedAt = now;
        this.leaseUntil = null;
    }

    public String getUploadId() {
        return uploadId;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public int getLastLine() {
        return lastLine;
    }

    public Long getId() {
        return id;
    }

    public Status getStatus() {
        return status;
    }

    public String getFileName() {
        return fileName;
    }

    public String getCharset() {
        return charset;
    }

    public char getDelimiter() {
        return delimiter.charAt(0);
    }

    public String getMapping() {
        return mapping;
    }

    public Long getTargetListId() {
        return targetListId;
    }

    public int getTotalRows() {
        return totalRows;
    }

    public int getProcessedRows() {
        return processedRows;
    }

    public int getImportedRows() {
        return importedRows;
    }

    public int getRejectedRows() {
        return rejectedRows;
    }

    public String getError() {
        return error;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
