-- A public synthesis that never exposes a person.
-- Second consent: a survey may ask "May we quote you anonymously?"; each answer keeps what the respondent
-- said (NULL: the question was not asked). Where the survey asks it, only a yes can be quoted.
ALTER TABLE survey ADD COLUMN ask_quote_consent BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE response ADD COLUMN quote_consent BOOLEAN;
-- The wording an executive chose to publish for a quote, already masked (NULL: the comment itself, masked
-- when published). The original comment stays in response, internal and unchanged.
ALTER TABLE publication_quote ADD COLUMN wording VARCHAR(2000);
