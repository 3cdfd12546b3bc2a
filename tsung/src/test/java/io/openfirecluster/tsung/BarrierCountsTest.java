package io.openfirecluster.tsung;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The users that passed each barrier, from uniq -c over the marks file. */
class BarrierCountsTest {
    @Test
    void countsByBarrier() {
        assertEquals(Map.of(0, 500L, 1, 500L, 2, 498L), BarrierCounts.parse("    500 0\n    500 1\n    498 2\n"));
        assertEquals(Map.of(), BarrierCounts.parse(""));
        assertEquals(Map.of(3, 7L), BarrierCounts.parse("      7 3\n      1\n garbage here\n"));
    }
}
