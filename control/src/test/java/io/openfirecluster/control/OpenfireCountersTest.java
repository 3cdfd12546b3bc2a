package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The lab plugin's /counters answer as the control side reads it. */
class OpenfireCountersTest {
    @Test
    void readsBothCounters() {
        assertEquals(new OpenfireCounters(12, 11), OpenfireCounters.parse("{\"chatIn\":12,\"chatOut\":11}"));
        assertEquals(new OpenfireCounters(5_000_000_000L, 0), OpenfireCounters.parse(" {\"chatOut\": 0, \"chatIn\": 5000000000}\n"));
    }

    @Test
    void anythingElseIsNoAnswer() {
        assertThrows(IllegalArgumentException.class, () -> OpenfireCounters.parse(""));
        assertThrows(IllegalArgumentException.class, () -> OpenfireCounters.parse("<html>404</html>"));
        assertThrows(IllegalArgumentException.class, () -> OpenfireCounters.parse("{\"chatIn\":1}"));
        assertThrows(IllegalArgumentException.class, () -> OpenfireCounters.parse("{\"chatIn\":\"1\",\"chatOut\":2}"));
    }

    @Test
    void sumsAndDifferences() {
        OpenfireCounters sum = OpenfireCounters.ZERO.plus(new OpenfireCounters(3, 4)).plus(new OpenfireCounters(10, 20));
        assertEquals(new OpenfireCounters(13, 24), sum);
        assertEquals(new OpenfireCounters(10, 20), sum.since(new OpenfireCounters(3, 4)));
    }
}
