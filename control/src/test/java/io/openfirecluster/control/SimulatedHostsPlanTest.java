package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.LabException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a plan of simulated hosts checks before any engine is asked: bad input stops in one line. */
class SimulatedHostsPlanTest {
    private static final Path SOCKETS = Path.of("/tmp/hosts");

    @Test
    void hostsAndTheRegistryGetAddressesInTheHostsSubnet() {
        SimulatedHosts.Plan plan = SimulatedHosts.Plan.of("img", 3, SOCKETS);
        assertEquals("10.213.0.5", plan.address(5));
        assertEquals("10.213.0.11", plan.address(SimulatedHosts.FIRST_HOST + 1));
        assertEquals("", plan.registry());
        assertEquals("10.213.0.5:5000", plan.withRegistry("10.213.0.5:5000").registry());
        assertEquals("10.1.2.13", SimulatedHosts.Subnet.parse("10.1.2.0/24", 13).address(13));
        // A subnet given with host bits set still counts from its first address.
        assertEquals("10.1.2.7", SimulatedHosts.Subnet.parse("10.1.2.9/24", 7).address(7));
    }

    @Test
    void badInputStopsInOneLine() {
        assertOneLine(() -> SimulatedHosts.Plan.of("img", 0, SOCKETS), "0 simulated hosts: give 1 to 9");
        assertOneLine(() -> SimulatedHosts.Plan.of("img", 10, SOCKETS), "10 simulated hosts: give 1 to 9");
        assertOneLine(() -> SimulatedHosts.Plan.of("img", 3, SOCKETS).withRegistry("10.213.0.5"), "is not HOST:PORT");
        assertOneLine(() -> new SimulatedHosts.Plan("img", 3, "n", "10.213.0/24", SOCKETS, "", Duration.ofMinutes(1)),
                "is not an IPv4 subnet");
        assertOneLine(() -> new SimulatedHosts.Plan("img", 9, "n", "10.213.0.0/28", SOCKETS, "", Duration.ofMinutes(1)),
                "has no host number 19: give a larger subnet");
        assertOneLine(() -> SimulatedHosts.Plan.of("img", 3, Path.of("/" + "d".repeat(100))), "give a shorter directory");
        assertOneLine(() -> SimulatedHosts.Plan.of("img", 3, SOCKETS).address(0), "host number 0: give 1 or more");
    }

    private static void assertOneLine(org.junit.jupiter.api.function.Executable call, String expected) {
        LabException e = assertThrows(LabException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
