package io.openfirecluster.workload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoadStepsTest {
    private static final long MS = 1_000_000L;

    @Test
    void aPercentileIsTheNearestRankOfTheMessagesSent() {
        long[] times = new long[100];
        for (int i = 0; i < 100; i++) {
            times[i] = (i + 1) * MS;
        }
        assertEquals(50.0, LoadSteps.percentile(times, 100, 50));
        assertEquals(99.0, LoadSteps.percentile(times, 100, 99));
    }

    @Test
    void aMissingMessageIsSlowerThanAnyThatArrived() {
        long[] arrived = {5 * MS, 6 * MS, 7 * MS};
        // Four sent, three arrived: the 99th percentile falls on the missing one.
        assertTrue(Double.isInfinite(LoadSteps.percentile(arrived, 4, 99)));
        assertEquals(6.0, LoadSteps.percentile(arrived, 4, 50));
    }

    @Test
    void noMessageSentHasNoPercentile() {
        assertTrue(Double.isNaN(LoadSteps.percentile(new long[0], 0, 99)));
    }
}
