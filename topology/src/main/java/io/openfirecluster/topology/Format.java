package io.openfirecluster.topology;

import java.time.Duration;
import java.util.Locale;

/**
 * How the lab prints measured numbers, everywhere: one decimal, a point as the decimal separator
 * whatever the machine's locale (Locale.ROOT), so reports from different machines read alike.
 */
public final class Format {
    private Format() {
    }

    /** "2.5 s". */
    public static String seconds(Duration duration) {
        return decimal(duration.toMillis() / 1000.0) + " s";
    }

    /** "4.1 ms". */
    public static String millis(Duration duration) {
        return decimal(duration.toNanos() / 1e6) + " ms";
    }

    /** "2.5": one decimal. */
    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
