-- Core model of NPS Loop. Runs unchanged on H2 2.x and PostgreSQL 15+.
-- Ids come from sequences (EclipseLink IDENTITY is broken on H2 2.x); each sequence starts at
-- its allocation size (50), which EclipseLink requires.

CREATE SEQUENCE app_user_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE app_user (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL,
    display_name         VARCHAR(200) NOT NULL,
    email                VARCHAR(320),
    password_hash        VARCHAR(512) NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    preferred_language   VARCHAR(2),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at        TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
);
CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(20) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE SEQUENCE contact_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE contact (
    id         BIGINT       NOT NULL PRIMARY KEY,
    email      VARCHAR(320) NOT NULL,
    first_name VARCHAR(200),
    last_name  VARCHAR(200),
    language   VARCHAR(2)   NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT uq_contact_email UNIQUE (email)
);

CREATE SEQUENCE mailing_list_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE mailing_list (
    id          BIGINT        NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT uq_mailing_list_name UNIQUE (name)
);
CREATE TABLE mailing_list_member (
    mailing_list_id BIGINT NOT NULL,
    contact_id      BIGINT NOT NULL,
    CONSTRAINT pk_mailing_list_member PRIMARY KEY (mailing_list_id, contact_id),
    CONSTRAINT fk_member_list FOREIGN KEY (mailing_list_id) REFERENCES mailing_list (id) ON DELETE CASCADE,
    CONSTRAINT fk_member_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
);
CREATE INDEX ix_mailing_list_member_contact ON mailing_list_member (contact_id);

CREATE SEQUENCE journey_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE journey_event (
    id          BIGINT       NOT NULL PRIMARY KEY,
    contact_id  BIGINT       NOT NULL,
    type        VARCHAR(50)  NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    external_id VARCHAR(200),
    properties  VARCHAR(4000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_journey_event_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE,
    CONSTRAINT uq_journey_event_external_id UNIQUE (external_id)
);
CREATE INDEX ix_journey_event_contact_type ON journey_event (contact_id, type, occurred_at);
CREATE INDEX ix_journey_event_type_time ON journey_event (type, occurred_at);

CREATE SEQUENCE survey_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE survey (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    brand_name VARCHAR(200) NOT NULL,
    closes_at  TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT       NOT NULL
);

CREATE SEQUENCE campaign_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE campaign (
    id              BIGINT       NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    survey_id       BIGINT       NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    mailing_list_id BIGINT,
    time_zone       VARCHAR(64)  NOT NULL,
    scheduled_at    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_campaign_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
    CONSTRAINT fk_campaign_list FOREIGN KEY (mailing_list_id) REFERENCES mailing_list (id)
);

CREATE SEQUENCE invitation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE invitation (
    id          BIGINT      NOT NULL PRIMARY KEY,
    campaign_id BIGINT      NOT NULL,
    contact_id  BIGINT      NOT NULL,
    wave        INTEGER     NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    status      VARCHAR(20) NOT NULL,
    token_hash  VARCHAR(64) NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE,
    claimed_by  VARCHAR(100),
    lease_until TIMESTAMP WITH TIME ZONE,
    attempts    INTEGER     NOT NULL,
    last_error  VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT      NOT NULL,
    CONSTRAINT fk_invitation_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_invitation_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT uq_invitation_recipient UNIQUE (campaign_id, wave, contact_id, kind),
    CONSTRAINT uq_invitation_token UNIQUE (token_hash)
);
CREATE INDEX ix_invitation_due ON invitation (status, due_at);
CREATE INDEX ix_invitation_contact ON invitation (contact_id);

CREATE SEQUENCE response_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE response (
    id              BIGINT      NOT NULL PRIMARY KEY,
    invitation_id   BIGINT,
    contact_id      BIGINT,
    campaign_id     BIGINT,
    score           SMALLINT    NOT NULL,
    comment_text    VARCHAR(10000),
    contact_consent BOOLEAN     NOT NULL,
    channel         VARCHAR(20) NOT NULL,
    responded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT ck_response_score CHECK (score BETWEEN 0 AND 10),
    CONSTRAINT fk_response_invitation FOREIGN KEY (invitation_id) REFERENCES invitation (id),
    CONSTRAINT fk_response_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE SET NULL,
    CONSTRAINT fk_response_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT uq_response_invitation UNIQUE (invitation_id)
);
CREATE INDEX ix_response_time ON response (responded_at);
CREATE INDEX ix_response_contact ON response (contact_id);
