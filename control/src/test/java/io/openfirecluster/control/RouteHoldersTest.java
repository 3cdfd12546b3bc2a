package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.LabException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RouteHoldersTest {
    private static final String OTHER = "otherxmpp.localhost.example";
    private static final List<String> DOMAINS = List.of("xmpp.localhost.example", OTHER);

    @Test
    void theHolderIsWhatTheRoutingTablesNameForTheDomainItself() {
        OpenfireView xmpp1 = view("xmpp1", List.of(
                new OpenfireView.ServerRoute("xmpp.localhost.example", OTHER, "xmpp2"),
                new OpenfireView.ServerRoute("conference.xmpp.localhost.example", OTHER, "xmpp1"),
                new OpenfireView.ServerRoute("xmpp.localhost.example", "conference." + OTHER, "xmpp3")));
        assertEquals(new TreeSet<>(List.of("xmpp2")), RouteHolders.holders(List.of(xmpp1), DOMAINS, OTHER));
    }

    @Test
    void aRouteHeldTwiceNamesBothHolders() {
        OpenfireView xmpp1 = view("xmpp1", List.of(new OpenfireView.ServerRoute("xmpp.localhost.example", OTHER, "xmpp1")));
        OpenfireView xmpp3 = view("xmpp3", List.of(new OpenfireView.ServerRoute("xmpp.localhost.example", OTHER, "xmpp3")));
        assertEquals(new TreeSet<>(List.of("xmpp1", "xmpp3")), RouteHolders.holders(List.of(xmpp1, xmpp3), DOMAINS, OTHER));
    }

    @Test
    void noRouteAndAnUnknownHolderNameNoNode() {
        OpenfireView xmpp1 = view("xmpp1", List.of(new OpenfireView.ServerRoute("xmpp.localhost.example", OTHER, "")));
        assertTrue(RouteHolders.holders(List.of(xmpp1, view("xmpp2", List.of())), DOMAINS, OTHER).isEmpty());
    }

    @Test
    void onlyTheRoutePrefixNamesARoute() {
        assertTrue(RouteHolders.isRoute(" route:" + OTHER));
        assertFalse(RouteHolders.isRoute("xmpp1"));
        assertFalse(RouteHolders.isRoute(null));
    }

    @Test
    void aRouteIsAimedAtANodeOfTheLabAndNeverAtAnUnnamedHolder() {
        List<String> nodes = List.of("xmpp1", "xmpp2", "xmpp3");
        String unnamed = "d82452ed-c593-48c6-9467-b0e264d2d2fb";
        assertEquals("xmpp2", RouteHolders.node(new TreeSet<>(List.of("xmpp2", "xmpp3")), nodes, OTHER));
        assertEquals("xmpp1", RouteHolders.node(new TreeSet<>(List.of(unnamed, "xmpp1")), nodes, OTHER));
        String none = assertThrows(LabException.class, () -> RouteHolders.node(new TreeSet<>(), nodes, OTHER)).getMessage();
        assertTrue(none.startsWith("no node holds an outgoing route to " + OTHER), none);
        String changing = assertThrows(LabException.class, () -> RouteHolders.node(new TreeSet<>(List.of(unnamed)), nodes, OTHER)).getMessage();
        assertTrue(changing.contains("no node of the lab by name"), changing);
        assertFalse(changing.contains("\n"), changing);
    }

    private static OpenfireView view(String node, List<OpenfireView.ServerRoute> routes) {
        return new OpenfireView(node, true, false, new TreeSet<>(List.of("xmpp1", "xmpp2", "xmpp3")), Instant.EPOCH, List.of(), List.of(),
                routes, List.of(), List.of(), Map.of(), true, "");
    }
}
