package io.openfirecluster.db;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The docker CLI, for the tests that need more than the one container docker-maven-plugin starts. */
final class Docker {

    record Result(int exitCode, String out, String err) {
    }

    private Docker() {
    }

    /** Runs {@code docker args...}; fails unless it exits 0. Returns stdout, trimmed. */
    static String docker(String... args) {
        Result result = tryDocker(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " exited " + result.exitCode()
                    + ": " + result.err().trim());
        }
        return result.out().trim();
    }

    /** Runs {@code docker args...} (at most two minutes) and returns what happened. */
    static Result tryDocker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close(); // no input
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish in 2 minutes");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
