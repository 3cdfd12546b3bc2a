package io.openfirecluster.db;

import static io.openfirecluster.db.Docker.docker;
import static io.openfirecluster.db.Docker.tryDocker;

import java.time.Duration;
import java.util.UUID;

/**
 * A container of the db image, started with the docker CLI, its port published on a free port of
 * 127.0.0.1. {@link #close()} removes it, whatever state it is in.
 */
final class DbContainer implements AutoCloseable {

    private final String name;
    /** When the container was last started (run or start), for the time to accept connections. */
    private long startedAt;

    private DbContainer(String name) {
        this.name = name;
    }

    /** Starts a container of {@code image}; call {@link #awaitConnections} before using it. */
    static DbContainer run(String image) {
        return run(image, new String[0]);
    }

    /** As {@link #run(String)}, with more options for docker run (e.g. --env NAME=VALUE). */
    static DbContainer run(String image, String... options) {
        DbContainer container = new DbContainer("db-it-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            container.startedAt = System.nanoTime();
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("run", "--detach", "--name", container.name, "--publish", "127.0.0.1::5432"));
            command.addAll(java.util.List.of(options));
            command.add(image);
            docker(command.toArray(String[]::new));
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
        // e.g. "127.0.0.1:49153"
        String mapping = docker("port", name, "5432/tcp").lines().findFirst().orElseThrow();
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
    }

    Db db() {
        return Db.atPort(port());
    }

    /**
     * Polls until the database accepts a login and a query; returns the milliseconds since the
     * container was (re)started.
     */
    long awaitConnections(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!running()) {
                throw new IllegalStateException("container " + name + " is not running:\n" + logs());
            }
            try {
                db().query("SELECT 1");
                return Duration.ofNanos(System.nanoTime() - startedAt).toMillis();
            } catch (RuntimeException e) {
                last = e;
            }
            Db.pause(Duration.ofMillis(50));
        }
        throw new IllegalStateException("container " + name + " accepted no connection within " + timeout
                + " (last error: " + last + ")\n" + logs());
    }

    /** docker stop: the image's STOPSIGNAL, SIGKILL after 10 s. */
    void stop() {
        docker("stop", name);
    }

    /** docker start of the stopped container. */
    void start() {
        startedAt = System.nanoTime();
        docker("start", name);
    }

    /** Sends {@code signal} to PID 1 (PostgreSQL) and waits until the container has exited; its exit code. */
    int killAndWait(String signal) {
        docker("kill", "--signal", signal, name);
        return Integer.parseInt(docker("wait", name));
    }

    boolean running() {
        return "true".equals(docker("inspect", "--format", "{{.State.Running}}", name));
    }

    int exitCode() {
        return Integer.parseInt(docker("inspect", "--format", "{{.State.ExitCode}}", name));
    }

    String logs() {
        Docker.Result result = tryDocker("logs", name);
        return result.out() + result.err();
    }

    @Override
    public void close() {
        tryDocker("rm", "--force", "--volumes", name);
    }
}
