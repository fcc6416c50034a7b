-- EXPLAIN ANALYZE of the SQL the dashboard sends for the benchmark's request (segment "plan = pro",
-- the last 730 days, monthly trend), as DefaultReportService and ResponseScope build it, with the
-- values bound. Run on a kept database (KEEP_DB=1):
--   psql -h 127.0.0.1 -U postgres -d npsloop_reportbench -X -f bench/reporting/explain.sql
-- Statements 4 and 5 are the hand-written ones the benchmark times; 1g-3g the service's with generic plans;
-- 6-8 the drill-down's (issue 14), run from their files, their plans shown by auto_explain.
\set from_ts '(((now() AT TIME ZONE ''Europe/Paris'')::date - 729)::timestamp AT TIME ZONE ''Europe/Paris'')'
\set to_ts '(((now() AT TIME ZONE ''Europe/Paris'')::date + 1)::timestamp AT TIME ZONE ''Europe/Paris'')'
\set prev_from_ts '(((now() AT TIME ZONE ''Europe/Paris'')::date - 1459)::timestamp AT TIME ZONE ''Europe/Paris'')'

\echo '1. counts per (day in Paris, score): distribution, NPS and trend'
EXPLAIN (ANALYZE, BUFFERS)
SELECT d, s, COUNT(*) FROM (SELECT CAST(r.responded_at AT TIME ZONE 'Europe/Paris' AS DATE) AS d, r.score AS s
  FROM response r LEFT JOIN contact c ON c.id = r.contact_id LEFT JOIN campaign k ON k.id = r.campaign_id
  WHERE 1 = 1 AND r.responded_at >= :from_ts AND r.responded_at < :to_ts
    AND c.id IS NOT NULL AND (EXISTS (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id
        AND a0.attribute_id = 1 AND LOWER(a0.text_value) = 'pro'))
    AND r.flagged = FALSE) t GROUP BY d, s;

\echo '2. the previous period of the same length: category counts'
EXPLAIN (ANALYZE, BUFFERS)
SELECT COALESCE(SUM(CASE WHEN r.score >= 9 THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN r.score BETWEEN 7 AND 8 THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN r.score <= 6 THEN 1 ELSE 0 END), 0)
  FROM response r LEFT JOIN contact c ON c.id = r.contact_id LEFT JOIN campaign k ON k.id = r.campaign_id
  WHERE 1 = 1 AND r.responded_at >= :prev_from_ts AND r.responded_at < :from_ts
    AND c.id IS NOT NULL AND (EXISTS (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id
        AND a0.attribute_id = 1 AND LOWER(a0.text_value) = 'pro'))
    AND r.flagged = FALSE;

\echo '3. the response rate: first invitations sent in the period, and those answered (answered_at, V13)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT COUNT(*), COUNT(i.answered_at)
  FROM invitation i LEFT JOIN contact c ON c.id = i.contact_id LEFT JOIN campaign k ON k.id = i.campaign_id
  WHERE i.reminder = 0 AND i.status = 'SENT' AND i.sent_at >= :from_ts AND i.sent_at < :to_ts
    AND c.id IS NOT NULL AND (EXISTS (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id
        AND a0.attribute_id = 1 AND LOWER(a0.text_value) = 'pro'));

\echo '4. the hand-written GROUP BY (handwritten.sql): distribution and trend'
EXPLAIN (ANALYZE, BUFFERS)
SELECT date_trunc('month', r.responded_at AT TIME ZONE 'Europe/Paris') AS month, r.score, COUNT(*)
FROM response r JOIN contact_attribute a ON a.contact_id = r.contact_id AND a.attribute_id = 1
WHERE lower(a.text_value) = 'pro' AND r.flagged = FALSE AND r.responded_at >= :from_ts AND r.responded_at < :to_ts
GROUP BY 1, 2;

