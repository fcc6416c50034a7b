-- Close the loop: one follow-up per detractor (optionally passive) response, created by the reporting
-- module's worker; the unique constraint keeps several instances from creating two.
-- Settings (passives too, default due days) are configuration: nps.follow-up.* (see README).
CREATE SEQUENCE follow_up_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE follow_up (
    id          BIGINT      NOT NULL PRIMARY KEY,
    response_id BIGINT      NOT NULL,
    owner_id    BIGINT,
    status      VARCHAR(20) NOT NULL,
    due_on      DATE        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    version     BIGINT      NOT NULL,
    CONSTRAINT uq_follow_up_response UNIQUE (response_id),
    CONSTRAINT fk_follow_up_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE,
    CONSTRAINT fk_follow_up_owner FOREIGN KEY (owner_id) REFERENCES app_user (id) ON DELETE SET NULL,
    CONSTRAINT ck_follow_up_status CHECK (status IN ('NEW', 'CONTACTED', 'RESOLVED'))
);
CREATE INDEX ix_follow_up_list ON follow_up (status, due_on);
CREATE INDEX ix_follow_up_owner ON follow_up (owner_id);

CREATE SEQUENCE follow_up_note_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE follow_up_note (
    id           BIGINT        NOT NULL PRIMARY KEY,
    follow_up_id BIGINT        NOT NULL,
    author       VARCHAR(100)  NOT NULL,
    note_text    VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_follow_up_note_follow_up FOREIGN KEY (follow_up_id) REFERENCES follow_up (id) ON DELETE CASCADE
);
CREATE INDEX ix_follow_up_note_follow_up ON follow_up_note (follow_up_id);
