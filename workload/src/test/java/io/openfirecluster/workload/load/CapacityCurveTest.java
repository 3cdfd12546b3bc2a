package io.openfirecluster.workload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.workload.scenario.ShapedLabs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curve's arithmetic: where a refinement steps, which rates Tsung climbs, whole messages a Tsung user. */
class CapacityCurveTest {
    private static ResolvedTopology cluster;

    @BeforeAll
    static void lab(@TempDir Path dir) throws IOException {
        ResolvedTopology.write(ShapedLabs.of("cluster"), dir.resolve("cluster.properties"));
        cluster = ResolvedTopology.load(dir.resolve("cluster.properties"));
    }

    @Test
    void aRefinementStepsHalfwayOnTheLadderScale() {
        assertEquals(471.4, CapacityCurve.between(333.3, 666.7), 0.1);
        assertEquals(200.0, CapacityCurve.between(100, 400), 1e-9);
    }

    @Test
    void tsungClimbsTheLaddersRatesOneStepPastTheLabsAndTheRefinementsInOrder() {
        LoadPlan plan = plan(Map.of("lab.load.rate", "100", "lab.load.steps", "8"));
        // The lab held 100 and 200, not 400; then 283 held and 336 did not.
        CapacityCurve.Outcome outcome = new CapacityCurve.Outcome(steps(100, 200, 400, 282.8, 336.4), "stop", "", 3);
        assertEquals(List.of(282.8, 336.4), outcome.refinements());
        assertEquals(List.of(100.0, 200.0, 282.8, 336.4, 400.0, 800.0), CapacityCurve.tsungLadder(plan, outcome));
        assertEquals(List.of(100.0, 200.0, 282.8, 336.4, 400.0), outcome.byRate().stream().map(CapacityCurve.Judged::asked).toList());
    }

    @Test
    void tsungGoesNoFurtherThanThePlansSteps() {
        LoadPlan plan = plan(Map.of("lab.load.rate", "100", "lab.load.steps", "2"));
        CapacityCurve.Outcome outcome = new CapacityCurve.Outcome(steps(100, 200), "every step within the limit", "", 2);
        assertEquals(List.of(100.0, 200.0), CapacityCurve.tsungLadder(plan, outcome));
    }

    @Test
    void ratesThatRoundToTheSameMessagesAUserAreOneTsungStep() {
        // 5000 users, 30 s: 333.3 and 396.4 msg/s are both 2 messages a user; 471.4 is 3.
        assertEquals(List.of(166.7, 333.3, 471.4, 666.7),
                TsungSideBySide.wholeMessages(List.of(166.7, 333.3, 396.4, 471.4, 666.7), 5000, Duration.ofSeconds(30)));
    }

    private static List<CapacityCurve.Judged> steps(double... rates) {
        List<CapacityCurve.Judged> steps = new ArrayList<>();
        for (double rate : rates) {
            steps.add(new CapacityCurve.Judged(rate, rate, null, 0, 0, Map.of(), Map.of(), 30, Map.of(), Map.of()));
        }
        return steps;
    }

    private static LoadPlan plan(Map<String, String> properties) {
        return LoadPlan.from(properties, cluster);
    }
}
