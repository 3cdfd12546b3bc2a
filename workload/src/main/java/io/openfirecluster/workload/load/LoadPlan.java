package io.openfirecluster.workload.load;

import io.openfirecluster.topology.ResolvedTopology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code lab:load} run does, checked before anything connects: the profile, how many
 * clients log in at what rate through which entry points, and the messages they send. A curve
 * starts at {@code rate} messages a second and multiplies it by {@code factor} every step until
 * p99 time-to-deliver passes {@code limit}, a message is missing, or {@code steps} steps ran,
 * and then narrows the knee down with up to {@code refine} steps between the last rate that held
 * and the first that did not;
 * the failover profiles hold {@code rate} while a node crashes ({@code crash}) or every node
 * restarts in turn ({@code rolling}).
 *
 * @param users how many load accounts the lab has (load1..loadN, the db dataset users-10000)
 * @param first the lab's clients' first account: client i (from 0) logs in as load(first+i)
 * @param via how the clients reach the entry points
 */
public record LoadPlan(Profile profile, int clients, double loginRate, List<String> entries, double rate, double factor,
                       Duration step, int steps, int refine, Duration limit, String node, int users, int first, boolean tsung, Via via) {

    /** What a run measures. */
    public enum Profile {
        /** The capacity curve: the offered rate steps up until the lab no longer delivers in time. */
        CURVE,
        /** A node carrying a share of the clients is killed; its clients log in again through the load balancer. */
        CRASH,
        /** Every node is stopped and started in turn, as an upgrade does; each one's clients log in again. */
        ROLLING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Profile parse(String text) {
            return labelled(values(), text, "lab.load.profile: '" + text + "' is no load profile: use curve, crash or rolling");
        }
    }

    /**
     * How the clients reach an entry point. Through the port Docker publishes on the machine, by
     * default; that port is Docker's userland proxy, a process that holds two sockets a connection
     * (and pipes while data moves), and here, where a process may open 20,000 files, the load
     * balancer's proxy exited at about 3,000 sessions. On the lab network the clients reach the
     * service's own address, as clients reach a load balancer in production; only where the
     * machine routes to the lab network (the lab on this machine's Linux engine).
     */
    public enum Via {
        PORTS, NETWORK;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Via parse(String text) {
            return labelled(values(), text,
                    "lab.load.via: '" + text + "' is no way to the entry points: use ports (Docker's published ports) or network (the services' lab addresses)");
        }
    }

    /** The one of VALUES whose name, in lower case, is TEXT; REFUSAL (one line) for any other TEXT. */
    private static <E extends Enum<E>> E labelled(E[] values, String text, String refusal) {
        for (E value : values) {
            if (value.name().toLowerCase(Locale.ROOT).equals(text.strip())) {
                return value;
            }
        }
        throw new IllegalArgumentException(refusal);
    }

    /** The user accounts the lab's dataset holds: PREFIX1..PREFIXn. */
    public static final String USER_PREFIX = "load";

    public LoadPlan {
        entries = List.copyOf(entries);
    }

    /**
     * The plan the lab.* PROPERTIES describe against TOPOLOGY (entry points and the crashed node
     * must be its services); IllegalArgumentException, in one line, naming the property and a value that works.
     */
    public static LoadPlan from(Map<String, String> properties, ResolvedTopology topology) {
        Profile profile = Profile.parse(get(properties, "lab.load.profile", "curve"));
        if (profile != Profile.CURVE && !topology.hasService("lb")) {
            throw new IllegalArgumentException("lab.load.profile=" + profile.label()
                    + ": the clients of a node that goes log in again through the load balancer, and this lab has none: use the cluster shape");
        }
        if (profile != Profile.CURVE && topology.nodes().size() < 2) {
            throw new IllegalArgumentException("lab.load.profile=" + profile.label() + " needs another node to take the clients: give -Dlab.nodes=2 or more");
        }
        int clients = integer(properties, "lab.clients", "1000");
        if (clients < 2) {
            throw new IllegalArgumentException("lab.clients: " + clients + " clients cannot message each other: give 2 or more, e.g. -Dlab.clients=1000");
        }
        int users = integer(properties, "lab.load.users", "10000");
        if (clients > users) {
            throw new IllegalArgumentException("lab.clients: " + clients + " clients but the lab has " + users
                    + " load accounts (" + USER_PREFIX + "1.." + USER_PREFIX + users + ", db dataset users-10000): give at most " + users);
        }
        double loginRate = positive(properties, "lab.load.login.rate", "30", "logins per second");
        double rate = positive(properties, "lab.load.rate", "100", "messages per second, all clients together");
        double factor = number(properties, "lab.load.factor", "2");
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("lab.load.factor: " + format(factor) + " does not raise the rate: give a factor above 1, e.g. 2");
        }
        Duration step = duration(properties, "lab.load.step", "30s");
        int steps = integer(properties, "lab.load.steps", "8");
        if (steps < 1 || steps > 30) {
            throw new IllegalArgumentException("lab.load.steps: " + steps + " steps: a curve has 1 to 30 steps, e.g. 8");
        }
        int refine = integer(properties, "lab.load.refine", "2");
        if (refine < 0 || refine > 6) {
            throw new IllegalArgumentException("lab.load.refine: " + refine + " steps: the knee is narrowed down in 0 to 6 steps after the curve, e.g. 2");
        }
        Duration limit = duration(properties, "lab.load.limit", "1s");
        boolean tsung = Boolean.parseBoolean(get(properties, "lab.load.tsung", "false"));
        if (tsung && profile != Profile.CURVE) {
            throw new IllegalArgumentException("lab.load.tsung: Tsung runs beside the curve only: give -Dlab.load.profile=curve, or leave lab.load.tsung out");
        }
        List<String> entries = entries(properties, topology, profile, tsung);
        if (tsung && entries.size() != 1) {
            throw new IllegalArgumentException("lab.load.entries: Tsung beside goes through one entry point, and so do the lab's clients then: give one, e.g. -Dlab.load.entries=lb");
        }
        String node = get(properties, "lab.service", topology.nodes().size() > 1 ? topology.nodes().get(1) : topology.nodes().get(0));
        if (!topology.nodes().contains(node)) {
            throw new IllegalArgumentException("lab.service: '" + node + "' is not a node of this lab: use one of " + topology.nodes());
        }
        // With Tsung beside, and accounts enough, the lab's clients take the upper ones and Tsung the
        // lower: Openfire refused thousands of binds of accounts whose sessions had just closed
        // (docs/findings.md), so each tool logs in accounts the other did not just use.
        int first = integer(properties, "lab.load.first", tsung && 2L * clients <= users ? String.valueOf(clients + 1) : "1");
        if (first < 1 || (long) first + clients - 1 > users) {
            throw new IllegalArgumentException("lab.load.first: " + first + " + " + clients + " clients goes past the lab's " + users + " load accounts: give 1 to "
                    + Math.max(1, users - clients + 1));
        }
        Via via = Via.parse(get(properties, "lab.load.via", "ports"));
        if (via == Via.NETWORK && !topology.topology().dockerHosts().isEmpty()) {
            throw new IllegalArgumentException("lab.load.via=network: this lab runs across Docker hosts, whose network this machine does not reach: use -Dlab.load.via=ports");
        }
        return new LoadPlan(profile, clients, loginRate, entries, rate, factor, step, steps, refine, limit, node, users, first, tsung, via);
    }

    /** The rate of step I (0 first). */
    public double rate(int i) {
        return rate * Math.pow(factor, i);
    }

    /** How long logging in all clients takes at the plan's rate, before any grace. */
    public Duration loginTime() {
        return Duration.ofMillis((long) Math.ceil(clients * 1000 / loginRate));
    }

    /** "1000 clients at 30 logins/s through lb, xmpp1, xmpp2, xmpp3". */
    public String describe() {
        return clients + " clients at " + format(loginRate) + " logins/s through " + String.join(", ", entries)
                + (via == Via.NETWORK ? " (their lab addresses)" : "");
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static List<String> entries(Map<String, String> properties, ResolvedTopology topology, Profile profile, boolean tsung) {
        List<String> all = new ArrayList<>();
        if (topology.hasService("lb")) {
            all.add("lb");
        }
        all.addAll(topology.nodes());
        // The failover profiles measure the load balancer taking the clients back, so they log in through it.
        // Tsung beside goes through one entry point, and the lab's clients then go through the same.
        String defaults = profile == Profile.CURVE && !tsung ? String.join(",", all) : all.get(0);
        List<String> entries = new ArrayList<>();
        for (String part : get(properties, "lab.load.entries", defaults).split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!all.contains(name)) {
                throw new IllegalArgumentException("lab.load.entries: '" + name + "' is not an entry point of this lab: use " + String.join(", ", all));
            }
            entries.add(name);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("lab.load.entries is empty: give entry points, e.g. " + String.join(",", all));
        }
        return entries;
    }

    private static String get(Map<String, String> properties, String name, String fallback) {
        String value = properties.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int integer(Map<String, String> properties, String name, String fallback) {
        String text = get(properties, name, fallback);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a whole number: give e.g. -D" + name + "=" + fallback);
        }
    }

    private static double number(Map<String, String> properties, String name, String fallback) {
        String text = get(properties, name, fallback);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a number: give e.g. -D" + name + "=" + fallback);
        }
    }

    private static double positive(Map<String, String> properties, String name, String fallback, String unit) {
        double value = number(properties, name, fallback);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": " + get(properties, name, fallback) + " is no rate: give " + unit + " above 0, e.g. -D"
                    + name + "=" + fallback);
        }
        return value;
    }

    /** 30s, 2m, 500ms or a plain number of seconds. */
    private static Duration duration(Map<String, String> properties, String name, String fallback) {
        String text = get(properties, name, fallback);
        Duration value;
        try {
            if (text.endsWith("ms")) {
                value = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                value = Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            } else if (text.endsWith("m")) {
                value = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)) * 60);
            } else {
                value = Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a duration: give e.g. -D" + name + "=" + fallback);
        }
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(name + ": " + text + " is out of range: give more than 0 and at most 10m, e.g. -D" + name + "=" + fallback);
        }
        return value;
    }
}
