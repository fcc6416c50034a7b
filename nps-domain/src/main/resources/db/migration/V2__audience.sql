-- Audience: typed custom attributes, segments, suppression, API keys, imports.

-- Marketer-defined contact attributes (plan, country, signup_date...). One typed value per contact
-- and attribute, in the column of its type, so segment rules compare in the database.
CREATE SEQUENCE attribute_definition_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE attribute_definition (
    id         BIGINT      NOT NULL PRIMARY KEY,
    name       VARCHAR(64) NOT NULL,
    type       VARCHAR(10) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_attribute_definition_name UNIQUE (name),
    CONSTRAINT ck_attribute_definition_type CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN'))
);
CREATE TABLE contact_attribute (
    contact_id    BIGINT NOT NULL,
    attribute_id  BIGINT NOT NULL,
    text_value    VARCHAR(1000),
    number_value  DOUBLE PRECISION,
    date_value    DATE,
    boolean_value BOOLEAN,
    CONSTRAINT pk_contact_attribute PRIMARY KEY (contact_id, attribute_id),
    CONSTRAINT fk_contact_attribute_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_attribute_definition FOREIGN KEY (attribute_id) REFERENCES attribute_definition (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_attribute_text ON contact_attribute (attribute_id, text_value);
CREATE INDEX ix_contact_attribute_number ON contact_attribute (attribute_id, number_value);
CREATE INDEX ix_contact_attribute_date ON contact_attribute (attribute_id, date_value);

-- For the contact table's sorting and filtering at a million rows.
CREATE INDEX ix_contact_created ON contact (created_at);
CREATE INDEX ix_contact_last_name ON contact (last_name);
CREATE INDEX ix_contact_status ON contact (status);

CREATE SEQUENCE segment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE segment (
    id          BIGINT         NOT NULL PRIMARY KEY,
    name        VARCHAR(200)   NOT NULL,
    description VARCHAR(2000),
    definition  VARCHAR(20000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT         NOT NULL,
    CONSTRAINT uq_segment_name UNIQUE (name)
);

-- Addresses that no campaign may ever mail, whether or not they are (still) contacts.
CREATE SEQUENCE suppression_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE suppression (
    id         BIGINT       NOT NULL PRIMARY KEY,
    email      VARCHAR(320) NOT NULL,
    reason     VARCHAR(20)  NOT NULL,
    note       VARCHAR(1000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_suppression_email UNIQUE (email),
    CONSTRAINT ck_suppression_reason CHECK (reason IN ('UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED', 'MANUAL'))
);

-- Keys for other systems calling the REST API; only a SHA-256 hash of each key is kept.
CREATE SEQUENCE api_key_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE api_key (
    id           BIGINT       NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    key_prefix   VARCHAR(16)  NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL,
    role         VARCHAR(20)  NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT       NOT NULL,
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
);

-- Background CSV imports, their progress and every rejected line.
CREATE SEQUENCE import_job_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE import_job (
    id              BIGINT       NOT NULL PRIMARY KEY,
    kind            VARCHAR(20)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    file_name       VARCHAR(300) NOT NULL,
    charset         VARCHAR(30)  NOT NULL,
    delimiter_char  VARCHAR(1)   NOT NULL,
    mapping         VARCHAR(8000) NOT NULL,
    target_list_id  BIGINT,
    total_rows      INTEGER      NOT NULL,
    processed_rows  INTEGER      NOT NULL,
    imported_rows   INTEGER      NOT NULL,
    rejected_rows   INTEGER      NOT NULL,
    error           VARCHAR(2000),
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_import_job_list FOREIGN KEY (target_list_id) REFERENCES mailing_list (id) ON DELETE SET NULL
);
CREATE TABLE import_rejection (
    import_job_id BIGINT        NOT NULL,
    line_number   INTEGER       NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    raw_line      VARCHAR(2000),
    CONSTRAINT pk_import_rejection PRIMARY KEY (import_job_id, line_number),
    CONSTRAINT fk_import_rejection_job FOREIGN KEY (import_job_id) REFERENCES import_job (id) ON DELETE CASCADE
);
