package io.openfirecluster.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Statistics;
import io.openfirecluster.topology.LabException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lab's containers (services and holders alike), by name: their state, commands run in them,
 * their logs, and their life cycle (pause, kill, start, stop). {@link LabNetwork} makes the
 * network and the holders; this is everything done to a container once it exists.
 */
public final class Containers {
    private static final Duration LOGS = Duration.ofSeconds(60);

    /** The engine that runs a container, by the container's name (or id). */
    private final Function<String, DockerClient> engineOf;

    /** The containers the Docker engine DOCKER runs; a lab's are {@link LabNetwork#containers()}. */
    public Containers(DockerClient docker) {
        this(container -> docker);
    }

    /** The containers of several Docker engines: ENGINE_OF names the one that runs a container (a lab across hosts). */
    public Containers(Function<String, DockerClient> engineOf) {
        this.engineOf = engineOf;
    }

    private DockerClient docker(String container) {
        return engineOf.apply(container);
    }

    /** CONTAINER's state now; {@link ContainerState#absent()} when there is no such container. */
    public ContainerState state(String container) {
        try {
            return ContainerState.of(docker(container).inspectContainerCmd(container).exec().getState());
        } catch (NotFoundException e) {
            return ContainerState.absent();
        }
    }

    /** CONTAINER's labels (its image's and its own); empty when it has none. */
    public Map<String, String> labels(String container) {
        Map<String, String> labels = docker(container).inspectContainerCmd(container).exec().getConfig().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** What a command printed (stdout and stderr) and how it exited. */
    public record ExecResult(int exitCode, String output) {
    }

    /** Runs a command in a container (e.g. a holder) as its user and waits for it, up to a deadline. */
    public ExecResult exec(String container, Duration timeout, String... command) {
        return exec(container, null, timeout, command);
    }

    /** Runs a command in a container as root (a holder's fault rules need it) and waits for it, up to a deadline. */
    public ExecResult execAsRoot(String container, Duration timeout, String... command) {
        return exec(container, "0", timeout, command);
    }

    private ExecResult exec(String container, String user, Duration timeout, String... command) {
        DockerClient docker = docker(container);
        var create = docker.execCreateCmd(container).withCmd(command).withAttachStdout(true).withAttachStderr(true);
        if (user != null) {
            create.withUser(user);
        }
        String id = create.exec().getId();
        Output output = new Output();
        try {
            if (!docker.execStartCmd(id).exec(output).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LabException("command " + List.of(command) + " in " + container + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running " + List.of(command) + " in " + container, e);
        }
        Long exitCode = docker.inspectExecCmd(id).exec().getExitCodeLong();
        return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), output.text());
    }

    /** Everything a container has logged so far (stdout and stderr), each line with Docker's timestamp first. */
    public String logs(String container) {
        return logs(container, null);
    }

    /**
     * What a container has logged (stdout and stderr) from SINCE on, in Docker's whole seconds
     * (so a little before SINCE too; null: from its start), each line with Docker's timestamp first.
     */
    public String logs(String container, Instant since) {
        Output output = new Output();
        try {
            logCommand(container, since).exec(output).awaitCompletion(LOGS.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while reading the logs of " + container, e);
        }
        return output.text();
    }

    /**
     * Streams CONTAINER's log (timestamped, as {@link #logs}) from SINCE (null: from its start) to
     * SINK, frame by frame as raw bytes (decode whole lines, see {@link LogLines}); with FOLLOW it
     * goes on until the container stops or the returned stream is closed.
     */
    public ResultCallback.Adapter<Frame> streamLogs(String container, Instant since, boolean follow, Consumer<byte[]> sink) {
        return logCommand(container, since).withFollowStream(follow).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                sink.accept(frame.getPayload());
            }
        });
    }

    private LogContainerCmd logCommand(String container, Instant since) {
        LogContainerCmd command = docker(container).logContainerCmd(container).withStdOut(true).withStdErr(true).withTimestamps(true);
        return since == null ? command : command.withSince((int) since.getEpochSecond());
    }

    /** Freezes CONTAINER's processes (they keep their sockets); a paused one stays paused. */
    public void pause(String container) {
        if (!state(container).paused()) {
            docker(container).pauseContainerCmd(container).exec();
        }
    }

    /** Thaws a paused CONTAINER; one that is not paused is left as it is. */
    public void unpause(String container) {
        if (state(container).paused()) {
            docker(container).unpauseContainerCmd(container).exec();
        }
    }

    /** Sends SIGNAL (e.g. "SIGKILL", "QUIT") to CONTAINER's main process. */
    public void kill(String container, String signal) {
        docker(container).killContainerCmd(container).withSignal(signal).exec();
    }

    /** Starts a stopped CONTAINER; a running one is left as it is. */
    public void start(String container) {
        if (!state(container).running()) {
            docker(container).startContainerCmd(container).exec();
        }
    }

    /** Docker's graceful stop: SIGTERM, SIGKILL after GRACE. A stopped or removed container is left as it is. */
    public void stop(String container, Duration grace) {
        try {
            docker(container).stopContainerCmd(container).withTimeout((int) grace.toSeconds()).exec();
        } catch (NotFoundException | NotModifiedException e) {
            // stopped or gone meanwhile: the goal is reached
        }
    }

    /** Unpacks TAR (a tar archive's bytes) into DIRECTORY of CONTAINER. */
    public void copyTo(String container, String directory, byte[] tar) {
        docker(container).copyArchiveToContainerCmd(container).withRemotePath(directory).withTarInputStream(new ByteArrayInputStream(tar)).exec();
    }

    /** CONTAINER's memory use in bytes as Docker's stats report it; empty when it reports none (e.g. not running). */
    public Optional<Long> memoryBytes(String container) {
        return stats(container).map(Statistics::getMemoryStats).map(memory -> memory.getUsage());
    }

    /** The CPU time CONTAINER's processes used so far, in nanoseconds (Docker's total usage); empty when Docker reports none (e.g. not running). */
    public Optional<Long> cpuNanos(String container) {
        return stats(container).map(Statistics::getCpuStats).map(cpu -> cpu.getCpuUsage()).map(usage -> usage.getTotalUsage());
    }

    /** One reading of CONTAINER's stats; empty when Docker gives none within 30 s. */
    private Optional<Statistics> stats(String container) {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        docker(container).statsCmd(container).withNoStream(true).exec(new ResultCallback.Adapter<Statistics>() {
            @Override
            public void onNext(Statistics stats) {
                first.complete(stats);
            }
        });
        try {
            return Optional.ofNullable(first.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
