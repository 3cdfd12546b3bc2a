package io.openfirecluster.workload.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the clients benchmark does, checked before anything connects: the client kinds to measure,
 * the client counts to reach one after another (each a running total: 100, then 400 more to 500,
 * ...), the login rate for each count, the entry points the clients are spread over (round
 * robin), how many load accounts the lab has, and the message phase's rate and duration.
 */
public record ClientsPlan(List<String> kinds, List<Integer> counts, List<Double> loginRates, List<String> entries,
                          int users, String userPrefix, double sendRate, int sendSeconds, int loginGraceSeconds, Path topology) {
    public static final List<String> KINDS = List.of("smack", "lean");

    public ClientsPlan {
        kinds = List.copyOf(kinds);
        counts = List.copyOf(counts);
        loginRates = List.copyOf(loginRates);
        entries = List.copyOf(entries);
    }

    /** The plan the clients.* properties describe; IllegalArgumentException, in one line, for anything a run cannot do. */
    public static ClientsPlan from(Properties properties) {
        List<String> kinds = names(properties.getProperty("clients.kinds", "smack,lean"), "clients.kinds");
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("clients.kinds: '" + kind + "' is no client kind: use " + String.join(", ", KINDS));
            }
        }
        List<Integer> counts = new ArrayList<>();
        for (String count : names(properties.getProperty("clients.counts", "100,500,1000,5000"), "clients.counts")) {
            int value = integer("clients.counts", count);
            if (value < 1) {
                throw new IllegalArgumentException("clients.counts: " + value + " clients is no load: give counts of 1 or more, e.g. 100,500,1000");
            }
            if (!counts.isEmpty() && value <= counts.get(counts.size() - 1)) {
                throw new IllegalArgumentException("clients.counts: " + value + " after " + counts.get(counts.size() - 1)
                        + ": each count is a running total, so they must grow, e.g. 100,500,1000");
            }
            counts.add(value);
        }
        List<Double> rates = new ArrayList<>();
        for (String rate : names(properties.getProperty("clients.rate", "50"), "clients.rate")) {
            double value = number("clients.rate", rate);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("clients.rate: " + rate + " is no login rate: give logins per second above 0, e.g. 50");
            }
            rates.add(value);
        }
        if (rates.size() != 1 && rates.size() != counts.size()) {
            throw new IllegalArgumentException("clients.rate: " + rates.size() + " rates for " + counts.size()
                    + " counts: give one rate for all, or one per count");
        }
        while (rates.size() < counts.size()) {
            rates.add(rates.get(0));
        }
        List<String> entries = names(properties.getProperty("clients.entries", "lb,xmpp1,xmpp2,xmpp3"), "clients.entries");
        int users = integer("clients.users", properties.getProperty("clients.users", "10000"));
        int most = counts.get(counts.size() - 1);
        if (most > users) {
            throw new IllegalArgumentException("clients.counts: " + most + " clients but the lab has " + users
                    + " load accounts (clients.users; db dataset users-10000): at most " + users);
        }
        String prefix = properties.getProperty("clients.user.prefix", "load").strip();
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("clients.user.prefix is empty: the load accounts are PREFIX1..PREFIXn, e.g. load");
        }
        double sendRate = number("clients.send.rate", properties.getProperty("clients.send.rate", "200"));
        if (sendRate < 0 || Double.isNaN(sendRate) || Double.isInfinite(sendRate)) {
            throw new IllegalArgumentException("clients.send.rate: " + sendRate + " is no message rate: give messages per second, 0 for none");
        }
        int sendSeconds = integer("clients.send.seconds", properties.getProperty("clients.send.seconds", "20"));
        if (sendSeconds < 1 || sendSeconds > 600) {
            throw new IllegalArgumentException("clients.send.seconds: " + sendSeconds + " s: a message phase lasts 1 to 600 s");
        }
        int grace = integer("clients.login.grace", properties.getProperty("clients.login.grace", "60"));
        if (grace < 1) {
            throw new IllegalArgumentException("clients.login.grace: " + grace + " s: logins need some seconds beyond their paced start, e.g. 60");
        }
        String topology = properties.getProperty("lab.topology", "").strip();
        if (topology.isEmpty()) {
            throw new IllegalArgumentException("no lab.topology: name the running lab's topology.properties (cluster-it/target/lab/topology.properties)");
        }
        return new ClientsPlan(kinds, counts, rates, entries, users, prefix, sendRate, sendSeconds, grace, Path.of(topology));
    }

    private static List<String> names(String text, String property) {
        List<String> names = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(property + " is empty: give a comma-separated list");
        }
        return names;
    }

    private static int integer(String property, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + ": '" + text + "' is not a whole number");
        }
    }

    private static double number(String property, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + ": '" + text + "' is not a number");
        }
    }
}
