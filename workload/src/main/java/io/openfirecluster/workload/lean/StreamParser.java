package io.openfirecluster.workload.lean;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * An XMPP stream's XML, parsed as its bytes arrive in whatever pieces the socket hands over
 * (Aalto's non-blocking parser: it never waits for more input, so one thread serves thousands of
 * connections). It reports the stream's opening tag, each complete top-level element (the
 * stream's children: features, stanzas, SASL answers) and the stream's end. After SASL success
 * both sides start a new stream, a new XML document: {@link #restart()} begins a fresh parse.
 */
public final class StreamParser {
    /** What the parser found, in stream order. */
    public interface Handler {
        void streamOpened(Map<String, String> attributes);

        void element(XmlElement element);

        void streamClosed();
    }

    private static final AsyncXMLInputFactory FACTORY = factory();

    private final Handler handler;
    private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;
    /** Elements open below the stream element, innermost last; empty between stanzas. */
    private final Deque<Builder> open = new ArrayDeque<>();
    private int depth;
    /** Set by restart() from inside a handler: the rest of the current input belongs to no document. */
    private boolean restarted;

    public StreamParser(Handler handler) {
        this.handler = handler;
        this.reader = FACTORY.createAsyncForByteArray();
    }

    /** A new document from the next byte on: the stream restart after SASL success (RFC 6120 6.4.6). */
    public void restart() {
        reader = FACTORY.createAsyncForByteArray();
        open.clear();
        depth = 0;
        restarted = true;
    }

    /**
     * Parses LENGTH bytes of DATA from OFFSET, reporting everything they complete. DATA may be
     * reused by the caller afterwards: the parser is done with it when this returns.
     */
    public void feed(byte[] data, int offset, int length) throws XMLStreamException {
        restarted = false;
        reader.getInputFeeder().feedInput(data, offset, length);
        int event;
        while (!restarted && (event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> startElement();
                case XMLStreamConstants.END_ELEMENT -> endElement();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peekLast().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> {
                    return;
                }
                default -> {
                    // the XML declaration, comments, processing instructions: nothing a client reads
                }
            }
        }
    }

    private void startElement() {
        depth++;
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        if (depth == 1) {
            handler.streamOpened(attributes);
            return;
        }
        String namespace = reader.getNamespaceURI();
        open.addLast(new Builder(reader.getLocalName(), namespace == null ? "" : namespace, attributes));
    }

    private void endElement() {
        depth--;
        if (depth == 0) {
            handler.streamClosed();
            return;
        }
        Builder done = open.removeLast();
        XmlElement element = done.build();
        if (open.isEmpty()) {
            handler.element(element);
        } else {
            open.peekLast().children.add(element);
        }
    }

    private static final class Builder {
        final String name;
        final String namespace;
        final Map<String, String> attributes;
        final List<XmlElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(String name, String namespace, Map<String, String> attributes) {
            this.name = name;
            this.namespace = namespace;
            this.attributes = attributes;
        }

        XmlElement build() {
            return new XmlElement(name, namespace, attributes, children, text.toString());
        }
    }

    private static AsyncXMLInputFactory factory() {
        AsyncXMLInputFactory factory = new InputFactoryImpl();
        // XMPP forbids DTDs (RFC 6120 11.1): no document type, no entities from anywhere.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
