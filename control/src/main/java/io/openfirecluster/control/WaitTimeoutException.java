package io.openfirecluster.control;

import io.openfirecluster.topology.LabException;

/**
 * A {@link Wait} whose deadline passed: its message names what was waited for, the deadline and
 * what was seen instead. A goal prints it as its one line; a test lets it fail the test.
 */
public class WaitTimeoutException extends LabException {
    public WaitTimeoutException(String message) {
        super(message);
    }
}
