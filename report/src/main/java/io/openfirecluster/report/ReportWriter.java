package io.openfirecluster.report;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * Writes one scenario's report files into a directory (e.g. cluster-it/target/lab-reports/):
 * {@code consistency-SCENARIO.json} (the history), {@code consistency-SCENARIO.md} (the report),
 * the pictures {@code consistency-SCENARIO-latency-over-time.png} (when anything was delivered),
 * {@code consistency-SCENARIO-per-second.png} (when anything was sent) and
 * {@code consistency-SCENARIO-latency.png} (the histogram, when there were live deliveries), and
 * then the directory's {@code index.html} again, with every scenario in it.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The files one call wrote. */
    public record ReportFiles(Path history, Path markdown, Optional<Path> histogram, Optional<Path> latencyOverTime,
                              Optional<Path> perSecond, Path index) {
    }

    public static ReportFiles write(CheckResult result, History history, Path directory) throws IOException {
        Files.createDirectories(directory);
        String base = "consistency-" + fileName(result.scenario());
        Path json = directory.resolve(base + ".json");
        HistoryJson.write(history, json);
        Optional<Path> histogram = Optional.empty();
        if (result.direct().latency().count() > 0) {
            histogram = Optional.of(directory.resolve(base + "-latency.png"));
            LatencyHistogram.of(result.direct().latency()).writePng(histogramTitle(result), histogram.get());
        }
        Optional<XYChart> timeline = LatencyTimeline.chart(result);
        Optional<Path> latencyOverTime = timeline.isEmpty() ? Optional.empty() : Optional.of(directory.resolve(base + "-latency-over-time.png"));
        if (timeline.isPresent()) {
            Charts.writePng(timeline.get(), latencyOverTime.get());
        }
        Optional<Path> perSecond = Optional.empty();
        if (result.sent() > 0) {
            perSecond = Optional.of(directory.resolve(base + "-per-second.png"));
            Charts.writePng(DeliveryRate.chart(result, history), perSecond.get());
        }
        Path markdown = directory.resolve(base + ".md");
        String report = MarkdownReport.render(result, histogram.map(ReportWriter::name)) + overTime(result, latencyOverTime, perSecond);
        Files.writeString(markdown, report, StandardCharsets.UTF_8);
        return new ReportFiles(json, markdown, histogram, latencyOverTime, perSecond, ReportIndex.write(directory));
    }

    /** The histogram's title: it names the scenario. */
    static String histogramTitle(CheckResult result) {
        return result.scenario() + ": live 1:1 delivery latency";
    }

    /** The Markdown report's pictures over time (the histogram is with the latency table). */
    private static String overTime(CheckResult result, Optional<Path> latencyOverTime, Optional<Path> perSecond) {
        if (latencyOverTime.isEmpty() && perSecond.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n## Over time\n\n").append(result.faults().isEmpty() ? "" : "The fault windows are shaded. ")
                .append("The whole report, every scenario of this directory on one page: [index.html](").append(ReportIndex.FILE).append(").\n\n");
        latencyOverTime.ifPresent(file -> out.append("![1:1 delivery latency by send time, per pair kind, late ones as crosses](")
                .append(name(file)).append(")\n\n"));
        perSecond.ifPresent(file -> out.append("![1:1 messages sent and delivered per second](").append(name(file)).append(")\n"));
        return out.toString();
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    /** SCENARIO as a file name: letters, digits, '.', '_' and '-' kept, everything else '-'. */
    static String fileName(String scenario) {
        String name = scenario.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "scenario" : name;
    }
}
