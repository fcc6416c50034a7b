-- Drill-down reports (issue 14) filtered by contact (segment, attribute, language): the answers of the
-- matching responses read from indexes alone, without visiting either table (bench/reporting, see its README:
-- the touchpoint and key-driver queries went from 6.6-6.8 s to 1.3-3.4 s for 297,000 responses).
-- The responses of the matching contacts, now with their id, which the answers are joined on; the dashboard
-- reads the same index as before (V10), one column wider.
DROP INDEX ix_response_report_contact;
CREATE INDEX ix_response_report_contact ON response (contact_id, responded_at, flagged, score, campaign_id, id);
-- Their answers: ratings (touchpoint means, key drivers), yes/no and ids (choice distributions).
CREATE INDEX ix_response_answer_report ON response_answer (response_id, question_id, rating, yes_no, id);
