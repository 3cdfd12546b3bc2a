package io.openfirecluster.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A followed stream of output cut into lines: bytes go in as Docker's frames bring them, complete
 * lines come out, each decoded once. A newline byte never occurs inside a multibyte UTF-8
 * character, so cutting the bytes at newlines and decoding each line cannot split a character,
 * whereas decoding each frame can (frames end anywhere).
 */
public final class LogLines {
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    /** Takes PAYLOAD and returns the lines it completed, without their newline. */
    public synchronized List<String> add(byte[] payload) {
        List<String> lines = new ArrayList<>();
        for (byte b : payload) {
            if (b == '\n') {
                lines.add(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
            } else {
                partial.write(b);
            }
        }
        return lines;
    }
}
