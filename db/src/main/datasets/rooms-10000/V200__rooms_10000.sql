-- Dataset rooms-10000: 10,000 more persistent public rooms, bulk-00001 .. bulk-10000, on service
-- 'conference', owned by admin, with the same settings as muc1/muc2.
-- Their emptyDate is NULL, so every node loads all of them at start.
-- Apply to a running lab: ./mvnw -pl db flyway:migrate -Ddb.datasets=rooms-10000
-- (restart the nodes to have them load the new rooms at start).
--
-- One statement: take the room ids from ofID (that row stays locked until the migration commits,
-- and Openfire takes its ids from there too), insert the rooms, make admin their owner.
WITH ids AS (
    UPDATE ofID SET id = id + 10000 WHERE idType = 23
    RETURNING id - 10000 AS first
), t AS (
    SELECT lpad((extract(epoch FROM now()) * 1000)::bigint::text, 15, '0') AS now_ms
), rooms AS (
    INSERT INTO ofMucRoom (serviceID, roomID, creationDate, modificationDate, name, naturalName,
                           description, lockedDate, emptyDate, canChangeSubject, maxUsers,
                           publicRoom, moderated, membersOnly, canInvite, roomPassword,
                           canDiscoverJID, logEnabled, retireOnDeletion, preserveHistOnDel,
                           subject, rolesToBroadcast, useReservedNick, canChangeNick, canRegister,
                           allowpm, fmucEnabled)
    SELECT 1, ids.first + g - 1, t.now_ms, t.now_ms,
           'bulk-' || lpad(g::text, 5, '0'), 'Bulk room ' || lpad(g::text, 5, '0'),
           'Bulk room ' || lpad(g::text, 5, '0'), '000000000000000', NULL, 0, 30,
           1, 0, 0, 0, NULL,
           1, 1, 0, 1,
           NULL, 7, 0, 1, 1,
           0, 0
    FROM generate_series(1, 10000) AS g, ids, t
    RETURNING roomID
)
INSERT INTO ofMucAffiliation (roomID, jid, affiliation)
SELECT roomID, 'admin@${xmpp_domain}', 10 FROM rooms;
