package io.openfirecluster.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packet faults of one holder's network namespace as iptables rules: all of them live in the
 * chain LAB-FAULTS (jumped to from INPUT and OUTPUT, for IPv4 and IPv6), each tagged with the fault
 * it belongs to, so the rules themselves are the record of what is active: a killed Maven run
 * leaves nothing unknown, lab:status reads them, lab:heal flushes the chain, lab:down removes the
 * namespace with its holder. Plain text in and out; {@link Faults} runs the scripts.
 */
final class PacketRules {
    static final String CHAIN = "LAB-FAULTS";
    private static final Pattern TAG = Pattern.compile("--comment \"?lab:([^\"]+?)\"?( -j| $)");

    private PacketRules() {
    }

    /** One rule: drop packets from and to PEER (an address), or only a random share of them. */
    record Drop(String peer, boolean from, boolean to, int percent, boolean refuse) {
        static Drop both(String peer) {
            return new Drop(peer, true, true, 100, false);
        }

        static Drop outbound(String peer) {
            return new Drop(peer, false, true, 100, false);
        }

        static Drop share(String peer, int percent) {
            return new Drop(peer, true, true, percent, false);
        }

        /**
         * Refused rather than dropped: the node's TCP to PEER gets a reset, so it fails now instead
         * of after TCP's retransmission timeout. Outbound only: the reset itself comes in from
         * PEER's address and must not be caught by an inbound rule.
         */
        static Drop refused(String peer) {
            return new Drop(peer, false, true, 100, true);
        }
    }

    /**
     * A shell script that adds FAULT's DROPS to the chain, each only if it is not there yet (the
     * same fault twice is harmless). Addresses with a colon go to ip6tables.
     */
    static String apply(String fault, List<Drop> drops) {
        StringBuilder script = new StringBuilder("set -e\n");
        for (String tool : List.of("iptables", "ip6tables")) {
            script.append(tool).append(" -N ").append(CHAIN).append(" 2>/dev/null || true\n");
            for (String hook : List.of("INPUT", "OUTPUT")) {
                script.append(tool).append(" -C ").append(hook).append(" -j ").append(CHAIN).append(" 2>/dev/null || ")
                        .append(tool).append(" -I ").append(hook).append(" -j ").append(CHAIN).append('\n');
            }
        }
        for (Drop drop : drops) {
            String tool = drop.peer().contains(":") ? "ip6tables" : "iptables";
            List<String> matches = new ArrayList<>();
            if (drop.from()) {
                matches.add("-s " + drop.peer());
            }
            if (drop.to()) {
                matches.add("-d " + drop.peer());
            }
            for (String match : matches) {
                String rule = CHAIN + " " + match + (drop.refuse() ? " -p tcp" : "")
                        + (drop.percent() < 100 ? " -m statistic --mode random --probability " + drop.percent() / 100.0 : "")
                        + " -m comment --comment 'lab:" + fault + "' -j " + (drop.refuse() ? "REJECT --reject-with tcp-reset" : "DROP");
                script.append(tool).append(" -C ").append(rule).append(" 2>/dev/null || ").append(tool).append(" -A ").append(rule).append('\n');
            }
        }
        return script.toString();
    }

    /** A shell script that removes every packet fault of the namespace (and any tc qdisc a delay added). */
    static String heal() {
        return """
                for tool in iptables ip6tables; do
                  $tool -F LAB-FAULTS 2>/dev/null || true
                done
                for dev in $(ls /sys/class/net); do
                  [ "$dev" = lo ] || tc qdisc del dev "$dev" root 2>/dev/null || true
                done
                """;
    }

    /** A shell script that prints the chain's rules, IPv4 then IPv6, for {@link #active}. */
    static String list() {
        return "iptables -S " + CHAIN + " 2>/dev/null; ip6tables -S " + CHAIN + " 2>/dev/null; tc qdisc show 2>/dev/null | grep netem || true";
    }

    /** The faults named in LISTING (what {@link #list()} printed), each once, with how many rules it has. */
    static Map<String, Integer> active(String listing) {
        Map<String, Integer> faults = new TreeMap<>();
        for (String line : listing.lines().toList()) {
            Matcher tag = TAG.matcher(line + " ");
            if (line.startsWith("-A " + CHAIN) && tag.find()) {
                faults.merge(tag.group(1), 1, Integer::sum);
            } else if (line.contains("netem")) {
                faults.merge("latency (netem)", 1, Integer::sum);
            }
        }
        return faults;
    }
}
