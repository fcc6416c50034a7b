-- Customer-facing synthesis: the publication an executive drafts, the responses it quotes, and every
-- publish / re-publish / revoke with the public content frozen at that moment (JSON).
CREATE SEQUENCE publication_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE publication (
    id                BIGINT        NOT NULL PRIMARY KEY,
    slug              VARCHAR(80)   NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    language          VARCHAR(2)    NOT NULL,
    period_from       DATE          NOT NULL,
    period_to         DATE          NOT NULL,
    campaign_id       BIGINT,
    journey_moment    VARCHAR(50),
    granularity       VARCHAR(10)   NOT NULL,
    told_us           VARCHAR(4000),
    we_do             VARCHAR(4000),
    status            VARCHAR(20)   NOT NULL,
    published_version INTEGER       NOT NULL,
    last_version      INTEGER       NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(100)  NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT uq_publication_slug UNIQUE (slug),
    CONSTRAINT ck_publication_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'REVOKED'))
);
CREATE INDEX ix_publication_status ON publication (status, published_at);

CREATE TABLE publication_quote (
    publication_id BIGINT  NOT NULL,
    position       INTEGER NOT NULL,
    response_id    BIGINT  NOT NULL,
    CONSTRAINT pk_publication_quote PRIMARY KEY (publication_id, position),
    CONSTRAINT fk_publication_quote_publication FOREIGN KEY (publication_id) REFERENCES publication (id) ON DELETE CASCADE,
    CONSTRAINT fk_publication_quote_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
);

CREATE SEQUENCE publication_version_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE publication_version (
    id             BIGINT        NOT NULL PRIMARY KEY,
    publication_id BIGINT        NOT NULL,
    number         INTEGER       NOT NULL,
    action         VARCHAR(20)   NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    acted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    content        VARCHAR(200000),
    CONSTRAINT fk_publication_version_publication FOREIGN KEY (publication_id) REFERENCES publication (id) ON DELETE CASCADE,
    CONSTRAINT uq_publication_version UNIQUE (publication_id, number)
);
