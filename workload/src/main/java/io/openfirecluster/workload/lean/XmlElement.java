package io.openfirecluster.workload.lean;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One complete child of an XMPP stream (a stanza, the stream's features, a SASL answer) as the
 * lean client keeps it: name, namespace, attributes by local name, child elements and the text
 * directly inside it. Just enough of a tree for a client that reads a handful of fields.
 */
public record XmlElement(String name, String namespace, Map<String, String> attributes, List<XmlElement> children, String text) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The attribute NAME (local name, no namespace), or null. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** The first child named NAME in NAMESPACE. */
    public Optional<XmlElement> child(String name, String namespace) {
        return children.stream().filter(c -> c.name.equals(name) && c.namespace.equals(namespace)).findFirst();
    }

    /** The first child named NAME, in whatever namespace. */
    public Optional<XmlElement> child(String name) {
        return children.stream().filter(c -> c.name.equals(name)).findFirst();
    }

    public boolean is(String name, String namespace) {
        return this.name.equals(name) && this.namespace.equals(namespace);
    }
}
