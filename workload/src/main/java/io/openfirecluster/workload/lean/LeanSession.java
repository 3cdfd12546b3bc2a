package io.openfirecluster.workload.lean;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.xml.stream.XMLStreamException;

/**
 * One XMPP client session as a state machine over bytes: no socket, no thread of its own. The
 * connection pool feeds it what the socket read ({@link #receive}) and writes what it hands to its
 * {@link Transport}; the unit tests feed it a recorded server stream instead.
 *
 * <p>It does what a load client needs and nothing else (RFC 6120/6121): open the stream, SASL
 * PLAIN on the plain connection (the lab offers STARTTLS but does not require it; a server that
 * requires it ends the session with that reason), restart the stream, bind its resource, start a
 * session where the server still requires one, send initial presence; then send chat messages and
 * report the messages that arrive, and answer the server's pings so an idle session stays.
 */
public final class LeanSession {
    /** Where a session's output goes: a socket, or a test's list. */
    public interface Transport {
        void write(String xml);

        /** Ends the connection: nothing more will be written or read. */
        void close();
    }

    public enum State {
        /** Not yet started (no stream header sent). */
        NEW,
        /** Stream header sent, waiting for the first features. */
        AWAIT_FEATURES,
        /** PLAIN credentials sent. */
        AUTHENTICATING,
        /** Authenticated, stream restarted, waiting for the features that offer binding. */
        AWAIT_BIND_FEATURES,
        BINDING,
        STARTING_SESSION,
        /** Bound, initial presence sent: sends and receives messages. */
        READY,
        /** Failed or closed: does nothing any more. */
        CLOSED
    }

    static final String STREAMS = "http://etherx.jabber.org/streams";
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    static final String PING = "urn:xmpp:ping";
    private static final String CLIENT = "jabber:client";
    private static final String BIND_ID = "bind-1";
    private static final String SESSION_ID = "session-1";

    private final LeanLogin login;
    private final LeanEvents events;
    private final Transport transport;
    private final StreamParser parser;
    /** When the session was made, i.e. its connection opened: its login time counts from here. */
    private final long createdNanos = System.nanoTime();
    private State state = State.NEW;
    private boolean sessionRequired;
    private String jid;
    /** When the bytes being parsed were read: every message they complete arrived then. */
    private long readNanos;

    public LeanSession(LeanLogin login, LeanEvents events, Transport transport) {
        this.login = login;
        this.events = events;
        this.transport = transport;
        this.parser = new StreamParser(new StreamParser.Handler() {
            @Override
            public void streamOpened(Map<String, String> attributes) {
                // The stream id and the server's version say nothing a PLAIN-only client needs.
            }

            @Override
            public void element(XmlElement element) {
                handle(element);
            }

            @Override
            public void streamClosed() {
                fail("the server closed the stream");
            }
        });
    }

    public LeanLogin login() {
        return login;
    }

    /** System.nanoTime() when the session (and its connection) was made. */
    public long createdNanos() {
        return createdNanos;
    }

    public State state() {
        return state;
    }

    public boolean isReady() {
        return state == State.READY;
    }

    /** The full JID the server bound (null before). */
    public String jid() {
        return jid;
    }

