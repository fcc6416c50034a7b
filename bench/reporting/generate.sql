-- Reporting benchmark data, straight into the schema the application migrated (psql variables:
-- responses, contacts). Deterministic (setseed). One invitation per generated row, 1.3 rows per
-- response: the extra invitations were never answered; phone and manual answers have no invitation.
SELECT setseed(0.42);

INSERT INTO attribute_definition (id, name, type, created_at) VALUES (1, 'plan', 'TEXT', now());
INSERT INTO contact (id, email, language, status, created_at, updated_at, version)
SELECT g, 'c' || g || '@reportbench.example', CASE WHEN g % 3 = 0 THEN 'EN' ELSE 'FR' END, 'ACTIVE', now(), now(), 0
FROM generate_series(1, :contacts) g;
-- plan: free 60 %, pro 30 %, business 10 %
INSERT INTO contact_attribute (contact_id, attribute_id, text_value)
SELECT g, 1, CASE WHEN g % 10 < 6 THEN 'free' WHEN g % 10 < 9 THEN 'pro' ELSE 'business' END
FROM generate_series(1, :contacts) g;

INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'Bench', 'Acme', now(), now(), 0);
-- Four journey campaigns (one per moment) and four one-off campaigns.
INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version, trigger_event)
SELECT g, 'Campaign ' || g, 1, CASE WHEN g <= 4 THEN 'JOURNEY' ELSE 'ONE_OFF' END, 'DONE', 'Europe/Paris', now(), now(), 0,
       (ARRAY['ONBOARDING', 'PURCHASE', 'SUPPORT', 'RENEWAL'])[g]
FROM generate_series(1, 8) g;

-- answered: when the response to row g comes (0 to 3 days after sending, not after now), one value for both
-- inserts below (now() differs between their transactions).
CREATE TEMPORARY TABLE gen AS
SELECT *, LEAST(now(), sent_at + interval '3 days' * delay) AS answered FROM (
    SELECT g, 1 + (g::bigint * 7919) % :contacts AS contact, 1 + g % 8 AS campaign,
           now() - interval '730 days' * random() AS sent_at, random() AS delay, random() AS s, random() AS ch, random() AS fl
    FROM generate_series(1, (:responses * 13) / 10) g) t;

-- answered_at: what the respondent pages note on a first invitation (and V13 backfills, but the migrations ran
-- before this script): the time of the answer given through it, unless flagged as a suspected bot's. Only
-- email answers are linked to their invitation (the response insert below uses the same gen columns).
INSERT INTO invitation (id, campaign_id, contact_id, wave, reminder, kind, status, token_hash, due_at, sent_at, attempts,
                        created_at, version, answered_at)
SELECT g, campaign, contact, g, 0, 'INITIAL', 'SENT', 'h' || g, sent_at, sent_at, 1, sent_at, 0,
       CASE WHEN g <= :responses AND ch < 0.85 AND fl >= 0.01 THEN answered END
FROM gen;

-- Scores: detractors 25 %, passives 30 %, promoters 45 %; channels: email 85 %, phone 10 %, manual 5 %; 1 % flagged.
INSERT INTO response (id, invitation_id, contact_id, campaign_id, score, contact_consent, channel, responded_at, updated_at,
                      version, flagged, flag_reason)
SELECT g, CASE WHEN ch < 0.85 THEN g END, contact, campaign,
       LEAST(10, CASE WHEN s < 0.25 THEN floor(s / 0.25 * 7) WHEN s < 0.55 THEN 7 + floor((s - 0.25) / 0.30 * 2)
                      ELSE 9 + floor((s - 0.55) / 0.45 * 2) END),
       s >= 0.55, CASE WHEN ch < 0.85 THEN 'EMAIL' WHEN ch < 0.95 THEN 'PHONE' ELSE 'MANUAL' END,
       answered, answered, 0,
       fl < 0.01, CASE WHEN fl < 0.01 THEN 'answered 2 s after sending' END
FROM gen WHERE g <= :responses;

DROP TABLE gen;
