package io.openfirecluster.report;

import io.openfirecluster.checker.ConsistencyChecker;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code index.html} of a report directory, made again from every history in it
 * ({@code consistency-SCENARIO.json}, read and checked anew), so it shows every scenario that ran
 * into the directory: the several of one ConsistencyIT run, or one lab:check after another. The
 * scenario's name is the file's (ReportWriter's file name of it).
 */
public final class ReportIndex {
    public static final String FILE = "index.html";
    private static final Pattern HISTORY = Pattern.compile("(consistency-(.+))\\.json");

    private ReportIndex() {
    }

    /** Writes DIRECTORY/index.html (replacing it whole, never half-written) and returns its path. */
    public static Path write(Path directory) throws IOException {
        List<HtmlScenario.Run> runs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : histories(directory)) {
            Matcher name = HISTORY.matcher(file.getFileName().toString());
            if (!name.matches()) {
                continue;
            }
            try {
                History history = HistoryJson.read(file);
                runs.add(new HtmlScenario.Run(name.group(1), new ConsistencyChecker().check(name.group(2), history), history));
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                unreadable.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        runs.sort(Comparator.comparing((HtmlScenario.Run run) -> run.history().start()).thenComparing(HtmlScenario.Run::fileBase));
        List<String> loads = new ArrayList<>();
        for (Path file : loadResults(directory)) {
            try {
                String base = file.getFileName().toString().replaceAll("\\.json$", "");
                loads.add(HtmlLoad.render(LoadReport.read(file), base));
            } catch (IOException | RuntimeException e) {
                unreadable.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        String title = (runs.isEmpty() && !loads.isEmpty() ? "Load runs in " : "Consistency runs in ") + directory.toAbsolutePath().normalize().getFileName();
        Path index = directory.resolve(FILE);
        Path partial = directory.resolve(FILE + ".part");
        Files.writeString(partial, HtmlReport.render(title, runs, unreadable, loads), StandardCharsets.UTF_8);
        Files.move(partial, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return index;
    }

    /** The load runs' results (load-PROFILE.json), the latest of each profile. */
    private static List<Path> loadResults(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> LoadReport.RESULT.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file))
                    .sorted().toList();
        }
    }

    private static List<Path> histories(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> HISTORY.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file))
                    .sorted().toList();
        }
    }
}
