-- What a survey says and how it looks: per-language texts, branding, sender, lifetime of its links.
ALTER TABLE survey ADD COLUMN default_language VARCHAR(2) DEFAULT 'EN' NOT NULL;
ALTER TABLE survey ADD COLUMN brand_colour VARCHAR(7) DEFAULT '#0B5CAD' NOT NULL;
ALTER TABLE survey ADD COLUMN logo_url VARCHAR(1000);
ALTER TABLE survey ADD COLUMN sender_name VARCHAR(200);
ALTER TABLE survey ADD COLUMN sender_email VARCHAR(320);
ALTER TABLE survey ADD COLUMN postal_address VARCHAR(500);
ALTER TABLE survey ADD COLUMN link_lifetime_days INTEGER DEFAULT 30 NOT NULL;
ALTER TABLE survey ADD COLUMN review_url VARCHAR(1000);

CREATE TABLE survey_text (
    survey_id        BIGINT       NOT NULL,
    language         VARCHAR(2)   NOT NULL,
    subject          VARCHAR(300) NOT NULL,
    question         VARCHAR(500) NOT NULL,
    follow_up        VARCHAR(500) NOT NULL,
    consent_question VARCHAR(500),
    CONSTRAINT pk_survey_text PRIMARY KEY (survey_id, language),
    CONSTRAINT fk_survey_text_survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE
);
