-- Weekly digest: one settings row (id 1) and the users who receive it. last_slot is the weekday-and-hour
-- instant of the latest week whose digest was claimed: an instance sends a week's digest only if its
-- conditional UPDATE moves last_slot forward, so several instances send it once.
CREATE TABLE digest_settings (
    id         INTEGER      NOT NULL PRIMARY KEY,
    enabled    BOOLEAN      NOT NULL,
    weekday    INTEGER      NOT NULL,
    send_hour  INTEGER      NOT NULL,
    last_slot  TIMESTAMP WITH TIME ZONE,
    updated_at TIMESTAMP WITH TIME ZONE,
    updated_by VARCHAR(100),
    CONSTRAINT ck_digest_weekday CHECK (weekday BETWEEN 1 AND 7),
    CONSTRAINT ck_digest_hour CHECK (send_hour BETWEEN 0 AND 23)
);
INSERT INTO digest_settings (id, enabled, weekday, send_hour) VALUES (1, FALSE, 1, 8);

CREATE TABLE digest_recipient (
    user_id BIGINT NOT NULL PRIMARY KEY,
    CONSTRAINT fk_digest_recipient_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
