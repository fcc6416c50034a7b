-- Issue 16: the respondent rate limit counted across instances. Each instance writes its own requests per client
-- address and minute (absolute counts, so no two instances ever write one row) about once a second, and reads what
-- the others counted. The address is stored as a SHA-256 digest: an IP address is personal data. Rows older than
-- the previous minute are deleted by every instance's next write.
CREATE TABLE rate_limit_count (
    window_minute BIGINT NOT NULL,
    address_hash VARCHAR(64) NOT NULL,
    instance VARCHAR(120) NOT NULL,
    requests INTEGER NOT NULL,
    CONSTRAINT pk_rate_limit_count PRIMARY KEY (window_minute, address_hash, instance)
);
