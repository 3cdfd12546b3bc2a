package io.openfirecluster.checker;

import java.util.HashMap;
import java.util.Map;

/**
 * Which {@link PairKind} a message between two workload clients is, from what the history says of
 * each client: its entry point (every event a client records names it; a client reconnects to its
 * own) and its XMPP domain (the JID its {@link Event.Kind#CONNECT} bound). Clients of two domains
 * are a cross-domain pair whatever their entry points; otherwise a pair with a client on the load
 * balancer is via the load balancer (which does not say which node it chose), then same node or
 * cross node. A client the history knows nothing of (it never logged in) is on no node: a pair
 * with it is cross node; a client without a recorded JID (an older history) is in no known domain.
 */
final class PairClassifier {
    /** The load balancer's entry point name. */
    static final String LOAD_BALANCER = "lb";

    private final Map<String, String> entries = new HashMap<>();
    private final Map<String, String> domains = new HashMap<>();

    /** Learns what EVENT says of its client; events come in time order (a client's first entry point counts). */
    void observe(Event event) {
        if (!event.entry().isEmpty()) {
            entries.putIfAbsent(event.client(), event.entry());
        }
        if (event.kind() == Event.Kind.CONNECT && !event.jidDomain().isEmpty()) {
            domains.putIfAbsent(event.client(), event.jidDomain());
        }
    }

    /** The kind of the pair of clients FROM (the sender) and TO (the addressee). */
    PairKind of(String from, String to) {
        String fromDomain = domains.get(from);
        String toDomain = domains.get(to);
        if (fromDomain != null && toDomain != null && !fromDomain.equals(toDomain)) {
            return PairKind.CROSS_DOMAIN;
        }
        String fromEntry = entries.getOrDefault(from, "");
        String toEntry = entries.getOrDefault(to, "");
        if (fromEntry.equals(LOAD_BALANCER) || toEntry.equals(LOAD_BALANCER)) {
            return PairKind.VIA_LB;
        }
        return !fromEntry.isEmpty() && fromEntry.equals(toEntry) ? PairKind.SAME_NODE : PairKind.CROSS_NODE;
    }
}
