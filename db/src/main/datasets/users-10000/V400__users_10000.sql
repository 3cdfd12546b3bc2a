-- Dataset users-10000: 10,000 more accounts for load runs, load1 .. load10000, all with the seed's
-- user password (placeholder user_password, "password"), no roster, no vCard.
-- Stored like the seed's accounts (V2): SCRAM-SHA-1 credentials only (salt, iterations,
-- storedKey, serverKey; no plainPassword), which Openfire takes for SCRAM-SHA-1 and for PLAIN.
-- Apply to a running lab: ./mvnw -pl db flyway:migrate -Ddb.datasets=users-10000
-- (no restart: a node reads an account from the database the first time it is asked for it).
--
-- The credentials are computed here, in SQL (pgcrypto's hmac and digest, PostgreSQL's trusted
-- extension, so the database's owner may create it): PBKDF2-HMAC-SHA-1 with 4096 iterations as
-- a recursive query. Every account shares ONE random salt and so one set of keys: a salt per
-- account would cost 10,000 times the 4096 HMACs (minutes instead of well under a second), and
-- here all passwords are the same, public, on purpose. Openfire still does the full SCRAM/PLAIN
-- work per login, as for any account.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

WITH RECURSIVE salt AS (
    SELECT gen_random_bytes(24) AS bytes, 4096 AS iterations
), hi (i, u, acc) AS (
    -- U1 = HMAC(password, salt || INT(1)); acc = U1 XOR U2 XOR ... (as bit strings: bytea has no XOR)
    SELECT 1, u1, ('x' || encode(u1, 'hex'))::bit(160)
    FROM (SELECT hmac(salt.bytes || '\x00000001'::bytea, convert_to('${user_password}', 'UTF8'), 'sha1') AS u1
          FROM salt) AS first
    UNION ALL
    SELECT i + 1, next_u, (acc # ('x' || encode(next_u, 'hex'))::bit(160))::bit(160)
    FROM (SELECT i, acc, hmac(u, convert_to('${user_password}', 'UTF8'), 'sha1') AS next_u
          FROM hi, salt WHERE i < salt.iterations) AS step
), salted AS (
    -- The 160 bits back to 20 bytes, 32 bits at a time.
    SELECT int4send(substring(acc FROM 1 FOR 32)::int) || int4send(substring(acc FROM 33 FOR 32)::int)
           || int4send(substring(acc FROM 65 FOR 32)::int) || int4send(substring(acc FROM 97 FOR 32)::int)
           || int4send(substring(acc FROM 129 FOR 32)::int) AS password
    FROM hi, salt WHERE i = salt.iterations
), scram AS (
    SELECT encode(salt.bytes, 'base64') AS salt,
           salt.iterations,
           encode(digest(hmac('Client Key'::bytea, salted.password, 'sha1'), 'sha1'), 'base64') AS stored_key,
           encode(hmac('Server Key'::bytea, salted.password, 'sha1'), 'base64') AS server_key
    FROM salt, salted
), t AS (
    SELECT lpad((extract(epoch FROM now()) * 1000)::bigint::text, 15, '0') AS now_ms
)
INSERT INTO ofUser (username, storedKey, serverKey, salt, iterations, name, email, creationDate, modificationDate)
SELECT 'load' || g, scram.stored_key, scram.server_key, scram.salt, scram.iterations,
       'Load ' || g, NULL, t.now_ms, t.now_ms
FROM generate_series(1, 10000) AS g, scram, t;

-- Nothing of pgcrypto stays behind: the schema is Openfire's again.
DROP EXTENSION pgcrypto;
