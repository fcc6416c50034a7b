-- Recurring and journey-triggered campaigns, send windows, and reminders numbered within their wave.
ALTER TABLE campaign ADD COLUMN repeat_every INTEGER;
ALTER TABLE campaign ADD COLUMN repeat_unit VARCHAR(10);
ALTER TABLE campaign ADD COLUMN trigger_event VARCHAR(50);
ALTER TABLE campaign ADD COLUMN trigger_delay_days INTEGER;
ALTER TABLE campaign ADD COLUMN window_from_hour INTEGER;
ALTER TABLE campaign ADD COLUMN window_to_hour INTEGER;
ALTER TABLE campaign ADD COLUMN window_days VARCHAR(30);
-- First send of a recurring campaign: later waves are counted from it on the campaign's wall clock.
ALTER TABLE campaign ADD COLUMN first_send_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign ADD COLUMN last_wave INTEGER DEFAULT 0 NOT NULL;
-- Journey campaigns: events that became due up to this instant have been judged.
ALTER TABLE campaign ADD COLUMN triggered_until TIMESTAMP WITH TIME ZONE;
UPDATE campaign SET last_wave = 1 WHERE status IN ('SENDING', 'PAUSED', 'DONE', 'CANCELLED')
    AND EXISTS (SELECT 1 FROM invitation i WHERE i.campaign_id = campaign.id);

-- 0 for the invitation of a wave, n for its n-th reminder (before: reminders took waves 2, 3...).
ALTER TABLE invitation ADD COLUMN reminder INTEGER DEFAULT 0 NOT NULL;
UPDATE invitation SET reminder = wave - 1, wave = 1 WHERE kind = 'REMINDER';
ALTER TABLE invitation DROP CONSTRAINT uq_invitation_recipient;
ALTER TABLE invitation ADD CONSTRAINT uq_invitation_recipient UNIQUE (campaign_id, wave, contact_id, reminder);
-- Every claim and every SENT mark writes a new entry in each index of invitation (status is indexed, so
-- no update is HOT): ix_invitation_contact (contact_id) serves the lookups by contact, whose few rows
-- are then filtered by sent_at.
DROP INDEX ix_invitation_contact_sent;

-- One row that every planning transaction updates first: planners of different campaigns, on any
-- instance, take turns, so each sees the invitations the others planned (one invitation per contact
-- even when campaigns overlap).
CREATE TABLE planning_lock (
    id        INTEGER NOT NULL PRIMARY KEY,
    locked_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO planning_lock (id) VALUES (1);
