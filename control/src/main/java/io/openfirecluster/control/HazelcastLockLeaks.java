package io.openfirecluster.control;

import io.openfirecluster.topology.LabService;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a node's log says Hazelcast ran one lock operation twice: a lock invocation retried while
 * the members changed was answered once already ({@code ResponseAlreadySentException}). The
 * thread that asked holds the lock twice and releases it once, so the lock stays held; Openfire's
 * cluster locks (the Hazelcast plugin's ClusteredCache) have no lease, so whoever needs that key
 * next waits for good. Seen in the lab after a one-way link, on the map "Routing User Sessions".
 */
public final class HazelcastLockLeaks {
    private static final Pattern RUN_TWICE = Pattern.compile("already responseReceived for callback: Invocation\\{op="
            + "com\\.hazelcast\\.internal\\.locksupport\\.operations\\.LockOperation\\{.*?partitionId=(\\d+),.*?objectName='([^']*)'");

    private HazelcastLockLeaks() {
    }

    /**
     * Each lock a node of LAB logged as run twice at or after SINCE, as "xmpp2: map 'NAME'
     * partition N" (a node that is gone says nothing).
     */
    public static Set<String> onNodes(LabNetwork lab, Instant since) {
        Set<String> found = new TreeSet<>();
        for (LabService node : lab.topology().nodes()) {
            String logs;
            try {
                logs = lab.containers().logs(lab.topology().container(node), since);
            } catch (RuntimeException e) {
                continue;
            }
            since(logs.lines().toList(), since).forEach(lock -> found.add(node.getName() + ": " + lock));
        }
        return found;
    }

    /** Each lock that LINES (a container log with Docker's timestamps) show run twice at or after SINCE, as "map 'NAME' partition N". */
    public static Set<String> since(List<String> lines, Instant since) {
        Set<String> found = new TreeSet<>();
        for (String line : lines) {
            Matcher twice = RUN_TWICE.matcher(line);
            if (twice.find() && !DockerLog.timestamp(line).isBefore(since)) {
                found.add("map '" + twice.group(2) + "' partition " + twice.group(1));
            }
        }
        return found;
    }
}
