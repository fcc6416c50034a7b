-- Issue 15: what the mail system reports about a message after (or while) sending it: bounces, complaints and
-- unsubscribes from SMTP replies, delivery status notifications (DSN), abuse reports (ARF), mailto unsubscribes and
-- the ESPs' webhooks. One row per report; (source, external_id) makes a replayed report a no-op.
CREATE SEQUENCE delivery_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE delivery_event (
    id            BIGINT        NOT NULL PRIMARY KEY,
    invitation_id BIGINT,
    campaign_id   BIGINT,
    email         VARCHAR(320),
    kind          VARCHAR(20)   NOT NULL,
    source        VARCHAR(20)   NOT NULL,
    status_code   VARCHAR(20),
    detail        VARCHAR(1000),
    evidence      VARCHAR(100000),
    external_id   VARCHAR(200),
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_delivery_event_external UNIQUE (source, external_id),
    CONSTRAINT ck_delivery_event_kind CHECK (kind IN ('HARD_BOUNCE', 'SOFT_BOUNCE', 'COMPLAINT', 'UNSUBSCRIBE'))
);
CREATE INDEX ix_delivery_event_campaign ON delivery_event (campaign_id, kind);
CREATE INDEX ix_delivery_event_email ON delivery_event (email, kind, occurred_at);
CREATE INDEX ix_delivery_event_invitation ON delivery_event (invitation_id);

-- Where a suppression came from, and the report that caused it, for the ADMIN who reviews it.
ALTER TABLE suppression ADD COLUMN source VARCHAR(20);
ALTER TABLE suppression ADD COLUMN evidence VARCHAR(100000);
ALTER TABLE suppression ADD COLUMN event_id BIGINT;
