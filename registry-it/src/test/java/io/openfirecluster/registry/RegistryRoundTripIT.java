package io.openfirecluster.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import io.openfirecluster.control.DockerClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's images after docker:push to a real registry (pre-integration-test): the registry
 * holds them (catalog, both tags, every blob), and pulled back under the registry's name each is
 * the very image that was built (same id) with its OCI labels.
 *
 * <p>Only tags with the registry's prefix are removed and pulled: the local
 * {@code openfire-cluster/*} images stay as they are.
 */
class RegistryRoundTripIT {
    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String REGISTRY = System.getProperty("registry.it");
    private static final boolean OPENFIRE_MISSING = Boolean.getBoolean("openfire.missing");

    private static DockerClient docker;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> PULLED = new ArrayList<>();

    @BeforeAll
    static void connect() {
        docker = DockerClients.connect();
    }

    /** Whatever this test pulled (registry-prefixed tags only) goes again. */
    @AfterAll
    static void removePulledTags() throws IOException {
        for (String name : PULLED) {
            untag(name);
        }
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void dbImage() throws Exception {
        roundTrip(property("db.image"), Map.of("org.opencontainers.image.base.name", property("base.image")));
    }

    @Test
    void loadbalancerImage() throws Exception {
        roundTrip(property("lb.image"), Map.of("org.opencontainers.image.base.name", property("base.image")));
    }

    @Test
    void openfireImage() throws Exception {
        // openfire-dist:prepare has printed the NOT RUN line; the test shows as skipped.
        assumeFalse(OPENFIRE_MISSING, "no Openfire distribution, so no Openfire image to push and pull");
        roundTrip(property("openfire.image"),
                // The node's base follows its Java (-Dopenfire.java): Debian 12 for 17, Debian 13 for 21 and 25.
                Map.of("io.openfirecluster.openfire.version", property("openfire.version"),
                        "org.opencontainers.image.base.name", property("openfire.java.base")));
    }

    @Test
    void catalogListsThePushedRepositories() throws Exception {
        JsonNode catalog = JSON.readTree(get("/v2/_catalog", "application/json"));
        List<String> images = new ArrayList<>(List.of(property("db.image"), property("lb.image")));
        if (!OPENFIRE_MISSING) {
            images.add(property("openfire.image"));
        }
        for (String image : images) {
            String repository = repository(image);
            assertTrue(texts(catalog.path("repositories")).contains(repository),
                    "registry catalog " + catalog + " lacks " + repository);
            JsonNode tags = JSON.readTree(get("/v2/" + repository + "/tags/list", "application/json"));
            assertTrue(texts(tags.path("tags")).containsAll(List.of(tag(image), "latest")),
                    repository + ": tags " + tags + " lack " + tag(image) + " or latest");
        }
    }

    private void roundTrip(String image, Map<String, String> extraLabels) throws Exception {
        InspectImageResponse local = docker.inspectImageCmd(image).exec();
        String remote = REGISTRY + "/" + image;

        // docker:push removes its temporary registry tag itself; make sure none is left either way.
        untag(remote);
        assertThrows(NotFoundException.class, () -> docker.inspectImageCmd(remote).exec(),
                remote + " still exists locally");

        // The registry has the manifest and every blob it names (config and layers).
        JsonNode manifest = JSON.readTree(get("/v2/" + repository(image) + "/manifests/" + tag(image),
                "application/vnd.docker.distribution.manifest.v2+json"));
        List<String> digests = new ArrayList<>();
        digests.add(manifest.path("config").path("digest").asText(""));
        manifest.path("layers").forEach(layer -> digests.add(layer.path("digest").asText("")));
        assertTrue(digests.size() >= 2 && digests.stream().allMatch(d -> d.matches("sha256:[0-9a-f]{64}")),
                image + ": manifest names no config and layers: " + manifest);
        for (String digest : digests) {
            HttpResponse<Void> head = HTTP.send(request("/v2/" + repository(image) + "/blobs/" + digest, "*/*")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(200, head.statusCode(), image + ": blob " + digest + " missing in the registry");
        }
        assertEquals(local.getId(), digests.get(0), image + ": manifest's config is not the image that was built");

        PULLED.add(remote);
        pull(remote);
        InspectImageResponse pulled = docker.inspectImageCmd(remote).exec();
        assertEquals(local.getId(), pulled.getId(), remote + " is not the image that was pushed");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("org.opencontainers.image.source", property("image.source"));
        expected.put("org.opencontainers.image.version", property("image.version"));
        expected.putAll(extraLabels);
        Map<String, String> labels = pulled.getConfig() == null ? null : pulled.getConfig().getLabels();
        assertFalse(labels == null || labels.isEmpty(), remote + " has no labels");
        for (Map.Entry<String, String> label : expected.entrySet()) {
            assertEquals(label.getValue(), labels.get(label.getKey()), remote + ": label " + label.getKey());
        }
    }

    private static void pull(String name) throws InterruptedException {
        int colon = name.lastIndexOf(':');
        ResultCallback.Adapter<PullResponseItem> done = docker.pullImageCmd(name.substring(0, colon))
                .withTag(name.substring(colon + 1))
                .exec(new ResultCallback.Adapter<>());
        if (!done.awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            fail("pulling " + name + " took longer than " + PULL_TIMEOUT);
        }
    }

    private static void untag(String name) {
        try {
            docker.removeImageCmd(name).withForce(false).withNoPrune(true).exec();
        } catch (NotFoundException e) {
            // not there: nothing to remove
        }
    }

    private static String get(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request(path, accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
        return response.body();
    }

    private static HttpRequest.Builder request(String path, String accept) {
        return HttpRequest.newBuilder(URI.create("http://" + REGISTRY + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept);
    }

    /** The strings of a JSON array (none when it is missing). */
    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** "openfire-cluster/db:1.0.0-SNAPSHOT" -> "openfire-cluster/db". */
    private static String repository(String image) {
        return image.substring(0, image.lastIndexOf(':'));
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run through Maven)");
        }
        return value;
    }
}
