package io.openfirecluster.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A load run's files: {@code load-PROFILE.json} (the {@link LoadResult}, which the directory's
 * {@code index.html} is made from again, with its charts) and {@code load-PROFILE.md} (the same
 * in a table, for a terminal or a pull request).
 */
public final class LoadReport {
    /** The result files of load runs in a report directory (not their histories). */
    static final Pattern RESULT = Pattern.compile("load-([a-z]+)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What a run wrote. */
    public record Files(Path json, Path markdown, Path index) {
    }

    private LoadReport() {
    }

    /** Writes RESULT as DIRECTORY/BASE.json and .md and makes the directory's index.html again. */
    public static Files write(LoadResult result, Path directory, String base) throws IOException {
        Path json = directory.resolve(base + ".json");
        JSON.writeValue(json.toFile(), result);
        Path markdown = directory.resolve(base + ".md");
        java.nio.file.Files.writeString(markdown, markdown(result), StandardCharsets.UTF_8);
        return new Files(json, markdown, ReportIndex.write(directory));
    }

    public static LoadResult read(Path json) throws IOException {
        return JSON.readValue(json.toFile(), LoadResult.class);
    }

    /** The run as Markdown: the plan, the steps or failovers in a table, the checker's line. */
    static String markdown(LoadResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# Load: ").append(result.profile()).append(" (").append(result.start()).append(")\n\n");
        md.append("- plan: ").append(result.plan()).append('\n');
        md.append("- nodes: ").append(result.nodesJvm()).append('\n');
        md.append("- clients: ").append(result.clientsReached()).append(" of ").append(result.clientsPlanned()).append(" logged in\n");
        if (!result.shortfall().isEmpty()) {
            md.append("- **short of the plan**: ").append(result.shortfall()).append('\n');
        }
        md.append("- ended: ").append(result.stop()).append('\n');
        md.append("- ").append(kneeLine("lab", result)).append('\n');
        md.append("- checker: ").append(result.checker()).append("\n\n");
        if (!result.steps().isEmpty()) {
            md.append(stepsTable(result.steps(), result.knee()));
        }
        if (!result.tsung().isEmpty()) {
            md.append("\nTsung, same lab, same plan (no time to deliver: Tsung measures none; \"server delivered\" is the nodes' count):\n\n")
                    .append(stepsTable(result.tsung(), result.tsungKeptUpStep().map(result.tsung()::indexOf).orElse(-1)));
            comparison(result).forEach(line -> md.append("\n- ").append(line));
            md.append('\n');
        }
        if (!result.failovers().isEmpty()) {
            md.append(markdownTable(FAILOVER_HEADER, FAILOVER_ALIGN, failoverRows(result.failovers())));
        }
        return md.toString();
    }

    /** "lab: knee 800 msg/s (p99 120.0 ms), 1000 clients" or why there is none. */
    public static String kneeLine(String tool, LoadResult result) {
        return result.kneeStep().map(step -> String.format(Locale.ROOT, "%s: %d clients, knee %.0f msg/s offered, %.0f delivered, p99 at knee %s, client CPU %.2f s per 1000 msgs",
                        tool, result.clientsReached(), step.offeredRate(), step.sent() == 0 ? 0 : step.offeredRate() * step.delivered() / step.sent(),
                        millis(step.p99Millis()), step.cpuPerThousand()))
                .orElse(tool + ": " + result.clientsReached() + " clients, no step within the limit" + (result.steps().isEmpty() ? " (no curve)" : ""));
    }

    /**
     * The two lines of a run with Tsung beside it, judged by the nodes' count: each tool's knee
     * (the rate it offered in its last step that kept up: a tool that falls behind its pace offers
     * less than it was asked, and Tsung sends whole messages a user) and client CPU per
     * 1,000 messages, and the lab's ratios to Tsung's; empty when Tsung did not run.
     */
    public static List<String> comparison(LoadResult result) {
        if (result.tsung().isEmpty()) {
            return List.of();
        }
        java.util.Optional<LoadResult.LoadStep> tsung = result.tsungKeptUpStep();
        java.util.Optional<LoadResult.LoadStep> lab = result.keptUpStep();
        // Knees as offered, not as asked: a tool that falls behind its own pace offered less than it was asked.
        double tsungKnee = tsung.map(LoadResult.LoadStep::offeredRate).orElse(0.0);
        double labKnee = lab.map(LoadResult.LoadStep::offeredRate).orElse(0.0);
        double tsungCpu = tsung.map(LoadResult.LoadStep::cpuPerThousand).orElse(Double.NaN);
        double labCpu = lab.map(LoadResult.LoadStep::cpuPerThousand).orElse(Double.NaN);
        String tsungPace = tsung.filter(step -> step.offeredRate() < 0.9 * step.askedRate())
                .map(step -> String.format(Locale.ROOT, " (asked %.0f: Tsung could not keep its own pace)", step.askedRate())).orElse("");
        return List.of(
                String.format(Locale.ROOT, "tsung: %d users, knee %.0f msg/s offered%s (the nodes' count), client CPU %.2f s per 1000 msgs, lost unknown (Tsung checks none)",
                        result.tsungUsers(), tsungKnee, tsungPace, tsungCpu),
                String.format(Locale.ROOT, "lab:   %d users, knee %.0f msg/s offered (the nodes' count), ratio to tsung %s, p99 at that step %s, client CPU %.2f s per 1000 msgs, ratio %s; checker: %s",
                        result.clientsReached(), labKnee, tsungKnee > 0 ? String.format(Locale.ROOT, "%.2f", labKnee / tsungKnee) : "-",
                        lab.map(step -> millis(step.p99Millis())).orElse("-"), labCpu,
                        Double.isFinite(tsungCpu) && tsungCpu > 0 ? String.format(Locale.ROOT, "%.2f", labCpu / tsungCpu) : "-", result.checker()));
    }

    static final List<String> STEP_HEADER = List.of("step", "asked msg/s", "offered", "delivered", "missing", "late", "p50", "p99", "max",
            "server delivered", "client CPU s/1000", "nodes");
    private static final String STEP_ALIGN = "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |";
    static final List<String> FAILOVER_HEADER = List.of("action", "sessions on it", "dropped", "back", "all back after", "logins/s taken",
            "rejoined after", "sent", "lost", "late");
    private static final String FAILOVER_ALIGN = "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    /** STEPS as table rows (the Markdown and the HTML report show the same cells), KNEE's row marked. */
    static List<List<String>> stepRows(List<LoadResult.LoadStep> steps, int knee) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            LoadResult.LoadStep step = steps.get(i);
            StringBuilder nodes = new StringBuilder();
            for (LoadResult.NodeLoad node : step.nodes()) {
                nodes.append(nodes.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%s %d sessions %d MiB %.2f cores", node.node(), node.sessions(),
                        node.memoryBytes() < 0 ? -1 : node.memoryBytes() >> 20, node.cpuCores()));
            }
            rows.add(List.of((i + 1) + (i == knee ? " (knee)" : ""), String.format(Locale.ROOT, "%.0f", step.askedRate()),
                    String.format(Locale.ROOT, "%.0f", step.offeredRate()), String.valueOf(step.delivered()), String.valueOf(step.missing()),
                    String.valueOf(step.late()), millis(step.p50Millis()), millis(step.p99Millis()), millis(step.maxMillis()),
                    step.serverDelivered() < 0 ? "-" : String.format(Locale.ROOT, "%.0f%s", step.serverDelivered(), step.keptUp() ? "" : " (behind)"),
                    String.format(Locale.ROOT, "%.2f", step.cpuPerThousand()), nodes.toString()));
        }
        return rows;
    }

    static List<List<String>> failoverRows(List<LoadResult.Failover> failovers) {
        List<List<String>> rows = new ArrayList<>();
        for (LoadResult.Failover failover : failovers) {
            rows.add(List.of(failover.action(), String.valueOf(failover.carried()), String.valueOf(failover.dropped()), String.valueOf(failover.back()),
                    seconds(failover.allBackSeconds()), String.format(Locale.ROOT, "%.1f", failover.loginRate()), seconds(failover.rejoinSeconds()),
                    String.valueOf(failover.sent()), String.valueOf(failover.lost()), String.valueOf(failover.late())));
        }
        return rows;
    }

    static String stepsTable(List<LoadResult.LoadStep> steps, int knee) {
        return markdownTable(STEP_HEADER, STEP_ALIGN, stepRows(steps, knee));
    }

    private static String markdownTable(List<String> header, String align, List<List<String>> rows) {
        StringBuilder md = new StringBuilder("| " + String.join(" | ", header) + " |\n" + align + "\n");
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return md.toString();
    }

    /** "12.3 ms", "1.20 s", "-" (none: NaN), "missing" (infinite: a percentile that falls on missing messages). */
    public static String millis(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        if (Double.isInfinite(millis)) {
            return "missing";
        }
        return millis < 1000 ? String.format(Locale.ROOT, "%.1f ms", millis) : String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }

    static String seconds(double seconds) {
        return Double.isNaN(seconds) ? "never" : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
