package io.openfirecluster.workload.lean;

/**
 * What lean sessions report, each with its System.nanoTime() reading, on the thread that runs
 * them (the connection pool's selector thread): keep these quick, they hold up every other
 * connection. A message's id is reported on send and on receipt, so a checker can pair them.
 */
public interface LeanEvents {
    /** The session is bound and sent its initial presence: it can send and receive. */
    default void loggedIn(LeanSession session, long nanos) {
    }

    /** The session ended before or after it logged in: REASON in a few words. */
    default void failed(LeanSession session, String reason, long nanos) {
    }

    /** A chat message with ID went to TO (handed to the socket). */
    default void sent(LeanSession session, String id, String to, long nanos) {
    }

    /** A message arrived. */
    default void received(LeanSession session, ReceivedMessage message) {
    }
}
