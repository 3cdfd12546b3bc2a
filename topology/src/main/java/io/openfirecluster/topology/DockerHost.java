package io.openfirecluster.topology;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One Docker host of a lab that spans several: its name (the swarm node's), how the lab reaches its
 * engine (ENGINE: unix:///path/to/docker.sock, a socket on this machine, e.g. one that SSH forwards
 * from the host, or tcp://HOST:2376 with TLS), and the address it publishes the lab's ports on
 * (BIND; "" for the lab's bind address). The one-host lab has {@link #ONE}: DOCKER_HOST's engine.
 */
public record DockerHost(String name, String engine, String bind) {
    /** The one Docker host of a lab that spans none. */
    public static final DockerHost ONE = new DockerHost("", "", "");

    public DockerHost {
        name = name == null ? "" : name;
        engine = engine == null ? "" : engine;
        bind = bind == null ? "" : bind;
    }

    /**
     * The hosts of FILE, by name, in its order: a properties file with {@code hosts=host1,host2}
     * and per host {@code host1.engine=unix:///...} and, optionally, {@code host1.bind=ADDRESS}.
     * One line for a file that is not there or lacks an engine.
     */
    public static Map<String, DockerHost> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new LabException("cannot read the Docker hosts file " + file + " (" + e.getMessage() + "): give -Dlab.hosts.file=FILE (docs/multihost.md says what it holds)");
        }
        Map<String, DockerHost> hosts = new LinkedHashMap<>();
        for (String name : properties.getProperty("hosts", "").split(",")) {
            if (name.isBlank()) {
                continue;
            }
            String engine = properties.getProperty(name.trim() + ".engine", "").trim();
            if (!engine.startsWith("unix://") && !engine.startsWith("tcp://")) {
                throw new LabException("the Docker hosts file " + file + " gives " + name.trim() + " no engine: add " + name.trim()
                        + ".engine=unix:///PATH/docker.sock (or tcp://HOST:2376 with TLS)");
            }
            hosts.put(name.trim(), new DockerHost(name.trim(), engine, properties.getProperty(name.trim() + ".bind", "").trim()));
        }
        return hosts;
    }

    /** Writes HOSTS as {@link #read} reads them, e.g. for simulated hosts. */
    public static void write(Iterable<DockerHost> hosts, Path file) throws IOException {
        Properties properties = new Properties();
        StringBuilder names = new StringBuilder();
        for (DockerHost host : hosts) {
            names.append(names.length() == 0 ? "" : ",").append(host.name());
            properties.setProperty(host.name() + ".engine", host.engine());
            if (!host.bind().isEmpty()) {
                properties.setProperty(host.name() + ".bind", host.bind());
            }
        }
        properties.setProperty("hosts", names.toString());
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (java.io.Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "the Docker hosts a lab may span: each one's engine and the address it publishes ports on");
        }
    }
}
