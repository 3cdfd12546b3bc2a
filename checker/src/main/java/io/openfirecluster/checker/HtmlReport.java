package io.openfirecluster.checker;

import java.util.ArrayList;
import java.util.List;

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
            th { background: #f2f2f2; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.bad td { background: #fde8e1; }
            .bad { color: #b03000; }
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
        return html.raw("</body>\n</html>\n").toString();
    }

    private static void overview(Html html, List<HtmlScenario.Run> runs) {
        html.raw("<table><thead><tr>");
        for (String header : List.of("scenario", "started", "sent", "lost", "duplicated", "reordered", "late", "rooms")) {
            html.element("th", header);
        }
        html.raw("</tr></thead><tbody>\n");
        for (HtmlScenario.Run run : runs) {
            CheckResult result = run.result();
            boolean bad = result.lost() > 0 || result.duplicated() > 0 || result.reordered() > 0 || !result.invariantHolds();
            html.raw(bad ? "<tr class=\"bad\">" : "<tr>").raw("<td><a href=\"#").text(run.anchor()).raw("\">")
                    .text(result.scenario()).raw("</a></td>");
            html.element("td", result.start().toString());
            List<String> numbers = new ArrayList<>();
            for (long value : new long[] {result.sent(), result.lost(), result.duplicated(), result.reordered(), result.late()}) {
                numbers.add(Long.toString(value));
            }
            numbers.forEach(number -> html.raw("<td class=\"n\">").text(number).raw("</td>"));
            html.element("td", result.roomsVerdict());
            html.raw("</tr>\n");
        }
        html.raw("</tbody></table>\n");
    }
}
