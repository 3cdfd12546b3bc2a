package io.openfirecluster.testsupport;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.openfirecluster.control.Containers;
import io.openfirecluster.control.DockerLog;
import io.openfirecluster.control.LogLines;
import io.openfirecluster.control.Wait;
import io.openfirecluster.topology.LabException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's log, followed as Docker streams it (each line with Docker's timestamp), across
 * restarts of the container: when the stream ends (the container stopped) it is attached again
 * from the last line seen. Readers take snapshots; nothing re-reads the whole log. Frames arrive
 * as bytes and are cut into lines before decoding ({@link LogLines}), so no character is split.
 */
final class LogStream implements AutoCloseable {
    private final Containers containers;
    private final String container;
    private final List<String> lines = new ArrayList<>();
    private final Thread follower;
    private volatile boolean closed;
    private volatile ResultCallback.Adapter<Frame> attached;
    private Instant last = Instant.EPOCH;

    LogStream(Containers containers, String container) {
        this.containers = containers;
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
            LogLines decoder = new LogLines();
            containers.streamLogs(container, null, false, bytes -> append(decoder.add(bytes)))
                    .awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // not there yet: the follower picks it up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow() {
        while (!closed) {
            try {
                LogLines decoder = new LogLines();
                ResultCallback.Adapter<Frame> callback = containers.streamLogs(container, since(), true, bytes -> append(decoder.add(bytes)));
                attached = callback;
                callback.awaitCompletion();
            } catch (RuntimeException e) {
                // the container is gone or not started yet: try again after the interval
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                try {
                    Wait.pause(); // the container stopped; it may be started again
                } catch (LabException interrupted) {
                    return; // closed while waiting
                }
            }
        }
    }

    private synchronized Instant since() {
        return last;
    }

    private synchronized void append(List<String> complete) {
        for (String line : complete) {
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
