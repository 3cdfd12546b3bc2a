#!/bin/sh
# Runs PostgreSQL as PID 1 (exec), in the foreground, logging to stderr. First, when the lab gives
# Openfire system properties (-Dopenfire.properties, rendered by lab:up into OPENFIRE_PROPERTIES),
# they are upserted into ofProperty over the seeded ones, before the database is reachable: the
# nodes start only once it is healthy, so every node reads them at its start.
#
# OPENFIRE_PROPERTIES is one JSON object, name to value (see OpenfireProperties#encoded). It
# reaches psql as one variable (-v), quoted by psql as an SQL literal (:'properties'), and
# PostgreSQL itself reads the JSON (json_each_text): no value is ever part of an SQL text or a
# shell word, whatever characters it holds. Bad JSON stops the container with psql's error.
set -eu
if [ -n "${OPENFIRE_PROPERTIES:-}" ]; then
  # Unix socket only (no TCP at all): neither the health check (pg_isready on 127.0.0.1) nor a
  # node sees this temporary server, so nothing starts against a database still being changed.
  pg_ctl --wait --silent -o "-c listen_addresses=''" start
  count=$(psql --quiet --no-psqlrc --tuples-only --no-align -v ON_ERROR_STOP=1 -d "$LAB_DB_NAME" \
    -v properties="$OPENFIRE_PROPERTIES" <<'SQL'
WITH upserted AS (
  INSERT INTO ofProperty (name, propValue, encrypted, iv)
  SELECT key, value, 0, NULL FROM json_each_text(:'properties'::json)
  ON CONFLICT (name) DO UPDATE SET propValue = EXCLUDED.propValue, encrypted = 0, iv = NULL
  RETURNING 1
)
SELECT count(*) FROM upserted;
SQL
)
  pg_ctl --wait --silent -m fast stop
  echo "entrypoint: $count Openfire system propert$([ "$count" = 1 ] && echo y || echo ies) seeded from OPENFIRE_PROPERTIES"
fi
exec postgres "$@"
