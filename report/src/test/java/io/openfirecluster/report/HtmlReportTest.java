package io.openfirecluster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.checker.ConsistencyChecker;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void textIsEscapedForContentAndAttributes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
        assertEquals("consistency-crash%20xmpp2%26.json", Html.fileHref("consistency-crash xmpp2&.json"));
    }

    @Test
    void everyScenarioWrittenIntoTheDirectoryIsOnTheIndexInTheOrderTheyRan(@TempDir Path directory) throws Exception {
        History first = SampleRun.faultFree(3).history();
        History second = shifted(SampleRun.of(4).history(), Duration.ofMinutes(5));
        Files.writeString(directory.resolve("consistency-old-format.json"), "{\"events\": []}");

        ReportWriter.write(new ConsistencyChecker().check("isolate-xmpp3", second), second, directory);
        ReportWriter.ReportFiles files = ReportWriter.write(new ConsistencyChecker().check("none", first), first, directory);

        assertEquals(directory.resolve("index.html"), files.index());
        String page = Files.readString(files.index());
        int none = page.indexOf("<section id=\"consistency-none\">");
        int isolate = page.indexOf("<section id=\"consistency-isolate-xmpp3\">");
        assertTrue(none > 0 && isolate > none, "both scenarios, the earlier run first");
        assertTrue(page.contains("<a href=\"#consistency-isolate-xmpp3\">isolate-xmpp3</a>"), "the overview links the scenario");
        assertTrue(page.contains("consistency-old-format.json: not a history: it needs &quot;start&quot; and &quot;events&quot;"),
                "a history that cannot be read is named, not fatal");
        assertTrue(page.contains("<a href=\"consistency-none.md\">"), "the scenario's own files are linked");
        // none: latency over time, per second, histogram; isolate: the same three.
        assertEquals(6, count(page, "<img src=\"data:image/png;base64,"), "every picture is in the page itself");
        assertFalse(page.contains("<script"), "the report needs no script");
        assertFalse(Pattern.compile("(src|href)=\"(https?:|//)").matcher(page).find(), "nothing is loaded from elsewhere");
        assertFalse(Files.exists(directory.resolve("index.html.part")), "the page is written whole, then moved into place");
    }

    @Test
    void longAnomalyListsAreCappedWithACount(@TempDir Path directory) throws Exception {
        HistoryBuilder builder = new HistoryBuilder();
        for (int seq = 1; seq <= HtmlScenario.LISTED_PER_KIND + 7; seq++) {
            builder.send(seq, "c01", "c02", seq);
        }
        History history = builder.build();

        ReportWriter.ReportFiles files = ReportWriter.write(new ConsistencyChecker().check("lossy", history), history, directory);

        String page = Files.readString(files.index());
        assertTrue(page.contains("<details><summary>LOST: 107</summary>"), "a long list starts closed");
        assertEquals(HtmlScenario.LISTED_PER_KIND, count(page, "<li>LOST c01 -&gt; c02 #"));
        assertTrue(page.contains("<li>... and 7 more (see the JSON history)</li>"), page);
    }

    @Test
    void oddHistoriesStillMakeAPage(@TempDir Path directory) throws Exception {
        List<History> odd = List.of(
                new HistoryBuilder().build(),
                new HistoryBuilder().fault(100, "cut xmpp3", true).build(),
                new HistoryBuilder().send(0, "c01", "c02", 1).receive(0, "c02", "c01", "c02", 1).build(),
                new HistoryBuilder().send(0, "c01", "c02", 1).fault(10, "stop xmpp2", false)
                        .delayedReceive(20, "c02", "c01", "c02", 1).build());
        for (int i = 0; i < odd.size(); i++) {
            ReportWriter.write(new ConsistencyChecker().check("odd" + i, odd.get(i)), odd.get(i), directory);
        }

        String page = Files.readString(directory.resolve("index.html"));
        for (int i = 0; i < odd.size(); i++) {
            assertTrue(page.contains("<section id=\"consistency-odd" + i + "\">"), "odd" + i);
        }
        assertTrue(page.contains("No 1:1 message was delivered: no latency to draw."), "the empty history says so");
        assertTrue(page.contains("cut xmpp3 (not healed)"), "a fault never healed is named so");
    }

    private static History shifted(History history, Duration by) {
        return new History(history.start().plus(by), history.events());
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
