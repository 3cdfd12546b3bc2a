package io.openfirecluster.checker;

import java.time.Duration;
import java.util.Locale;

/** How the checker prints durations: the lab's one-decimal seconds ("2.5 s") and milliseconds ("4.1 ms"). */
final class Format {
    private Format() {
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }
}
