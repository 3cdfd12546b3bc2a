package io.openfirecluster.tsung;

import java.util.Map;
import java.util.TreeMap;

/** How many users passed each barrier of a run, from "uniq -c" lines ("    500 0") over the marks file. */
final class BarrierCounts {
    private BarrierCounts() {
    }

    /** Barrier number to users; lines that are not "COUNT NUMBER" are skipped. */
    static Map<Integer, Long> parse(String uniqCounts) {
        Map<Integer, Long> users = new TreeMap<>();
        for (String line : uniqCounts.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2) {
                try {
                    users.merge(Integer.parseInt(fields[1]), Long.parseLong(fields[0]), Long::sum);
                } catch (NumberFormatException e) {
                    // a half-written line: not a count
                }
            }
        }
        return users;
    }
}
