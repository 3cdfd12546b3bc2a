package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.NodeTemplate;
import io.openfirecluster.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packet faults against real namespaces: holders of two "nodes" and a "database" on a
 * dual-stack network of this test's own, with a TCP server (perl, in every Debian base) in each.
 * Each fault is measured from outside: a connect that is answered, refused, or never answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsIT {
    private static final String NETWORK = "openfire-cluster-faults-it";
    private static final String HOLDER_IMAGE = System.getProperty("lab.holder.image", "openfire-cluster/holder:latest");
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String N1 = "172.60.101.10";
    private static final String N1_V6 = "fd23:d79:d076:101::10";
    private static final String N2 = "172.60.101.20";
    private static final String DB = "172.60.101.11";

    private LabNetwork lab;
    private Faults faults;

    @BeforeAll
    void startHoldersWithServers() {
        List<LabService> services = Topology.withNodes(List.of(new LabService("d", 11, List.of(), List.of())),
                new NodeTemplate("n{i}", "{10*i}", List.of(), List.of()).withRun("", "", List.of("d"), Map.of()), "2");
        Topology topology = new Topology(NETWORK, "172.60.101.0/24", "fd23:d79:d076:101::/64", "127.0.0.1", "faults.example", services);
        lab = LabNetwork.connect(topology, message -> { }).withHolderImage(HOLDER_IMAGE);
        lab.up(List.of());
        faults = new Faults(lab);
        for (String holder : List.of("n1", "n2", "d")) {
            // Answers every TCP connection on 7000 with the holder's name; counts UDP datagrams on 7001 in /tmp/udp.
            detached(holder, "perl", "-MIO::Socket::IP", "-e",
                    "my $s = IO::Socket::IP->new(Listen => 5, LocalHost => q(::), LocalPort => 7000, V6Only => 0, ReuseAddr => 1) or die; "
                            + "while (my $c = $s->accept) { print $c qq(" + holder + "\\n); close $c }");
            detached(holder, "perl", "-MIO::Socket::IP", "-e",
                    "my $s = IO::Socket::IP->new(LocalHost => q(::), LocalPort => 7001, Proto => q(udp), V6Only => 0) or die; "
                            + "$| = 1; open(my $f, q(>), q(/tmp/udp)) or die; my $n = 0; while ($s->recv(my $d, 64)) { $n++; seek($f, 0, 0); print $f $n }");
        }
        Wait.until("n2 reaches n1", DEADLINE, () -> connect("n2", N1).equals("answered"));
    }

    @AfterEach
    void healEverything() {
        faults.heal();
    }

    @AfterAll
    void removeEverything() {
        lab.down();
        lab.close();
    }

    @Test
    void isolateDropsTrafficBetweenNodesInBothFamiliesOnly() {
        faults.apply(new Fault.Isolate("n1"));
        assertEquals("no answer", connect("n2", N1));
        assertEquals("no answer", connect("n2", N1_V6));
        assertEquals("no answer", connect("n1", N2));
        assertEquals("answered", connect("d", N1), "the database (and clients) still reach an isolated node");
        assertEquals(List.of("isolate"), faults.active().get("n1"));
        faults.heal("n1");
        assertEquals("answered", connect("n2", N1));
        assertEquals(List.of(), faults.active().get("n1"));
    }

    @Test
    void applyingAFaultTwiceIsHarmless() {
        faults.apply(new Fault.Isolate("n1"));
        String once = rules("n1");
        faults.apply(new Fault.Isolate("n1"));
        assertEquals(once, rules("n1"));
    }

    @Test
    void partitionLeavesEachNodeItsOwnGroupAndTheDatabase() {
        faults.apply(new Fault.Partition(List.of(List.of("n1"), List.of("n2"))));
        assertEquals("no answer", connect("n1", N2));
        assertEquals("answered", connect("n1", DB));
        assertEquals("answered", connect("n2", DB));
        assertEquals(Map.of("n1", List.of("partition n1|n2"), "n2", List.of("partition n1|n2"), "d", List.of()), faults.active());
    }

    @Test
    void onewayDropsPacketsFromOneNodeToTheOtherButNotBack() {
        faults.apply(new Fault.Oneway("n1", "n2"));
        int before = udpCount("n1");
        send("n1", N2, 20);
        send("n2", N1, 20);
        Wait.until("n1 receives n2's datagrams", DEADLINE, () -> udpCount("n1") >= before + 20);
        assertEquals("no answer", connect("n1", N2), "n1's packets to n2 are dropped");
    }

    @Test
    void dbcutRefusesTheDatabaseToThatNodeAlone() {
        faults.apply(new Fault.Dbcut("n1"));
        assertEquals("refused", connect("n1", DB), "a cut database is refused at once, not left to time out");
        assertEquals("answered", connect("n2", DB));
        assertEquals("answered", connect("n1", N2), "the cut node keeps its peers");
    }

    @Test
    void lossDropsARandomShareOfThePeersPackets() {
        faults.apply(new Fault.Loss("n1", 50));
        int before = udpCount("n1");
        send("n2", N1, 200);
        // Wait for the datagrams that get through to be counted; 200 at 50 % leave 100 +- 7 (one sigma).
        Wait.until("n1 counts datagrams", DEADLINE, () -> udpCount("n1") > before);
        int received = udpCount("n1") - before;
        assertTrue(received > 40 && received < 160, "with 50 % loss, " + received + " of 200 arrived");
        System.out.println("[report] loss 50%: " + received + " of 200 datagrams arrived");
    }

    @Test
    void latencyAddsDelayOrSaysTheKernelCannot() {
        try {
            faults.apply(new Fault.Latency("n1", Duration.ofMillis(200)));
            assertTrue(faults.active().get("n1").contains("latency (netem)"));
        } catch (LabException e) {
            assertTrue(e.getMessage().contains("sch_netem"), e.getMessage());
            System.out.println("[WARNING] NOT RUN: lab:latency: " + e.getMessage());
            assertEquals(List.of(), faults.active().get("n1"), "a failed delay leaves nothing behind");
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingChanges() {
        assertRefused("is not an Openfire node", () -> faults.apply(new Fault.Isolate("d")));
        assertRefused("there is no service 'x9'", () -> faults.apply(new Fault.Isolate("x9")));
        assertRefused("is not an Openfire node", () -> faults.apply(new Fault.Partition(List.of(List.of("n1", "n2"), List.of("d")))));
        assertRefused("there is no service 'x9'", () -> faults.apply(new Fault.Oneway("n1", "x9")));
        assertRefused("there is no service 'x9'", () -> faults.heal(new Fault.Loss("x9", 20)));
        faults.active().values().forEach(active -> assertEquals(List.of(), active));
    }

    private static void assertRefused(String expected, Runnable fault) {
        String message = assertThrows(LabException.class, fault::run).getMessage();
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains("-D"), "the library names no Maven flag: " + message);
    }

    /** "answered", "refused" (a reset or unreachable at once) or "no answer" (dropped: the connect timed out). */
    private String connect(String from, String address) {
        Containers.ExecResult result = lab.containers().exec(NETWORK + "-" + from, DEADLINE, "timeout", "2", "bash", "-c",
                "exec 3<>/dev/tcp/" + address + "/7000 && head -n 1 <&3");
        return result.exitCode() == 0 ? "answered" : result.exitCode() == 124 ? "no answer" : "refused";
    }

    private void send(String from, String address, int count) {
        lab.containers().exec(NETWORK + "-" + from, DEADLINE, "bash", "-c",
                "for i in $(seq " + count + "); do echo x > /dev/udp/" + address + "/7001; done");
    }

    private int udpCount(String holder) {
        String text = lab.containers().exec(NETWORK + "-" + holder, DEADLINE, "cat", "/tmp/udp").output().trim();
        return text.matches("\\d+") ? Integer.parseInt(text) : 0;
    }

    private String rules(String holder) {
        return lab.containers().execAsRoot(NETWORK + "-" + holder, DEADLINE, "sh", "-c", PacketRules.list()).output();
    }

    private void detached(String holder, String... command) {
        lab.docker().execStartCmd(lab.docker().execCreateCmd(NETWORK + "-" + holder).withCmd(command).exec().getId())
                .withDetach(true).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>());
    }

}
