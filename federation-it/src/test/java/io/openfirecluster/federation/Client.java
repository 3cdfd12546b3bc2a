package io.openfirecluster.federation;

import io.openfirecluster.workload.LabClients;
import io.openfirecluster.testsupport.Lab;
import java.time.Duration;
import java.util.UUID;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A logged-in c2s session of USER@DOMAIN on one node of that domain, without TLS: the nodes offer
 * client TLS and do not require it, and these tests prove server-to-server, not client TLS.
 */
final class Client implements AutoCloseable {
    /** A message across domains: the first one may wait for the s2s connection (and dialback) to be made. */
    static final Duration DELIVERY = Duration.ofSeconds(30);

    final XMPPTCPConnection connection;
    final String node;

    private Client(XMPPTCPConnection connection, String node) {
        this.connection = connection;
        this.node = node;
    }

    static Client login(Lab lab, String user, Domains.Domain domain, String node) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(LabClients.c2s(user, lab.topology().bind(node), lab.c2sPort(node))
                .setXmppDomain(domain.name())
                .setSecurityMode(SecurityMode.disabled)
                .build());
        // A room join across domains waits for the s2s connection to be made first.
        connection.setReplyTimeout(DELIVERY.toMillis());
        connection.connect().login();
        return new Client(connection, node);
    }

    EntityFullJid jid() {
        return connection.getUser();
    }

    /** Collects the chat messages from FROM (a bare or full JID); open it before the message is sent. */
    StanzaCollector messagesFrom(Jid from) {
        return connection.createStanzaCollector(new AndFilter(MessageWithBodiesFilter.INSTANCE, FromMatchesFilter.createBare(from)));
    }

    /** Sends TO (this very session of the other user: no roster, no offline storage in between) a new chat message; returns its body. */
    String sendTo(EntityFullJid to) throws Exception {
        String body = jid() + " on " + node + " to " + to + " " + UUID.randomUUID();
        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build());
        return body;
    }

    static Jid jid(String text) {
        return JidCreate.fromOrThrowUnchecked(text);
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
