package io.openfirecluster.testsupport;

import io.openfirecluster.control.Wait;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import io.openfirecluster.control.DockerLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's log, followed as Docker streams it (each line with Docker's timestamp), across
 * restarts of the container: when the stream ends (the container stopped) it is attached again
 * from the last line seen. Readers take snapshots; nothing re-reads the whole log.
 */
final class LogStream implements AutoCloseable {
    private final DockerClient docker;
    private final String container;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final Thread follower;
    private volatile boolean closed;
    private volatile ResultCallback.Adapter<Frame> attached;
    private Instant last = Instant.EPOCH;

    LogStream(DockerClient docker, String container) {
        this.docker = docker;
        this.container = container;
        readSoFar();
        this.follower = new Thread(this::follow, "log-" + container);
        follower.setDaemon(true);
        follower.start();
    }

    /** Every line so far, oldest first. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** What the container logged before this stream was opened, read at once: a reader right after sees it all. */
    private void readSoFar() {
        try {
            docker.logContainerCmd(container).withStdOut(true).withStdErr(true).withTimestamps(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // not there yet: the follower picks it up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow() {
        while (!closed) {
            try {
                ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                };
                attached = callback;
                docker.logContainerCmd(container).withStdOut(true).withStdErr(true).withTimestamps(true)
                        .withFollowStream(true).withSince((int) last.getEpochSecond()).exec(callback).awaitCompletion();
            } catch (RuntimeException e) {
                // the container is gone or not started yet: try again after the interval
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                Wait.pause(); // the container stopped; it may be started again
            }
        }
    }

    private synchronized void append(String text) {
        partial.append(text);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            Instant at;
            try {
                at = DockerLog.timestamp(line);
            } catch (RuntimeException e) {
                continue; // not a timestamped line
            }
            // "since" has one-second steps: a re-attached stream repeats lines already seen.
            if (at.isAfter(last)) {
                last = at;
                lines.add(line);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        ResultCallback.Adapter<Frame> callback = attached;
        if (callback != null) {
            try {
                callback.close();
            } catch (java.io.IOException e) {
                // the stream is closing anyway
            }
        }
        follower.interrupt();
    }
}
