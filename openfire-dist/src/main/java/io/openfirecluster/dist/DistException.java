package io.openfirecluster.dist;

/** A supplied path or download is not what the lab needs; the message is the one line the user sees. */
public class DistException extends Exception {
    public DistException(String message) {
        super(message);
    }
}
