-- Drill-down data (issue 14) for the responses generate.sql made, straight into V21's tables. Deterministic
-- (setseed). Survey 1 asks, after the score, three touchpoint ratings of V21's built-in touchpoints and one
-- multiple-choice question, all to everyone:
--   question 1: FIRST_CONTACT (touchpoint 1), 1-5, weakly tied to the score;
--   question 2: SALES (touchpoint 3), 1-5, strongly tied to it;
--   question 3: DELIVERY (touchpoint 4), 0-10, in between;
--   question 4: "What do you value most?", 5 options, answered by half the respondents, 1 or 2 options,
--               detractors leaning to price and support, promoters to quality and ease of use.
-- Every response answers the three ratings (3,000,000 rows for 1,000,000 responses). A rating is
-- min + floor(u * (max - min + 1)) with u = w * score / 10 + (1 - w) * random(): the larger w, the more those
-- who rate the touchpoint high are promoters, so the key drivers differ (SALES first, FIRST_CONTACT last).
-- Answer ids: 3 * (response - 1) + question for ratings, 3 * responses + response for the choice question.
SELECT setseed(0.14);

INSERT INTO survey_question (id, survey_id, position, kind, rating_scale, touchpoint_id, required, audience,
                             text_en, text_fr, archived, created_at, updated_at, version) VALUES
    (1, 1, 1, 'TOUCHPOINT_RATING', 'ONE_TO_FIVE', 1, TRUE, 'EVERYONE',
     'How was your first contact with us?', 'Comment s''est passé votre premier contact avec nous ?', FALSE, now(), now(), 0),
    (2, 1, 2, 'TOUCHPOINT_RATING', 'ONE_TO_FIVE', 3, TRUE, 'EVERYONE',
     'How would you rate our sales team?', 'Comment notez-vous nos équipes commerciales ?', FALSE, now(), now(), 0),
    (3, 1, 3, 'TOUCHPOINT_RATING', 'ZERO_TO_TEN', 4, TRUE, 'EVERYONE',
     'How would you rate the delivery?', 'Comment notez-vous la livraison ?', FALSE, now(), now(), 0),
    (4, 1, 4, 'MULTIPLE_CHOICE', NULL, NULL, FALSE, 'EVERYONE',
     'What do you value most?', 'Qu''appréciez-vous le plus ?', FALSE, now(), now(), 0);
INSERT INTO survey_question_choice (question_id, position, code, label_en, label_fr) VALUES
    (4, 1, 'PRICE', 'Price', 'Le prix'),
    (4, 2, 'QUALITY', 'Quality', 'La qualité'),
    (4, 3, 'SUPPORT', 'Support', 'L''assistance'),
    (4, 4, 'SPEED', 'Speed of delivery', 'La rapidité de livraison'),
    (4, 5, 'EASE', 'Ease of use', 'La simplicité');

-- The three ratings of every response, in response order (the unique index fills in order).
INSERT INTO response_answer (id, response_id, question_id, rating, answered_at, updated_at, version)
SELECT 3 * (r.id - 1) + q.id, r.id, q.id,
       LEAST(q.top, q.bottom + floor((q.w * r.score / 10.0 + (1 - q.w) * random()) * (q.top - q.bottom + 1))),
       r.responded_at, r.responded_at, 0
FROM response r
CROSS JOIN (VALUES (1, 1, 5, 0.2), (2, 1, 5, 0.6), (3, 0, 10, 0.4)) q(id, bottom, top, w)
ORDER BY r.id, q.id;

-- Question 4: half the respondents; the first option drawn by category, a second one 35 % of the time.
CREATE TEMPORARY TABLE chosen AS
SELECT id, score, first, (first + 1 + floor(random() * 4)::int) % 5 AS second, random() < 0.35 AS two
FROM (SELECT r.id, r.score, x,
             CASE WHEN r.score <= 6 THEN (CASE WHEN x < 0.35 THEN 0 WHEN x < 0.45 THEN 1 WHEN x < 0.80 THEN 2 WHEN x < 0.92 THEN 3 ELSE 4 END)
                  WHEN r.score <= 8 THEN (CASE WHEN x < 0.25 THEN 0 WHEN x < 0.45 THEN 1 WHEN x < 0.65 THEN 2 WHEN x < 0.85 THEN 3 ELSE 4 END)
                  ELSE (CASE WHEN x < 0.10 THEN 0 WHEN x < 0.45 THEN 1 WHEN x < 0.60 THEN 2 WHEN x < 0.75 THEN 3 ELSE 4 END) END AS first
      FROM (SELECT id, score, random() AS x, random() AS answers FROM response) r
      WHERE r.answers < 0.5) t;

INSERT INTO response_answer (id, response_id, question_id, answered_at, updated_at, version)
SELECT (SELECT MAX(id) FROM response) * 3 + c.id, c.id, 4, r.responded_at, r.responded_at, 0
FROM chosen c JOIN response r ON r.id = c.id
ORDER BY c.id;
INSERT INTO response_answer_choice (answer_id, choice_code)
SELECT (SELECT MAX(id) FROM response) * 3 + id, (ARRAY['PRICE', 'QUALITY', 'SUPPORT', 'SPEED', 'EASE'])[o + 1]
FROM (SELECT id, first AS o FROM chosen UNION ALL SELECT id, second FROM chosen WHERE two) t
ORDER BY 1, 2;

DROP TABLE chosen;
