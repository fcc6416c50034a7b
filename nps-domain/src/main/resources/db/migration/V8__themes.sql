-- Comment themes (issue 6): editable keyword rules in FR and EN, the themes of each response with their
-- source, and the state of the background matching that keeps automatic assignments current.

-- The seeded themes take ids 1-5; the sequence starts at 100 so that its first block of 50 (51-100, as
-- EclipseLink and the JDBC writers allocate) never meets them.
CREATE SEQUENCE theme_seq START WITH 100 INCREMENT BY 50;
CREATE TABLE theme (
    id         BIGINT       NOT NULL PRIMARY KEY,
    label_en   VARCHAR(100) NOT NULL,
    label_fr   VARCHAR(100) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(100),
    version    BIGINT       NOT NULL
);

-- Keywords as typed; duplicates (same matching form: case and accents ignored) are refused by the service.
CREATE TABLE theme_keyword (
    theme_id BIGINT       NOT NULL,
    language VARCHAR(2)   NOT NULL,
    keyword  VARCHAR(100) NOT NULL,
    CONSTRAINT pk_theme_keyword PRIMARY KEY (theme_id, language, keyword),
    CONSTRAINT fk_theme_keyword_theme FOREIGN KEY (theme_id) REFERENCES theme (id) ON DELETE CASCADE,
    CONSTRAINT ck_theme_keyword_language CHECK (language IN ('EN', 'FR'))
);

-- A theme of a response: AUTO (from the keyword rules, recomputed by the matching), MANUAL (added by a
-- person) or REMOVED (taken off by a person: the rules never assign it again to that response).
CREATE TABLE response_theme (
    response_id BIGINT      NOT NULL,
    theme_id    BIGINT      NOT NULL,
    source      VARCHAR(10) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_by VARCHAR(100),
    CONSTRAINT pk_response_theme PRIMARY KEY (response_id, theme_id),
    CONSTRAINT fk_response_theme_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE,
    CONSTRAINT fk_response_theme_theme FOREIGN KEY (theme_id) REFERENCES theme (id) ON DELETE CASCADE,
    CONSTRAINT ck_response_theme_source CHECK (source IN ('AUTO', 'MANUAL', 'REMOVED'))
);
CREATE INDEX ix_response_theme_theme ON response_theme (theme_id, source);

-- Which version of each response was matched, with which version of the rules: the scan of recently
-- changed responses skips those already done.
CREATE TABLE theme_match (
    response_id      BIGINT NOT NULL PRIMARY KEY,
    response_version BIGINT NOT NULL,
    rules_version    BIGINT NOT NULL,
    CONSTRAINT fk_theme_match_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
);

-- The matching's single state row (id 1). rules_version grows with every edit of the themes; a full
-- re-match runs (by response id, from rematch_after_id) until rematch_version equals it. scanned_to is
-- the position of the scan over response.updated_at. One instance at a time works, holding the lease.
CREATE TABLE theme_matching (
    id               BIGINT NOT NULL PRIMARY KEY,
    rules_version    BIGINT NOT NULL,
    scanned_to       TIMESTAMP WITH TIME ZONE,
    rematch_version  BIGINT NOT NULL,
    rematch_after_id BIGINT,
    rematch_done     BIGINT NOT NULL,
    rematch_total    BIGINT NOT NULL,
    claimed_by       VARCHAR(200),
    lease_until      TIMESTAMP WITH TIME ZONE
);
-- rules_version 1 > rematch_version 0: the first start matches the responses already there.
INSERT INTO theme_matching (id, rules_version, rematch_version, rematch_done, rematch_total) VALUES (1, 1, 0, 0, 0);

-- Default themes, editable on Reports > Themes.
INSERT INTO theme (id, label_en, label_fr, updated_at, version) VALUES (1, 'Price', 'Prix', CURRENT_TIMESTAMP, 1);
INSERT INTO theme (id, label_en, label_fr, updated_at, version) VALUES (2, 'Delivery', 'Livraison', CURRENT_TIMESTAMP, 1);
INSERT INTO theme (id, label_en, label_fr, updated_at, version) VALUES (3, 'Customer service', 'Service client', CURRENT_TIMESTAMP, 1);
INSERT INTO theme (id, label_en, label_fr, updated_at, version) VALUES (4, 'Product quality', 'Qualité du produit', CURRENT_TIMESTAMP, 1);
INSERT INTO theme (id, label_en, label_fr, updated_at, version) VALUES (5, 'Ease of use', 'Facilité d''utilisation', CURRENT_TIMESTAMP, 1);
INSERT INTO theme_keyword (theme_id, language, keyword) VALUES (1, 'FR', 'prix'), (1, 'FR', 'tarif'), (1, 'FR', '"cher"'), (1, 'FR', 'chère'), (1, 'FR', 'coût'), (1, 'FR', 'coûte'), (1, 'FR', 'factur'), (1, 'FR', 'abonnement'), (1, 'EN', 'price'), (1, 'EN', 'pricing'), (1, 'EN', 'expensive'), (1, 'EN', 'cost'), (1, 'EN', 'invoice'), (1, 'EN', 'billing');
INSERT INTO theme_keyword (theme_id, language, keyword) VALUES (2, 'FR', 'livr'), (2, 'FR', 'délai'), (2, 'FR', 'colis'), (2, 'FR', 'retard'), (2, 'FR', 'expédi'), (2, 'FR', 'transporteur'), (2, 'EN', 'deliver'), (2, 'EN', 'shipping'), (2, 'EN', 'shipment'), (2, 'EN', 'parcel'), (2, 'EN', 'late'), (2, 'EN', 'delay');
INSERT INTO theme_keyword (theme_id, language, keyword) VALUES (3, 'FR', 'service client'), (3, 'FR', 'SAV'), (3, 'FR', 'conseiller'), (3, 'FR', 'accueil'), (3, 'FR', 'hotline'), (3, 'FR', 'répond'), (3, 'EN', 'support'), (3, 'EN', 'customer service'), (3, 'EN', 'agent'), (3, 'EN', 'helpdesk'), (3, 'EN', 'help desk'), (3, 'EN', 'respond');
INSERT INTO theme_keyword (theme_id, language, keyword) VALUES (4, 'FR', 'qualité'), (4, 'FR', 'défaut'), (4, 'FR', 'défectueu'), (4, 'FR', 'cassé'), (4, 'FR', 'panne'), (4, 'FR', 'fiab'), (4, 'FR', 'bug'), (4, 'EN', 'quality'), (4, 'EN', 'defect'), (4, 'EN', 'broken'), (4, 'EN', 'faulty'), (4, 'EN', 'reliab'), (4, 'EN', 'bug'), (4, 'EN', 'crash');
INSERT INTO theme_keyword (theme_id, language, keyword) VALUES (5, 'FR', 'facile'), (5, 'FR', 'simple'), (5, 'FR', 'intuiti'), (5, 'FR', 'compliqué'), (5, 'FR', 'ergonomi'), (5, 'FR', 'prise en main'), (5, 'EN', 'easy'), (5, 'EN', 'simple'), (5, 'EN', 'intuitive'), (5, 'EN', 'complicated'), (5, 'EN', 'usability'), (5, 'EN', 'user friendly');
