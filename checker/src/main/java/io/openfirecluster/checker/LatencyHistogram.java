package io.openfirecluster.checker;

import io.openfirecluster.control.Format;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;

/**
 * A histogram of delivery latencies as a PNG: equal bins from zero to the largest latency. Drawn on
 * a BufferedImage without any text, so it needs neither a display nor fonts (headless machines
 * often have none); the report's caption says what the axes are.
 */
public final class LatencyHistogram {
    static final int BINS = 40;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int MARGIN = 10;

    private final long[] counts;
    private final Duration binWidth;

    private LatencyHistogram(long[] counts, Duration binWidth) {
        this.counts = counts;
        this.binWidth = binWidth;
    }

    public static LatencyHistogram of(Latencies latencies) {
        long[] counts = new long[BINS];
        long max = Math.max(1, latencies.max().toNanos());
        long width = Math.max(1, (max + BINS - 1) / BINS);
        for (long nanos : latencies.sortedNanos()) {
            counts[(int) Math.min(BINS - 1, nanos / width)]++;
        }
        return new LatencyHistogram(counts, Duration.ofNanos(width));
    }

    /** How many latencies fall into each bin, bin i covering [i, i+1) bin widths. */
    public long[] counts() {
        return counts.clone();
    }

    public String caption() {
        return BINS + " bins of " + Format.millis(binWidth) + " from 0 to " + Format.millis(binWidth.multipliedBy(BINS))
                + "; bar height: deliveries per bin (tallest: " + tallest() + ")";
    }

    public void writePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            int plotWidth = WIDTH - 2 * MARGIN;
            int plotHeight = HEIGHT - 2 * MARGIN;
            int barWidth = plotWidth / BINS;
            long tallest = Math.max(1, tallest());
            graphics.setColor(new Color(0x3b6ea5));
            for (int bin = 0; bin < BINS; bin++) {
                int height = (int) Math.round((double) counts[bin] / tallest * plotHeight);
                graphics.fillRect(MARGIN + bin * barWidth + 1, HEIGHT - MARGIN - height, barWidth - 2, height);
            }
            graphics.setColor(Color.BLACK);
            graphics.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
            graphics.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
        } finally {
            graphics.dispose();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM for " + file);
        }
    }

    private long tallest() {
        long tallest = 0;
        for (long count : counts) {
            tallest = Math.max(tallest, count);
        }
        return tallest;
    }
}
