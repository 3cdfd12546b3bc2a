package io.openfirecluster.topology;

/**
 * Something about the lab is wrong before or while it is made. The message is one line that
 * says what is wrong and what to do, because it is what the user sees of a failed build.
 */
public class LabException extends RuntimeException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
