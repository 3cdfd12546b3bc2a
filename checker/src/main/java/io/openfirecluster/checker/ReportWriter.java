package io.openfirecluster.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes one scenario's report files into a directory (e.g. cluster-it/target/lab-reports/):
 * {@code consistency-SCENARIO.json} (the history), {@code consistency-SCENARIO.md} (the report) and,
 * when there were live deliveries, {@code consistency-SCENARIO-latency.png}.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The files one call wrote. */
    public record ReportFiles(Path history, Path markdown, Optional<Path> histogram) {
    }

    public static ReportFiles write(CheckResult result, History history, Path directory) throws IOException {
        Files.createDirectories(directory);
        String base = "consistency-" + fileName(result.scenario());
        Path json = directory.resolve(base + ".json");
        HistoryJson.write(history, json);
        Optional<Path> png = Optional.empty();
        if (result.direct().latency().count() > 0) {
            png = Optional.of(directory.resolve(base + "-latency.png"));
            LatencyHistogram.of(result.direct().latency()).writePng(png.get());
        }
        Path markdown = directory.resolve(base + ".md");
        Files.writeString(markdown, MarkdownReport.render(result, png.map(file -> file.getFileName().toString())), StandardCharsets.UTF_8);
        return new ReportFiles(json, markdown, png);
    }

    /** SCENARIO as a file name: letters, digits, '.', '_' and '-' kept, everything else '-'. */
    static String fileName(String scenario) {
        String name = scenario.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "scenario" : name;
    }
}
