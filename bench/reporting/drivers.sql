-- Key drivers for the segment "plan = pro" over the period: per touchpoint (and scale), the promoters,
-- passives and detractors among those who rated it high (4-5 of 1-5, 8-10 of 0-10: RatingScale.highFrom)
-- and among the others. Hand-written, one GROUP BY. psql variables: from_ts, to_ts.
SELECT q.touchpoint_id, q.rating_scale,
       a.rating >= CASE q.rating_scale WHEN 'ONE_TO_FIVE' THEN 4 ELSE 8 END AS high,
       COUNT(*) FILTER (WHERE r.score >= 9), COUNT(*) FILTER (WHERE r.score BETWEEN 7 AND 8),
       COUNT(*) FILTER (WHERE r.score <= 6)
FROM response r JOIN contact_attribute ca ON ca.contact_id = r.contact_id AND ca.attribute_id = 1
JOIN response_answer a ON a.response_id = r.id
JOIN survey_question q ON q.id = a.question_id
WHERE lower(ca.text_value) = 'pro' AND r.flagged = FALSE
  AND r.responded_at >= :'from_ts' AND r.responded_at < :'to_ts'
  AND q.kind = 'TOUCHPOINT_RATING' AND a.rating IS NOT NULL
GROUP BY 1, 2, 3;
