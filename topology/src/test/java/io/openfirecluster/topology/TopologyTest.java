package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        Topology lab = topology("172.60.0.0/24", "fd23:d79:d076::/64", new LabService("xmpp1", 10, "", ""));
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
        String message = rejection(() -> topology("172.60.0.0/28", null, new LabService("xmpp3", 30, "", "")).validate());
        assertTrue(message.contains("host number 30 does not fit in subnet 172.60.0.0/28"), message);
    }

    @Test
    void duplicateAddressesAreRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null,
                new LabService("xmpp1", 10, "", ""), new LabService("db", 10, "", "")).validate());
        assertTrue(message.contains("xmpp1 and db both have address 172.60.0.10"), message);
    }

    @Test
    void gatewayAddressIsRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null, new LabService("db", 1, "", "")).validate());
        assertTrue(message.contains("the network's gateway"), message);
    }

    @Test
    void duplicateHostPortsAreRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null,
                new LabService("xmpp1", 10, "", "5222:5222"), new LabService("xmpp2", 20, "", "5222:5222")).validate());
        assertTrue(message.contains("both publish host port 5222"), message);
    }

    @Test
    void bindThatIsNotAnAddressIsNamedAsSuch() {
        String message = rejection(() -> new Topology("lab", "172.60.0.0/24", null, "999.1.1.1", "x", List.of(new LabService("db", 11, "", ""))).validate());
        assertTrue(message.startsWith("lab.bind=999.1.1.1 is not an IP address"), message);
    }

    @Test
    void unknownStartOrderIsRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null, new LabService("lb", 99, "", "").run("i", "nginx", "dbx", "")).validate());
        assertTrue(message.contains("starts after 'dbx'"), message);
    }

    @Test
    void malformedPortIsRejected() {
        String message = rejection(() -> topology("172.60.0.0/24", null, new LabService("xmpp1", 10, "", "5222")).validate());
        assertTrue(message.contains("is not HOST:CONTAINER"), message);
    }

    @Test
    void resolvedTopologyFileReadsBackTheSameTopology(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Topology lab = topology("172.60.0.0/24", "fd23:d79:d076::/64",
                new LabService("xmpp1", 10, "conference.xmpp1.localhost.example", "5221:5222,9091:9090"));
        java.nio.file.Path path = dir.resolve("topology.properties");
        ResolvedTopology.write(lab, path);
        ResolvedTopology resolved = ResolvedTopology.load(path);
        assertEquals(5221, resolved.hostPort("xmpp1", 5222));
        assertEquals("fd23:d79:d076::10", resolved.ipv6("xmpp1"));
        assertEquals(lab.toProperties(), resolved.topology().toProperties());
    }
}
