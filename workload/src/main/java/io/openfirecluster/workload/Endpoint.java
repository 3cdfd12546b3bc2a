package io.openfirecluster.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry point a client connects to: a node ("xmpp1") or the load balancer ("lb"), at the host
 * and port the lab publishes it on (127.0.0.1), and the XMPP domain it serves (its clients log in
 * to that domain: otherxmpp's node serves otherxmpp.localhost.example, the cluster's nodes and the
 * load balancer the lab's domain).
 */
public record Endpoint(String name, String host, int port, String domain) {

    /** An entry point of the lab's own domain ({@link LabClients#DOMAIN}). */
    public Endpoint(String name, String host, int port) {
        this(name, host, port, LabClients.DOMAIN);
    }

    public Endpoint {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("entry point name '" + name + "' is not a name: use letters, digits, '.', '_' or '-', e.g. xmpp1 or lb");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("entry point " + name + " has no host: give it as " + name + "=127.0.0.1:5222");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("entry point " + name + " has port " + port + ": a port is 1-65535, e.g. " + name + "=127.0.0.1:5222");
        }
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("entry point " + name + " serves no XMPP domain: give the domain its clients log in to, e.g. " + LabClients.DOMAIN);
        }
        domain = domain.strip();
    }

    /** The {@link #parse} form, for log lines: "xmpp1=127.0.0.1:5221". */
    @Override
    public String toString() {
        return name + "=" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** "xmpp1=127.0.0.1:5221" (IPv6 hosts in brackets: "xmpp1=[::1]:5221"), of the lab's own domain. */
    public static Endpoint parse(String text) {
        String usage = "write an entry point as NAME=HOST:PORT, e.g. xmpp1=127.0.0.1:5221";
        String trimmed = text == null ? "" : text.strip();
        int equals = trimmed.indexOf('=');
        int colon = trimmed.lastIndexOf(':');
        if (equals < 1 || colon < equals) {
            throw new IllegalArgumentException("entry point '" + trimmed + "' is not NAME=HOST:PORT: " + usage);
        }
        String host = trimmed.substring(equals + 1, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new Endpoint(trimmed.substring(0, equals), host, Integer.parseInt(trimmed.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("entry point '" + trimmed + "' has no port number: " + usage);
        }
    }

    /** "xmpp1=127.0.0.1:5221,lb=127.0.0.1:55222": a comma-separated list of {@link #parse} forms. */
    public static List<Endpoint> parseList(String text) {
        List<Endpoint> entries = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            if (!part.isBlank()) {
                entries.add(parse(part));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no entry point given: list them as NAME=HOST:PORT,..., e.g. xmpp1=127.0.0.1:5221,lb=127.0.0.1:55222");
        }
        return entries;
    }
}
