package io.openfirecluster.control;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Waits until every container of the lab is healthy by Docker's verdict, i.e. by the images' own
 * health checks (a node: Openfire itself, through the lab plugin's /ready, is in a cluster of all
 * the lab's nodes and takes clients, see OpenfireView; the database: pg_isready; the load
 * balancer: nginx listens). The lab's one definition of ready, for lab:await and lab:status alike.
 */
public final class HealthWait {
    private static final Duration PROGRESS = Duration.ofSeconds(5);

    private HealthWait() {
    }

    /** Each service container's health now: "healthy", "starting", "unhealthy: WHY", or its state without a health check. */
    public static Map<String, String> now(LabNetwork lab) {
        Map<String, String> health = new LinkedHashMap<>();
        for (LabService service : lab.topology().services()) {
            if (service.getImage().isEmpty()) {
                continue;
            }
            try {
                InspectContainerResponse.ContainerState state = lab.docker().inspectContainerCmd(lab.topology().container(service)).exec().getState();
                HealthState check = state.getHealth();
                health.put(service.getName(), !Boolean.TRUE.equals(state.getRunning()) ? String.valueOf(state.getStatus())
                        : check == null ? "running" : check.getStatus().equals("healthy") ? "healthy" : check.getStatus() + lastWords(check));
            } catch (RuntimeException e) {
                health.put(service.getName(), "absent");
            }
        }
        return health;
    }

    /** Returns how long it took until all are healthy (or running, without a check); on DEADLINE fails in one line naming the others. */
    public static Duration await(LabNetwork lab, Duration deadline, Consumer<String> progress) {
        Instant start = Instant.now();
        Instant[] nextProgress = {start.plus(PROGRESS)};
        Map<String, String> waiting = new LinkedHashMap<>();
        try {
            Wait.until("healthy", deadline, () -> {
                waiting.clear();
                waiting.putAll(now(lab));
                waiting.values().removeIf(state -> state.equals("healthy") || state.equals("running"));
                if (waiting.values().stream().anyMatch(state -> List.of("exited", "dead", "absent").contains(state))) {
                    throw new LabException("the lab did not start: " + waiting + ": see docker logs " + lab.topology().network() + "-SERVICE-...");
                }
                if (!waiting.isEmpty() && Instant.now().isAfter(nextProgress[0])) {
                    progress.accept("waiting for " + waiting);
                    nextProgress[0] = Instant.now().plus(PROGRESS);
                }
                return waiting.isEmpty();
            });
        } catch (AssertionError e) {
            throw new LabException("not healthy within " + deadline.toSeconds() + " s: " + waiting
                    + ": see lab:status and docker logs (or raise -Dlab.ready.timeout)");
        }
        return Duration.between(start, Instant.now());
    }

    private static String lastWords(HealthState check) {
        List<HealthStateLog> log = check.getLog();
        if (log == null || log.isEmpty() || log.get(log.size() - 1).getOutput() == null) {
            return "";
        }
        return " (" + log.get(log.size() - 1).getOutput().trim() + ")";
    }
}
