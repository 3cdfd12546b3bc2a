package io.openfirecluster.workload.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/** The stream parser on bytes cut wherever a socket may cut them: inside tags, entities and UTF-8 sequences. */
class StreamParserTest {
    private static final String STREAM = "<?xml version='1.0' encoding='UTF-8'?>"
            + "<stream:stream xmlns:stream=\"http://etherx.jabber.org/streams\" xmlns=\"jabber:client\" from=\"xmpp.localhost.example\" id=\"abc\" version=\"1.0\">"
            + "<message from='load2@xmpp.localhost.example/lean-2' to='load1@xmpp.localhost.example/lean-1' id='m&amp;1' type='chat'>"
            + "<body>Grüße 😀 &lt;3 &#x263A;</body><thread>t</thread></message>"
            + " "
            + "<iq type='get' id='ping-1' from='xmpp.localhost.example'><ping xmlns='urn:xmpp:ping'/></iq>"
            + "</stream:stream>";

    private record Recording(List<String> events, List<XmlElement> elements) implements StreamParser.Handler {
        Recording() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        @Override
        public void streamOpened(Map<String, String> attributes) {
            events.add("open " + attributes.get("id"));
        }

        @Override
        public void element(XmlElement element) {
            events.add(element.name());
            elements.add(element);
        }

        @Override
        public void streamClosed() {
            events.add("close");
        }
    }

    @Test
    void everyCutOfTheStreamGivesTheSameElements() throws XMLStreamException {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        Recording whole = parse(bytes, bytes.length);
        assertEquals(List.of("open abc", "message", "iq", "close"), whole.events());
        XmlElement message = whole.elements().get(0);
        assertEquals("m&1", message.attribute("id"));
        assertEquals("load2@xmpp.localhost.example/lean-2", message.attribute("from"));
        assertEquals("jabber:client", message.namespace());
        assertEquals("Grüße 😀 <3 ☺", message.child("body").orElseThrow().text());
        assertEquals("urn:xmpp:ping", whole.elements().get(1).children().get(0).namespace());

        // Two pieces, cut at every byte (inside the 4-byte emoji too), and pieces of 1 to 7 bytes.
        for (int cut = 1; cut < bytes.length; cut++) {
            Recording twoPieces = new Recording();
            StreamParser parser = new StreamParser(twoPieces);
            parser.feed(bytes, 0, cut);
            parser.feed(bytes, cut, bytes.length - cut);
            assertEquals(whole.elements(), twoPieces.elements(), "cut at byte " + cut);
            assertEquals(whole.events(), twoPieces.events(), "cut at byte " + cut);
        }
        for (int size = 1; size <= 7; size++) {
            assertEquals(whole.elements(), parse(bytes, size).elements(), "pieces of " + size + " bytes");
        }
    }

    @Test
    void aRestartBeginsANewDocumentWithItsOwnDeclaration() throws XMLStreamException {
        Recording recording = new Recording();
        StreamParser parser = new StreamParser(new StreamParser.Handler() {
            @Override
            public void streamOpened(Map<String, String> attributes) {
                recording.streamOpened(attributes);
            }

            @Override
            public void element(XmlElement element) {
                recording.element(element);
                if (element.name().equals("success")) {
                    parser().restart();
                }
            }

            @Override
            public void streamClosed() {
                recording.streamClosed();
            }
        });
        self = parser;
        feed(parser, "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:client' id='one'>"
                + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
        feed(parser, "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:client' id='two'>"
                + "<stream:features/>");
        assertEquals(List.of("open one", "success", "open two", "features"), recording.events());
    }

    @Test
    void aDocumentTypeIsRefused() {
        StreamParser parser = new StreamParser(new Recording());
        assertThrows(XMLStreamException.class, () -> feed(parser,
                "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><stream:stream xmlns:stream='http://etherx.jabber.org/streams'>&e;"));
    }

    private StreamParser self;

    private StreamParser parser() {
        return self;
    }

    private static void feed(StreamParser parser, String text) throws XMLStreamException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
    }

    private static Recording parse(byte[] bytes, int pieceSize) throws XMLStreamException {
        Recording recording = new Recording();
        StreamParser parser = new StreamParser(recording);
        for (int offset = 0; offset < bytes.length; offset += pieceSize) {
            parser.feed(bytes, offset, Math.min(pieceSize, bytes.length - offset));
        }
        return recording;
    }
}
