-- Webhook: one optional endpoint (a single row, id 1) that receives a signed JSON POST for every new
-- or changed response, and the durable deliveries, claimed by lease like invitations.
CREATE TABLE webhook_endpoint (
    id           BIGINT        NOT NULL PRIMARY KEY,
    url          VARCHAR(2000),
    secret       VARCHAR(100),
    enabled      BOOLEAN       NOT NULL,
    -- Position of the scan over response.updated_at: responses changed after it (minus a safety lag,
    -- since transactions commit out of order) are looked at again, deduplicated by (id, version).
    scanned_to   TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(100),
    version      BIGINT        NOT NULL
);

CREATE SEQUENCE webhook_delivery_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE webhook_delivery (
    id               BIGINT        NOT NULL PRIMARY KEY,
    event_id         VARCHAR(64)   NOT NULL,
    event_type       VARCHAR(30)   NOT NULL,
    response_id      BIGINT        NOT NULL,
    response_version BIGINT        NOT NULL,
    payload          VARCHAR(20000) NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by       VARCHAR(200),
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_status      INTEGER,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    version          BIGINT        NOT NULL,
    CONSTRAINT uq_webhook_delivery_event UNIQUE (event_id),
    CONSTRAINT uq_webhook_delivery_response UNIQUE (response_id, response_version),
    CONSTRAINT ck_webhook_delivery_status CHECK (status IN ('PENDING', 'CLAIMED', 'DELIVERED', 'FAILED'))
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_created ON webhook_delivery (created_at);
