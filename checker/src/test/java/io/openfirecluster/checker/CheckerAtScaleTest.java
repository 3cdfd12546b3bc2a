package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history of a million events, made up as it is written (never a list): it goes to a file one
 * event at a time and is checked from the file one event at a time. The counts are asserted; the
 * checker's speed is printed as a [report] line, never asserted.
 */
class CheckerAtScaleTest {
    /** 333,000 messages: with their acks, receives and duplicates, and the clients' connects, just over a million events. */
    private static final int MESSAGES = 333_000;
    private static final int CLIENTS = 20;
    /** Every hundredth message is never received, every fiftieth (another one) is received twice. */
    private static final int LOST_EVERY = 100;
    private static final int DUPLICATED_EVERY = 50;
    private static final String[] CLIENT_NAMES = IntStream.rangeClosed(1, CLIENTS)
            .mapToObj(c -> String.format("c%02d", c)).toArray(String[]::new);

    @Test
    void aMillionEventsAreCheckedFromTheirFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("consistency-scale.json");
        long written = 0;
        try (HistoryJson.EventWriter writer = HistoryJson.EventWriter.to(file, HistoryBuilder.START)) {
            for (Iterator<Event> events = new MadeUpRun(); events.hasNext(); written++) {
                writer.append(events.next());
            }
        }
        assertTrue(written >= 1_000_000, "the made-up run has " + written + " events");

        AtomicReference<ConsistencyChecker.Speed> speed = new AtomicReference<>();
        CheckResult result;
        try (HistoryJson.Events events = HistoryJson.events(file)) {
            result = new ConsistencyChecker(speed::set).check("scale", events.start(), events);
        }
        System.out.println("[report] " + speed.get().line());

        long lost = MESSAGES / LOST_EVERY;
        long duplicated = MESSAGES / DUPLICATED_EVERY;
        assertEquals(written, speed.get().events(), "every event of the file was checked");
        assertEquals(MESSAGES, result.sent());
        assertEquals(MESSAGES, result.direct().acked());
        assertEquals(lost, result.lost());
        assertEquals(lost, result.direct().lostAcked(), "every lost message had been acknowledged");
        assertEquals(duplicated, result.duplicated());
        assertEquals(MESSAGES - lost, result.live());
        assertEquals(0, result.late());
        assertEquals(0, result.reordered());
        assertEquals(0, result.direct().rerouted());
        assertTrue(result.invariantHolds());
        assertEquals(MESSAGES - lost, result.direct().latency().count());
        assertEquals(HistoryBuilder.START, result.start());
    }

    /**
     * The run, generated in time order: every client connects (half on xmpp1, half on xmpp2), then
     * one message a microsecond goes round the clients, acknowledged at once and received half a
     * microsecond after its send, except the lost and duplicated ones.
     */
    private static final class MadeUpRun implements Iterator<Event> {
        private final List<Event> pending = new ArrayList<>();
        private final long[][] sequences = new long[CLIENTS][CLIENTS];
        private int message;

        MadeUpRun() {
            for (int c = 0; c < CLIENTS; c++) {
                String entry = c % 2 == 0 ? "xmpp1" : "xmpp2";
                pending.add(Event.connect(0, client(c), entry, "user" + (c % 2 + 1) + "@xmpp.localhost.example/" + client(c)));
            }
        }

        @Override
        public boolean hasNext() {
            if (pending.isEmpty() && message < MESSAGES) {
                next(message++);
            }
            return !pending.isEmpty();
        }

        @Override
        public Event next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.remove(0);
        }

        /** Message I's events. */
        private void next(int i) {
            int from = i % CLIENTS;
            int to = (from + 1 + i / CLIENTS % (CLIENTS - 1)) % CLIENTS;
            MessageId id = new MessageId(HistoryBuilder.RUN, client(from), client(to), ++sequences[from][to]);
            long sent = 1_000_000L + i * 1_000L;
            String fromEntry = from % 2 == 0 ? "xmpp1" : "xmpp2";
            String toEntry = to % 2 == 0 ? "xmpp1" : "xmpp2";
            pending.add(Event.message(sent, client(from), fromEntry, Event.Kind.SEND, id, false, ""));
            pending.add(Event.message(sent + 100, client(from), fromEntry, Event.Kind.SEND_ACKED, id, false, ""));
            if (i % LOST_EVERY == LOST_EVERY - 1) {
                return;
            }
            pending.add(Event.message(sent + 500, client(to), toEntry, Event.Kind.RECEIVE, id, false, ""));
            if (i % DUPLICATED_EVERY == 7) {
                pending.add(Event.message(sent + 700, client(to), toEntry, Event.Kind.RECEIVE, id, false, ""));
            }
        }

        private static String client(int c) {
            return CLIENT_NAMES[c];
        }
    }
}
