-- Drill-down (issue 14): additional questions per survey, the touchpoints they rate, the answers to them
-- and every change of those answers; the "why" question worded per NPS category.

-- Touchpoints of the customer relationship a rating question can be about. The reference documents' five
-- ship built in (renamable, never deleted: answers refer to them); marketers add their own.
-- Starts at 100: EclipseLink hands out the block 51..100 first, above the built-in ids 1..5.
CREATE SEQUENCE touchpoint_seq START WITH 100 INCREMENT BY 50;
CREATE TABLE touchpoint (
    id         BIGINT       NOT NULL PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL,
    label_en   VARCHAR(100) NOT NULL,
    label_fr   VARCHAR(100) NOT NULL,
    built_in   BOOLEAN      DEFAULT FALSE NOT NULL,
    position   INTEGER      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT       DEFAULT 0 NOT NULL,
    CONSTRAINT uq_touchpoint_code UNIQUE (code)
);
INSERT INTO touchpoint (id, code, label_en, label_fr, built_in, position, created_at) VALUES
    (1, 'FIRST_CONTACT', 'First contact', 'Premier contact', TRUE, 1, CURRENT_TIMESTAMP),
    (2, 'PHONE', 'Phone', 'Échanges par téléphone', TRUE, 2, CURRENT_TIMESTAMP),
    (3, 'SALES', 'Sales team', 'Équipes commerciales', TRUE, 3, CURRENT_TIMESTAMP),
    (4, 'DELIVERY', 'Delivery', 'Livraison', TRUE, 4, CURRENT_TIMESTAMP),
    (5, 'MAINTENANCE', 'Maintenance', 'Maintenance', TRUE, 5, CURRENT_TIMESTAMP);

-- A question after the score. Archived questions are no longer asked but keep their answers in reports.
CREATE SEQUENCE survey_question_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE survey_question (
    id            BIGINT       NOT NULL PRIMARY KEY,
    survey_id     BIGINT       NOT NULL,
    position      INTEGER      NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    rating_scale  VARCHAR(20),
    touchpoint_id BIGINT,
    required      BOOLEAN      DEFAULT FALSE NOT NULL,
    audience      VARCHAR(20)  DEFAULT 'EVERYONE' NOT NULL,
    text_en       VARCHAR(500) NOT NULL,
    text_fr       VARCHAR(500) NOT NULL,
    archived      BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       DEFAULT 0 NOT NULL,
    CONSTRAINT fk_survey_question_survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE,
    CONSTRAINT fk_survey_question_touchpoint FOREIGN KEY (touchpoint_id) REFERENCES touchpoint (id),
    CONSTRAINT ck_survey_question_kind
        CHECK (kind IN ('TOUCHPOINT_RATING', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SHORT_TEXT', 'YES_NO')),
    CONSTRAINT ck_survey_question_scale CHECK (rating_scale IS NULL OR rating_scale IN ('ONE_TO_FIVE', 'ZERO_TO_TEN')),
    CONSTRAINT ck_survey_question_audience
        CHECK (audience IN ('EVERYONE', 'DETRACTORS', 'PASSIVES', 'PROMOTERS'))
);
CREATE INDEX ix_survey_question_survey ON survey_question (survey_id, position);

-- The options of a choice question, in order. A code never changes once answers refer to it.
CREATE TABLE survey_question_choice (
    question_id BIGINT       NOT NULL,
    position    INTEGER      NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    label_en    VARCHAR(200) NOT NULL,
    label_fr    VARCHAR(200) NOT NULL,
    CONSTRAINT pk_survey_question_choice PRIMARY KEY (question_id, position),
    CONSTRAINT fk_survey_question_choice_question FOREIGN KEY (question_id) REFERENCES survey_question (id) ON DELETE CASCADE
);

-- The latest answer of a response to an additional question (one row per response and question).
CREATE SEQUENCE response_answer_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE response_answer (
    id          BIGINT        NOT NULL PRIMARY KEY,
    response_id BIGINT        NOT NULL,
    question_id BIGINT        NOT NULL,
    rating      SMALLINT,
    text_value  VARCHAR(4000),
    yes_no      BOOLEAN,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT uq_response_answer UNIQUE (response_id, question_id),
    CONSTRAINT fk_response_answer_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE,
    CONSTRAINT fk_response_answer_question FOREIGN KEY (question_id) REFERENCES survey_question (id) ON DELETE CASCADE,
    CONSTRAINT ck_response_answer_rating CHECK (rating IS NULL OR rating BETWEEN 0 AND 10)
);
CREATE INDEX ix_response_answer_question ON response_answer (question_id, rating);

-- The chosen options of a choice answer (one row per option chosen).
CREATE TABLE response_answer_choice (
    answer_id   BIGINT      NOT NULL,
    choice_code VARCHAR(40) NOT NULL,
    CONSTRAINT pk_response_answer_choice PRIMARY KEY (answer_id, choice_code),
    CONSTRAINT fk_response_answer_choice_answer FOREIGN KEY (answer_id) REFERENCES response_answer (id) ON DELETE CASCADE
);

-- Every version of an additional answer, oldest first; value_text is what was answered, written out
-- (the rating, the choice codes separated by '|', yes/no, the text), NULL when the answer was cleared.
CREATE SEQUENCE response_answer_change_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE response_answer_change (
    id          BIGINT        NOT NULL PRIMARY KEY,
    response_id BIGINT        NOT NULL,
    question_id BIGINT        NOT NULL,
    value_text  VARCHAR(4000),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_response_answer_change_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE,
    CONSTRAINT fk_response_answer_change_question FOREIGN KEY (question_id) REFERENCES survey_question (id) ON DELETE CASCADE
);
CREATE INDEX ix_response_answer_change_response ON response_answer_change (response_id, changed_at);

-- The "why" question may differ by category; NULL falls back to the one follow_up text.
ALTER TABLE survey_text ADD COLUMN follow_up_detractor VARCHAR(500);
ALTER TABLE survey_text ADD COLUMN follow_up_passive VARCHAR(500);
ALTER TABLE survey_text ADD COLUMN follow_up_promoter VARCHAR(500);
