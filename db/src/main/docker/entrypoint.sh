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
#
# A database of another XMPP domain than the image's seed (the lab's shapes of more domains) gets
# XMPP_DOMAIN, LAB_USERS and LAB_ROOMS: the seed is re-domained the same way, before it is healthy.
set -eu
psql_lab() {
  psql --quiet --no-psqlrc --tuples-only --no-align -v ON_ERROR_STOP=1 -d "$LAB_DB_NAME" "$@"
}
if [ -n "${OPENFIRE_PROPERTIES:-}" ] || [ -n "${XMPP_DOMAIN:-}" ]; then
  # Unix socket only (no TCP at all): neither the health check (pg_isready on 127.0.0.1) nor a
  # node sees this temporary server, so nothing starts against a database still being changed.
  pg_ctl --wait --silent -o "-c listen_addresses=''" start
fi
if [ -n "${XMPP_DOMAIN:-}" ]; then
  # The seed's users user1,user2 become LAB_USERS and its rooms muc1,muc2 LAB_ROOMS, pairwise;
  # every JID of the seed's domain moves to XMPP_DOMAIN. A SCRAM credential does not depend on the
  # user name, so the passwords stay. Again only psql variables, never SQL text made by the shell.
  psql_lab -v domain="$XMPP_DOMAIN" -v users="${LAB_USERS:-user1,user2}" -v rooms="${LAB_ROOMS:-muc1,muc2}" <<'SQL'
BEGIN;
CREATE TEMP TABLE lab_seed AS SELECT propValue AS domain FROM ofProperty WHERE name = 'xmpp.domain';
CREATE TEMP TABLE lab_users AS
  SELECT o.name AS old, n.name AS new
  FROM unnest(string_to_array('user1,user2', ',')) WITH ORDINALITY AS o(name, i)
  JOIN unnest(string_to_array(:'users', ',')) WITH ORDINALITY AS n(name, i) USING (i);
CREATE TEMP TABLE lab_rooms AS
  SELECT o.name AS old, n.name AS new
  FROM unnest(string_to_array('muc1,muc2', ',')) WITH ORDINALITY AS o(name, i)
  JOIN unnest(string_to_array(:'rooms', ',')) WITH ORDINALITY AS n(name, i) USING (i);
-- Through a name no seed uses, so that swapping two names cannot collide.
UPDATE ofUser u SET username = 'lab-renaming-' || m.new FROM lab_users m WHERE u.username = m.old;
UPDATE ofUser SET username = substr(username, 14) WHERE username LIKE 'lab-renaming-%';
UPDATE ofRoster r SET username = m.new FROM lab_users m WHERE r.username = m.old;
UPDATE ofRoster r SET jid = m.new || '@' || :'domain', nick = m.new
  FROM lab_users m, lab_seed s WHERE r.jid = m.old || '@' || s.domain;
UPDATE ofMucRoom r SET name = m.new FROM lab_rooms m WHERE r.name = m.old;
UPDATE ofMucAffiliation a SET jid = split_part(a.jid, '@', 1) || '@' || :'domain'
  FROM lab_seed s WHERE a.jid = split_part(a.jid, '@', 1) || '@' || s.domain;
UPDATE ofProperty SET propValue = :'domain' WHERE name = 'xmpp.domain';
COMMIT;
SQL
  echo "entrypoint: the seed re-domained to $XMPP_DOMAIN: users ${LAB_USERS:-user1,user2}, rooms ${LAB_ROOMS:-muc1,muc2}"
fi
if [ -n "${OPENFIRE_PROPERTIES:-}" ]; then
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
  echo "entrypoint: $count Openfire system propert$([ "$count" = 1 ] && echo y || echo ies) seeded from OPENFIRE_PROPERTIES"
fi
if [ -n "${OPENFIRE_PROPERTIES:-}" ] || [ -n "${XMPP_DOMAIN:-}" ]; then
  pg_ctl --wait --silent -m fast stop
fi
exec postgres "$@"
