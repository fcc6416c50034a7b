-- Every figure the dashboard shows for the answers of English-speaking contacts (a filter the rollups keep), by one
-- hand-written statement, as handwritten_full.sql does for the segment: counts per month (in Paris time) and score
-- over the period and the previous one (bucket 'previous'), then one row 'rate' (answered, all) with the first
-- invitations sent in the period. psql variables: prev_from_ts, from_ts, to_ts.
SELECT CASE WHEN r.responded_at < :'from_ts' THEN 'previous'
            ELSE to_char(date_trunc('month', r.responded_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM') END AS bucket,
       r.score, COUNT(*)
FROM response r JOIN contact c ON c.id = r.contact_id
WHERE c.language = 'EN' AND r.flagged = FALSE
  AND r.responded_at >= :'prev_from_ts' AND r.responded_at < :'to_ts'
GROUP BY 1, 2
UNION ALL
SELECT 'rate', COUNT(i.answered_at), COUNT(*)
FROM invitation i JOIN contact c ON c.id = i.contact_id
WHERE c.language = 'EN' AND i.reminder = 0 AND i.status = 'SENT'
  AND i.sent_at >= :'from_ts' AND i.sent_at < :'to_ts';
