package io.openfirecluster.tsung;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a plan makes of its rates, and the input it refuses. */
class TsungPlanTest {
    @Test
    void ratesBecomeWholeMessagesAUser() {
        TsungPlan plan = TsungPlan.of(500, 20, "lb", List.of(100.0, 150.0), Duration.ofSeconds(15), 64);
        assertEquals(3, plan.messagesPerUser(0));
        assertEquals(1500, plan.messages(0));
        assertEquals(5.0, plan.interval(0));
        // 150/s for 15 s is 4.5 a user: rounded to 5, so 2500 planned.
        assertEquals(5, plan.messagesPerUser(1));
        assertEquals(2500, plan.messages(1));
        assertEquals(25.0, plan.loginSeconds());
    }

    @Test
    void badInputIsRefusedInOneLine() {
        assertMessage("users: 0 is no load", () -> TsungPlan.of(0, 20, "lb", List.of(100.0), Duration.ofSeconds(15), 64));
        assertMessage("login rate: -1.0 is no rate", () -> TsungPlan.of(10, -1, "lb", List.of(100.0), Duration.ofSeconds(15), 64));
        assertMessage("steps: give at least one", () -> TsungPlan.of(10, 20, "lb", List.of(), Duration.ofSeconds(15), 64));
        assertMessage("less than one message for each of 500 users", () -> TsungPlan.of(500, 20, "lb", List.of(10.0), Duration.ofSeconds(15), 64));
        assertMessage("body: 0 bytes", () -> TsungPlan.of(10, 20, "lb", List.of(100.0), Duration.ofSeconds(15), 0));
        assertMessage("drain: PT0S is too short", () -> new TsungPlan(10, 20, "lb", List.of(100.0), Duration.ofSeconds(15), 64, Duration.ZERO,
                TsungPlan.DOMAIN, TsungPlan.PREFIX, TsungPlan.PASSWORD));
    }

    @Test
    void theDeadlineCoversThePlan() {
        TsungPlan plan = TsungPlan.of(500, 20, "lb", List.of(100.0, 200.0, 400.0), Duration.ofSeconds(15), 64);
        long seconds = TsungRun.deadline(plan).toSeconds();
        assertTrue(seconds > 25 + 3 * 15 && seconds < 600, seconds + " s");
    }

    private static void assertMessage(String expected, Runnable plan) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, plan::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
