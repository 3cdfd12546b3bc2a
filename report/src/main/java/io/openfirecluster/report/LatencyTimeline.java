package io.openfirecluster.report;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.Delivery;
import io.openfirecluster.checker.PairKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Delivery latency over time, like Jepsen's latency plots: one point per first delivery of a 1:1
 * message, at its send time (seconds since the run's start) and its latency (log scale: live
 * deliveries take milliseconds, late ones seconds), coloured by the way it travelled. Late
 * deliveries (after a heal, or from offline storage) are crosses, live ones dots; the fault
 * windows are shaded.
 */
public final class LatencyTimeline {
    /**
     * Latencies below this are drawn at it: a log axis has no zero, and the workload's clock cannot
     * tell such deliveries apart anyway.
     */
    static final double FLOOR_MILLIS = 0.1;

    private LatencyTimeline() {
    }

    /** The chart, or none when nothing was delivered. */
    public static Optional<XYChart> chart(CheckResult result) {
        List<Delivery> deliveries = result.direct().deliveries();
        if (deliveries.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = Charts.overTime(result.scenario() + ": 1:1 delivery latency by send time (dots: live, crosses: late)",
                "latency (ms, log scale)", result);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        double slowest = deliveries.stream().mapToDouble(delivery -> millis(delivery)).max().orElse(1);
        double fastest = deliveries.stream().mapToDouble(delivery -> millis(delivery)).min().orElse(1);
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest))));
        // Head room above the slowest point for the fault's label.
        chart.getStyler().setYAxisMax(slowest * 5);
        chart.getStyler().setMarkerSize(5);
        Map<PairKind, Points> live = byPair(deliveries, false);
        Map<PairKind, Points> late = byPair(deliveries, true);
        for (PairKind pair : PairKind.values()) {
            int liveCount = live.containsKey(pair) ? live.get(pair).x.size() : 0;
            int lateCount = late.containsKey(pair) ? late.get(pair).x.size() : 0;
            if (liveCount + lateCount == 0) {
                continue;
            }
            // One legend entry per way, under its live series (or its late one when none was live).
            String legend = pair.label() + " " + liveCount + (lateCount > 0 ? " + " + lateCount + " late" : "");
            if (liveCount > 0) {
                add(chart, legend, live.get(pair), pair, false, true);
            }
            if (lateCount > 0) {
                add(chart, liveCount > 0 ? pair.label() + ", late" : legend, late.get(pair), pair, true, liveCount == 0);
            }
        }
        return Optional.of(chart);
    }

    private static void add(XYChart chart, String name, Points points, PairKind pair, boolean late, boolean inLegend) {
        XYSeries series = chart.addSeries(name, points.x, points.y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(late ? SeriesMarkers.CROSS : SeriesMarkers.CIRCLE);
        series.setMarkerColor(Charts.colour(pair));
        series.setShowInLegend(inLegend);
    }

    private static Map<PairKind, Points> byPair(List<Delivery> deliveries, boolean late) {
        Map<PairKind, Points> points = new EnumMap<>(PairKind.class);
        for (Delivery delivery : deliveries) {
            if (delivery.late() == late) {
                Points of = points.computeIfAbsent(delivery.pair(), pair -> new Points());
                of.x.add(Charts.seconds(delivery.sentNanos()));
                of.y.add(millis(delivery));
            }
        }
        return points;
    }

    private static double millis(Delivery delivery) {
        return Math.max(FLOOR_MILLIS, Charts.millis(delivery.latencyNanos()));
    }

    private static final class Points {
        final List<Double> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
    }
}
