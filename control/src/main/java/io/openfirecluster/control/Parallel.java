package io.openfirecluster.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs one Docker call per item side by side and waits for all: the calls wait on the Docker
 * daemon and the containers (a graceful stop, an exec), not on this machine's two cores, so a
 * thread per item (a common-pool stream would run two at a time here) is what makes nine nodes as
 * quick as one.
 */
final class Parallel {
    private Parallel() {
    }

    static <T> void forEach(List<T> items, Consumer<T> action) {
        if (items.size() <= 1) {
            items.forEach(action);
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(items.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (T item : items) {
                running.add(threads.submit(() -> action.accept(item)));
            }
            for (Future<?> call : running) {
                try {
                    call.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
