package io.openfirecluster.report;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.FaultWindow;
import io.openfirecluster.topology.Format;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The HTML report of a directory of runs ({@code lab-reports/index.html}): one page, without
 * scripts or outside resources, that lists every scenario with its counts and links to its
 * section (see {@link HtmlScenario}), followed by the sections in the order the runs started.
 */
final class HtmlReport {
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 1.5em auto; max-width: 1000px; padding: 0 1em; color: #222; }
            h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-top: 2px solid #ccc; padding-top: .8em; }
            h3 { margin-top: 1.4em; font-size: 1.1em; }
            table { border-collapse: collapse; margin: .5em 0; }
            th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .bad { color: #b03000; font-weight: bold; } td.bad { background: #fde8e1; }
            td.when { white-space: nowrap; }
            code { background: #f4f4f4; padding: .1em .3em; }
            figure { margin: 1em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            figcaption { font-size: .9em; color: #555; }
            details { margin: .3em 0; } summary { cursor: pointer; font-weight: bold; }
            li { font-family: monospace; font-size: .9em; }
            """;

    private HtmlReport() {
    }

    /**
     * The page for RUNS (in the order to show them) in directory TITLE; UNREADABLE names the
     * history files that could not be read or checked, with why.
     */
    static String render(String title, List<HtmlScenario.Run> runs, List<String> unreadable) {
        return render(title, runs, unreadable, List.of());
    }

    /** The page, followed by LOADS: the load runs' sections (see {@link HtmlLoad}). */
    static String render(String title, List<HtmlScenario.Run> runs, List<String> unreadable, List<String> loads) {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").text(title).raw("</title>\n")
                .raw("<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n");
        html.element("h1", title);
        html.element("p", runs.size() + (runs.size() == 1 ? " scenario" : " scenarios")
                + " in this directory, in the order they ran. Each row links to its section: the counts, the pictures"
                + " (latency over time, messages per second, the latency histogram), the fault timeline and the anomalies.");
        if (!runs.isEmpty()) {
            overview(html, runs);
        }
        if (!unreadable.isEmpty()) {
            html.element("h2", "Histories that could not be read");
            html.raw("<ul>\n");
            unreadable.forEach(line -> html.element("li", line).raw("\n"));
            html.raw("</ul>\n");
        }
        runs.forEach(run -> html.raw(HtmlScenario.render(run)));
        loads.forEach(html::raw);
        return html.raw("</body>\n</html>\n").toString();
    }

    private static void overview(Html html, List<HtmlScenario.Run> runs) {
        html.raw("<table><thead><tr>");
        for (String header : List.of("scenario", "started", "faults", "sent", "lost", "duplicated", "reordered", "late", "rooms")) {
            html.element("th", header);
        }
        html.raw("</tr></thead><tbody>\n");
        for (HtmlScenario.Run run : runs) {
            CheckResult result = run.result();
            html.raw("<tr><td><a href=\"#").text(run.anchor()).raw("\">").text(result.scenario()).raw("</a></td>");
            html.raw("<td class=\"when\">").text(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC).format(result.start())).raw("</td>");
            html.element("td", faults(result.faults()));
            number(html, result.sent(), false);
            // What users lost or got wrong stands out; late is what a fault costs by design.
            number(html, result.lost(), true);
            number(html, result.duplicated(), true);
            number(html, result.reordered(), true);
            number(html, result.late(), false);
            html.raw(result.invariantHolds() ? "<td>" : "<td class=\"bad\">").text(result.roomsVerdict()
                    + (result.invariantHolds() ? "" : "; sent = live + late + lost VIOLATED")).raw("</td>");
            html.raw("</tr>\n");
        }
        html.raw("</tbody></table>\n");
    }

    private static void number(Html html, long value, boolean badUnlessZero) {
        html.raw(badUnlessZero && value > 0 ? "<td class=\"n bad\">" : "<td class=\"n\">").text(Long.toString(value)).raw("</td>");
    }

    /** "crash-xmpp2 for 12.0 s", several joined by "; ", "none". */
    private static String faults(List<FaultWindow> faults) {
        if (faults.isEmpty()) {
            return "none";
        }
        return faults.stream().map(fault -> fault.description() + (fault.applied().isPresent() && fault.healed().isPresent()
                ? " for " + Format.seconds(fault.healed().get().minus(fault.applied().get())) : fault.healed().isEmpty() ? " (not healed)" : ""))
                .collect(Collectors.joining("; "));
    }
}
