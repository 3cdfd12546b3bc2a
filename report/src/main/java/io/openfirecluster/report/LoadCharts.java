package io.openfirecluster.report;

import java.awt.BasicStroke;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The load run's pictures: the capacity curve (delivered messages a second and p99 time to
 * deliver against the offered rate, the limit's knee marked by where the lines part) and the
 * reconnection curve of a failover (clients logged in over the seconds after the node went).
 */
final class LoadCharts {
    private LoadCharts() {
    }

    /** Delivered rate (left axis) and p99 in ms (right axis) against the offered rate, the lab's and, when it ran, Tsung's. */
    static XYChart curve(LoadResult result) {
        XYChart chart = Charts.xy("Capacity curve: " + result.clientsReached() + " clients", "offered messages per second", "delivered messages per second");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "p99 time to deliver (ms)");
        add(chart, "lab: delivered/s", result.steps(), false, 0, Charts.LIVE);
        add(chart, "lab: p99 ms", result.steps(), true, 1, Charts.LATE);
        if (!result.steps().isEmpty() && result.limitMillis() > 0) {
            double[] x = {0, result.steps().stream().mapToDouble(LoadResult.LoadStep::offeredRate).max().orElse(1)};
            XYSeries limit = chart.addSeries("p99 limit", x, new double[] {result.limitMillis(), result.limitMillis()});
            limit.setYAxisGroup(1);
            limit.setMarker(SeriesMarkers.NONE);
            limit.setLineColor(Charts.SENT);
            limit.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        if (!result.tsung().isEmpty()) {
            add(chart, "tsung: delivered/s (server's count)", result.tsung(), false, 0, Charts.SENT);
        }
        return chart;
    }

    /** Clients logged in over the seconds since each failover's action, one line per action. */
    static XYChart reconnection(LoadResult result) {
        XYChart chart = Charts.xy("Reconnection: clients logged in after a node went", "seconds since the node went", "clients logged in");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        for (LoadResult.Failover failover : result.failovers()) {
            if (failover.curve().isEmpty()) {
                continue;
            }
            double[] x = failover.curve().stream().mapToDouble(point -> point[0]).toArray();
            double[] y = failover.curve().stream().mapToDouble(point -> point[1]).toArray();
            XYSeries series = chart.addSeries(failover.action(), x, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(new BasicStroke(2f));
        }
        return chart;
    }

    private static void add(XYChart chart, String name, List<LoadResult.LoadStep> steps, boolean p99, int axis, java.awt.Color colour) {
        double[] x = steps.stream().mapToDouble(LoadResult.LoadStep::offeredRate).toArray();
        // A p99 over missing messages is infinite: drawn at the top of the step's delivered ones (max) so the line stays on the chart.
        double[] y = steps.stream().mapToDouble(step -> p99 ? (Double.isFinite(step.p99Millis()) ? step.p99Millis() : finiteOr(step.maxMillis()))
                : step.sent() == 0 ? 0 : step.offeredRate() * step.delivered() / step.sent()).toArray();
        if (x.length == 0) {
            return;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setYAxisGroup(axis);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setLineStyle(new BasicStroke(2f));
    }

    private static double finiteOr(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
