package io.openfirecluster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.ConsistencyChecker;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryBuilder;
import io.openfirecluster.checker.HistoryJson;
import io.openfirecluster.checker.Latencies;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static History partition() {
        HistoryBuilder builder = new HistoryBuilder().join(0, "c01").join(0, "c02");
        for (int seq = 1; seq <= 30; seq++) {
            builder.send(seq * 10L, "c01", "c02", seq).receive(seq * 10L + seq, "c02", "c01", "c02", seq);
        }
        return builder.send(400, "c01", "c02", 31)
                .fault(500, "cut xmpp3", true).fault(2_500, "cut xmpp3", false)
                .groupSend(600, "c01", 1).groupReceive(610, "c01", "c01", 1)
                .occupants(700, "xmpp1", "c01", "c01", "c02").occupants(1_000, "xmpp2", "c02", "c02")
                .occupants(3_000, "xmpp2", "c02", "c01", "c02")
                .build();
    }

    @Test
    void writesHistoryReportAndPictures(@TempDir Path directory) throws Exception {
        History history = partition();
        CheckResult result = new ConsistencyChecker().check("partition xmpp3", history);

        ReportWriter.ReportFiles files = ReportWriter.write(result, history, directory.resolve("lab-reports"));

        assertEquals(directory.resolve("lab-reports/consistency-partition-xmpp3.json"), files.history());
        assertEquals(history, HistoryJson.read(files.history()));
        String markdown = Files.readString(files.markdown());
        assertTrue(markdown.contains("`" + result.summaryLine() + "`"), markdown);
        assertTrue(markdown.contains("| lost | 1 | never delivered; 0 of them acknowledged, 0 bounced back with an error |"), markdown);
        assertTrue(markdown.contains("| cut xmpp3 | +0.5 s (2025-01-01T00:00:00.500Z) | +2.5 s (2025-01-01T00:00:02.500Z) | 2.0 s |"), markdown);
        assertTrue(markdown.contains("| 15.0 ms | 27.0 ms | 30.0 ms | 30.0 ms | 30 |"), markdown);
        assertTrue(markdown.contains("- MISSED: 1"), markdown);
        assertTrue(markdown.contains("agree 0.5 s after the last heal (+2.5 s)"), markdown);
        assertTrue(markdown.contains("![live delivery latency](consistency-partition-xmpp3-latency.png)"), markdown);

        for (Path picture : List.of(files.histogram().orElseThrow(), files.latencyOverTime().orElseThrow(), files.perSecond().orElseThrow())) {
            BufferedImage png = ImageIO.read(picture.toFile());
            assertEquals(Charts.WIDTH, png.getWidth(), picture.toString());
            assertEquals(Charts.HEIGHT, png.getHeight(), picture.toString());
        }
        assertEquals(directory.resolve("lab-reports/consistency-partition-xmpp3-latency-over-time.png"), files.latencyOverTime().orElseThrow());
        assertTrue(markdown.contains("![1:1 delivery latency by send time, per pair kind, late ones as crosses](consistency-partition-xmpp3-latency-over-time.png)"), markdown);
        assertTrue(markdown.contains("![1:1 messages sent and delivered per second](consistency-partition-xmpp3-per-second.png)"), markdown);
        assertTrue(markdown.contains("[index.html](index.html)"), markdown);
        assertTrue(GraphicsEnvironment.isHeadless(), "the build draws the charts headless");
    }

    @Test
    void anomaliesAreListedUpToABound() {
        HistoryBuilder builder = new HistoryBuilder();
        for (int seq = 1; seq <= 25; seq++) {
            builder.send(seq, "c01", "c02", seq);
        }
        String markdown = MarkdownReport.render(new ConsistencyChecker().check("lossy", builder.build()), Optional.empty());

        assertTrue(markdown.contains("- LOST: 25"), markdown);
        assertTrue(markdown.contains("  - LOST c01 -> c02 #20: not acknowledged"), markdown);
        assertTrue(!markdown.contains("#21: not acknowledged"), markdown);
        assertTrue(markdown.contains("  - ... and 5 more (see the JSON history)"), markdown);
        assertTrue(markdown.contains("No fault in this history."), markdown);
    }

    @Test
    void noDeliveryMeansNoLatencyPictures(@TempDir Path directory) throws Exception {
        History history = new HistoryBuilder().send(0, "c01", "c02", 1).build();
        ReportWriter.ReportFiles files = ReportWriter.write(new ConsistencyChecker().check("x", history), history, directory);
        assertEquals(Optional.empty(), files.histogram());
        assertEquals(Optional.empty(), files.latencyOverTime());
        assertTrue(files.perSecond().isPresent(), "what was sent and never delivered is what the per-second picture shows");
    }

    @Test
    void scenarioNamesBecomeFileNames() {
        assertEquals("kill-xmpp2-during-MUC", ReportWriter.fileName(" kill xmpp2 / during MUC! "));
        assertEquals("scenario", ReportWriter.fileName("///"));
    }

    @Test
    void histogramBinsAreTenthsOfADecade() {
        LatencyHistogram histogram = LatencyHistogram.of(Latencies.of(List.of(0L, 1_000_000L, 39_000_000L, 40_000_000L, 100_000_000L)));
        long[] counts = histogram.counts();
        // From the decade of the fastest (0.1 ms: nothing is drawn below it) to that of the slowest (100 ms .. 1 s).
        assertEquals(40, counts.length);
        assertEquals(5, Arrays.stream(counts).sum());
        assertEquals(1, counts[0], "0 ms is drawn at 0.1 ms");
        assertEquals(1, counts[10], "1 ms opens its bin (no rounding puts it into the one before)");
        assertEquals(1, counts[25], "39 ms: 10^1.59");
        assertEquals(1, counts[26], "40 ms: 10^1.60");
        assertEquals(1, counts[30], "100 ms opens the last decade");
        assertEquals(0.1, histogram.edgeMillis(0), 1e-12);
        assertEquals(1000, histogram.edgeMillis(40), 1e-9);
        assertEquals("5 live deliveries in 40 bins from 0.1 to 1000 ms, 10 per power of ten (log scale); the tallest holds 1",
                histogram.caption());
    }
}
