-- Dataset rooms-50: 50 more persistent public rooms, extra-01 .. extra-50, on service
-- 'conference', owned by admin, with the same settings as muc1/muc2.
-- Apply to a running lab: ./mvnw -pl db flyway:migrate -Ddb.datasets=rooms-50
-- (restart the nodes to have them load the new rooms at start).
--
-- One statement: take the room ids from ofID (that row stays locked until the migration commits,
-- and Openfire takes its ids from there too), insert the rooms, make admin their owner.
WITH ids AS (
    UPDATE ofID SET id = id + 50 WHERE idType = 23
    RETURNING id - 50 AS first
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
           'extra-' || lpad(g::text, 2, '0'), 'Extra room ' || lpad(g::text, 2, '0'),
           'Extra room ' || lpad(g::text, 2, '0'), '000000000000000', NULL, 0, 30,
           1, 0, 0, 0, NULL,
           1, 1, 0, 1,
           NULL, 7, 0, 1, 1,
           0, 0
    FROM generate_series(1, 50) AS g, ids, t
    RETURNING roomID
)
INSERT INTO ofMucAffiliation (roomID, jid, affiliation)
SELECT roomID, 'admin@${xmpp_domain}', 10 FROM rooms;
