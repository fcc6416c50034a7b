-- The dashboard's figures (distribution, NPS, monthly trend) for the segment "plan = pro" over the
-- period, by one hand-written GROUP BY: counts per month (in Paris time) and score. psql variables:
-- from_ts, to_ts (instants bounding the period).
SELECT date_trunc('month', r.responded_at AT TIME ZONE 'Europe/Paris') AS month, r.score, COUNT(*)
FROM response r JOIN contact_attribute a ON a.contact_id = r.contact_id AND a.attribute_id = 1
WHERE lower(a.text_value) = 'pro' AND r.flagged = FALSE
  AND r.responded_at >= :'from_ts' AND r.responded_at < :'to_ts'
GROUP BY 1, 2;
