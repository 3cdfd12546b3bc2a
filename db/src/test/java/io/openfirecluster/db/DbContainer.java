package io.openfirecluster.db;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.openfirecluster.control.Containers;
import io.openfirecluster.control.DockerClients;
import io.openfirecluster.control.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A container of the db image, run through the lab's Docker API (docker-java), its port published
 * on a free port of 127.0.0.1. {@link #close()} removes it, whatever state it is in.
 */
final class DbContainer implements AutoCloseable {
    private static final ExposedPort POSTGRES = ExposedPort.tcp(5432);
    private static final Duration COMMAND = Duration.ofSeconds(30);
    /** Finer than the lab's usual polling interval: the tests report how long startup took. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static DockerClient docker;
    private static Containers containers;

    private final String name;
    /** When the container was last started (run or start), for the time to accept connections. */
    private long startedAt;

    private DbContainer(String name) {
        this.name = name;
    }

    /** The Docker engine the tests use, connected once. */
    static synchronized DockerClient docker() {
        if (docker == null) {
            docker = DockerClients.connect();
            containers = new Containers(docker);
        }
        return docker;
    }

    private static synchronized Containers containers() {
        docker();
        return containers;
    }

    /** Starts a container of {@code image}; call {@link #awaitConnections} before using it. */
    static DbContainer run(String image) {
        return run(image, Map.of());
    }

    /** As {@link #run(String)}, with ENV in the container's environment. */
    static DbContainer run(String image, Map<String, String> env) {
        DbContainer container = new DbContainer("db-it-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            container.startedAt = System.nanoTime();
            String id = docker().createContainerCmd(image).withName(container.name)
                    .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withExposedPorts(POSTGRES)
                    .withHostConfig(HostConfig.newHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), POSTGRES)))
                    .exec().getId();
            docker().startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            container.close();
            throw e;
        }
        return container;
    }

    String name() {
        return name;
    }

    /** The host port that 5432 is published on (it may change when the container is restarted). */
    int port() {
        Ports.Binding[] bindings = docker().inspectContainerCmd(name).exec().getNetworkSettings().getPorts().getBindings().get(POSTGRES);
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException("container " + name + " publishes no port for 5432 (is it running?)");
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    Db db() {
        return Db.atPort(port());
    }

    /**
     * Polls until the database accepts a login and a query; returns the milliseconds since the
     * container was (re)started.
     */
    long awaitConnections(Duration timeout) {
        RuntimeException[] last = {null};
        return Wait.until("container " + name + " accepts a connection", timeout, POLL, () -> {
            if (!running()) {
                throw new IllegalStateException("container " + name + " is not running:\n" + logs());
            }
            try {
                db().query("SELECT 1");
                return Optional.of(Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
            } catch (RuntimeException e) {
                last[0] = e;
                return Optional.empty();
            }
        }, () -> "last error: " + last[0] + "\n" + logs());
    }

    /** docker stop: the image's STOPSIGNAL, SIGKILL after 10 s. */
    void stop() {
        containers().stop(name, Duration.ofSeconds(10));
    }

    /** docker start of the stopped container. */
    void start() {
        startedAt = System.nanoTime();
        containers().start(name);
    }

    /** Sends {@code signal} to PID 1 (PostgreSQL) and waits until the container has exited; its exit code. */
    int killAndWait(String signal) {
        containers().kill(name, signal);
        return Wait.until("container " + name + " exits after SIG" + signal, Duration.ofMinutes(1),
                () -> containers().state(name).running() ? Optional.<Long>empty() : containers().state(name).exitCode(), () -> "").intValue();
    }

    boolean running() {
        return containers().state(name).running();
    }

    int exitCode() {
        return containers().state(name).exitCode().orElseThrow().intValue();
    }

    /** What the container logged (stdout and stderr), each line after Docker's timestamp. */
    String logs() {
        return containers().logs(name);
    }

    /** Runs COMMAND in the container; fails unless it exits 0; returns what it printed, trimmed. */
    String exec(String... command) {
        Containers.ExecResult result = containers().exec(name, COMMAND, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(List.of(command) + " in " + name + " exited " + result.exitCode() + ": " + result.output().trim());
        }
        return result.output().trim();
    }

    /** The user the image's processes run as (its Config.User). */
    static String imageUser(String image) {
        return docker().inspectImageCmd(image).exec().getConfig().getUser();
    }

    /** The image's size in bytes. */
    static long imageSize(String image) {
        return docker().inspectImageCmd(image).exec().getSize();
    }

    @Override
    public void close() {
        try {
            docker().removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // never created, or removed already: the goal is reached
        }
    }
}
