-- Each user reads dates and times in their own time zone (an IANA id such as America/New_York).
-- NULL: the report time zone, so users who never chose one follow it if it changes.
ALTER TABLE app_user ADD COLUMN time_zone VARCHAR(64);
