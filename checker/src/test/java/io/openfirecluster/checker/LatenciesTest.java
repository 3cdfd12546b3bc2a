package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesByNearestRank() {
        Latencies latencies = Latencies.of(LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).boxed().toList());
        assertEquals(Duration.ofMillis(50), latencies.percentile(50));
        assertEquals(Duration.ofMillis(90), latencies.percentile(90));
        assertEquals(Duration.ofMillis(99), latencies.percentile(99));
        assertEquals(Duration.ofMillis(100), latencies.max());
        assertEquals(100, latencies.count());
    }

    @Test
    void fewSamples() {
        Latencies latencies = Latencies.of(List.of(30L, 10L, 20L));
        assertEquals(Duration.ofNanos(20), latencies.percentile(50));
        assertEquals(Duration.ofNanos(30), latencies.percentile(99));
        assertEquals(Duration.ofNanos(10), latencies.percentile(0.1));
    }

    @Test
    void noSamplesIsZero() {
        Latencies none = Latencies.of(List.of());
        assertEquals(Duration.ZERO, none.percentile(50));
        assertEquals(Duration.ZERO, none.max());
        assertThrows(IllegalArgumentException.class, () -> none.percentile(0));
    }
}
