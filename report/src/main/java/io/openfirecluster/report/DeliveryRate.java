package io.openfirecluster.report;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.Delivery;
import io.openfirecluster.checker.Event;
import io.openfirecluster.checker.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * 1:1 messages per second over the run: sent (by send time) against first delivered, live and
 * late (by receive time), in one-second steps, the fault windows shaded. Where the delivered line
 * drops under the sent one, messages waited or were lost; a burst of late ones after a heal is
 * what was held back.
 */
public final class DeliveryRate {
    /** How far before the next second a step ends: invisible, and it keeps the x values unequally spaced. */
    private static final double STEP_EDGE = 1e-6;

    private DeliveryRate() {
    }

    /** The chart of RESULT, whose sends HISTORY records (the result keeps only delivered messages' times). */
    public static XYChart chart(CheckResult result, History history) {
        int seconds = (int) Charts.spanSeconds(result);
        double[] sent = new double[seconds];
        double[] live = new double[seconds];
        double[] late = new double[seconds];
        Set<String> counted = new HashSet<>();
        for (Event send : history.ofKind(Event.Kind.SEND)) {
            if (counted.add(send.messageId())) {
                sent[second(send.nanos(), seconds)]++;
            }
        }
        for (Delivery delivery : result.direct().deliveries()) {
            (delivery.late() ? late : live)[second(delivery.receivedNanos(), seconds)]++;
        }
        XYChart chart = Charts.overTime(result.scenario() + ": 1:1 messages per second", "messages per second", result);
        chart.getStyler().setYAxisMin(0.0);
        // Head room for the fault's label above the lines.
        chart.getStyler().setYAxisMax(Math.max(1, Math.max(max(sent), Math.max(max(live), max(late)))) * 1.2);
        chart.getStyler().setYAxisDecimalPattern("0");
        add(chart, "delivered live (by receive time)", live, Charts.LIVE, 2f, XYSeries.XYSeriesRenderStyle.Area);
        add(chart, "delivered late (by receive time)", late, Charts.LATE, 2f, XYSeries.XYSeriesRenderStyle.Line);
        add(chart, "sent (by send time)", sent, Charts.SENT, 1.5f, XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    /** The step of NANOS: second i covers [i, i+1) s since the start; the last one takes the span's end. */
    private static int second(long nanos, int seconds) {
        return (int) Math.max(0, Math.min(seconds - 1, nanos / 1_000_000_000L));
    }

    /**
     * COUNTS as steps, second i's count drawn flat from i to just before i+1, where the next step
     * rises or falls. Two points per second, not XChart's step style: x values one second apart
     * each would get a tick label (XChart labels every value of an equally spaced x axis).
     */
    private static void add(XYChart chart, String name, double[] counts, Color colour, float width,
                            XYSeries.XYSeriesRenderStyle style) {
        double[] x = new double[2 * counts.length];
        double[] y = new double[2 * counts.length];
        for (int second = 0; second < counts.length; second++) {
            x[2 * second] = second;
            x[2 * second + 1] = second + 1 - STEP_EDGE;
            y[2 * second] = counts[second];
            y[2 * second + 1] = counts[second];
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(style);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineStyle(new BasicStroke(width));
        series.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
