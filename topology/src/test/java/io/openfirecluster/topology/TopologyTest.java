package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks that run before Docker is asked for anything. */
class TopologyTest {
    private static Topology topology(String subnet, String subnet6, LabService... services) {
        return new Topology("lab", subnet, subnet6, "127.0.0.1", "localhost.example", List.of(services));
    }

    private static String rejection(Runnable action) {
        return assertThrows(LabException.class, action::run).getMessage();
    }

    @Test
    void addressesKeepTheSameLastGroupInBothFamilies() {
        Topology lab = topology("172.60.0.0/24", "fd23:d79:d076::/64", new LabService("xmpp1", 10, List.of(), List.of()));
        LabService xmpp1 = lab.service("xmpp1");
        assertEquals("172.60.0.10", lab.ipv4(xmpp1));
        assertEquals("fd23:d79:d076::10", lab.ipv6(xmpp1).orElseThrow());
        assertEquals(List.of("xmpp1", "xmpp1.localhost.example"), lab.dnsNames(xmpp1));
    }

    @Test
    void malformedCidrIsRejected() {
        assertTrue(rejection(() -> topology("172.60.0.0", null)).contains("not in CIDR notation"));
        assertTrue(rejection(() -> topology("172.60.0.0/abc", null)).contains("not a valid CIDR"));
        assertTrue(rejection(() -> topology("db.example/24", null)).contains("does not start with an IP address"));
        assertTrue(rejection(() -> topology("172.60.0.5/24", null)).contains("host bits set"));
        assertTrue(rejection(() -> topology("172.60.0.0/24", "172.61.0.0/24")).contains("is not IPv6"));
    }

    @Test
    void addressOutsideTheSubnetIsRejected() {
        String message = rejection(() -> topology("172.60.0.0/28", null, new LabService("xmpp3", 30, List.of(), List.of())).validate());
        assertTrue(message.contains("host number 30 does not fit in subnet 172.60.0.0/28"), message);
    }

    @Test
    void duplicateAddressesAreRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null,
                new LabService("xmpp1", 10, List.of(), List.of()), new LabService("db", 10, List.of(), List.of())).validate());
        assertTrue(message.contains("xmpp1 and db both have address 172.60.0.10"), message);
    }

    @Test
    void gatewayAddressIsRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null, new LabService("db", 1, List.of(), List.of())).validate());
        assertTrue(message.contains("the network's gateway"), message);
    }

    @Test
    void duplicateHostPortsAreRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null,
                new LabService("xmpp1", 10, List.of(), List.of("5222:5222")), new LabService("xmpp2", 20, List.of(), List.of("5222:5222"))).validate());
        assertTrue(message.contains("both publish host port 5222"), message);
    }

    @Test
    void bindThatIsNotAnAddressIsNamedAsSuch() {
        String message = rejection(() -> new Topology("lab", "172.60.0.0/24", null, "999.1.1.1", "x", List.of(new LabService("db", 11, List.of(), List.of()))).validate());
        assertTrue(message.startsWith("lab.bind=999.1.1.1 is not an IP address"), message);
    }

    @Test
    void unknownStartOrderIsRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null, new LabService("lb", 99, List.of(), List.of()).run("i", "nginx", List.of("dbx"), Map.of())).validate());
        assertTrue(message.contains("starts after 'dbx'"), message);
    }

    @Test
    void malformedPortIsRejectedInOneLine() {
        for (String bad : List.of("5222", "5222:5222,5269:5269", "0:5222", "x:5222")) {
            String message = rejection(() -> topology("172.60.0.0/24", null, new LabService("xmpp1", 10, List.of(), List.of(bad))).validate());
            assertEquals("port '" + bad + "' of service xmpp1 is not HOST:CONTAINER with ports 1-65535: fix its <ports> (one <port> each)", message);
        }
    }

    @Test
    void environmentNameNoShellAcceptsIsRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null,
                new LabService("db", 11, List.of(), List.of()).run("i", "p", List.of(), Map.of("DB HOST", "db"))).validate());
        assertEquals("environment variable 'DB HOST' of service db is not a NAME of letters, digits and '_': fix its <env>", message);
    }

    @Test
    void resolvedTopologyFileReadsBackTheSameTopology(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Topology lab = topology("172.60.0.0/24", "fd23:d79:d076::/64",
                new LabService("xmpp1", 10, List.of("conference.xmpp1.localhost.example"), List.of("5221:5222", "9091:9090")));
        java.nio.file.Path path = dir.resolve("topology.properties");
        ResolvedTopology.write(lab, path);
        ResolvedTopology resolved = ResolvedTopology.load(path);
        assertEquals(5221, resolved.hostPort("xmpp1", 5222));
        assertEquals("fd23:d79:d076::10", resolved.ipv6("xmpp1"));
        assertEquals(lab.toProperties(), resolved.topology().toProperties());
    }

    /** A value with a comma, quotes, a newline and a '$' reads back from the file as it was. */
    @Test
    void resolvedTopologyFileKeepsEveryValueIntact(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String nasty = "a, b \"c\" 'd'\nsecond line $HOME \\ é=";
        Topology lab = topology("172.60.0.0/24", null, new LabService("db", 11, List.of("one, two"), List.of("5432:5432"))
                .run("img", "postgres", List.of(), Map.of("NASTY", nasty, "EMPTY", "")));
        java.nio.file.Path path = dir.resolve("topology.properties");
        ResolvedTopology.write(lab, path);
        LabService db = ResolvedTopology.load(path).topology().service("db");
        assertEquals(Map.of("NASTY", nasty, "EMPTY", ""), db.getEnv());
        assertEquals(List.of("one, two"), db.getAliases());
    }
}
