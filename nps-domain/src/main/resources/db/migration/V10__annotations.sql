-- Dated notes on the NPS trend (a release, an incident, a price change), written by executives and marketers.
CREATE SEQUENCE annotation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE annotation (
    id          BIGINT       NOT NULL PRIMARY KEY,
    note_day    DATE         NOT NULL,
    note_text   VARCHAR(500) NOT NULL,
    author      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_annotation_day ON annotation (note_day);
