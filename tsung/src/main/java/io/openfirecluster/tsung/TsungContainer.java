package io.openfirecluster.tsung;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.openfirecluster.control.Containers;
import io.openfirecluster.control.LabNetwork;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Tsung run's container on the lab network: named and labelled as the lab's own (so lab:down
 * and .ci/run's cleanup remove a leftover), started with its tsung.xml, asked what it has done
 * so far, and removed.
 */
final class TsungContainer implements AutoCloseable {
    private static final Duration ASK = Duration.ofSeconds(10);

    private final LabNetwork lab;
    private final String name;

    private TsungContainer(LabNetwork lab, String name) {
        this.lab = lab;
        this.name = name;
    }

    /** Starts IMAGE as NETWORK-tsung on the lab's network with XML as its configuration; an earlier run's leftover is removed first. */
    static TsungContainer start(LabNetwork lab, String image, String xml) {
        String network = lab.topology().network();
        TsungContainer container = new TsungContainer(lab, network + "-tsung");
        container.remove();
        String id = lab.docker().createContainerCmd(image)
                .withName(container.name)
                .withHostName("tsung")
                .withEnv("TSUNG_XML=" + xml)
                .withLabels(Map.of(LabNetwork.LABEL, network, LabNetwork.SERVICE_LABEL, "tsung"))
                // Docker's default open files (tens of thousands here) are Tsung's socket a user; a container may not raise them.
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network).withInit(true))
                .exec().getId();
        try {
            lab.docker().startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            container.remove();
            throw e;
        }
        return container;
    }

    String name() {
        return name;
    }

    /** Tsung's exit code once it has finished; empty while it runs. */
    OptionalInt exitCode() {
        Containers.ExecResult done = exec("cat /tsung/done 2>/dev/null");
        try {
            return done.exitCode() == 0 ? OptionalInt.of(Integer.parseInt(done.output().strip())) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether the container still runs (it stays up after Tsung until removed; it stops only if its script failed). */
    boolean running() {
        return lab.containers().state(name).running();
    }

    /** The highest barrier any user has passed ({@link TsungXml#MARKS}); empty before the first. */
    OptionalInt barrier() {
        Containers.ExecResult last = exec("tail -n 1 " + TsungXml.MARKS + " 2>/dev/null");
        try {
            return last.exitCode() == 0 && !last.output().isBlank() ? OptionalInt.of(Integer.parseInt(last.output().strip())) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty(); // a line half written: the next poll sees it whole
        }
    }

    /** How many users passed each barrier: "COUNT BARRIER" lines, as uniq -c prints them. */
    String barrierCounts() {
        return exec("sort -n " + TsungXml.MARKS + " 2>/dev/null | uniq -c").output();
    }

    /** Tsung's statistics so far (tsung.log of its run's log directory). */
    TsungStats stats() {
        return TsungStats.parse(exec("cat /tsung/log/*/tsung.log 2>/dev/null").output());
    }

    /** The end of what Tsung printed and of its controller's log, for a failure's message. */
    String tail() {
        // tsung.out starts with "Creating local Tsung directory", "Starting Tsung", "Log directory is": not the news.
        return exec("grep -v -e '^Creating local' -e '^Starting Tsung' -e '^Log directory' /tsung/tsung.out | tail -n 5;"
                + " grep -h -A3 'ERROR REPORT' /tsung/log/*/tsung_controller*.log 2>/dev/null | tail -n 8").output().strip();
    }

    /** The container's CPU time so far, in seconds (Docker's total usage); empty when Docker reports none. */
    Optional<Double> cpuSeconds() {
        return lab.containers().cpuNanos(name).filter(nanos -> nanos > 0).map(nanos -> nanos / 1e9);
    }

    private Containers.ExecResult exec(String script) {
        return lab.containers().exec(name, ASK, "sh", "-c", script);
    }

    /** Removes the container, running or not; one that is gone already is fine. */
    void remove() {
        try {
            lab.docker().removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // gone already: the goal is reached
        }
    }

    @Override
    public void close() {
        remove();
    }
}
