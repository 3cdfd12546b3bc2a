package io.openfirecluster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadReportTest {
    private static LoadResult.LoadStep step(double asked, long sent, long delivered, double p99, boolean within) {
        return new LoadResult.LoadStep(asked, asked, sent, delivered, sent - delivered, 0, 5, p99, p99 * 2, -1, 0.4,
                List.of(new LoadResult.NodeLoad("xmpp1", 334, 300L << 20, 0.5)), within);
    }

    private static LoadResult curve() {
        return new LoadResult("curve", "2026-12-07T20:00:00Z", "1000 clients at 30 logins/s through lb", "Java 25; heap -Xmx512m", 1000, 1000, 1000,
                List.of(step(100, 3000, 3000, 20, true), step(200, 6000, 6000, 80, true), step(400, 12000, 11990, Double.POSITIVE_INFINITY, false)),
                1, "10 of 12000 messages missing at 400 msg/s", "", List.of(), "sent 21000, lost 0", List.of(), 0);
    }

    @Test
    void theKneeIsTheLastStepWithinTheLimitAndItsLineSaysSo() {
        assertEquals("lab: 1000 clients, knee 200 msg/s offered, 200 delivered, p99 at knee 80.0 ms, client CPU 0.07 s per 1000 msgs",
                LoadReport.kneeLine("lab", curve()));
    }

    @Test
    void aResultSurvivesItsJsonAndTheIndexShowsItsCurve(@TempDir Path dir) throws Exception {
        LoadReport.Files files = LoadReport.write(curve(), dir, "load-curve");
        LoadResult back = LoadReport.read(files.json());
        assertEquals(curve().steps().get(2).missing(), back.steps().get(2).missing());
        assertTrue(Double.isInfinite(back.steps().get(2).p99Millis()), "a missing message's p99 stays infinite");
        String index = Files.readString(files.index());
        assertTrue(index.contains("Load: curve"), index);
        assertTrue(index.contains("data:image/png;base64,"), "the curve is a picture in the page");
        assertTrue(Files.readString(files.markdown()).contains("| 2 (knee) |"));
    }

    @Test
    void besideTsungEachToolIsJudgedByTheNodesCount() {
        LoadResult.LoadStep lab1 = new LoadResult.LoadStep(100, 100, 3000, 3000, 0, 0, 5, 20, 40, 3000, 0.3, List.of(), true);
        LoadResult.LoadStep lab2 = new LoadResult.LoadStep(200, 200, 6000, 6000, 0, 0, 5, 90, 150, 5990, 0.6, List.of(), true);
        LoadResult.LoadStep tsung1 = new LoadResult.LoadStep(100, 100, 3000, 3000, 0, 0, Double.NaN, Double.NaN, Double.NaN, 3000, 0.9, List.of(), true);
        LoadResult.LoadStep tsung2 = new LoadResult.LoadStep(200, 200, 6000, 5000, 1000, 0, Double.NaN, Double.NaN, Double.NaN, 5000, 1.8, List.of(), false);
        LoadResult result = new LoadResult("curve", "2026-12-07T20:00:00Z", "300 clients", "Java 25", 300, 300, 1000, List.of(lab1, lab2), 1, "done", "",
                List.of(), "9000 sent, 0 lost", List.of(tsung1, tsung2), 300);
        List<String> lines = LoadReport.comparison(result);
        assertEquals("tsung: 300 users, knee 100 msg/s offered (the nodes' count), client CPU 0.30 s per 1000 msgs, lost unknown (Tsung checks none)", lines.get(0));
        assertEquals("lab:   300 users, knee 200 msg/s offered (the nodes' count), ratio to tsung 2.00, p99 at that step 90.0 ms, client CPU 0.10 s per 1000 msgs, ratio 0.33; checker: 9000 sent, 0 lost",
                lines.get(1));
    }

    /** A tool that falls behind its own pace is judged by what it offered, and the line says it fell behind. */
    @Test
    void theKneesAreTheRatesOfferedNotTheRatesAsked() {
        LoadResult.LoadStep lab1 = new LoadResult.LoadStep(333, 333, 10000, 10000, 0, 0, 200, 2050, 3000, 10000, 0.2, List.of(), true);
        LoadResult.LoadStep tsung1 = new LoadResult.LoadStep(333, 300, 10000, 10000, 0, 0, Double.NaN, Double.NaN, Double.NaN, 10000, 1.4, List.of(), true);
        LoadResult.LoadStep tsung2 = new LoadResult.LoadStep(667, 380, 20000, 20000, 0, 0, Double.NaN, Double.NaN, Double.NaN, 20000, 14.0, List.of(), true);
        LoadResult result = new LoadResult("curve", "2026-12-07T20:00:00Z", "5000 clients", "Java 25", 5000, 5000, 1000, List.of(lab1), 0, "done", "",
                List.of(), "10000 sent, 0 lost", List.of(tsung1, tsung2), 5000);
        List<String> lines = LoadReport.comparison(result);
        assertEquals("tsung: 5000 users, knee 380 msg/s offered (asked 667: Tsung could not keep its own pace) (the nodes' count), client CPU 0.70 s per 1000 msgs, lost unknown (Tsung checks none)",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("lab:   5000 users, knee 333 msg/s offered (the nodes' count), ratio to tsung 0.88,"), lines.get(1));
    }

    @Test
    void aFailoverShowsItsReconnectionCurve(@TempDir Path dir) throws Exception {
        LoadResult crash = new LoadResult("crash", "2026-12-07T20:00:00Z", "1000 clients", "Java 25", 1000, 1000, 1000, List.of(), -1, "done", "",
                List.of(new LoadResult.Failover("crash xmpp2", 333, 333, 333, 14.2, 25.0, 60.5, 2000, 3, 40,
                        List.of(new double[] {0, 1000}, new double[] {1, 667}, new double[] {14.2, 1000}))), "sent 2000", List.of(), 0);
        LoadReport.Files files = LoadReport.write(crash, dir, "load-crash");
        String index = Files.readString(files.index());
        assertTrue(index.contains("crash xmpp2"), index);
        assertTrue(index.contains("Reconnection"), "the reconnection chart's title is its alt text");
        assertTrue(Files.readString(files.markdown()).contains("| crash xmpp2 | 333 | 333 | 333 | 14.2 s | 25.0 | 60.5 s | 2000 | 3 | 40 |"));
    }
}
