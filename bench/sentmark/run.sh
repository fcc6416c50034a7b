#!/usr/bin/env bash
# The SENT mark's database cost with and without the rollup trigger (V31's tr_rollup_invitation_update), side by side
# in one run: pgbench marks claimed first invitations SENT as DispatchQueue.markSent does (one row per transaction),
# in alternating rounds with the trigger enabled and disabled. Needs a database migrated by the application
# (DB_NAME, e.g. one kept by bench/reporting with KEEP_DB=1, or a copy of one); it adds and removes its own rows.
# Usage: DB_NAME=... bench/sentmark/run.sh      (ROWS, CLIENTS, SECONDS, ROUNDS)
set -euo pipefail
DB_HOST="${DB_HOST:-127.0.0.1}"; DB_PORT="${DB_PORT:-5432}"; DB_USER="${DB_USER:-postgres}"; DB_NAME="${DB_NAME:?DB_NAME}"
ROWS="${ROWS:-400000}"; CLIENTS="${CLIENTS:-8}"; SECONDS_PER_ROUND="${SECONDS:-15}"; ROUNDS="${ROUNDS:-3}"
PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -X -q -v ON_ERROR_STOP=1)
WORK="$(mktemp -d)"
cleanup() {
    "${PSQL[@]}" -c "ALTER TABLE invitation ENABLE TRIGGER tr_rollup_invitation_update" \
        -c "DELETE FROM invitation WHERE token_hash LIKE 'sentmark-%'" >/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
"${PSQL[@]}" <<SQL
INSERT INTO survey (id, name, brand_name, created_at, updated_at, version)
  VALUES (900001, 'sentmark', 'Acme', now(), now(), 0) ON CONFLICT DO NOTHING;
INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version)
  VALUES (900001, 'sentmark', 900001, 'ONE_OFF', 'SENDING', 'Europe/Paris', now(), now(), 0) ON CONFLICT DO NOTHING;
INSERT INTO invitation (id, campaign_id, contact_id, wave, reminder, kind, status, token_hash, due_at, attempts, created_at,
    version, claimed_by, lease_until)
  SELECT 900000000 + g, 900001, c.id, g, 0, 'INITIAL', 'CLAIMED', 'sentmark-' || g, now(), 1, now(), 0, 'w', now() + interval '1 hour'
  FROM generate_series(1, $ROWS) g JOIN LATERAL (SELECT id FROM contact ORDER BY id OFFSET (g % 1000) LIMIT 1) c ON TRUE;
VACUUM ANALYZE invitation;
SQL
# One claimed invitation marked SENT per transaction, the statement of DispatchQueue.markSent (the row picked by a
# sequence-like counter so that clients never collide).
cat > "$WORK/mark.sql" <<'SQL'
\set n random(1, 1000000000)
UPDATE invitation SET status = 'SENT', sent_at = now(), token_secret = NULL, claimed_by = NULL, lease_until = NULL,
  last_error = NULL, version = version + 1
  WHERE id = (SELECT id FROM invitation WHERE campaign_id = 900001 AND status = 'CLAIMED' AND id >= 900000000 + (:n % $ROWS)
              ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED);
SQL
sed -i "s/\$ROWS/$ROWS/" "$WORK/mark.sql"
declare -A TPS
for round in $(seq 1 "$ROUNDS"); do
    for side in with without; do
        if [[ $side == without ]]; then
            "${PSQL[@]}" -c "ALTER TABLE invitation DISABLE TRIGGER tr_rollup_invitation_update"
        else
            "${PSQL[@]}" -c "ALTER TABLE invitation ENABLE TRIGGER tr_rollup_invitation_update"
        fi
        tps=$(pgbench -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_ROUND" -f "$WORK/mark.sql" "$DB_NAME" 2>/dev/null \
              | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
        echo "round $round, trigger $side: $tps SENT marks/s" >&2
        TPS[$side]="${TPS[$side]:-} $tps"
    done
done
"${PSQL[@]}" -c "ALTER TABLE invitation ENABLE TRIGGER tr_rollup_invitation_update"
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
with=$(echo "${TPS[with]}" | median); without=$(echo "${TPS[without]}" | median)
printf 'SENT marks/s (median of %s rounds, %s clients): with the rollup trigger %s, without %s: %.1f %%\n' \
    "$ROUNDS" "$CLIENTS" "$with" "$without" "$(echo "100 * $with / $without" | bc -l)"
