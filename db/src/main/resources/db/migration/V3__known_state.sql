-- The lab's known state (the accounts are created by V2): the XMPP domain, a mutual roster
-- between user1 and user2, and two persistent public rooms on the 'conference' service.
-- ${xmpp_domain} is a Flyway placeholder (db/flyway.conf, from the pom's xmpp.domain).

INSERT INTO ofProperty (name, propValue, encrypted) VALUES ('xmpp.domain', '${xmpp_domain}', 0);

-- user1 and user2 in each other's roster, subscription 'both' (3), nothing pending (-1).
INSERT INTO ofRoster (rosterID, username, jid, sub, ask, recv, nick) VALUES
    (1, 'user1', 'user2@${xmpp_domain}', 3, -1, -1, 'user2'),
    (2, 'user2', 'user1@${xmpp_domain}', 3, -1, -1, 'user1');
UPDATE ofID SET id = 3 WHERE idType = 18;

-- Persistent public rooms with Openfire's defaults for new rooms, unlocked, owned by admin.
INSERT INTO ofMucRoom (serviceID, roomID, creationDate, modificationDate, name, naturalName,
                       description, lockedDate, emptyDate, canChangeSubject, maxUsers, publicRoom,
                       moderated, membersOnly, canInvite, roomPassword, canDiscoverJID, logEnabled,
                       retireOnDeletion, preserveHistOnDel, subject, rolesToBroadcast,
                       useReservedNick, canChangeNick, canRegister, allowpm, fmucEnabled)
SELECT 1, r.roomID, now_ms, now_ms, r.name, r.naturalName,
       r.naturalName, '000000000000000', NULL, 0, 30, 1,
       0, 0, 0, NULL, 1, 1,
       0, 1, NULL, 7,
       0, 1, 1, 0, 0
FROM (VALUES (1, 'muc1', 'MUC One'),
             (2, 'muc2', 'MUC Two')) AS r (roomID, name, naturalName),
     (SELECT lpad((extract(epoch FROM now()) * 1000)::bigint::text, 15, '0') AS now_ms) AS t;
UPDATE ofID SET id = 3 WHERE idType = 23;

INSERT INTO ofMucAffiliation (roomID, jid, affiliation) VALUES
    (1, 'admin@${xmpp_domain}', 10),
    (2, 'admin@${xmpp_domain}', 10);
