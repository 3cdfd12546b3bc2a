package io.openfirecluster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.PairKind;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser (Debian's chromium, headless, file:// only): it loads, every
 * picture decodes at its size, and the page as drawn shows the charts (the colours of every pair
 * kind). The page, the screenshot and the crash run's pictures stay in target/html-report/ to look at. Without chromium on
 * the machine the test says NOT RUN and is skipped; .ci/run installs it.
 */
class HtmlReportBrowserTest {
    private static final Path OUT = Path.of("target", "html-report");
    private static final long DEADLINE_SECONDS = 90;
    private static Path chromium;
    private static Path page;
    private static List<HtmlScenario.Run> runs;

    @BeforeAll
    static void renderThePage() throws IOException {
        chromium = findChromium().orElse(null);
        SampleRun crash = SampleRun.of(1);
        SampleRun none = SampleRun.faultFree(2);
        runs = List.of(new HtmlScenario.Run("consistency-none", none.result("none"), none.history()),
                new HtmlScenario.Run("consistency-crash-xmpp2", crash.result("crash-xmpp2 <&> \"quoted\""), crash.history()));
        Files.createDirectories(OUT);
        page = OUT.resolve("index.html");
        CheckResult crashed = runs.get(1).result();
        Charts.writePng(LatencyTimeline.chart(crashed).orElseThrow(), OUT.resolve("crash-latency-over-time.png"));
        Charts.writePng(DeliveryRate.chart(crashed, crash.history()), OUT.resolve("crash-per-second.png"));
        LatencyHistogram.of(crashed.direct().latency()).writePng(ReportWriter.histogramTitle(crashed), OUT.resolve("crash-latency.png"));
        Files.writeString(page, HtmlReport.render("Consistency runs in lab-reports", runs,
                List.of("consistency-broken.json: not a history: <unexpected end>")), StandardCharsets.UTF_8);
    }

    @Test
    void everyPictureDecodesInTheBrowser() throws Exception {
        Assumptions.assumeTrue(chromium != null, "no chromium (apt-get install chromium)");
        // The report has no script; a copy of it gets one that writes what the browser made of each picture into the page.
        Path probe = OUT.resolve("probe.html");
        Files.writeString(probe, Files.readString(page).replace("</body>", """
                <script>
                window.addEventListener('load', () => {
                  const out = document.createElement('pre');
                  out.id = 'probe';
                  out.textContent = Array.from(document.images)
                      .map(img => 'img ' + img.complete + ' ' + img.naturalWidth + 'x' + img.naturalHeight).join('\\n');
                  document.body.appendChild(out);
                });
                </script>
                </body>"""), StandardCharsets.UTF_8);

        String dom = run(chromium, "--dump-dom", "--virtual-time-budget=10000", probe.toUri().toString());

        assertTrue(dom.contains("<h1>Consistency runs in lab-reports</h1>"), "the browser did not load the page: " + head(dom));
        Matcher images = Pattern.compile("img (true|false) (\\d+)x(\\d+)").matcher(dom);
        List<String> seen = new ArrayList<>();
        while (images.find()) {
            seen.add(images.group());
        }
        // none: latency over time, per second, histogram; crash: the same three.
        assertEquals(6, seen.size(), "pictures the browser reported: " + seen);
        for (String image : seen) {
            assertEquals("img true " + Charts.WIDTH + "x" + Charts.HEIGHT, image, "a picture the browser did not decode at its size");
        }
        assertTrue(dom.contains("crash-xmpp2 &lt;&amp;&gt; \"quoted\""), "the scenario's name reaches the page as text");
        assertTrue(dom.contains("not a history: &lt;unexpected end&gt;"), "the unreadable history is named");
    }

    @Test
    void thePageAsDrawnShowsTheCharts() throws Exception {
        Assumptions.assumeTrue(chromium != null, "no chromium (apt-get install chromium)");
        Path screenshot = OUT.resolve("screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        run(chromium, "--screenshot=" + screenshot, "--window-size=1100,2600", "--hide-scrollbars", page.toUri().toString());

        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(1100, image.getWidth());
        for (PairKind pair : PairKind.values()) {
            assertTrue(shows(image, Charts.colour(pair)), "the screenshot has no " + pair.label() + " point (" + screenshot + ")");
        }
        assertTrue(shows(image, Charts.LIVE), "the screenshot has no delivered-per-second area (" + screenshot + ")");
    }

    /** Chromium as Debian installs it; without it, one line says how to get it (the tests then skip). */
    private static Optional<Path> findChromium() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            System.out.println("NOT RUN: no chromium (apt-get install chromium)");
        }
        return found;
    }

    /**
     * Runs headless chromium on a file:// page with a throw-away profile and nothing that talks to
     * the network (no first-run, sync, component or background fetches; every host name resolves
     * to nothing), and returns what it printed.
     */
    private static String run(Path chromium, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                    "--disable-domain-reliability", "--no-pings", "--metrics-recording-only",
                    "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-dev-shm-usage"));
            command.addAll(List.of(arguments));
            Path output = profile.resolve("stdout.txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectOutput(output.toFile()).redirectError(profile.resolve("stderr.txt").toFile()).start();
            if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("chromium did not finish within " + DEADLINE_SECONDS + " s: " + command);
            }
            String stdout = Files.readString(output);
            assertEquals(0, process.exitValue(), "chromium exited " + process.exitValue() + ": "
                    + head(Files.readString(profile.resolve("stderr.txt"))));
            return stdout;
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** Whether some pixel of IMAGE is COLOUR (within a little, for colour management and smoothing). */
    private static boolean shows(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color pixel = new Color(image.getRGB(x, y));
                if (Math.abs(pixel.getRed() - colour.getRed()) + Math.abs(pixel.getGreen() - colour.getGreen())
                        + Math.abs(pixel.getBlue() - colour.getBlue()) <= 12) {
                    count++;
                }
            }
        }
        return count >= 20;
    }

    private static String head(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }
}
