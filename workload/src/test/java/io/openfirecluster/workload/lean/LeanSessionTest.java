package io.openfirecluster.workload.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.workload.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lean session's state machine on a recorded server stream (what Openfire 5.1.1 sent the lean
 * client in the lab: {@link RecordedOpenfireStream}), each server turn delivered in pieces cut at
 * every byte position and in runs of 1 to 7 bytes: the session must write the same requests and
 * report the same events however the bytes arrive. No server, no socket.
 */
class LeanSessionTest {
    private static final LeanLogin LOGIN = new LeanLogin(1, new Endpoint("xmpp1", "127.0.0.1", 5221, "xmpp.localhost.example"),
            "load1", "password", "lean-1");

    /** A session with its output and its events, as lists. */
    private static final class Probe implements LeanSession.Transport, LeanEvents {
        final List<String> written = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final List<ReceivedMessage> received = new ArrayList<>();
        boolean closed;
        final LeanSession session = new LeanSession(LOGIN, this, this);

        @Override
        public void write(String xml) {
            written.add(xml);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void loggedIn(LeanSession session, long nanos) {
            events.add("logged in as " + session.jid());
        }

        @Override
        public void failed(LeanSession session, String reason, long nanos) {
            events.add("failed: " + reason);
        }

        @Override
        public void sent(LeanSession session, String id, String to, long nanos) {
            events.add("sent " + id + " to " + to);
        }

        @Override
        public void received(LeanSession session, ReceivedMessage message) {
            received.add(message);
        }

        /** The server's TURN in pieces of SIZE bytes, or in two pieces cut at CUT when SIZE is 0. */
        void serverSends(String turn, int size, int cut) {
            byte[] bytes = turn.getBytes(StandardCharsets.UTF_8);
            if (size == 0) {
                int at = Math.min(cut, bytes.length);
                session.receive(bytes, 0, at, 1);
                session.receive(bytes, at, bytes.length - at, 2);
                return;
            }
            for (int offset = 0; offset < bytes.length; offset += size) {
                session.receive(bytes, offset, Math.min(size, bytes.length - offset), 3);
            }
        }

        String lastWritten() {
            return written.get(written.size() - 1);
        }
    }

    @Test
    void logsInSendsAndReceivesHoweverTheServersBytesAreCut() {
        Probe whole = conversation(Integer.MAX_VALUE, 0);
        assertEquals(List.of("logged in as load1@xmpp.localhost.example/lean-1",
                "sent chk/r1/lean-1/lean-2/1 to load2@xmpp.localhost.example/lean-2"), whole.events);
        assertEquals(List.of("chk/r1/lean-2/lean-1/1", "chk/r1/lean-2/lean-1/2"), whole.received.stream().map(ReceivedMessage::id).toList());
        assertEquals("load2@xmpp.localhost.example/lean-2", whole.received.get(0).from());
        assertEquals("chat", whole.received.get(0).type());
        assertEquals("chk/r1/lean-2/lean-1/1 & grüße 😀", whole.received.get(0).body());
        assertEquals(LeanSession.State.READY, whole.session.state());
        assertFalse(whole.closed);

        int longestTurn = RecordedOpenfireStream.TURNS.stream().mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length).max().orElseThrow();
        for (int cut = 1; cut < longestTurn; cut++) {
            Probe probe = conversation(0, cut);
            assertEquals(whole.written, probe.written, "cut at byte " + cut);
            assertEquals(whole.events, probe.events, "cut at byte " + cut);
            assertEquals(whole.received.stream().map(m -> m.id() + m.body()).toList(),
                    probe.received.stream().map(m -> m.id() + m.body()).toList(), "cut at byte " + cut);
        }
        for (int size = 1; size <= 7; size++) {
            Probe probe = conversation(size, 0);
            assertEquals(whole.written, probe.written, "pieces of " + size);
            assertEquals(whole.events, probe.events, "pieces of " + size);
        }
    }

