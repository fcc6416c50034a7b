-- EXPLAIN ANALYZE of the SQL the dashboard sends for the benchmark's request (segment "plan = pro",
-- the last 730 days, monthly trend), as DefaultReportService and ResponseScope build it, with the
-- values bound. Run on a kept database (KEEP_DB=1):
--   psql -h 127.0.0.1 -U postgres -d npsloop_reportbench -X -f bench/reporting/explain.sql
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

\echo '3. the response rate: first invitations sent in the period, and those answered'
EXPLAIN (ANALYZE, BUFFERS)
SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM response r JOIN invitation j ON j.id = r.invitation_id
        WHERE j.campaign_id = i.campaign_id AND j.wave = i.wave AND j.contact_id = i.contact_id AND r.flagged = FALSE)
        THEN 1 ELSE 0 END), 0)
  FROM invitation i LEFT JOIN contact c ON c.id = i.contact_id LEFT JOIN campaign k ON k.id = i.campaign_id
  WHERE i.reminder = 0 AND i.status = 'SENT' AND i.sent_at >= :from_ts AND i.sent_at < :to_ts
    AND c.id IS NOT NULL AND (EXISTS (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id
        AND a0.attribute_id = 1 AND LOWER(a0.text_value) = 'pro'));

\echo '4. the hand-written GROUP BY the benchmark compares with'
EXPLAIN (ANALYZE, BUFFERS)
SELECT date_trunc('month', r.responded_at AT TIME ZONE 'Europe/Paris') AS month, r.score, COUNT(*)
FROM response r JOIN contact_attribute a ON a.contact_id = r.contact_id AND a.attribute_id = 1
WHERE lower(a.text_value) = 'pro' AND r.flagged = FALSE AND r.responded_at >= :from_ts AND r.responded_at < :to_ts
GROUP BY 1, 2;
