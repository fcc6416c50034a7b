-- Per touchpoint (and scale: a touchpoint rated 1-5 in one survey and 0-10 in another has two means), the
-- moments RatingSummary takes for the segment "plan = pro" over the period: n, the sum of the ratings and of
-- their squares (mean, variance, 95 % interval). Hand-written, one GROUP BY. psql variables: from_ts, to_ts.
SELECT q.touchpoint_id, q.rating_scale, COUNT(*), SUM(a.rating), SUM(a.rating * a.rating)
FROM response r JOIN contact_attribute ca ON ca.contact_id = r.contact_id AND ca.attribute_id = 1
JOIN response_answer a ON a.response_id = r.id
JOIN survey_question q ON q.id = a.question_id
WHERE lower(ca.text_value) = 'pro' AND r.flagged = FALSE
  AND r.responded_at >= :'from_ts' AND r.responded_at < :'to_ts'
  AND q.kind = 'TOUCHPOINT_RATING' AND a.rating IS NOT NULL
GROUP BY 1, 2;
