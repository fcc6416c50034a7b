-- The brand of the public synthesis pages that are not one campaign's (those wear their survey's brand), set by an
-- ADMIN on the Settings page: one row, id 1. A null name falls back to the nps.publication.brand-name configuration.
CREATE TABLE publication_brand (
    id           INTEGER       NOT NULL PRIMARY KEY,
    brand_name   VARCHAR(200),
    brand_colour VARCHAR(7),
    logo_url     VARCHAR(1000),
    updated_at   TIMESTAMP WITH TIME ZONE,
    updated_by   VARCHAR(100)
);
INSERT INTO publication_brand (id) VALUES (1);
