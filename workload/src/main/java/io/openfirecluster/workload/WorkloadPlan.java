package io.openfirecluster.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the workload does: how many clients, for how long, at what total message rate, in which
 * room, over which entry points, as which accounts. The static {@code parse...} methods take the
 * string forms a Maven goal passes ("12", "60s", "50", "xmpp1,lb") and fail with one line naming
 * what is wrong and what to write instead.
 *
 * @param clients  how many clients (threads and connections), at least 2 so they can message each other
 * @param duration how long the clients send
 * @param rate     the target total send rate over all clients, messages per second
 * @param room     the room's JID (e.g. muc1@conference.xmpp.localhost.example), "" for no room traffic
 * @param entries  the entry points; client i connects to entry i modulo their number
 * @param accounts the accounts; a client logs in as an account of its entry point's domain, and
 *                 the clients of a domain take turns so that its accounts spread over its entry points
 */
public record WorkloadPlan(int clients, Duration duration, double rate, String room, List<Endpoint> entries,
                           List<Credentials> accounts) {

    public static final int DEFAULT_CLIENTS = 12;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    public static final double DEFAULT_RATE = 50;
    /** Every client is a thread and a connection; more than this is a mistake, not a workload. */
    public static final int MAX_CLIENTS = 256;

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    public WorkloadPlan {
        if (clients < 2 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("clients " + clients + ": give 2 to " + MAX_CLIENTS
                    + " (they message each other), e.g. " + DEFAULT_CLIENTS);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration " + duration + ": give a positive duration, e.g. 60s");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate " + rate + ": give a positive number of messages per second, e.g. " + (int) DEFAULT_RATE);
        }
        room = room == null ? "" : room.strip();
        if (!room.isEmpty() && !room.matches("[^@/\\s]+@[^@/\\s]+")) {
            throw new IllegalArgumentException("room '" + room + "' is not a room JID: write it like muc1@conference.xmpp.localhost.example");
        }
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("no entry point: give at least one, e.g. xmpp1=127.0.0.1:5221");
        }
        if (accounts == null || accounts.isEmpty()) {
            throw new IllegalArgumentException("no account: give at least one, e.g. Credentials.of(\"password\", \"user1\", \"user2\")");
        }
        entries = List.copyOf(entries);
        accounts = List.copyOf(accounts);
        for (Endpoint entry : entries) {
            if (accounts.stream().noneMatch(account -> account.domain().equals(entry.domain()))) {
                throw new IllegalArgumentException("entry point " + entry.name() + " serves " + entry.domain() + " but no account is of that domain: give one, e.g. user1@" + entry.domain());
            }
        }
    }

    /** The default plan (12 clients, 60 s, 50 msg/s) over ENTRIES as ACCOUNTS in ROOM. */
    public static WorkloadPlan of(String room, List<Endpoint> entries, List<Credentials> accounts) {
        return new WorkloadPlan(DEFAULT_CLIENTS, DEFAULT_DURATION, DEFAULT_RATE, room, entries, accounts);
    }

    /**
     * A plan from a goal's strings; a null or blank CLIENTS, DURATION or RATE takes the default.
     *
     * @throws IllegalArgumentException naming the bad value and what to write instead
     */
    public static WorkloadPlan parse(String clients, String duration, String rate, String room, List<Endpoint> entries,
                                     List<Credentials> accounts) {
        return new WorkloadPlan(
                blank(clients) ? DEFAULT_CLIENTS : parseClients(clients),
                blank(duration) ? DEFAULT_DURATION : parseDuration(duration),
                blank(rate) ? DEFAULT_RATE : parseRate(rate),
                room, entries, accounts);
    }

    public WorkloadPlan withClients(int newClients) {
        return new WorkloadPlan(newClients, duration, rate, room, entries, accounts);
    }

    public WorkloadPlan withDuration(Duration newDuration) {
        return new WorkloadPlan(clients, newDuration, rate, room, entries, accounts);
    }

    public WorkloadPlan withRate(double newRate) {
        return new WorkloadPlan(clients, duration, newRate, room, entries, accounts);
    }

    /** "12" */
    public static int parseClients(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("clients '" + text + "' is not a number: give a whole number of clients, e.g. " + DEFAULT_CLIENTS);
        }
    }

    /** "60s", "2m", "1m30s", "500ms", "1h"; also ISO-8601 "PT60S". */
    public static Duration parseDuration(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String usage = "duration '" + text + "' is not a duration: write it like 60s, 2m or 1m30s";
        if (trimmed.startsWith("pt")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(usage);
            }
        }
        Matcher part = DURATION_PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        try {
            while (part.lookingAt()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                });
                end = part.end();
                part.region(end, trimmed.length());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(usage + " (this one is too long)");
        }
        if (end == 0 || end != trimmed.length()) {
            throw new IllegalArgumentException(usage);
        }
        return total;
    }

    /** "50" or "12.5": messages per second over all clients. */
    public static double parseRate(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("rate '" + text + "' is not a number: give messages per second over all clients, e.g. " + (int) DEFAULT_RATE);
        }
    }

    /**
     * The entry points NAMES ("xmpp1,xmpp3,lb") picks out of KNOWN (the lab's entry points by name);
     * blank NAMES picks all of them.
     */
    public static List<Endpoint> selectEntries(String names, Map<String, Endpoint> known) {
        if (blank(names)) {
            return List.copyOf(known.values());
        }
        List<Endpoint> selected = new ArrayList<>();
        for (String name : names.split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Endpoint entry = known.get(trimmed);
            if (entry == null) {
                throw new IllegalArgumentException("unknown entry point '" + trimmed + "': choose from "
                        + known.keySet().stream().collect(Collectors.joining(", ")));
            }
            selected.add(entry);
        }
        return selected;
    }

    /** Each client's id, entry point and account (one of the entry point's domain). */
    public List<ClientSpec> clientSpecs() {
        int width = Math.max(2, String.valueOf(clients).length());
        Map<String, List<Credentials>> byDomain = accounts.stream()
                .collect(Collectors.groupingBy(Credentials::domain, java.util.LinkedHashMap::new, Collectors.toList()));
        List<ClientSpec> specs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Endpoint entry = entries.get(i % entries.size());
            List<Credentials> ofDomain = byDomain.get(entry.domain());
            // Offsetting the account by one per round over the entries puts every account on every
            // entry point (plain i % accounts would pair user1 with the same entries forever).
            Credentials account = ofDomain.get((i + i / entries.size()) % ofDomain.size());
            specs.add(new ClientSpec(String.format(Locale.ROOT, "c%0" + width + "d", i + 1), entry, account));
        }
        return specs;
    }

    /** The XMPP domains the entry points serve, in entry order: more than one means traffic across domains. */
    public List<String> domains() {
        return entries.stream().map(Endpoint::domain).distinct().toList();
    }

    /** The send rate of one client: the total rate shared evenly. */
    public double ratePerClient() {
        return rate / clients;
    }

    /** Whether the clients also chat in a room. */
    public boolean hasRoom() {
        return !room.isEmpty();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
