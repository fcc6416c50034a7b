-- A webhook event about a contact (contact.erased) concerns no response: its delivery has no response id.
ALTER TABLE webhook_delivery ALTER COLUMN response_id DROP NOT NULL;
ALTER TABLE webhook_delivery ALTER COLUMN response_version DROP NOT NULL;
