package io.openfirecluster.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.exception.NotFoundException;
import io.openfirecluster.topology.Format;
import io.openfirecluster.topology.LabException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The lab's images on the Docker hosts of a lab across several, the way swarm users get images to
 * their nodes: through a registry. What a host lacks is pushed to the registry from this machine's
 * engine (DOCKER_HOST, where the build made it; an image this machine lacks is taken to be in the
 * registry already, e.g. pushed by {@code ./mvnw deploy -Dimage.registry=...}), then pulled on the
 * host and tagged with its plain name, which is what the lab runs. A host that has an image keeps it.
 */
final class HostImages {
    private static final Duration PULL = Duration.ofMinutes(10);

    private final Consumer<String> log;
    /** The images pushed this run; guarded by this object, like the push itself. */
    private final Set<String> pushed = new HashSet<>();
    private DockerClient local;

    HostImages(Consumer<String> log) {
        this.log = log;
    }

    /** Every host of ENGINES has the images IMAGES names for it (by host name); one line for what cannot be had. */
    void ensure(Map<String, DockerClient> engines, Map<String, Set<String>> images, String registry) {
        try {
            // The hosts pull side by side: each waits on the registry and its own engine.
            Parallel.forEach(List.copyOf(images.entrySet()), host -> {
                DockerClient engine = engines.get(host.getKey());
                for (String image : host.getValue()) {
                    if (has(engine, image)) {
                        continue;
                    }
                    if (registry == null || registry.isBlank()) {
                        throw new LabException("image " + image + " is not on Docker host " + host.getKey() + ": give -Dimage.registry=HOST:PORT,"
                                + " a registry every host reaches; lab:up pushes the lab's images there and each host pulls what it lacks");
                    }
                    push(registry, image);
                    Instant start = Instant.now();
                    pull(engine, registry, image);
                    log.accept("Docker host " + host.getKey() + " pulled " + image + " from " + registry + " in " + Format.seconds(Duration.between(start, Instant.now())));
                }
            });
        } finally {
            if (local != null) {
                try {
                    local.close();
                } catch (java.io.IOException e) {
                    // nothing left to do with a client that fails to close
                }
            }
        }
    }

    /** Pulls REGISTRY/IMAGE on ENGINE and gives it its plain name IMAGE, or fails with one line. */
    static void pull(DockerClient engine, String registry, String image) {
        Name name = Name.of(image);
        try {
            if (!engine.pullImageCmd(registry + "/" + name.repository()).withTag(name.tag()).start().awaitCompletion(PULL.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LabException("pulling " + registry + "/" + image + " took longer than " + PULL.toMinutes() + " min");
            }
            engine.tagImageCmd(registry + "/" + image, name.repository(), name.tag()).exec();
        } catch (RuntimeException e) {
            throw new LabException("image " + image + " cannot be pulled from " + registry + " (" + firstLine(e) + "): push it there ("
                    + "./mvnw deploy -DskipITs -Dimage.registry=" + registry + ") or build it (./mvnw install -DskipITs)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while pulling " + image);
        }
    }

    /** Pushes IMAGE from this machine's engine to REGISTRY, once a run (a host that needs it meanwhile waits); nothing when this machine lacks it. */
    private synchronized void push(String registry, String image) {
        if (!pushed.add(image)) {
            return;
        }
        if (local == null) {
            local = DockerClients.connect();
        }
        if (!has(local, image)) {
            return;
        }
        Name name = Name.of(image);
        try {
            local.tagImageCmd(image, registry + "/" + name.repository(), name.tag()).exec();
            List<String> errors = new ArrayList<>();
            boolean done;
            try {
                // A push reports its failures as items of its stream, not as an exception.
                done = local.pushImageCmd(registry + "/" + name.repository()).withTag(name.tag()).exec(new ResultCallback.Adapter<PushResponseItem>() {
                    @Override
                    public void onNext(PushResponseItem item) {
                        if (item.getErrorDetail() != null) {
                            errors.add(item.getErrorDetail().getMessage());
                        }
                    }
                }).awaitCompletion(PULL.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                // The registry's name of the image was only for the push: this machine keeps its own name alone.
                local.removeImageCmd(registry + "/" + image).withNoPrune(true).exec();
            }
            if (!done || !errors.isEmpty()) {
                throw new LabException("cannot push " + image + " to " + registry + " (" + (done ? errors.get(0) : "not done within " + PULL.toMinutes() + " min")
                        + "): start the registry, or give the one every host reaches (-Dimage.registry)");
            }
            log.accept("pushed " + image + " to " + registry);
        } catch (RuntimeException e) {
            throw new LabException("cannot push " + image + " to " + registry + " (" + firstLine(e) + "): start the registry, or give the one every host reaches (-Dimage.registry)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while pushing " + image);
        }
    }

    private static boolean has(DockerClient engine, String image) {
        try {
            engine.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** An image's repository and tag ("latest" when it names none). */
    record Name(String repository, String tag) {
        static Name of(String image) {
            int colon = image.lastIndexOf(':');
            return colon > image.lastIndexOf('/') ? new Name(image.substring(0, colon), image.substring(colon + 1)) : new Name(image, "latest");
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage()).trim();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
