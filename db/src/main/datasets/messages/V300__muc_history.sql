-- Dataset messages: 300,000 MUC history messages, 150,000 each in muc1 and muc2, alternately
-- from user1 and user2, one per second up to the moment of applying. Openfire loads a room's
-- history when it loads the room (muc1 and muc2 at every start), so this makes node starts slow.
-- Apply to a running lab: ./mvnw -pl db flyway:migrate -Ddb.datasets=messages
--
-- One statement: take the message ids from ofID (that row stays locked until the migration
-- commits, and Openfire takes its ids from there too), then insert the messages.
WITH ids AS (
    UPDATE ofID SET id = id + 300000 WHERE idType = 27
    RETURNING id - 300000 AS first
), t AS (
    SELECT (extract(epoch FROM now()) * 1000)::bigint AS now_ms
), m AS (
    SELECT n,
           CASE WHEN n % 2 = 1 THEN 'muc1' ELSE 'muc2' END AS room,
           CASE WHEN (n / 2) % 2 = 0 THEN 'user1' ELSE 'user2' END AS nick
    FROM generate_series(1, 300000) AS n
)
INSERT INTO ofMucConversationLog (roomID, messageID, sender, nickname, logTime, subject, body, stanza)
SELECT r.roomID,
       ids.first + m.n - 1,
       m.nick || '@${xmpp_domain}/lab',
       m.nick,
       lpad((t.now_ms - (300000 - m.n) * 1000)::text, 15, '0'),
       NULL,
       'Message ' || m.n,
       '<message from="' || r.name || '@conference.${xmpp_domain}/' || m.nick
           || '" to="' || r.name || '@conference.${xmpp_domain}" type="groupchat" id="lab-' || m.n
           || '"><body>Message ' || m.n || '</body></message>'
FROM m
JOIN ofMucRoom AS r ON r.serviceID = 1 AND r.name = m.room
CROSS JOIN ids
CROSS JOIN t;
