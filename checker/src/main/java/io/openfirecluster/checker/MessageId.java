package io.openfirecluster.checker;

import java.util.Optional;

/**
 * What a workload message says about itself: which run sent it, from which client, to which
 * addressee (a client id, or the room's JID), and its sequence number. It travels as the message's
 * body and stanza id, {@code chk/RUN/FROM/TO/SEQ}, so a receive is matched to its send whichever
 * resource or node it arrived at, and whatever the server did to the stanza on the way.
 *
 * <p>The run token keeps runs apart: offline storage outlives a run, and a message stored during
 * yesterday's run must not count as a duplicate or a stranger in today's.
 */
public record MessageId(String run, String from, String to, long seq) {
    private static final String PREFIX = "chk";
    private static final String SEPARATOR = "/";

    public MessageId {
        requirePart("run", run);
        requirePart("from", from);
        requirePart("to", to);
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, got " + seq);
        }
    }

    public String encode() {
        return String.join(SEPARATOR, PREFIX, run, from, to, Long.toString(seq));
    }

    /** The id TEXT encodes, or empty when TEXT is not a workload message id (a stranger's message). */
    public static Optional<MessageId> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split(SEPARATOR, -1);
        if (parts.length != 5 || !parts[0].equals(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MessageId(parts[1], parts[2], parts[3], Long.parseLong(parts[4])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void requirePart(String name, String value) {
        if (value == null || value.isEmpty() || value.contains(SEPARATOR)) {
            throw new IllegalArgumentException("message id part " + name + " must be non-empty without '" + SEPARATOR + "', got '" + value + "'");
        }
    }
}
