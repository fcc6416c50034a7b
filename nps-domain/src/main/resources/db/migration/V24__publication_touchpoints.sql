-- Whether a publication's public page shows the touchpoint ratings (issue 14): off for existing ones.
ALTER TABLE publication ADD COLUMN touchpoints BOOLEAN DEFAULT FALSE NOT NULL;
