package io.openfirecluster.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openfirecluster.control.Wait;
import io.openfirecluster.testsupport.Lab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A room of the home domain with a user of the remote domain and an occupant on every home node
 * (OF-2799): the remote user sees each occupant's message, and every occupant sees the remote user's.
 */
class S2sRoomIT {
    @Test
    void aRemoteUserAndOccupantsOnEveryHomeNodeSeeEachOthersMessages() throws Exception {
        Lab lab = Lab.get();
        Domains domains = Domains.of(lab);
        Domains.Domain home = domains.home();
        Domains.Domain remote = domains.remote();
        EntityBareJid roomJid = JidCreate.entityBareFrom(home.rooms().get(0) + "@" + home.conference());
        List<Client> clients = new ArrayList<>();
        try {
            Client far = Client.login(lab, remote.user(0), remote, remote.nodes().get(0));
            clients.add(far);
            MultiUserChat farRoom = join(far, roomJid, "far");
            List<MultiUserChat> nearRooms = new ArrayList<>();
            for (String node : home.nodes()) {
                Client near = Client.login(lab, home.user(0), home, node);
                clients.add(near);
                nearRooms.add(join(near, roomJid, "near-" + node));
            }
            for (String node : home.nodes()) {
                Wait.until(remote.user(0) + "@" + remote.name() + " sees the occupant on " + node + " in " + roomJid, Client.DELIVERY,
                        () -> farRoom.getOccupants().contains(JidCreate.entityFullFromOrThrowUnchecked(roomJid + "/near-" + node)));
            }
            for (int i = 0; i < home.nodes().size(); i++) {
                String body = "from " + home.nodes().get(i) + " " + UUID.randomUUID();
                nearRooms.get(i).sendMessage(body);
                assertEquals("near-" + home.nodes().get(i), received(farRoom, body, remote.name()).getFrom().getResourceOrThrow().toString());
            }
            String body = "from " + remote.name() + " " + UUID.randomUUID();
            farRoom.sendMessage(body);
            for (int i = 0; i < home.nodes().size(); i++) {
                assertEquals("far", received(nearRooms.get(i), body, home.nodes().get(i)).getFrom().getResourceOrThrow().toString());
            }
            System.out.println("[s2s] " + roomJid + ": " + remote.name() + "'s user and occupants on " + home.nodes() + " saw each other's messages");
        } finally {
            clients.forEach(Client::close);
        }
    }

    private static MultiUserChat join(Client client, EntityBareJid roomJid, String nick) throws Exception {
        MultiUserChat room = MultiUserChatManager.getInstanceFor(client.connection).getMultiUserChat(roomJid);
        room.join(room.getEnterConfigurationBuilder(Resourcepart.from(nick)).requestNoHistory().build());
        return room;
    }

    /** The groupchat message with BODY in ROOM within the delivery deadline, or an assertion error naming WHERE. */
    private static Message received(MultiUserChat room, String body, String where) throws Exception {
        long end = System.nanoTime() + Client.DELIVERY.toNanos();
        while (System.nanoTime() < end) {
            Message message = room.nextMessage(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            if (message != null && body.equals(message.getBody())) {
                return message;
            }
        }
        throw new AssertionError("'" + body + "' did not reach the occupant on " + where + " within " + Client.DELIVERY.toSeconds() + " s");
    }
}
