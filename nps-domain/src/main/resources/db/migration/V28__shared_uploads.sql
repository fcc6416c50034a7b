-- Issue 16, point 2: uploads in the database, so any instance can preview, start and resume an import.
-- An upload is stored in chunks (never the whole file in memory, same SQL on H2 and PostgreSQL); it holds contacts'
-- data, so it is deleted when its import ends (DONE or FAILED), or by the sweeper when never imported.
CREATE TABLE upload (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    file_name   VARCHAR(300) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    uploaded_by VARCHAR(200) NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Set by the one start that takes it: a second start (on any instance) is refused.
    taken       BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_upload_uploaded_at ON upload (uploaded_at);

CREATE TABLE upload_chunk (
    upload_id VARCHAR(36) NOT NULL REFERENCES upload (id) ON DELETE CASCADE,
    seq       INTEGER     NOT NULL,
    data      BYTEA       NOT NULL,
    PRIMARY KEY (upload_id, seq)
);

-- A running import holds a lease renewed with each batch; last_line (the file line of the last row of the last
-- committed batch) is written in that batch's transaction, so a worker taking over an expired lease goes on after it.
ALTER TABLE import_job ADD COLUMN upload_id VARCHAR(36);
ALTER TABLE import_job ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE import_job ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_job ADD COLUMN last_line INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_import_job_lease ON import_job (status, lease_until);
