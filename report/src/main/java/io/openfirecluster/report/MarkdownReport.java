package io.openfirecluster.report;

import io.openfirecluster.checker.Agreement;
import io.openfirecluster.checker.Anomaly;
import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.DirectResult;
import io.openfirecluster.checker.FaultWindow;
import io.openfirecluster.checker.Latencies;
import io.openfirecluster.checker.PairResult;
import io.openfirecluster.checker.RoomResult;
import io.openfirecluster.topology.Format;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The human-readable report of one check: the counts, the same per kind of pair (same node, cross
 * node, cross domain, via the load balancer), the anomalies per kind (the first
 * {@value #LISTED_PER_KIND} of each), the rooms, the fault timeline and the live latency
 * percentiles, as Markdown.
 */
public final class MarkdownReport {
    /** How many anomalies of one kind are listed; the rest are counted. */
    static final int LISTED_PER_KIND = 20;

    private MarkdownReport() {
    }

    /** The report; HISTOGRAM_FILE is the latency PNG's file name beside the report, if one was written. */
    public static String render(CheckResult result, Optional<String> histogramFile) {
        StringBuilder out = new StringBuilder();
        DirectResult direct = result.direct();
        out.append("# Consistency: ").append(result.scenario()).append("\n\n");
        out.append("`").append(result.summaryLine()).append("`\n\n");
        out.append("History from ").append(result.start()).append(", spanning ").append(Format.seconds(result.span())).append(". ");
        out.append("Invariant sent = live + late + lost: ").append(result.invariantHolds() ? "holds" : "**VIOLATED**")
                .append(" (").append(direct.sent()).append(" = ").append(direct.live()).append(" + ")
                .append(direct.late()).append(" + ").append(direct.lost()).append(").\n\n");

        out.append("## 1:1 messages\n\n| count | messages | meaning |\n| --- | ---: | --- |\n");
        row(out, "sent", direct.sent(), "sendStanza returned on an authenticated connection");
        row(out, "acknowledged", direct.acked(), "the server acknowledged them (XEP-0198)");
        row(out, "delivered live", direct.live(), "first delivery in the normal course");
        row(out, "delivered late", direct.late(), "first delivery after a heal, or from offline storage");
        row(out, "lost", direct.lost(), "never delivered; " + direct.lostAcked() + " of them acknowledged, "
                + direct.bounced() + " bounced back with an error");
        row(out, "duplicated", direct.duplicated(), "delivered more than once to the same client");
        row(out, "reordered", direct.reordered(), "delivered after a higher sequence number of the same pair");
        row(out, "rerouted", direct.rerouted(), "delivered to another resource than the addressee");
        row(out, "delivered, never sent", direct.unsent(), "no send recorded for them");
        out.append('\n');

        pairs(out, direct.pairs());
        out.append("### Live delivery latency\n\n");
        latency(out, direct.latency());
        histogramFile.ifPresent(file -> out.append("![live delivery latency](").append(file).append(")\n\n")
                .append(LatencyHistogram.of(direct.latency()).caption()).append("\n\n"));
        anomalies(out, "### 1:1 anomalies", direct.anomalies());

        rooms(out, result.rooms());
        faults(out, result);
        return out.toString();
    }

    /** One row per kind of pair that occurred: where the messages went, what became of them, how fast the live ones were. */
    private static void pairs(StringBuilder out, List<PairResult> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        out.append("### By pair of sender and addressee\n\n")
                .append("| pair | sent | live | late | lost | duplicated | reordered | live p50 | live p90 | live p99 | live max |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (PairResult pair : pairs) {
            Latencies latency = pair.latency();
            out.append("| ").append(pair.pair().label()).append(" | ").append(pair.sent()).append(" | ").append(pair.live())
                    .append(" | ").append(pair.late()).append(" | ").append(pair.lost()).append(" | ").append(pair.duplicated())
                    .append(" | ").append(pair.reordered()).append(" | ").append(Format.millis(latency.percentile(50)))
                    .append(" | ").append(Format.millis(latency.percentile(90))).append(" | ").append(Format.millis(latency.percentile(99)))
                    .append(" | ").append(Format.millis(latency.max())).append(" |\n");
        }
        out.append('\n');
    }

    private static void rooms(StringBuilder out, List<RoomResult> rooms) {
        out.append("## Rooms\n\n");
        if (rooms.isEmpty()) {
            out.append("No room in this history.\n\n");
            return;
        }
        for (RoomResult room : rooms) {
            Agreement agreement = room.agreement();
            out.append("### ").append(room.room()).append("\n\n");
            out.append(room.sent()).append(" sent, ").append(room.missed()).append(" deliveries missed, ")
                    .append(room.duplicated()).append(" duplicated. Occupant lists: ").append(agreementText(agreement)).append(".\n\n");
            if (!room.missedByOccupant().isEmpty()) {
                out.append("| occupant | missed |\n| --- | ---: |\n");
                room.missedByOccupant().forEach((occupant, missed) -> out.append("| ").append(occupant).append(" | ").append(missed).append(" |\n"));
                out.append('\n');
            }
            if (!agreement.finalViews().isEmpty()) {
                out.append("| entry point | last view of the occupants |\n| --- | --- |\n");
                agreement.finalViews().forEach((entry, view) -> out.append("| ").append(entry).append(" | ")
                        .append(view.isEmpty() ? "(none)" : view).append(" |\n"));
                out.append('\n');
            }
            out.append("Delivery latency to occupants:\n\n");
            latency(out, room.latency());
            anomalies(out, "#### Room anomalies", room.anomalies());
        }
    }

    private static String agreementText(Agreement agreement) {
        String since = agreement.reference().isZero() ? "the start" : "the last heal (" + offset(agreement.reference()) + ")";
        return switch (agreement.status()) {
            case AGREE -> "agree " + Format.seconds(agreement.agreeAfter().orElseThrow()) + " after " + since;
            case DISAGREE -> "**disagree** at the end";
            case NOT_OBSERVED -> "not observed";
        };
    }

    private static void faults(StringBuilder out, CheckResult result) {
        out.append("## Fault timeline\n\n");
        if (result.faults().isEmpty()) {
            out.append("No fault in this history.\n");
            return;
        }
        out.append("| fault | applied | healed | lasted |\n| --- | --- | --- | --- |\n");
        for (FaultWindow fault : result.faults()) {
            String lasted = fault.applied().isPresent() && fault.healed().isPresent()
                    ? Format.seconds(fault.healed().get().minus(fault.applied().get())) : "";
            out.append("| ").append(fault.description())
                    .append(" | ").append(fault.applied().map(at -> moment(result, at)).orElse("(not recorded)"))
                    .append(" | ").append(fault.healed().map(at -> moment(result, at)).orElse("(not healed)"))
                    .append(" | ").append(lasted).append(" |\n");
        }
    }

    private static void latency(StringBuilder out, Latencies latency) {
        out.append("| p50 | p90 | p99 | max | deliveries |\n| ---: | ---: | ---: | ---: | ---: |\n| ")
                .append(Format.millis(latency.percentile(50))).append(" | ").append(Format.millis(latency.percentile(90))).append(" | ")
                .append(Format.millis(latency.percentile(99))).append(" | ").append(Format.millis(latency.max())).append(" | ")
                .append(latency.count()).append(" |\n\n");
    }

    private static void anomalies(StringBuilder out, String heading, List<Anomaly> anomalies) {
        if (anomalies.isEmpty()) {
            return;
        }
        out.append(heading).append("\n\n");
        Map<Anomaly.Kind, List<Anomaly>> byKind = anomalies.stream()
                .collect(Collectors.groupingBy(Anomaly::kind, TreeMap::new, Collectors.toList()));
        byKind.forEach((kind, list) -> {
            out.append("- ").append(kind).append(": ").append(list.size()).append('\n');
            list.stream().limit(LISTED_PER_KIND).forEach(anomaly -> out.append("  - ").append(anomaly.describe()).append('\n'));
            if (list.size() > LISTED_PER_KIND) {
                out.append("  - ... and ").append(list.size() - LISTED_PER_KIND).append(" more (see the JSON history)\n");
            }
        });
        out.append('\n');
    }

    private static void row(StringBuilder out, String count, long value, String meaning) {
        out.append("| ").append(count).append(" | ").append(value).append(" | ").append(meaning).append(" |\n");
    }

    private static String moment(CheckResult result, Duration at) {
        return offset(at) + " (" + result.start().plus(at) + ")";
    }

    private static String offset(Duration at) {
        return "+" + Format.seconds(at);
    }
}
