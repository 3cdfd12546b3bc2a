package io.openfirecluster.dist;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where one input of the lab (the Openfire distribution, the Hazelcast plugin) comes from, in order:
 * the path the user gave, the download cache, a download by version. Each candidate is checked by
 * SHA-256 when a checksum is known, so a cached file is trusted no more than a fresh download.
 */
final class Artifacts {
    private final Consumer<String> log;

    Artifacts(Consumer<String> log) {
        this.log = log;
    }

    /**
     * @param given    the user's path, or null
     * @param cached   where the download cache keeps this version
     * @param url      where to download it from, or null when downloading is off
     * @param sha256   the expected checksum, or blank when unknown
     * @return the file or directory to use, or empty when there is none and downloading is off
     */
    Optional<Path> find(String what, Path given, Path cached, URI url, String sha256) throws DistException {
        if (given != null) {
            if (!Files.exists(given)) {
                throw new DistException(what + " " + given + " does not exist: fix the path");
            }
            verify(what, given, sha256);
            return Optional.of(given);
        }
        if (Files.isRegularFile(cached)) {
            verify(what, cached, sha256);
            log.accept(what + ": using cached " + cached);
            return Optional.of(cached);
        }
        if (url == null) {
            return Optional.empty();
        }
        download(what, url, cached);
        verify(what, cached, sha256);
        return Optional.of(cached);
    }

    private void download(String what, URI url, Path target) throws DistException {
        log.accept(what + ": downloading " + url);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(partial);
                throw new DistException(what + ": download of " + url + " answered HTTP " + response.statusCode()
                        + ": check the version, or supply the file yourself");
            }
            // Only a complete download gets the cache name, so a killed build leaves no half file to trust.
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DistException(what + ": download of " + url + " failed (" + reason(url, e)
                    + "): supply the file yourself (see README \"Your Openfire\")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DistException(what + ": download interrupted");
        }
    }

    /** What went wrong, in words: Java's own message is often empty (null) for network failures. */
    static String reason(URI url, IOException e) {
        String host = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        if (e instanceof java.net.UnknownHostException) {
            return "the name " + url.getHost() + " does not resolve: is this machine offline?";
        }
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no answer from " + host + " within 20 s: is this machine offline?";
        }
        if (e instanceof java.net.ConnectException) {
            return "cannot connect to " + host + ": is this machine offline or behind a proxy?";
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return e.getCause() == null || e.getCause().getMessage() == null ? message : message + ": " + e.getCause().getMessage();
    }

    private void verify(String what, Path file, String expected) throws DistException {
        if (Files.isDirectory(file)) {
            return; // a directory is the user's own build: there is no published checksum for it
        }
        String actual = sha256(file);
        if (expected == null || expected.isBlank()) {
            log.accept(what + ": " + file.getFileName() + " sha256 " + actual + " (not verified: no checksum given)");
        } else if (!expected.trim().equalsIgnoreCase(actual)) {
            throw new DistException(what + " " + file + " has sha256 " + actual + " but " + expected.trim()
                    + " was expected: delete the file or fix the checksum");
        } else {
            log.accept(what + ": " + file.getFileName() + " sha256 verified");
        }
    }

    static String sha256(Path file) throws DistException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DistException("cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
