package io.openfirecluster.network;

import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault goals' text as the user typed it, turned into the values of a {@link io.openfirecluster.control.Fault}:
 * errors name the flag and show how to write it; what the value itself must be (every node once,
 * two different nodes) the fault checks.
 */
final class FaultArguments {
    private static final Pattern DELAY = Pattern.compile("(\\d{1,5})(ms|s)");

    private FaultArguments() {
    }

    /**
     * "xmpp1,xmpp2|xmpp3": groups split by |, nodes by commas. On a lab across Docker hosts a name
     * may be a host's, standing for the nodes it runs: "host1|host2,host3" is host against host.
     */
    static List<List<String>> groups(String text, Topology topology) {
        List<List<String>> groups = new ArrayList<>();
        for (List<String> group : groups(text)) {
            List<String> nodes = new ArrayList<>();
            for (String name : group) {
                List<String> onHost = topology.nodes().stream().filter(node -> node.getDockerHost().name().equals(name)).map(LabService::getName).toList();
                nodes.addAll(onHost.isEmpty() ? List.of(name) : onHost);
            }
            groups.add(nodes);
        }
        return groups;
    }

    /** "xmpp1,xmpp2|xmpp3": groups split by |, nodes by commas. */
    static List<List<String>> groups(String text) {
        if (text == null || text.isBlank() || !text.contains("|")) {
            throw new LabException("lab.groups=" + text + " is not two or more groups of nodes: give e.g. -Dlab.groups=xmpp1,xmpp2|xmpp3");
        }
        List<List<String>> groups = new ArrayList<>();
        for (String group : text.split("\\|", -1)) {
            List<String> nodes = new ArrayList<>();
            for (String node : group.split(",", -1)) {
                if (node.isBlank()) {
                    throw new LabException("lab.groups=" + text + " has an empty group or name: give e.g. -Dlab.groups=xmpp1,xmpp2|xmpp3");
                }
                nodes.add(node.trim());
            }
            groups.add(nodes);
        }
        return groups;
    }

    /** "20" or "20%": a whole percentage from 0 to 100. */
    static int percent(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim().replace("%", ""));
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LabException("lab.percent=" + text + " is not a percentage from 0 to 100: give e.g. -Dlab.percent=20");
    }

    /** "200ms" or "2s": above zero. */
    static Duration delay(String text) {
        Matcher delay = DELAY.matcher(text == null ? "" : text.trim());
        if (delay.matches()) {
            long amount = Long.parseLong(delay.group(1));
            Duration value = delay.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
            if (!value.isZero()) {
                return value;
            }
        }
        throw new LabException("lab.delay=" + text + " is not a delay: give milliseconds or seconds above zero, e.g. -Dlab.delay=200ms");
    }
}
