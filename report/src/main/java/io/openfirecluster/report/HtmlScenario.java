package io.openfirecluster.report;

import io.openfirecluster.checker.Agreement;
import io.openfirecluster.checker.Anomaly;
import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.Delivery;
import io.openfirecluster.checker.DirectResult;
import io.openfirecluster.checker.FaultWindow;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.Latencies;
import io.openfirecluster.checker.PairKind;
import io.openfirecluster.checker.RoomResult;
import io.openfirecluster.topology.Format;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;

/**
 * One scenario's section of the HTML report: the summary, the 1:1 counts, the deliveries per pair
 * kind, the three charts (embedded as data: URIs, so the page stands alone), the fault timeline,
 * the rooms and the anomalies with their details (the first {@value #LISTED_PER_KIND} of each kind).
 */
final class HtmlScenario {
    static final int LISTED_PER_KIND = 100;
    private static final int OPEN_UP_TO = 20;

    private HtmlScenario() {
    }

    /** A checked history and the base name of its files in the directory ("consistency-none"). */
    record Run(String fileBase, CheckResult result, History history) {
        String anchor() {
            return fileBase;
        }
    }

    static String render(Run run) {
        CheckResult result = run.result();
        DirectResult direct = result.direct();
        Html html = new Html();
        html.raw("<section id=\"").text(run.anchor()).raw("\">\n");
        html.element("h2", result.scenario());
        html.raw("<p class=\"summary\"><code>").text(result.summaryLine()).raw("</code></p>\n");
        html.raw("<p>History from ").text(result.start().toString()).raw(", spanning ").text(Format.seconds(result.span()))
                .raw(". Invariant sent = live + late + lost: ")
                .raw(result.invariantHolds() ? "holds" : "<strong class=\"bad\">VIOLATED</strong>")
                .text(" (" + direct.sent() + " = " + direct.live() + " + " + direct.late() + " + " + direct.lost() + ").")
                .raw(" Files: <a href=\"").text(Html.fileHref(run.fileBase() + ".json")).raw("\">the history (JSON)</a>, <a href=\"")
                .text(Html.fileHref(run.fileBase() + ".md")).raw("\">the Markdown report</a>.</p>\n");

        html.element("h3", "1:1 messages");
        html.table(List.of("count", "messages", "meaning"), List.of(
                List.of("sent", n(direct.sent()), "sendStanza returned on an authenticated connection"),
                List.of("acknowledged", n(direct.acked()), "the server acknowledged them (XEP-0198)"),
                List.of("delivered live", n(direct.live()), "first delivery in the normal course"),
                List.of("delivered late", n(direct.late()), "first delivery after a heal, or from offline storage"),
                List.of("lost", n(direct.lost()), "never delivered; " + direct.lostAcked() + " of them acknowledged, "
                        + direct.bounced() + " bounced back with an error"),
                List.of("duplicated", n(direct.duplicated()), "delivered more than once to the same client"),
                List.of("reordered", n(direct.reordered()), "delivered after a higher sequence number of the same pair"),
                List.of("rerouted", n(direct.rerouted()), "delivered to another resource than the addressee"),
                List.of("delivered, never sent", n(direct.unsent()), "no send recorded for them")));

        html.element("h3", "Deliveries by the way they travelled");
        html.table(List.of("pair", "delivered", "of them late", "live p50", "live p99", "live max"), byPair(direct.deliveries()));

        html.element("h3", "Over time");
        String shaded = result.faults().isEmpty() ? "" : result.faults().size() == 1 ? " Shaded: the fault window." : " Shaded: the fault windows.";
        Optional<XYChart> timeline = LatencyTimeline.chart(result);
        timeline.ifPresent(chart -> figure(html, chart, "Every first delivery of a 1:1 message: its send time and latency "
                + "(log scale), coloured by the way it travelled; crosses were late (after a heal, or from offline storage)." + shaded));
        if (timeline.isEmpty()) {
            html.element("p", "No 1:1 message was delivered: no latency to draw.");
        }
        figure(html, DeliveryRate.chart(result, run.history()), "1:1 messages sent (by send time) and first delivered "
                + "(by receive time) per second: where delivered falls under sent, messages waited or were lost." + shaded);
        if (direct.latency().count() > 0) {
            LatencyHistogram histogram = LatencyHistogram.of(direct.latency());
            figure(html, histogram.chart(ReportWriter.histogramTitle(result)), histogram.caption() + ".");
        }

        faults(html, result);
        rooms(html, result.rooms());
        anomalies(html, "1:1 anomalies", direct.anomalies());
        for (RoomResult room : result.rooms()) {
            anomalies(html, "Room anomalies: " + room.room(), room.anomalies());
        }
        return html.raw("</section>\n").toString();
    }

