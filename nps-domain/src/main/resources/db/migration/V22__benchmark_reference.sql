-- Benchmark references (issue 14): NPS figures of a sector, typed in by the company from sources it is
-- licensed to use. Empty by default: no third-party figure ships with NPS Loop (published benchmarks are
-- copyrighted, dated, and measured on panels whose method differs from one's own survey).
-- The year column is reference_year: YEAR is a keyword in H2.
CREATE SEQUENCE benchmark_reference_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE benchmark_reference (
    id             BIGINT        NOT NULL PRIMARY KEY,
    sector         VARCHAR(100)  NOT NULL,
    region         VARCHAR(100),
    reference_year INTEGER       NOT NULL,
    source         VARCHAR(200)  NOT NULL,
    licence_note   VARCHAR(500),
    nps            NUMERIC(4, 1) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT ck_benchmark_reference_nps CHECK (nps >= -100 AND nps <= 100)
);
