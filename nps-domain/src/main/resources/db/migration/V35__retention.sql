-- Issue 17, point 3: data retention. The periods an administrator chose (0: the rule is off, as every rule is until
-- someone turns it on) in one row, and when a run last ended (by any instance), so that several instances run it
-- once per interval between them. The run itself is held by a worker_lease row named 'retention'.
CREATE TABLE retention_settings (
    id             BIGINT       NOT NULL PRIMARY KEY,
    contact_months INTEGER      NOT NULL,
    comment_months INTEGER      NOT NULL,
    invitation_days INTEGER     NOT NULL,
    outbox_days    INTEGER      NOT NULL,
    webhook_days   INTEGER      NOT NULL,
    last_run_at    TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE,
    updated_by     VARCHAR(200)
);
INSERT INTO retention_settings (id, contact_months, comment_months, invitation_days, outbox_days, webhook_days)
VALUES (1, 0, 0, 0, 0, 0);