\echo '5. the hand-written statement with every figure (handwritten_full.sql): + previous period, response rate'
EXPLAIN (ANALYZE, BUFFERS)
SELECT CASE WHEN r.responded_at < :from_ts THEN 'previous'
            ELSE to_char(date_trunc('month', r.responded_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM') END AS bucket,
       r.score, COUNT(*)
FROM response r JOIN contact_attribute a ON a.contact_id = r.contact_id AND a.attribute_id = 1
WHERE lower(a.text_value) = 'pro' AND r.flagged = FALSE AND r.responded_at >= :prev_from_ts AND r.responded_at < :to_ts
GROUP BY 1, 2
UNION ALL
SELECT 'rate', COUNT(i.answered_at), COUNT(*)
FROM invitation i JOIN contact_attribute a ON a.contact_id = i.contact_id AND a.attribute_id = 1
WHERE lower(a.text_value) = 'pro' AND i.reminder = 0 AND i.status = 'SENT' AND i.sent_at >= :from_ts AND i.sent_at < :to_ts;

-- The service binds its values (PgJDBC: a server-side prepared statement from the 5th execution on a
-- connection), and PostgreSQL may then keep a generic plan, made without the values. The same three
-- statements as 1-3, prepared, with the plan made without the values:
PREPARE daily(varchar, timestamptz, timestamptz, int8, varchar) AS
SELECT d, s, COUNT(*) FROM (SELECT CAST(r.responded_at AT TIME ZONE $1 AS DATE) AS d, r.score AS s
  FROM response r LEFT JOIN contact c ON c.id = r.contact_id LEFT JOIN campaign k ON k.id = r.campaign_id
  WHERE 1 = 1 AND r.responded_at >= $2 AND r.responded_at < $3
    AND c.id IS NOT NULL AND (EXISTS (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id
        AND a0.attribute_id = $4 AND LOWER(a0.text_value) = $5))
    AND r.flagged = FALSE) t GROUP BY d, s;
PREPARE previous(timestamptz, timestamptz, int8, varchar) AS
SELECT COALESCE(SUM(CASE WHEN r.score >= 9 THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN r.score BETWEEN 7 AND 8 THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN r.score <= 6 THEN 1 ELSE 0 END), 0)
  FROM response r LEFT JOIN contact c ON c.id = r.contact_id LEFT JOIN campaign k ON k.id = r.campaign_id
  WHERE 1 = 1 AND r.responded_at >= $1 AND r.responded_at < $2
    AND c.id IS NOT NULL AND (EXISTS (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id
        AND a0.attribute_id = $3 AND LOWER(a0.text_value) = $4))
    AND r.flagged = FALSE;
PREPARE rate(timestamptz, timestamptz, int8, varchar) AS
SELECT COUNT(*), COUNT(i.answered_at)
  FROM invitation i LEFT JOIN contact c ON c.id = i.contact_id LEFT JOIN campaign k ON k.id = i.campaign_id
  WHERE i.reminder = 0 AND i.status = 'SENT' AND i.sent_at >= $1 AND i.sent_at < $2
    AND c.id IS NOT NULL AND (EXISTS (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id
        AND a0.attribute_id = $3 AND LOWER(a0.text_value) = $4));
SET plan_cache_mode = force_generic_plan;

\echo '1g. statement 1, generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE daily('Europe/Paris', :from_ts, :to_ts, 1, 'pro');
\echo '2g. statement 2, generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE previous(:prev_from_ts, :from_ts, 1, 'pro');
\echo '3g. statement 3, generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE rate(:from_ts, :to_ts, 1, 'pro');

-- The drill-down statements (issue 14), run from their own files with the period as values; auto_explain
-- prints each plan (ANALYZE, BUFFERS) here, before its result.
RESET plan_cache_mode;
SELECT (((now() AT TIME ZONE 'Europe/Paris')::date - 729)::timestamp AT TIME ZONE 'Europe/Paris') AS from_ts,
       (((now() AT TIME ZONE 'Europe/Paris')::date + 1)::timestamp AT TIME ZONE 'Europe/Paris') AS to_ts \gset
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_analyze = on;
SET auto_explain.log_buffers = on;
SET client_min_messages = log;
\echo '6. touchpoints.sql: n, sum and sum of squares per touchpoint'
\ir touchpoints.sql
\echo '7. drivers.sql: NPS counts of high and low raters per touchpoint'
\ir drivers.sql
\echo '8. choices.sql: choices by NPS category'
\ir choices.sql
