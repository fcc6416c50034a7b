-- Respondents: suspected bots, who typed a phone answer, every change of an answer, score-link clicks.
ALTER TABLE response ADD COLUMN flagged BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE response ADD COLUMN flag_reason VARCHAR(200);
ALTER TABLE response ADD COLUMN entered_by VARCHAR(100);
CREATE INDEX ix_response_updated ON response (updated_at);
CREATE INDEX ix_response_campaign ON response (campaign_id);

-- Every version of an answer, oldest first: the latest one is the response itself.
CREATE SEQUENCE response_change_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE response_change (
    id              BIGINT      NOT NULL PRIMARY KEY,
    response_id     BIGINT      NOT NULL,
    score           SMALLINT    NOT NULL,
    comment_text    VARCHAR(10000),
    contact_consent BOOLEAN     NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_response_change_score CHECK (score BETWEEN 0 AND 10),
    CONSTRAINT fk_response_change_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
);
CREATE INDEX ix_response_change_response ON response_change (response_id, changed_at);

-- Score-link GETs store no score, but are noted on the invitation to recognise mail scanners.
ALTER TABLE invitation ADD COLUMN first_opened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE invitation ADD COLUMN last_opened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE invitation ADD COLUMN last_opened_score SMALLINT;
ALTER TABLE invitation ADD COLUMN bot_suspicion VARCHAR(200);
