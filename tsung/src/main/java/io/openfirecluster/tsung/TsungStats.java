package io.openfirecluster.tsung;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tsung's own statistics, from its tsung.log (text backend): a block of "stats: NAME ..." lines
 * every dump interval and at the end. A sample (a transaction, a request's time) is
 * "NAME COUNT MEAN STDDEV MAX MIN MEAN_SO_FAR COUNT_SO_FAR" with COUNT for that interval only, so
 * its total is the sum of the blocks' COUNTs; a counter is "NAME IN_INTERVAL TOTAL" (for "users":
 * now and most at once), whose last TOTAL counts.
 */
public record TsungStats(Map<String, Long> samples, Map<String, Long> counters) {
    public TsungStats {
        samples = Collections.unmodifiableMap(new TreeMap<>(samples));
        counters = Collections.unmodifiableMap(new TreeMap<>(counters));
    }

    /** The statistics in the text of a tsung.log; lines that are not statistics are skipped. */
    public static TsungStats parse(String log) {
        Map<String, Long> samples = new TreeMap<>();
        Map<String, Long> counters = new TreeMap<>();
        for (String line : log.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 4 || !fields[0].equals("stats:")) {
                continue;
            }
            try {
                if (fields.length == 4) {
                    counters.put(fields[1], (long) Double.parseDouble(fields[3]));
                } else if (fields.length == 9) {
                    samples.merge(fields[1], (long) Double.parseDouble(fields[2]), Long::sum);
                }
            } catch (NumberFormatException e) {
                // not a statistic after all (a name with spaces): nothing this run reads
            }
        }
        return new TsungStats(samples, counters);
    }

    /** How many times the transaction NAME ended (Tsung calls it tr_NAME). */
    public long transactions(String name) {
        return samples.getOrDefault("tr_" + name, 0L);
    }

    /** The counter NAME's total (0 if Tsung never counted it). */
    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** The most users Tsung had running at once. */
    public long usersMax() {
        return counter("users");
    }

    /** Every error Tsung counted (error_*, timeouts, aborted sessions, failed matches) by name, with its total. */
    public Map<String, Long> errors() {
        Map<String, Long> errors = new TreeMap<>();
        counters.forEach((name, total) -> {
            if (total > 0 && (name.startsWith("error") || name.equals("timeout") || name.contains("abort") || name.equals("match_stop"))) {
                errors.put(name, total);
            }
        });
        return errors;
    }
}
