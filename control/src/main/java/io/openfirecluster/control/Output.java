package io.openfirecluster.control;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a container printed (an exec's output, its log), collected as the bytes Docker sends and
 * decoded once: Docker splits output into frames anywhere, also inside a multibyte UTF-8
 * character, so decoding frame by frame would garble it (testcontainers' ToStringConsumer does the same).
 */
final class Output extends ResultCallback.Adapter<Frame> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void onNext(Frame frame) {
        write(frame.getPayload());
    }

    synchronized void write(byte[] payload) {
        bytes.writeBytes(payload);
    }

    /** Everything so far, decoded as UTF-8. */
    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
