#!/usr/bin/env bash
# Installs Postfix's smtp-sink / smtp-source (Debian package `postfix`) without leaving a Postfix
# daemon listening on port 25: debconf gets "No configuration", the package's start is refused by a
# temporary policy-rc.d, and any master process that started anyway is stopped. Needs root.
set -euo pipefail

if command -v smtp-sink >/dev/null 2>&1 || [[ -x /usr/sbin/smtp-sink ]]; then
    exit 0
fi
if [[ "$(id -u)" != "0" ]]; then
    echo "smtp-sink is missing: install Debian's postfix as root (apt-get install postfix), or run this as root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
echo "postfix postfix/mailname string localhost" | debconf-set-selections
POLICY=/usr/sbin/policy-rc.d
OURS=0
if [[ ! -e "$POLICY" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY"
    chmod +x "$POLICY"
    OURS=1
fi
trap '[[ "$OURS" == "1" ]] && rm -f "$POLICY"' EXIT
apt-get update -qq
apt-get install -y -qq --no-install-recommends postfix >/dev/null
# With "No configuration" nothing should run; stop a master process that started all the same.
if [[ -f /var/spool/postfix/pid/master.pid ]] && kill -0 "$(tr -d ' ' </var/spool/postfix/pid/master.pid)" 2>/dev/null; then
    postfix stop >/dev/null 2>&1 || true
fi
command -v smtp-sink >/dev/null 2>&1 || [[ -x /usr/sbin/smtp-sink ]]
