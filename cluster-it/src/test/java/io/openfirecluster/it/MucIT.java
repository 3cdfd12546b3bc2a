package io.openfirecluster.it;

import io.openfirecluster.testsupport.Xmpp;
import io.openfirecluster.control.Wait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.workload.LabClients;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.HostedRoom;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** The seeded rooms are served by the cluster: listed everywhere, shared by occupants on different nodes. */
class MucIT {
    private static final String SERVICE = "conference." + LabClients.DOMAIN;

    @Test
    void seededRoomsAreListedOnTheConferenceService() throws Exception {
        try (Xmpp user1 = Xmpp.login("user1", Nodes.last())) {
            Set<String> rooms = new TreeSet<>();
            for (HostedRoom room : MultiUserChatManager.getInstanceFor(user1.connection).getRoomsHostedBy(JidCreate.domainBareFrom(SERVICE)).values()) {
                rooms.add(room.getJid().getLocalpart().toString());
            }
            assertTrue(rooms.containsAll(Set.of("muc1", "muc2")), "rooms listed: " + rooms);
        }
    }

    @Test
    void occupantsOnDifferentNodesSeeEachOtherAndEachOthersMessages() throws Exception {
        Nodes.atLeast(2);
        String first = Nodes.first();
        String second = Nodes.second();
        try (Xmpp user1 = Xmpp.login("user1", first); Xmpp user2 = Xmpp.login("user2", second)) {
            MultiUserChat room1 = join(user1, "one");
            MultiUserChat room2 = join(user2, "two");
            Wait.until("user1 (" + first + ") sees user2 (" + second + ") in muc1", Duration.ofSeconds(15),
                    () -> room1.getOccupants().contains(JidCreate.entityFullFromOrThrowUnchecked("muc1@" + SERVICE + "/two")));
            String body = "groupchat via " + second + " " + UUID.randomUUID();
            room2.sendMessage(body);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Message received;
            do {
                received = room1.nextMessage(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } while (received != null && !body.equals(received.getBody()));
            assertTrue(received != null, "user1 on " + first + " did not receive user2's groupchat message");
            assertEquals("two", received.getFrom().getResourceOrThrow().toString());
        }
    }

    private static MultiUserChat join(Xmpp session, String nick) throws Exception {
        MultiUserChat room = MultiUserChatManager.getInstanceFor(session.connection)
                .getMultiUserChat(JidCreate.entityBareFrom("muc1@" + SERVICE));
        room.join(room.getEnterConfigurationBuilder(Resourcepart.from(nick)).requestNoHistory().build());
        return room;
    }
}
