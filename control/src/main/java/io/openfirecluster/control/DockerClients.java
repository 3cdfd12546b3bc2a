package io.openfirecluster.control;

import io.openfirecluster.topology.DockerHost;
import io.openfirecluster.topology.LabException;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** A Docker Engine client for the lab's goals and tests, checked to answer before it is handed out. */
public final class DockerClients {
    private DockerClients() {
    }

    /** The engine DOCKER_HOST (or the default socket) names. */
    public static DockerClient connect() {
        return connect(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    /**
     * The engine of HOST, a Docker host of a lab across several: a socket on this machine, or a
     * TCP endpoint with TLS (the client's certificates in ~/.docker/hosts/NAME/: ca.pem, cert.pem,
     * key.pem); never a TCP endpoint without it, which would hand the host to anyone on its network.
     */
    public static DockerClient connect(DockerHost host) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host.engine());
        if (host.engine().startsWith("tcp://")) {
            java.nio.file.Path certs = java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "hosts", host.name());
            if (!java.nio.file.Files.isRegularFile(certs.resolve("key.pem"))) {
                throw new LabException("Docker host " + host.name() + " at " + host.engine() + " needs TLS: put its client certificates (ca.pem, cert.pem, key.pem) in "
                        + certs + ", or reach its socket through SSH (ssh -L) as unix:///PATH (docs/multihost.md)");
            }
            config.withDockerTlsVerify(true).withDockerCertPath(certs.toString());
        }
        try {
            return connect(config.build());
        } catch (LabException unreachable) {
            throw new LabException("Docker host " + host.name() + " is not reachable at " + host.engine()
                    + ": start its engine and check the Docker hosts file (lab.hosts.file, docs/multihost.md)");
        }
    }

    static DockerClient connect(DockerClientConfig config) {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                // Long enough for an image pull; the lab's own calls answer in milliseconds.
                .responseTimeout(Duration.ofMinutes(2))
                .build();
        DockerClient docker = DockerClientImpl.getInstance(config, http);
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            // A caller polling an engine that is still starting connects many times: no client left open.
            try {
                docker.close();
            } catch (java.io.IOException ignored) {
                // the failure below is what matters
            }
            throw new LabException("Docker is not reachable at " + config.getDockerHost()
                    + ": start the Docker daemon (or set DOCKER_HOST) and run again");
        }
        return docker;
    }
}
