-- The distribution of choices by NPS category for the segment "plan = pro" over the period: per choice
-- question and option, the promoters, passives and detractors who chose it; and per question (option
-- NULL) those who answered it, the shares' denominators. Hand-written. psql variables: from_ts, to_ts.
WITH answered AS MATERIALIZED (
    SELECT a.id, a.question_id, r.score
    FROM response r JOIN contact_attribute ca ON ca.contact_id = r.contact_id AND ca.attribute_id = 1
    JOIN response_answer a ON a.response_id = r.id
    JOIN survey_question q ON q.id = a.question_id
    WHERE lower(ca.text_value) = 'pro' AND r.flagged = FALSE
      AND r.responded_at >= :'from_ts' AND r.responded_at < :'to_ts'
      AND q.kind IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE'))
SELECT s.question_id, c.choice_code, COUNT(*) FILTER (WHERE s.score >= 9),
       COUNT(*) FILTER (WHERE s.score BETWEEN 7 AND 8), COUNT(*) FILTER (WHERE s.score <= 6)
FROM answered s JOIN response_answer_choice c ON c.answer_id = s.id
GROUP BY 1, 2
UNION ALL
SELECT question_id, NULL, COUNT(*) FILTER (WHERE score >= 9), COUNT(*) FILTER (WHERE score BETWEEN 7 AND 8),
       COUNT(*) FILTER (WHERE score <= 6)
FROM answered GROUP BY 1;
