package io.openfirecluster.openfirelab;

import java.util.concurrent.atomic.LongAdder;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.session.LocalClientSession;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Counts this node's 1:1 chat messages (type chat, with a body): those it received from its own
 * client sessions (in) and those it delivered to them (out), since the plugin started. The lab's
 * shared meter of deliveries: any client's messages are counted the same way, on the server.
 */
final class ChatCounters implements PacketInterceptor {
    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();

    /**
     * Openfire 5.1.1 calls this twice per stanza. Incoming (MessageRouter.route): with the session
     * of the sender, processed=true once it was routed (not after an interceptor rejected it).
     * Outgoing (LocalSession.process): with the receiving session, processed=true once it was
     * written. A stanza routed to a session on another node is delivered there and counted there
     * (Hazelcast hands it to that node's routing table, not its MessageRouter), so a sum over the
     * nodes counts each message once in and once per delivery out. Carbon copies carry no body of
     * their own and are not counted.
     */
    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed) {
        if (!processed || !(session instanceof LocalClientSession) || !(packet instanceof Message message)) {
            return;
        }
        if (message.getType() != Message.Type.chat || message.getBody() == null) {
            return;
        }
        (incoming ? in : out).increment();
    }

    /** {"chatIn":N,"chatOut":M}: two sums, cheap however many sessions the node holds. */
    String json() {
        return "{\"chatIn\":" + in.sum() + ",\"chatOut\":" + out.sum() + "}";
    }
}
