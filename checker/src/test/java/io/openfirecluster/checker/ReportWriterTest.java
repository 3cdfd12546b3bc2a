package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void writesHistoryReportAndHistogram(@TempDir Path directory) throws Exception {
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

        BufferedImage png = ImageIO.read(files.histogram().orElseThrow().toFile());
        assertEquals(640, png.getWidth());
        assertEquals(240, png.getHeight());
        assertTrue(GraphicsEnvironment.isHeadless(), "the build runs the histogram headless");
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
    void noLiveDeliveryMeansNoHistogram(@TempDir Path directory) throws Exception {
        History history = new HistoryBuilder().send(0, "c01", "c02", 1).build();
        ReportWriter.ReportFiles files = ReportWriter.write(new ConsistencyChecker().check("x", history), history, directory);
        assertEquals(Optional.empty(), files.histogram());
    }

    @Test
    void scenarioNamesBecomeFileNames() {
        assertEquals("kill-xmpp2-during-MUC", ReportWriter.fileName(" kill xmpp2 / during MUC! "));
        assertEquals("scenario", ReportWriter.fileName("///"));
    }

    @Test
    void histogramBinsCoverEveryLatency() {
        LatencyHistogram histogram = LatencyHistogram.of(Latencies.of(java.util.List.of(0L, 1_000_000L, 39_000_000L, 40_000_000L)));
        long[] counts = histogram.counts();
        assertEquals(4, java.util.Arrays.stream(counts).sum());
        assertEquals(1, counts[0]);
        assertEquals(2, counts[LatencyHistogram.BINS - 1], "the largest latency falls into the last bin");
        assertEquals("40 bins of 1.0 ms from 0 to 40.0 ms; bar height: deliveries per bin (tallest: 2)", histogram.caption());
    }
}
