#!/bin/sh
# Runs PostgreSQL as PID 1 (exec), in the foreground, logging to stderr. First, when the lab gives
# Openfire system properties (-Dopenfire.properties, rendered by lab:up into OPENFIRE_PROPERTIES),
# they are upserted into ofProperty over the seeded ones, before the database is reachable: the
# nodes start only once it is healthy, so every node reads them at its start.
#
# OPENFIRE_PROPERTIES is "NAME:VALUE NAME:VALUE ..." with each side in Base64 (UTF-8). Each pair
# reaches psql as two variables (-v), and the SQL (stdin) decodes them: no value is ever part of
# an SQL text or a shell word, whatever characters it holds.
set -eu
if [ -n "${OPENFIRE_PROPERTIES:-}" ]; then
  # Unix socket only (no TCP at all): neither the health check (pg_isready on 127.0.0.1) nor a
  # node sees this temporary server, so nothing starts against a database still being changed.
  pg_ctl --wait --silent -o "-c listen_addresses=''" start
  count=0
  for pair in $OPENFIRE_PROPERTIES; do
    case "$pair" in
      *:*) ;;
      *) echo "entrypoint: OPENFIRE_PROPERTIES entry '$pair' is not BASE64NAME:BASE64VALUE (lab:up renders it)" >&2; exit 1 ;;
    esac
    psql --quiet --no-psqlrc -v ON_ERROR_STOP=1 -d "$LAB_DB_NAME" -v name="${pair%%:*}" -v value="${pair#*:}" <<'SQL'
INSERT INTO ofProperty (name, propValue, encrypted, iv)
VALUES (convert_from(decode(:'name', 'base64'), 'UTF8'), convert_from(decode(:'value', 'base64'), 'UTF8'), 0, NULL)
ON CONFLICT (name) DO UPDATE SET propValue = EXCLUDED.propValue, encrypted = 0, iv = NULL;
SQL
    count=$((count + 1))
  done
  pg_ctl --wait --silent -m fast stop
  echo "entrypoint: $count Openfire system propert$([ "$count" = 1 ] && echo y || echo ies) seeded from OPENFIRE_PROPERTIES"
fi
exec postgres "$@"
