package io.openfirecluster.testsupport;

import io.openfirecluster.control.Wait;

import io.openfirecluster.workload.LabClients;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.roster.Roster;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/** A logged-in c2s session of one lab user on one entry point (a node, or "lb"). */
public final class Xmpp implements AutoCloseable {
    /** How long a chat message may take to arrive. */
    public static final Duration DELIVERY = Duration.ofSeconds(10);
    /** How long nodes may take to serve logins again after the cluster's membership changed (see loginWithin). */
    public static final Duration SETTLE = Duration.ofSeconds(60);

    public final XMPPTCPConnection connection;
    public final String user;
    public final String entry;

    private Xmpp(XMPPTCPConnection connection, String user, String entry) {
        this.connection = connection;
        this.user = user;
        this.entry = entry;
    }

    public static Xmpp login(String user, String entry) throws Exception {
        return login(Lab.get(), user, entry);
    }

    public static Xmpp login(Lab lab, String user, String entry) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(
                LabClients.c2s(user, lab.topology().bind(entry), lab.c2sPort(entry)).build());
        connection.connect().login();
        return new Xmpp(connection, user, entry);
    }

    /**
     * Logs in, retrying until DEADLINE: right after membership changes, a node finishes taking over
     * the lost member's share of the cluster data before it binds new sessions (seen here: a few
     * seconds after Hazelcast drops a cut node, resource binding times out).
     */
    public static Xmpp loginWithin(Duration deadline, String user, String entry) {
        String[] last = {""};
        return Wait.until("a login of " + user + " on " + entry, deadline, () -> {
            try {
                return Optional.of(login(user, entry));
            } catch (Exception e) {
                last[0] = e.toString();
                System.out.println("[lab] login of " + user + " on " + entry + " not yet possible: " + e.getMessage());
                return Optional.empty();
            }
        }, () -> last[0]);
    }

    /**
     * FROM (logged in on FROM_ENTRY) sends TO (on TO_ENTRY) a chat message, which must arrive.
     * Logins are retried for up to LOGIN_DEADLINE (see {@link #loginWithin}).
     */
    public static void assertDelivered(String from, String fromEntry, String to, String toEntry, Duration loginDeadline) throws Exception {
        try (Xmpp sender = loginWithin(loginDeadline, from, fromEntry); Xmpp receiver = loginWithin(loginDeadline, to, toEntry)) {
            sender.awaitAvailable(receiver);
            String body = from + " on " + fromEntry + " to " + to + " on " + toEntry + " " + UUID.randomUUID();
            StanzaCollector inbox = receiver.messagesFrom(from);
            sender.send(to, body);
            await(inbox, body, DELIVERY);
        }
    }

    /**
     * Waits until this session sees OTHER's presence (they are roster contacts): only then does the
     * cluster route a message to OTHER's session rather than to offline storage. Right after the
     * cluster changes, the presence of a new session takes a moment to reach the other nodes.
     */
    public void awaitAvailable(Xmpp other) {
        Roster roster = Roster.getInstanceFor(connection);
        EntityFullJid session = other.connection.getUser();
        Wait.until(user + " on " + entry + " sees " + session + " (on " + other.entry + ") available", DELIVERY,
                () -> roster.getPresenceResource(session).isAvailable());
    }

    public static EntityBareJid jid(String user) {
        return JidCreate.entityBareFromOrThrowUnchecked(user + "@" + LabClients.DOMAIN);
    }

    public void send(String to, String body) throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza()
                .to(jid(to)).ofType(Message.Type.chat).setBody(body).build());
    }

    /** Collects chat messages from USER; open it before the message is sent. */
    public StanzaCollector messagesFrom(String user) {
        return connection.createStanzaCollector(new AndFilter(MessageWithBodiesFilter.INSTANCE, FromMatchesFilter.createBare(jid(user))));
    }

    /** The next message in COLLECTOR with BODY, or an assertion error naming what did not arrive. */
    public static Message await(StanzaCollector collector, String body, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        try {
            while (System.nanoTime() < end) {
                Message message = collector.nextResult(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                if (message != null && body.equals(message.getBody())) {
                    return message;
                }
            }
            throw new AssertionError("message '" + body + "' did not arrive within " + deadline.toSeconds() + " s");
        } finally {
            collector.cancel();
        }
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
