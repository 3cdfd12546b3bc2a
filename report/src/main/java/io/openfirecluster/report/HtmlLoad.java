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
            html.table(LoadReport.STEP_HEADER, LoadReport.stepRows(result.steps(), result.knee()));
            if (!result.tsung().isEmpty()) {
                html.element("p", "Tsung, same lab, same plan (it measures no time to deliver; \"server delivered\" is the nodes' own count, the meter both tools share):");
                html.table(LoadReport.STEP_HEADER, LoadReport.stepRows(result.tsung(), result.tsungKeptUpStep().map(result.tsung()::indexOf).orElse(-1)));
            }
            figure(html, LoadCharts.curve(result), "Delivered messages a second (left axis) and the p99 time to deliver (right axis) against the rate offered; the knee is the last step within the limit.");
        }
        if (!result.failovers().isEmpty()) {
            html.table(LoadReport.FAILOVER_HEADER, LoadReport.failoverRows(result.failovers()));
            figure(html, LoadCharts.reconnection(result), "Clients logged in over the seconds after each node went: the dip is its clients dropping, the climb their logins again through the load balancer.");
        }
        return html.toString();
    }

    private static void figure(Html html, org.knowm.xchart.XYChart chart, String caption) {
        html.raw("<figure><img alt=\"").text(chart.getTitle()).raw("\" src=\"").raw(Html.pngDataUri(Charts.png(chart))).raw("\"><figcaption>")
                .text(caption).raw("</figcaption></figure>\n");
    }
}
