package io.openfirecluster.workload.lean;

import java.util.List;

/**
 * What an Openfire 5.1.1 node of the lab sends a client on plain TCP, turn by turn, as recorded
 * in the lab (c2s port of xmpp1; PLAIN as load1, resource lean-1), with the messages of the last
 * turn made up in the same form (two messages to the client and a ping).
 */
final class RecordedOpenfireStream {
    private RecordedOpenfireStream() {
    }

    static final String HEADER = "<?xml version='1.0' encoding='UTF-8'?><stream:stream xmlns:stream=\"http://etherx.jabber.org/streams\" xmlns=\"jabber:client\" from=\"xmpp.localhost.example\" id=\"8ic2n4yfzl\" xml:lang=\"en\" version=\"1.0\">";

    static final String FEATURES = HEADER
            + "<stream:features><starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"></starttls>"
            + "<mechanisms xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"><mechanism>PLAIN</mechanism><mechanism>SCRAM-SHA-1</mechanism></mechanisms>"
            + "<authentication xmlns=\"urn:xmpp:sasl:2\"><mechanism>PLAIN</mechanism><mechanism>SCRAM-SHA-1</mechanism></authentication>"
            + "<register xmlns=\"http://jabber.org/features/iq-register\"/></stream:features>";

    static final String SUCCESS = "<success xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"/>";

    static final String BIND_FEATURES = HEADER
            + "<stream:features><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/>"
            + "<session xmlns=\"urn:ietf:params:xml:ns:xmpp-session\"><optional/></session>"
            + "<sm xmlns=\"urn:xmpp:sm:3\"/><csi xmlns=\"urn:xmpp:csi:0\"/></stream:features>";

    static final String BOUND = "<iq type=\"result\" id=\"bind-1\" to=\"xmpp.localhost.example/8ic2n4yfzl\">"
            + "<bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"><jid>load1@xmpp.localhost.example/lean-1</jid></bind></iq>";

    static final String TRAFFIC = "<message type=\"chat\" id=\"chk/r1/lean-2/lean-1/1\" to=\"load1@xmpp.localhost.example/lean-1\" from=\"load2@xmpp.localhost.example/lean-2\">"
            + "<body>chk/r1/lean-2/lean-1/1 &amp; grüße 😀</body></message>"
            + "<message type=\"chat\" id=\"chk/r1/lean-2/lean-1/2\" to=\"load1@xmpp.localhost.example/lean-1\" from=\"load2@xmpp.localhost.example/lean-2\">"
            + "<body>chk/r1/lean-2/lean-1/2</body></message>"
            + "<iq type=\"get\" id=\"s2c1\" from=\"xmpp.localhost.example\" to=\"load1@xmpp.localhost.example/lean-1\"><ping xmlns=\"urn:xmpp:ping\"/></iq>";

    static final List<String> TURNS = List.of(FEATURES, SUCCESS, BIND_FEATURES, BOUND, TRAFFIC);
}
