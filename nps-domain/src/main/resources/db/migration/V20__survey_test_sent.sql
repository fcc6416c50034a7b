-- When a test of the survey was last sent (NULL: never): the home page's first-steps checklist ticks
-- "send a test" off from it. Test mails create no invitation, so nothing else records them.
ALTER TABLE survey ADD COLUMN test_sent_at TIMESTAMP WITH TIME ZONE;