    /** Runs the recorded conversation: after each of the client's requests, the server's answer. */
    private static Probe conversation(int size, int cut) {
        Probe probe = new Probe();
        probe.session.start();
        assertTrue(probe.lastWritten().startsWith("<?xml version='1.0'?><stream:stream to='xmpp.localhost.example'"), probe.lastWritten());

        probe.serverSends(RecordedOpenfireStream.FEATURES, size, cut);
        String plain = Base64.getEncoder().encodeToString("\0load1\0password".getBytes(StandardCharsets.UTF_8));
        assertEquals("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>", probe.lastWritten());
        assertEquals(LeanSession.State.AUTHENTICATING, probe.session.state());

        probe.serverSends(RecordedOpenfireStream.SUCCESS, size, cut);
        assertTrue(probe.lastWritten().startsWith("<?xml version='1.0'?><stream:stream"), "the stream restarts");

        probe.serverSends(RecordedOpenfireStream.BIND_FEATURES, size, cut);
        assertEquals("<iq type='set' id='bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>lean-1</resource></bind></iq>",
                probe.lastWritten());

        probe.serverSends(RecordedOpenfireStream.BOUND, size, cut);
        assertEquals("<presence/>", probe.lastWritten(), "the session is optional: straight to presence");
        assertTrue(probe.session.isReady());

        assertTrue(probe.session.sendChat("load2@xmpp.localhost.example/lean-2", "chk/r1/lean-1/lean-2/1", "chk/r1/lean-1/lean-2/1"));
        probe.serverSends(RecordedOpenfireStream.TRAFFIC, size, cut);
        assertEquals("<iq type='result' id='s2c1' to='xmpp.localhost.example'/>", probe.lastWritten(), "the ping is answered");
        return probe;
    }

    @Test
    void aServerThatRequiresStartTlsEndsTheSessionSayingSo() {
        Probe probe = new Probe();
        probe.session.start();
        probe.serverSends(RecordedOpenfireStream.HEADER + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
                + "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>", 3, 0);
        assertEquals(List.of("failed: the server requires STARTTLS (a lean client speaks plain TCP only)"), probe.events);
        assertTrue(probe.closed);
        assertEquals(LeanSession.State.CLOSED, probe.session.state());
    }

    @Test
    void aWrongPasswordEndsTheSessionWithTheServersCondition() {
        Probe probe = new Probe();
        probe.session.start();
        probe.serverSends(RecordedOpenfireStream.FEATURES, 5, 0);
        probe.serverSends("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>", 2, 0);
        assertEquals(List.of("failed: SASL PLAIN failed: not-authorized"), probe.events);
        assertFalse(probe.session.sendChat("load2@xmpp.localhost.example", "x", "y"), "a closed session sends nothing");
    }

    @Test
    void aServerThatStillWantsASessionGetsOneBeforePresence() {
        Probe probe = new Probe();
        probe.session.start();
        probe.serverSends(RecordedOpenfireStream.FEATURES, 64, 0);
        probe.serverSends(RecordedOpenfireStream.SUCCESS, 64, 0);
        probe.serverSends(RecordedOpenfireStream.HEADER + "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                + "<session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></stream:features>", 64, 0);
        probe.serverSends(RecordedOpenfireStream.BOUND, 64, 0);
        assertEquals("<iq type='set' id='session-1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>", probe.lastWritten());
        assertFalse(probe.session.isReady());
        probe.serverSends("<iq type='result' id='session-1' to='load1@xmpp.localhost.example/lean-1'/>", 4, 0);
        assertEquals("<presence/>", probe.lastWritten());
        assertEquals(List.of("logged in as load1@xmpp.localhost.example/lean-1"), probe.events);
    }

    @Test
    void aStreamErrorOrTheStreamsEndIsReportedOnce() {
        Probe probe = new Probe();
        probe.session.start();
        probe.serverSends(RecordedOpenfireStream.HEADER + "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>", 1, 0);
        assertEquals(List.of("failed: stream error: host-unknown"), probe.events);

        Probe ended = new Probe();
        ended.session.start();
        ended.serverSends(RecordedOpenfireStream.HEADER + "</stream:stream>", 1, 0);
        ended.session.connectionLost("the server closed the connection");
        assertEquals(List.of("failed: the server closed the stream"), ended.events);
    }
}
