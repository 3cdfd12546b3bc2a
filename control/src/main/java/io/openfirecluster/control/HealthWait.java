package io.openfirecluster.control;

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
            health.put(service.getName(), health(lab.containers().state(lab.topology().container(service))));
        }
        return health;
    }

    private static String health(ContainerState state) {
        if (!state.running()) {
            return state.status();
        }
        return state.health().map(check -> check.equals("healthy") || state.healthOutput().isEmpty() ? check : check + " (" + state.healthOutput() + ")")
                .orElse("running");
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
        } catch (WaitTimeoutException e) {
            throw new LabException("not healthy within " + deadline.toSeconds() + " s: " + waiting
                    + ": see lab:status and docker logs (or raise -Dlab.ready.timeout)");
        }
        return Duration.between(start, Instant.now());
    }
}
