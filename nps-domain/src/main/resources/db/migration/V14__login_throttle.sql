-- Failed sign-ins, per account name (known or not) and per client address, shared by every instance: a
-- subject that failed too often is locked until locked_until (see LoginLimit). A success deletes the
-- account's row; rows long expired are swept by the next failures.
CREATE TABLE login_throttle (
    subject      VARCHAR(300) NOT NULL PRIMARY KEY,
    failures     INTEGER      NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_login_throttle_window ON login_throttle (window_start);
