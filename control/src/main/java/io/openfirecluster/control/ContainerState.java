package io.openfirecluster.control;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A container's state as Docker reports it, read one way for every goal and test
 * ({@link Containers#state}): whether it exists, runs or is paused, Docker's status word
 * ("running", "exited", ...), its exit code, its health check's verdict and last output, and when
 * it was last started.
 *
 * @param health "healthy", "starting" or "unhealthy"; empty for an image without a health check
 * @param healthOutput what the health check printed last (trimmed), empty when it printed nothing
 */
public record ContainerState(boolean exists, boolean running, boolean paused, String status, Optional<Long> exitCode,
                             Optional<String> health, String healthOutput, Optional<Instant> startedAt) {
    private static final long SIGKILL_EXIT = 137;

    /** There is no such container. */
    public static ContainerState absent() {
        return new ContainerState(false, false, false, "absent", Optional.empty(), Optional.empty(), "", Optional.empty());
    }

    static ContainerState of(InspectContainerResponse.ContainerState state) {
        HealthState check = state.getHealth();
        List<HealthStateLog> log = check == null ? null : check.getLog();
        String output = log == null || log.isEmpty() || log.get(log.size() - 1).getOutput() == null ? "" : log.get(log.size() - 1).getOutput().trim();
        String started = state.getStartedAt();
        return new ContainerState(true, Boolean.TRUE.equals(state.getRunning()), Boolean.TRUE.equals(state.getPaused()),
                String.valueOf(state.getStatus()), Optional.ofNullable(state.getExitCodeLong()),
                Optional.ofNullable(check).map(HealthState::getStatus), output,
                started == null || started.startsWith("0001-") ? Optional.empty() : Optional.of(Instant.parse(started)));
    }

    /** Stopped by SIGKILL (lab:crash, or the kernel's OOM killer), not by a shutdown. */
    public boolean killed() {
        return !running && exitCode.orElse(0L) == SIGKILL_EXIT;
    }

    /** Running and, where the image has a health check, healthy by it. */
    public boolean ready() {
        return running && !paused && health.map("healthy"::equals).orElse(true);
    }
}
