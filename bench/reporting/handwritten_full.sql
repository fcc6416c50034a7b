-- Every figure the dashboard shows for the segment "plan = pro", by one hand-written statement: counts per
-- month (in Paris time) and score over the period (distribution, NPS, monthly trend) and over the previous
-- period of the same length (bucket 'previous': the significance marker), by one GROUP BY; then one row
-- 'rate' with the first invitations sent in the period that were answered (column score) and all of them
-- (column count): the response rate. psql variables: prev_from_ts, from_ts, to_ts.
SELECT CASE WHEN r.responded_at < :'from_ts' THEN 'previous'
            ELSE to_char(date_trunc('month', r.responded_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM') END AS bucket,
       r.score, COUNT(*)
FROM response r JOIN contact_attribute a ON a.contact_id = r.contact_id AND a.attribute_id = 1
WHERE lower(a.text_value) = 'pro' AND r.flagged = FALSE
  AND r.responded_at >= :'prev_from_ts' AND r.responded_at < :'to_ts'
GROUP BY 1, 2
UNION ALL
SELECT 'rate', COUNT(i.answered_at), COUNT(*)
FROM invitation i JOIN contact_attribute a ON a.contact_id = i.contact_id AND a.attribute_id = 1
WHERE lower(a.text_value) = 'pro' AND i.reminder = 0 AND i.status = 'SENT'
  AND i.sent_at >= :'from_ts' AND i.sent_at < :'to_ts';