    private static List<List<String>> byPair(List<Delivery> deliveries) {
        Map<PairKind, List<Delivery>> byPair = deliveries.stream()
                .collect(Collectors.groupingBy(Delivery::pair, () -> new EnumMap<>(PairKind.class), Collectors.toList()));
        List<List<String>> rows = new ArrayList<>();
        byPair.forEach((pair, list) -> {
            Latencies live = Latencies.of(list.stream().filter(delivery -> !delivery.late()).map(Delivery::latencyNanos).toList());
            long late = list.stream().filter(Delivery::late).count();
            rows.add(List.of(pair.label(), n(list.size()), n(late), Format.millis(live.percentile(50)),
                    Format.millis(live.percentile(99)), Format.millis(live.max())));
        });
        if (rows.isEmpty()) {
            rows.add(List.of("(nothing delivered)", "0", "0", "", "", ""));
        }
        return rows;
    }

    private static void figure(Html html, XYChart chart, String caption) {
        html.raw("<figure><img src=\"").raw(Html.pngDataUri(Charts.png(chart))).raw("\" width=\"" + chart.getWidth()
                + "\" height=\"" + chart.getHeight() + "\" alt=\"").text(chart.getTitle()).raw("\"><figcaption>")
                .text(caption).raw("</figcaption></figure>\n");
    }

    private static void faults(Html html, CheckResult result) {
        html.element("h3", "Fault timeline");
        if (result.faults().isEmpty()) {
            html.element("p", "No fault in this history.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (FaultWindow fault : result.faults()) {
            String lasted = fault.applied().isPresent() && fault.healed().isPresent()
                    ? Format.seconds(fault.healed().get().minus(fault.applied().get())) : "";
            rows.add(List.of(fault.description(), fault.applied().map(at -> moment(result, at)).orElse("(not recorded)"),
                    fault.healed().map(at -> moment(result, at)).orElse("(not healed)"), lasted));
        }
        html.table(List.of("fault", "applied", "healed", "lasted"), rows);
    }

    private static void rooms(Html html, List<RoomResult> rooms) {
        html.element("h3", "Rooms");
        if (rooms.isEmpty()) {
            html.element("p", "No room in this history.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RoomResult room : rooms) {
            rows.add(List.of(room.room(), n(room.sent()), n(room.missed()), n(room.duplicated()), agreement(room.agreement()),
                    Format.millis(room.latency().percentile(50)), Format.millis(room.latency().percentile(99))));
        }
        html.table(List.of("room", "sent", "deliveries missed", "duplicated", "occupant lists", "latency p50", "latency p99"), rows);
    }

    private static String agreement(Agreement agreement) {
        String since = agreement.reference().isZero() ? "the start" : "the last heal (+" + Format.seconds(agreement.reference()) + ")";
        return switch (agreement.status()) {
            case AGREE -> "agree " + Format.seconds(agreement.agreeAfter().orElseThrow()) + " after " + since;
            case DISAGREE -> "disagree at the end";
            case NOT_OBSERVED -> "not observed";
        };
    }

    private static void anomalies(Html html, String heading, List<Anomaly> anomalies) {
        if (anomalies.isEmpty()) {
            return;
        }
        html.element("h3", heading);
        Map<Anomaly.Kind, List<Anomaly>> byKind = anomalies.stream()
                .collect(Collectors.groupingBy(Anomaly::kind, TreeMap::new, Collectors.toList()));
        byKind.forEach((kind, list) -> {
            // Short lists open, long ones a click away: the page stays readable at a glance.
            html.raw(list.size() <= OPEN_UP_TO ? "<details open><summary>" : "<details><summary>").text(kind + ": " + list.size()).raw("</summary><ul>\n");
            list.stream().limit(LISTED_PER_KIND).forEach(anomaly -> html.element("li", anomaly.describe()).raw("\n"));
            if (list.size() > LISTED_PER_KIND) {
                html.element("li", "... and " + (list.size() - LISTED_PER_KIND) + " more (see the JSON history)");
            }
            html.raw("</ul></details>\n");
        });
    }

    private static String moment(CheckResult result, Duration at) {
        return "+" + Format.seconds(at) + " (" + result.start().plus(at) + ")";
    }

    private static String n(long value) {
        return Long.toString(value);
    }
}
