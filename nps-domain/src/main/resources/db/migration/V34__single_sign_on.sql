-- Issue 17: accounts signed in by an OpenID Connect provider. Such an account is found by the provider's issuer and
-- the subject it gives the person (stable, unlike a name or an email), and has no password of its own.
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE app_user ADD COLUMN identity_issuer VARCHAR(512);
ALTER TABLE app_user ADD COLUMN identity_subject VARCHAR(255);
CREATE UNIQUE INDEX app_user_identity ON app_user (identity_issuer, identity_subject);
