package io.openfirecluster.report;

import io.openfirecluster.checker.Latencies;
import io.openfirecluster.topology.Format;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram of live delivery latencies on a log scale: {@value #BINS_PER_DECADE} bins per power of
 * ten, from the decade of the fastest delivery to that of the slowest (live deliveries take from a
 * fraction of a millisecond to seconds when a node stalls; equal linear bins would put nearly all
 * of them into the first). Dashed lines mark p50, p99 and the maximum, which a tail of a few
 * deliveries among thousands would not show as bars.
 */
public final class LatencyHistogram {
    static final int BINS_PER_DECADE = 10;

    private final long[] counts;
    private final double lowestMillis;
    private final Latencies latencies;

    private LatencyHistogram(long[] counts, double lowestMillis, Latencies latencies) {
        this.counts = counts;
        this.lowestMillis = lowestMillis;
        this.latencies = latencies;
    }

    public static LatencyHistogram of(Latencies latencies) {
        long[] sorted = latencies.sortedNanos();
        double fastest = sorted.length == 0 ? 1 : Math.max(LatencyTimeline.FLOOR_MILLIS, sorted[0] / 1e6);
        double slowest = sorted.length == 0 ? 1 : Math.max(fastest, sorted[sorted.length - 1] / 1e6);
        int lowestDecade = (int) Math.floor(Math.log10(fastest));
        int decades = Math.max(1, (int) Math.floor(Math.log10(slowest)) + 1 - lowestDecade);
        long[] counts = new long[decades * BINS_PER_DECADE];
        double lowest = Math.pow(10, lowestDecade);
        LatencyHistogram histogram = new LatencyHistogram(counts, lowest, latencies);
        for (long nanos : sorted) {
            counts[histogram.binOf(Math.max(LatencyTimeline.FLOOR_MILLIS, nanos / 1e6))]++;
        }
        return histogram;
    }

    /** The bin MILLIS falls into: the logarithm's guess, corrected where rounding put it next to an edge. */
    private int binOf(double millis) {
        int bin = Math.max(0, Math.min(counts.length - 1, (int) Math.floor(Math.log10(millis / lowestMillis) * BINS_PER_DECADE)));
        while (bin + 1 < counts.length && edgeMillis(bin + 1) <= millis) {
            bin++;
        }
        while (bin > 0 && edgeMillis(bin) > millis) {
            bin--;
        }
        return bin;
    }

    /** How many latencies fall into each bin, bin i covering [{@link #edgeMillis}(i), edgeMillis(i+1)). */
    public long[] counts() {
        return counts.clone();
    }

    /** The lower edge of bin I in milliseconds (I = the number of bins: the upper edge of the last). */
    public double edgeMillis(int bin) {
        return lowestMillis * Math.pow(10, (double) bin / BINS_PER_DECADE);
    }

    public String caption() {
        return latencies.count() + " live deliveries in " + counts.length + " bins from " + Charts.number(edgeMillis(0)) + " to "
                + Charts.number(edgeMillis(counts.length)) + " ms, " + BINS_PER_DECADE
                + " per power of ten (log scale); the tallest holds " + tallest();
    }

    /** The chart; TITLE names the scenario. */
    public XYChart chart(String title) {
        XYChart chart = Charts.xy(title, "latency (ms, log scale)", "deliveries per bin");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0.##"); // XChart's default writes 10000 as 1E4
        chart.getStyler().setXAxisMin(edgeMillis(0));
        chart.getStyler().setXAxisMax(edgeMillis(counts.length));
        chart.getStyler().setYAxisMin(0.0);
        double top = Math.max(1, tallest()) * 1.1;
        chart.getStyler().setYAxisMax(top);
        double[] x = new double[counts.length + 1];
        double[] y = new double[counts.length + 1];
        for (int bin = 0; bin <= counts.length; bin++) {
            x[bin] = edgeMillis(bin);
            y[bin] = counts[Math.min(bin, counts.length - 1)];
        }
        XYSeries bars = chart.addSeries("live deliveries (" + latencies.count() + ")", x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setLineColor(Charts.LIVE);
        bars.setFillColor(new Color(Charts.LIVE.getRed(), Charts.LIVE.getGreen(), Charts.LIVE.getBlue(), 150));
        mark(chart, "p50 " + Format.millis(latencies.percentile(50)), latencies.percentile(50), top, new Color(0x009E73));
        mark(chart, "p99 " + Format.millis(latencies.percentile(99)), latencies.percentile(99), top, new Color(0xE69F00));
        mark(chart, "max " + Format.millis(latencies.max()), latencies.max(), top, Charts.LATE);
        return chart;
    }

    public void writePng(String title, Path file) throws IOException {
        Charts.writePng(chart(title), file);
    }

    /** A dashed vertical line at AT, named in the legend. */
    private static void mark(XYChart chart, String name, Duration at, double top, Color colour) {
        double millis = Math.max(LatencyTimeline.FLOOR_MILLIS, at.toNanos() / 1e6);
        XYSeries line = chart.addSeries(name, new double[] {millis, millis}, new double[] {0, top});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(colour);
        line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    private long tallest() {
        long tallest = 0;
        for (long count : counts) {
            tallest = Math.max(tallest, count);
        }
        return tallest;
    }
}
