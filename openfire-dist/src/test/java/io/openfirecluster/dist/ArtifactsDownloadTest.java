package io.openfirecluster.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads and their checksums, against a real HTTP server on 127.0.0.1 that serves files this
 * test makes (never the internet), at the paths Releases names under -Dopenfire.download.base.
 */
class ArtifactsDownloadTest {
    private static final byte[] RELEASE = "an Openfire release, as far as this test knows".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cache;

    private final List<String> log = new ArrayList<>();
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private Releases releases;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().toString());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        releases = new Releases("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void firstDownloadRecordsItsChecksumAndTheNextUseChecksTheCachedFileAgainstIt() throws Exception {
        URI url = releases.openfire("5.1.1");
        served.put(url.getRawPath() + "?" + url.getRawQuery(), RELEASE);
        Path cached = cache.resolve("openfire-5.1.1.tar.gz");

        assertEquals(cached, artifacts().find("Openfire 5.1.1", null, cached, url, "").orElseThrow());
        assertArrayEquals(RELEASE, Files.readAllBytes(cached));
        String sha256 = Artifacts.sha256(cached);
        Path record = cache.resolve("openfire-5.1.1.tar.gz.sha256");
        assertEquals(sha256 + "  openfire-5.1.1.tar.gz\n", Files.readString(record));
        assertTrue(log.contains("Openfire 5.1.1: downloaded, sha256 " + sha256 + " recorded in " + record
                + "; later builds check the cached file against it"), log.toString());
        assertFalse(Files.exists(cache.resolve("openfire-5.1.1.tar.gz.part")));

        log.clear();
        assertEquals(cached, artifacts().find("Openfire 5.1.1", null, cached, url, "").orElseThrow());
        assertEquals(1, requests.get(), "the second use reads the cache, it does not download again");
        assertTrue(log.contains("Openfire 5.1.1: openfire-5.1.1.tar.gz sha256 matches its download's record"), log.toString());
    }

    @Test
    void aCachedFileThatChangedAfterItsDownloadStopsTheBuildInOneLine() throws Exception {
        URI url = releases.hazelcastPlugin("5.5.0.1");
        served.put(url.getRawPath(), RELEASE);
        Path cached = cache.resolve("hazelcast-5.5.0.1.jar");
        artifacts().find("Hazelcast plugin 5.5.0.1", null, cached, url, "");
        String recorded = Artifacts.sha256(cached);
        Files.writeString(cached, "tampered");

        DistException e = assertThrows(DistException.class,
                () -> artifacts().find("Hazelcast plugin 5.5.0.1", null, cached, url, ""));
        assertEquals("Hazelcast plugin 5.5.0.1 " + cached + " has sha256 " + Artifacts.sha256(cached) + " but its download recorded "
                + recorded + " in " + cached + ".sha256: the cached file changed; delete both files to download it again", e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aMissingReleaseNamesTheUrlAndTheStatusAndLeavesNothingInTheCache() {
        URI url = releases.openfire("9.9.9");
        Path cached = cache.resolve("openfire-9.9.9.tar.gz");

        DistException e = assertThrows(DistException.class, () -> artifacts().find("Openfire 9.9.9", null, cached, url, ""));
        assertEquals("Openfire 9.9.9: download of " + url + " answered HTTP 404: check the version, or supply the file yourself",
                e.getMessage());
        assertFalse(Files.exists(cached));
        assertFalse(Files.exists(cache.resolve("openfire-9.9.9.tar.gz.part")));
        assertFalse(Files.exists(Artifacts.record(cached)));
    }

    @Test
    void aDownloadThatDoesNotMatchTheGivenChecksumIsNotCached() {
        URI url = releases.openfire("5.1.1");
        served.put(url.getRawPath() + "?" + url.getRawQuery(), RELEASE);
        Path cached = cache.resolve("openfire-5.1.1.tar.gz");
        String wrong = "00".repeat(32);

        DistException e = assertThrows(DistException.class, () -> artifacts().find("Openfire 5.1.1", null, cached, url, wrong));
        assertTrue(e.getMessage().startsWith("Openfire 5.1.1: the download of " + url + " has sha256 "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" but " + wrong + " was expected: fix the checksum or the version"), e.getMessage());
        assertFalse(Files.exists(cached));
        assertFalse(Files.exists(Artifacts.record(cached)));
    }

    /** A record is what the first download saw; a checksum the user gives is still checked, record or not. */
    @Test
    void aGivenChecksumIsCheckedOverTheRecord() throws Exception {
        URI url = releases.openfire("5.1.1");
        served.put(url.getRawPath() + "?" + url.getRawQuery(), RELEASE);
        Path cached = cache.resolve("openfire-5.1.1.tar.gz");
        artifacts().find("Openfire 5.1.1", null, cached, url, "");
        String right = Artifacts.sha256(cached);

        log.clear();
        artifacts().find("Openfire 5.1.1", null, cached, url, right.toUpperCase(java.util.Locale.ROOT));
        assertTrue(log.contains("Openfire 5.1.1: openfire-5.1.1.tar.gz sha256 verified"), log.toString());
        DistException e = assertThrows(DistException.class, () -> artifacts().find("Openfire 5.1.1", null, cached, url, "11".repeat(32)));
        assertTrue(e.getMessage().contains("but " + "11".repeat(32) + " was expected"), e.getMessage());
    }

    @Test
    void releasesLiveUnderTheBaseUrl() {
        assertEquals(URI.create("https://www.igniterealtime.org/downloadServlet?filename=openfire/openfire_5_1_1.tar.gz"),
                new Releases(Releases.IGNITEREALTIME).openfire("5.1.1"));
        assertEquals(URI.create("https://www.igniterealtime.org/projects/openfire/plugins/5.5.0.1/hazelcast.jar"),
                new Releases(Releases.IGNITEREALTIME).hazelcastPlugin("5.5.0.1"));
    }

    private Artifacts artifacts() {
        return new Artifacts(log::add);
    }
}
