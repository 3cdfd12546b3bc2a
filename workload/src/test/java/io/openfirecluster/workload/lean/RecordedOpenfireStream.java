package io.openfirecluster.workload.lean;

import java.util.List;

/**
 * What an Openfire 5.1.1 node of the lab sent a client on plain TCP, turn by turn, as recorded in
 * the lab on 2026-12-07 (xmpp1's c2s port; PLAIN as load1 of dataset users-10000, resource
 * lean-1). The last turn's presence is recorded; its messages and ping have the recorded form with
 * made-up content.
 */
final class RecordedOpenfireStream {
    private RecordedOpenfireStream() {
    }

    static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><stream:stream xmlns:stream=\"http://etherx.jabber.org/streams\" xmlns=\"jabber:client\" from=\"xmpp.localhost.example\" id=\"4qmeoqba3v\" xml:lang=\"en\" version=\"1.0\">";

    private static final String LIMITS = "<limits xmlns=\"urn:xmpp:stream-limits:0\"><max-bytes>1048576</max-bytes><idle-seconds>360</idle-seconds></limits>";

    static final String FEATURES = HEADER
            + "<stream:features><starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"/>" + LIMITS
            + "<sasl-channel-binding xmlns=\"urn:xmpp:sasl-cb:0\"><channel-binding type=\"tls-server-end-point\"/></sasl-channel-binding>"
            + "<mechanisms xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"><mechanism>PLAIN</mechanism><mechanism>SCRAM-SHA-1</mechanism><mechanism>SCRAM-SHA-1-PLUS</mechanism></mechanisms>"
            + "<compression xmlns=\"http://jabber.org/features/compress\"><method>zlib</method></compression><ver xmlns=\"urn:xmpp:features:rosterver\"/>"
            + "<register xmlns=\"http://jabber.org/features/iq-register\"/>"
            + "<c xmlns=\"http://jabber.org/protocol/caps\" hash=\"sha-1\" node=\"https://www.igniterealtime.org/projects/openfire/\" ver=\"YzyGl/u/MarPxBXOTeWgngPydHo=\"/>"
            + LIMITS + "</stream:features>";

    static final String SUCCESS = "<success xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"/>";

    static final String BIND_FEATURES = HEADER
            + "<stream:features><compression xmlns=\"http://jabber.org/features/compress\"><method>zlib</method></compression>"
            + "<ver xmlns=\"urn:xmpp:features:rosterver\"/><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/>"
            + "<session xmlns=\"urn:ietf:params:xml:ns:xmpp-session\"><optional/></session><sm xmlns=\"urn:xmpp:sm:2\"/><sm xmlns=\"urn:xmpp:sm:3\"/>"
            + "<csi xmlns=\"urn:xmpp:csi:0\"/><c xmlns=\"http://jabber.org/protocol/caps\" hash=\"sha-1\" node=\"https://www.igniterealtime.org/projects/openfire/\" ver=\"Ibo7A7S5EDaUNOfZhLIPemPrgdo=\"/>"
            + LIMITS + "</stream:features>";

    static final String BOUND = "<iq type=\"result\" id=\"bind-1\" to=\"xmpp.localhost.example/687bdebb-50a7-4244-afe7-4b21e2573fd5\">"
            + "<bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"><jid>load1@xmpp.localhost.example/lean-1</jid></bind></iq>";

    /** The echo of its initial presence (recorded), then two messages and a ping (their form recorded, their content made up). */
    static final String TRAFFIC = "<presence from=\"load1@xmpp.localhost.example/lean-1\" to=\"load1@xmpp.localhost.example/lean-1\"><x xmlns=\"vcard-temp:x:update\"><photo/></x></presence>"
            + "<message type=\"chat\" id=\"chk/r1/lean-2/lean-1/1\" to=\"load1@xmpp.localhost.example/lean-1\" from=\"load2@xmpp.localhost.example/lean-2\">"
            + "<body>chk/r1/lean-2/lean-1/1 &amp; grüße 😀</body></message>"
            + "<message type=\"chat\" id=\"chk/r1/lean-2/lean-1/2\" to=\"load1@xmpp.localhost.example/lean-1\" from=\"load2@xmpp.localhost.example/lean-2\">"
            + "<body>chk/r1/lean-2/lean-1/2</body></message>"
            + "<iq type=\"get\" id=\"s2c1\" from=\"xmpp.localhost.example\" to=\"load1@xmpp.localhost.example/lean-1\"><ping xmlns=\"urn:xmpp:ping\"/></iq>";

    static final List<String> TURNS = List.of(FEATURES, SUCCESS, BIND_FEATURES, BOUND, TRAFFIC);
}
