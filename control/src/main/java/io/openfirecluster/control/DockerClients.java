package io.openfirecluster.control;

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
