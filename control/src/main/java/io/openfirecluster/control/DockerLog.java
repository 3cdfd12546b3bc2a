package io.openfirecluster.control;

import java.time.Instant;

/** A line of `docker logs --timestamps`: Docker's RFC 3339 timestamp, a space, the container's line. */
public final class DockerLog {
    private DockerLog() {
    }

    public static Instant timestamp(String line) {
        int space = line.indexOf(' ');
        return Instant.parse(space < 0 ? line : line.substring(0, space));
    }

    public static String text(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1);
    }
}
