package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacementTest {
    private static final NodeTemplate NODE = new NodeTemplate("xmpp{i}", "{10*i}", List.of("nodes.localhost.example"), List.of("{5220+i}:5222"))
            .withRun("lab/openfire:1", "openfire", List.of("db"), Map.of());

    private static Topology lab(int nodes) {
        return new Topology("openfire-cluster", "172.60.0.0/24", null, "127.0.0.1", "localhost.example", Topology.withNodes(List.of(
                new LabService("db", 11, List.of(), List.of("5432:5432")).run("lab/db:1", "postgres", List.of(), Map.of()),
                new LabService("lb", 99, List.of(), List.of("55222:55222")).run("lab/lb:1", "nginx", List.of("nodes"), Map.of())),
                NODE, Integer.toString(nodes))).validate();
    }

    private static Map<String, String> hostOf(Topology topology) {
        Map<String, String> hosts = new LinkedHashMap<>();
        topology.services().forEach(service -> hosts.put(service.getName(), service.getDockerHost().name()));
        return hosts;
    }

    @Test
    void theNodesSpreadOverTheHostsInTurnAndEverythingElseStaysOnTheFirst() {
        Topology placed = Placement.parse("host1,host2,host3", "").place(lab(4));
        assertEquals(Map.of("db", "host1", "lb", "host1", "xmpp1", "host1", "xmpp2", "host2", "xmpp3", "host3", "xmpp4", "host1"), hostOf(placed));
        assertEquals(List.of("host1", "host2", "host3"), placed.dockerHosts().stream().map(DockerHost::name).toList());
    }

    @Test
    void aServiceGoesWhereTheUserSaysAndTheOthersKeepTheirTurn() {
        Topology placed = Placement.parse("host1, host2", "lb=host2,xmpp1=host2").place(lab(3));
        assertEquals(Map.of("db", "host1", "lb", "host2", "xmpp1", "host2", "xmpp2", "host2", "xmpp3", "host1"), hostOf(placed));
        assertEquals(List.of("host1", "host2"), placed.dockerHosts().stream().map(DockerHost::name).toList(), "in the order their first service comes");
    }

    @Test
    void noHostsIsTheLabOfDockerHostsEngineWithNothingPlaced() {
        assertEquals(List.of(), Placement.parse("", "").place(lab(3)).dockerHosts());
        assertEquals(List.of("host1"), Placement.parse("host1", "").place(lab(3)).dockerHosts().stream().map(DockerHost::name).toList(), "one host named is a swarm of one");
        assertEquals(DockerHost.ONE, Placement.parse(null, null).place(lab(1)).service("xmpp1").getDockerHost());
    }

    @Test
    void thePlacementSurvivesTheResolvedTopologyAndShowsInTheOverview(@TempDir Path dir) throws Exception {
        Topology placed = Placement.parse("host1,host2,host3", "").place(lab(3));
        ResolvedTopology.write(placed, dir.resolve("topology.properties"));
        ResolvedTopology resolved = ResolvedTopology.load(dir.resolve("topology.properties"));
        assertEquals("host3", resolved.dockerHost("xmpp3").name());
        assertEquals(hostOf(placed), hostOf(resolved.topology()));
        String overview = placed.describe();
        assertEquals(true, overview.lines().findFirst().orElseThrow().endsWith("on the Docker hosts host1, host2, host3"), overview);
        assertEquals(true, overview.lines().anyMatch(line -> line.startsWith("  xmpp2  on host2  172.60.0.20")), overview);
    }

    @Test
    void eachHostBringsItsEngineAndBindAddressFromTheHostsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hosts.properties");
        DockerHost.write(List.of(new DockerHost("host1", "unix:///run/h1.sock", "10.213.0.11"), new DockerHost("host2", "unix:///run/h2.sock", "")), file);
        Topology placed = Placement.parse("host1,host2", "").on(DockerHost.read(file), file.toString()).place(lab(2));
        assertEquals(new DockerHost("host2", "unix:///run/h2.sock", ""), placed.service("xmpp2").getDockerHost());
        assertEquals("10.213.0.11", placed.bind(placed.service("xmpp1")));
        assertEquals("127.0.0.1", placed.bind(placed.service("xmpp2")), "a host without a bind address of its own publishes on the lab's");
        ResolvedTopology.write(placed, dir.resolve("topology.properties"));
        ResolvedTopology resolved = ResolvedTopology.load(dir.resolve("topology.properties"));
        assertEquals("10.213.0.11", resolved.bind("db"));
        assertEquals("unix:///run/h2.sock", resolved.topology().service("xmpp2").getDockerHost().engine());
        assertEquals("lab.hosts names host3, which " + file + " does not list (it lists [host1, host2]): add it there, or name only those",
                assertThrows(LabException.class, () -> Placement.parse("host1,host3", "").on(DockerHost.read(file), file.toString())).getMessage());
    }

    @Test
    void badInputIsOneLineBeforeAnythingStarts() {
        assertEquals("lab.hosts=host1,Host 2: 'Host 2' is not a host name: give the swarm's node names, e.g. -Dlab.hosts=host1,host2,host3",
                assertThrows(LabException.class, () -> Placement.parse("host1,Host 2", "")).getMessage());
        assertEquals("lab.hosts=a,b,a names a twice: name each host once", assertThrows(LabException.class, () -> Placement.parse("a,b,a", "")).getMessage());
        assertEquals("lab.placement=db: 'db' is not SERVICE=HOST: give e.g. -Dlab.placement=db=host1,lb=host2",
                assertThrows(LabException.class, () -> Placement.parse("a,b", "db")).getMessage());
        assertEquals("lab.placement=db=c puts db on c, which is not one of lab.hosts [a, b]",
                assertThrows(LabException.class, () -> Placement.parse("a,b", "db=c")).getMessage());
        assertEquals("lab.placement=db=a,db=b places db twice: place each service once",
                assertThrows(LabException.class, () -> Placement.parse("a,b", "db=a,db=b")).getMessage());
        assertEquals("there is no service 'xmpp9' in the lab; there are [db, lb, xmpp1, xmpp2]",
                assertThrows(LabException.class, () -> Placement.parse("a,b", "xmpp9=b").place(lab(2))).getMessage());
    }
}
