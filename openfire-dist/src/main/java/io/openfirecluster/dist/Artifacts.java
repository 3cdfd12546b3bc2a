package io.openfirecluster.dist;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * the path the user gave, the download cache, a download by version. A file is checked by SHA-256
 * against the checksum the user gave; without one, a download's checksum is recorded next to the
 * cached file (FILE.sha256) and the cached file is checked against that record at every later use,
 * so a cached file is trusted no more than a fresh download.
 */
final class Artifacts {
    /** Next to a downloaded file: its SHA-256 at download, in sha256sum's format. */
    static final String RECORD_SUFFIX = ".sha256";

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
        boolean checksumGiven = sha256 != null && !sha256.isBlank();
        if (given != null) {
            if (!Files.exists(given)) {
                throw new DistException(what + " " + given + " does not exist: fix the path");
            }
            verify(what, given, sha256);
            return Optional.of(given);
        }
        if (Files.isRegularFile(cached)) {
            if (checksumGiven) {
                verify(what, cached, sha256);
            } else {
                verifyRecorded(what, cached);
            }
            log.accept(what + ": using cached " + cached);
            return Optional.of(cached);
        }
        if (url == null) {
            return Optional.empty();
        }
        Path partial = cached.resolveSibling(cached.getFileName() + ".part");
        download(what, url, partial);
        String actual = sha256(partial);
        if (checksumGiven && !sha256.trim().equalsIgnoreCase(actual)) {
            delete(partial);
            throw new DistException(what + ": the download of " + url + " has sha256 " + actual + " but " + sha256.trim()
                    + " was expected: fix the checksum or the version");
        }
        try {
            // Only a complete, checked download gets the cache name, so a killed build leaves no half file to trust.
            Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (checksumGiven) {
                log.accept(what + ": " + cached.getFileName() + " sha256 verified");
            } else {
                Path record = record(cached);
                Files.writeString(record, actual + "  " + cached.getFileName() + "\n", StandardCharsets.US_ASCII);
                log.accept(what + ": downloaded, sha256 " + actual + " recorded in " + record
                        + "; later builds check the cached file against it");
            }
        } catch (IOException e) {
            throw new DistException("cannot store " + cached + ": " + e.getMessage());
        }
        return Optional.of(cached);
    }

    /** Where the checksum of a downloaded FILE is kept: FILE.sha256. */
    static Path record(Path cached) {
        return cached.resolveSibling(cached.getFileName() + RECORD_SUFFIX);
    }

    private void download(String what, URI url, Path partial) throws DistException {
        log.accept(what + ": downloading " + url);
        try {
            Files.createDirectories(partial.getParent());
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                delete(partial);
                throw new DistException(what + ": download of " + url + " answered HTTP " + response.statusCode()
                        + ": check the version, or supply the file yourself");
            }
        } catch (IOException e) {
            delete(partial);
            throw new DistException(what + ": download of " + url + " failed (" + reason(url, e)
                    + "): supply the file yourself (see docs/your-openfire.md)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delete(partial);
            throw new DistException(what + ": download of " + url + " interrupted");
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // What failed before is the line the user needs; a leftover .part is never used.
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

    /** A cached file without a checksum from the user: checked against what its download recorded, if it was downloaded. */
    private void verifyRecorded(String what, Path cached) throws DistException {
        Path record = record(cached);
        if (!Files.isRegularFile(record)) {
            verify(what, cached, null); // put there by the user, not downloaded: nothing recorded
            return;
        }
        String recorded;
        try {
            recorded = Files.readString(record, StandardCharsets.US_ASCII).trim().split("\\s+", 2)[0];
        } catch (IOException e) {
            throw new DistException("cannot read " + record + ": " + e.getMessage());
        }
        String actual = sha256(cached);
        if (!recorded.equalsIgnoreCase(actual)) {
            throw new DistException(what + " " + cached + " has sha256 " + actual + " but its download recorded " + recorded
                    + " in " + record + ": the cached file changed; delete both files to download it again");
        }
        log.accept(what + ": " + cached.getFileName() + " sha256 matches its download's record");
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
