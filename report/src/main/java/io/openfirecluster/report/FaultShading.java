package io.openfirecluster.report;

import io.openfirecluster.checker.FaultWindow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.time.Duration;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * One fault window on a chart over time: the plot's full height shaded from the apply to the heal,
 * with the fault's description written at its top (ROW-th line, so overlapping faults stay
 * readable). A fault the history never saw healed runs to the plot's right edge ("not healed"); a
 * heal without a recorded apply starts at the left edge.
 */
final class FaultShading extends Annotation {
    private static final Color FILL = new Color(213, 94, 0, 38);
    private static final Color EDGE = new Color(213, 94, 0, 160);
    private static final Color TEXT = new Color(0x8A3B00);

    private final FaultWindow fault;
    private final int row;

    FaultShading(FaultWindow fault, int row) {
        super(false);
        this.fault = fault;
        this.row = row;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        int left = getXAxisScreenValueForMin();
        int right = getXAxisScreenValueForMax();
        int top = Math.min(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
        int bottom = Math.max(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
        int from = clamp(fault.applied().map(this::x).orElse(left), left, right);
        int to = clamp(fault.healed().map(this::x).orElse(right), left, right);
        g.setColor(FILL);
        g.fillRect(from, top, Math.max(1, to - from), bottom - top);
        g.setColor(EDGE);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
        if (fault.applied().isPresent()) {
            g.drawLine(from, top, from, bottom);
        }
        if (fault.healed().isPresent()) {
            g.drawLine(to, top, to, bottom);
        }
        g.setFont(styler.getAnnotationTextFont());
        g.setColor(TEXT);
        FontMetrics metrics = g.getFontMetrics();
        String label = label();
        int width = metrics.stringWidth(label);
        // Inside the shade when it fits, else from its left edge on (still inside the plot).
        int x = Math.min(from + 4, right - width - 4);
        int y = top + (row + 1) * (metrics.getHeight() + 2);
        x = Math.max(left + 2, x);
        // A white back keeps the label readable over points and lines.
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(x - 2, y - metrics.getAscent(), width + 4, metrics.getHeight());
        g.setColor(TEXT);
        g.drawString(label, x, y);
        bounds = new Rectangle2D.Double(from, top, Math.max(1, to - from), bottom - top);
    }

    /** "fault: crash-xmpp2" with "(not healed)" or "(apply not recorded)" where the history lacks one end. */
    String label() {
        String missing = fault.healed().isEmpty() ? " (not healed)" : fault.applied().isEmpty() ? " (apply not recorded)" : "";
        return "fault: " + fault.description() + missing;
    }

    private int x(Duration at) {
        return getXAxisScreenValue(Charts.seconds(at.toNanos()));
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
