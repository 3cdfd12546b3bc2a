package io.openfirecluster.network;

import io.openfirecluster.control.RouteHolders;
import java.util.function.UnaryOperator;

/**
 * The node a fault goal aims at, as the user named it: a node's name, or "route:DOMAIN", the node
 * that holds the outgoing server-to-server route to DOMAIN when the fault is applied (the route
 * moves when its holder fails, so it is resolved then, never earlier). NAME is the node;
 * ROUTE the domain whose route's holder it is ("" for a node named directly).
 */
record NodeTarget(String name, String route) {
    /**
     * TEXT as typed; a route is resolved by HOLDER_OF (given "route:DOMAIN", it returns the node
     * name or throws one line: no such domain, no route yet). A blank TEXT stays blank for the
     * fault to refuse in its own words.
     */
    static NodeTarget of(String text, UnaryOperator<String> holderOf) {
        if (!RouteHolders.isRoute(text)) {
            return new NodeTarget(text == null ? null : text.trim(), "");
        }
        String route = text.trim().substring(RouteHolders.PREFIX.length()).trim();
        return new NodeTarget(holderOf.apply(text.trim()), route);
    }

    /** "xmpp2", or "xmpp2, the holder of the route to otherxmpp.localhost.example": for the goal's line. */
    @Override
    public String toString() {
        return route.isEmpty() ? name : name + ", the holder of the route to " + route;
    }
}
