package io.openfirecluster.report;

import java.util.List;

/** A load run's section of index.html: the plan, the knee, the curve or the failovers, their pictures. */
final class HtmlLoad {
    private HtmlLoad() {
    }

    static String render(LoadResult result, String fileBase) {
        Html html = new Html();
        html.raw("<h2 id=\"").text(fileBase).raw("\">").text("Load: " + result.profile() + " (" + result.start() + ")").raw("</h2>\n");
        html.raw("<ul>\n");
        html.element("li", "plan: " + result.plan()).raw("\n");
        html.element("li", "nodes: " + result.nodesJvm()).raw("\n");
        html.element("li", "clients: " + result.clientsReached() + " of " + result.clientsPlanned() + " logged in").raw("\n");
        if (!result.shortfall().isEmpty()) {
            html.raw("<li class=\"bad\">").text("short of the plan: " + result.shortfall()).raw("</li>\n");
        }
        html.element("li", "ended: " + result.stop()).raw("\n");
        if (!result.steps().isEmpty()) {
            html.element("li", LoadReport.kneeLine("lab", result)).raw("\n");
        }
        LoadReport.comparison(result).forEach(line -> html.element("li", line).raw("\n"));
        html.element("li", "checker: " + result.checker()).raw("\n");
        html.raw("</ul>\n");
        if (!result.steps().isEmpty()) {
            html.raw(markdownTable(LoadReport.stepsTable(result.steps(), result.knee())));
            if (!result.tsung().isEmpty()) {
                html.element("p", "Tsung, same lab, same plan (it measures no time to deliver; \"server delivered\" is the nodes' own count, the meter both tools share):");
                html.raw(markdownTable(LoadReport.stepsTable(result.tsung(), result.tsungKeptUpStep().map(result.tsung()::indexOf).orElse(-1))));
            }
            figure(html, LoadCharts.curve(result), "Delivered messages a second (left axis) and the p99 time to deliver (right axis) against the rate offered; the knee is the last step within the limit.");
        }
        if (!result.failovers().isEmpty()) {
            String md = LoadReport.markdown(result);
            html.raw(markdownTable(md.substring(md.indexOf("| action"))));
            figure(html, LoadCharts.reconnection(result), "Clients logged in over the seconds after each node went: the dip is its clients dropping, the climb their logins again through the load balancer.");
        }
        return html.toString();
    }

    private static void figure(Html html, org.knowm.xchart.XYChart chart, String caption) {
        html.raw("<figure><img alt=\"").text(chart.getTitle()).raw("\" src=\"").raw(Html.pngDataUri(Charts.png(chart))).raw("\"><figcaption>")
                .text(caption).raw("</figcaption></figure>\n");
    }

    /** A Markdown table of LoadReport's as an HTML table (same cells, escaped). */
    private static String markdownTable(String markdown) {
        List<String> lines = markdown.lines().filter(line -> line.startsWith("|")).toList();
        if (lines.size() < 2) {
            return "";
        }
        Html html = new Html();
        html.table(cells(lines.get(0)), lines.subList(2, lines.size()).stream().map(HtmlLoad::cells).toList());
        return html.toString();
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        return java.util.Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