    /** Opens the stream: the connection is up. */
    public void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("session of " + login.user() + " already started (" + state + ")");
        }
        state = State.AWAIT_FEATURES;
        openStream();
    }

    /** LENGTH bytes the server sent, read at System.nanoTime() NANOS. */
    public void receive(byte[] data, int offset, int length, long nanos) {
        if (state == State.CLOSED) {
            return;
        }
        readNanos = nanos;
        try {
            parser.feed(data, offset, length);
        } catch (XMLStreamException e) {
            fail("unreadable XML from the server: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Sends a chat message with ID and BODY to the full or bare JID TO; false (and nothing sent) unless ready. */
    public boolean sendChat(String to, String id, String body) {
        if (state != State.READY) {
            return false;
        }
        transport.write("<message type='chat' id='" + Xml.escape(id) + "' to='" + Xml.escape(to) + "'><body>"
                + Xml.escape(body) + "</body></message>");
        events.sent(this, id, to, System.nanoTime());
        return true;
    }

    /** Ends the stream politely and closes the connection; reports nothing. */
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        boolean opened = state != State.NEW;
        state = State.CLOSED;
        if (opened) {
            transport.write("</stream:stream>");
        }
        transport.close();
    }

    /** The connection broke underneath (refused, reset, closed): reports REASON once. */
    public void connectionLost(String reason) {
        fail(reason);
    }

    private void openStream() {
        transport.write("<?xml version='1.0'?><stream:stream to='" + Xml.escape(login.entry().domain())
                + "' xmlns='" + CLIENT + "' xmlns:stream='" + STREAMS + "' version='1.0'>");
    }

    private void handle(XmlElement element) {
        if (element.is("error", STREAMS)) {
            fail("stream error: " + firstChildName(element));
            return;
        }
        switch (state) {
            case AWAIT_FEATURES -> authenticate(element);
            case AUTHENTICATING -> authenticated(element);
            case AWAIT_BIND_FEATURES -> bind(element);
            case BINDING -> bound(element);
            case STARTING_SESSION -> sessionStarted(element);
            case READY -> serve(element);
            default -> {
                // NEW cannot parse; CLOSED ignores the rest of what was read with the last bytes
            }
        }
    }

    private void authenticate(XmlElement features) {
        if (!features.is("features", STREAMS)) {
            fail("expected stream features, got <" + features.name() + ">");
            return;
        }
        boolean plain = features.child("mechanisms", SASL).stream()
                .flatMap(m -> m.children().stream())
                .anyMatch(m -> m.name().equals("mechanism") && m.text().strip().equals("PLAIN"));
        if (!plain) {
            boolean tlsRequired = features.child("starttls", TLS).flatMap(s -> s.child("required", TLS)).isPresent();
            fail(tlsRequired ? "the server requires STARTTLS (a lean client speaks plain TCP only)"
                    : "the server offers no SASL PLAIN on this connection");
            return;
        }
        // PLAIN (RFC 4616): no authorization identity, NUL, user, NUL, password.
        String response = "\0" + login.user() + "\0" + login.password();
        state = State.AUTHENTICATING;
        transport.write("<auth xmlns='" + SASL + "' mechanism='PLAIN'>"
                + Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8)) + "</auth>");
    }

    private void authenticated(XmlElement answer) {
        if (answer.is("success", SASL)) {
            // Both sides start over with a new stream; the old document ends here.
            parser.restart();
            state = State.AWAIT_BIND_FEATURES;
            openStream();
        } else if (answer.is("failure", SASL)) {
            fail("SASL PLAIN failed: " + firstChildName(answer));
        } else {
            fail("expected SASL success or failure, got <" + answer.name() + ">");
        }
    }

    private void bind(XmlElement features) {
        if (!features.is("features", STREAMS) || features.child("bind", BIND).isEmpty()) {
            fail("expected stream features offering resource binding, got <" + features.name() + ">");
            return;
        }
        // RFC 6121 dropped sessions; a server that still lists one without <optional/> wants it.
        sessionRequired = features.child("session", SESSION).map(s -> s.child("optional", SESSION).isEmpty()).orElse(false);
        state = State.BINDING;
        transport.write("<iq type='set' id='" + BIND_ID + "'><bind xmlns='" + BIND + "'><resource>"
                + Xml.escape(login.resource()) + "</resource></bind></iq>");
    }

    private void bound(XmlElement iq) {
        if (!isAnswerTo(iq, BIND_ID)) {
            serve(iq); // something else came first (a ping); not the answer yet
            return;
        }
        if (!"result".equals(iq.attribute("type"))) {
            fail("binding resource " + login.resource() + " failed: " + errorCondition(iq));
            return;
        }
        jid = iq.child("bind", BIND).flatMap(b -> b.child("jid", BIND)).map(j -> j.text().strip()).orElse(null);
        if (jid == null || jid.isEmpty()) {
            fail("the bind result names no JID");
            return;
        }
        if (sessionRequired) {
            state = State.STARTING_SESSION;
            transport.write("<iq type='set' id='" + SESSION_ID + "'><session xmlns='" + SESSION + "'/></iq>");
        } else {
            ready();
        }
    }

    private void sessionStarted(XmlElement iq) {
        if (!isAnswerTo(iq, SESSION_ID)) {
            serve(iq);
            return;
        }
        if (!"result".equals(iq.attribute("type"))) {
            fail("starting the session failed: " + errorCondition(iq));
            return;
        }
        ready();
    }

    private void ready() {
        transport.write("<presence/>");
        state = State.READY;
        events.loggedIn(this, System.nanoTime());
    }

    /** A stanza while bound: messages are reported, the server's requests answered, presence ignored. */
    private void serve(XmlElement stanza) {
        switch (stanza.name()) {
            case "message" -> events.received(this, new ReceivedMessage(stanza.attribute("id"), stanza.attribute("from"),
                    stanza.attribute("type") == null ? "normal" : stanza.attribute("type"),
                    stanza.child("body").map(XmlElement::text).orElse(""), readNanos));
            case "iq" -> answer(stanza);
            default -> {
                // presence (of its own account's other resources, say): a load client keeps no roster
            }
        }
    }

    /** A ping gets its result (XEP-0199), any other request "feature-not-implemented", answers nothing. */
    private void answer(XmlElement iq) {
        String type = iq.attribute("type");
        if (!"get".equals(type) && !"set".equals(type)) {
            return;
        }
        String id = Xml.escape(iq.attribute("id") == null ? "" : iq.attribute("id"));
        String to = iq.attribute("from") == null ? "" : " to='" + Xml.escape(iq.attribute("from")) + "'";
        if (iq.child("ping", PING).isPresent()) {
            transport.write("<iq type='result' id='" + id + "'" + to + "/>");
        } else {
            transport.write("<iq type='error' id='" + id + "'" + to + "><error type='cancel'>"
                    + "<feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        }
    }

    private boolean isAnswerTo(XmlElement stanza, String id) {
        return stanza.name().equals("iq") && id.equals(stanza.attribute("id"));
    }

    private void fail(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        transport.close();
        events.failed(this, reason, System.nanoTime());
    }

    private static String errorCondition(XmlElement stanza) {
        return stanza.child("error").map(LeanSession::firstChildName).orElse("no error given");
    }

    private static String firstChildName(XmlElement element) {
        return element.children().stream().map(XmlElement::name).filter(n -> !n.equals("text")).findFirst().orElse("no condition given");
    }
}
