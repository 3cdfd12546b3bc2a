package io.openfirecluster.report;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.PairKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * What the report's charts share: their size, fonts and colours (one colour per {@link PairKind},
 * the same in every chart), the x axis of the charts over time (seconds since the run's start,
 * the same range in each, so they line up one above the other) and turning a chart into PNG bytes.
 */
final class Charts {
    static final int WIDTH = 960;
    static final int HEIGHT = 380;
    /** The y axis (title and labels) takes this width in every chart, so the plots of one scenario line up (room for "100000"). */
    private static final int Y_AXIS_WIDTH = 84;

    /** Okabe and Ito's palette: told apart by people with any common colour blindness. */
    private static final Map<PairKind, Color> PAIR_COLOURS = Map.of(
            PairKind.SAME_NODE, new Color(0x0072B2),
            PairKind.CROSS_NODE, new Color(0xE69F00),
            PairKind.CROSS_DOMAIN, new Color(0x009E73),
            PairKind.VIA_LB, new Color(0xCC79A7));
    static final Color LIVE = new Color(0x56B4E9);
    static final Color LATE = new Color(0xD55E00);
    static final Color SENT = new Color(0x555555);

    private Charts() {
    }

    static Color colour(PairKind pair) {
        return PAIR_COLOURS.get(pair);
    }

    /** An empty chart with the report's style: TITLE over it, the axes' titles, the legend below the plot. */
    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(0xE4E4E4));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setYAxisLeftWidthHint(Y_AXIS_WIDTH);
        styler.setChartPadding(8);
        styler.setAntiAlias(true);
        // XChart formats numbers in the machine's locale by default; the lab's numbers read alike everywhere.
        styler.setLocale(Locale.ROOT);
        return chart;
    }

    /** A chart over the run's time: x from 0 to SPAN_SECONDS, the fault windows shaded and labelled. */
    static XYChart overTime(String title, String yTitle, CheckResult result) {
        XYChart chart = xy(title, "time since the run's start (s)", yTitle);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(spanSeconds(result));
        for (int row = 0; row < result.faults().size(); row++) {
            chart.addAnnotation(new FaultShading(result.faults().get(row), row));
        }
        return chart;
    }

    /** The run's span in seconds, at least one (an axis needs a range). */
    static double spanSeconds(CheckResult result) {
        return Math.max(1.0, Math.ceil(result.span().toNanos() / 1e9));
    }

    /** A tick label: "1500", "2.5", "0.1" (at most two decimals, a point, no grouping: Locale.ROOT). */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** The chart as PNG. */
    static byte[] png(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory", e);
        }
        return out.toByteArray();
    }

    static void writePng(Chart<?, ?> chart, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png(chart));
    }
}
