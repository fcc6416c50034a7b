-- Campaign audience and rules, the dispatch queue's bookkeeping, and the development outbox.
ALTER TABLE campaign ADD COLUMN segment_id BIGINT;
ALTER TABLE campaign ADD COLUMN fatigue_days INTEGER;
ALTER TABLE campaign ADD COLUMN reminders INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE campaign ADD COLUMN reminder_after_days INTEGER DEFAULT 3 NOT NULL;
ALTER TABLE campaign ADD COLUMN paused_reason VARCHAR(1000);
ALTER TABLE campaign ADD CONSTRAINT fk_campaign_segment FOREIGN KEY (segment_id) REFERENCES segment (id);

-- Until an invitation is sent its token is kept so that a resend after a crash carries the same
-- links; once sent, only the hash remains.
ALTER TABLE invitation ADD COLUMN token_secret VARCHAR(64);
ALTER TABLE invitation ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_invitation_campaign_status ON invitation (campaign_id, status);
CREATE INDEX ix_invitation_contact_sent ON invitation (contact_id, sent_at);

-- Why recipients of a campaign were left out, counted when the campaign is planned.
CREATE TABLE campaign_exclusion (
    campaign_id BIGINT      NOT NULL,
    wave        INTEGER     NOT NULL,
    reason      VARCHAR(30) NOT NULL,
    contacts    INTEGER     NOT NULL,
    CONSTRAINT pk_campaign_exclusion PRIMARY KEY (campaign_id, wave, reason),
    CONSTRAINT fk_campaign_exclusion_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
);

-- Mail "sent" when no SMTP server is configured: shown in the admin so that a newcomer can click a link.
CREATE SEQUENCE outbox_message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE outbox_message (
    id            BIGINT        NOT NULL PRIMARY KEY,
    invitation_id BIGINT,
    recipient     VARCHAR(320)  NOT NULL,
    subject       VARCHAR(1000) NOT NULL,
    html_body     VARCHAR(200000),
    text_body     VARCHAR(100000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_outbox_created ON outbox_message (created_at);
