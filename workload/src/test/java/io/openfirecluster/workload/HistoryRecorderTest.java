package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.checker.Event;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryBuilder;
import io.openfirecluster.checker.HistoryJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryRecorderTest {

    @Test
    void timesAreNanosSinceTheStartOnItsClock() {
        AtomicLong clock = new AtomicLong(5_000);
        HistoryRecorder recorder = new HistoryRecorder(HistoryBuilder.START, clock::get);
        clock.addAndGet(2_000_000_000L);
        recorder.recordFault("cut xmpp3", true);
        clock.addAndGet(1_000_000_000L);
        recorder.recordFault("cut xmpp3", false);

        History history = recorder.snapshot();
        assertEquals(HistoryBuilder.START, history.start());
        assertEquals(List.of(Event.fault(2_000_000_000L, "cut xmpp3", true), Event.fault(3_000_000_000L, "cut xmpp3", false)),
                history.events());
        assertEquals(HistoryBuilder.START.plusSeconds(3), history.instantOf(history.events().get(1).nanos()));
    }

    /** Eight threads record at once: every event is kept, once (History sorts them by time itself). */
    @Test
    void recordsEveryEventFromManyThreads() throws InterruptedException {
        AtomicLong clock = new AtomicLong();
        HistoryRecorder recorder = new HistoryRecorder(HistoryBuilder.START, clock::incrementAndGet);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        IntStream.range(0, 8).forEach(t -> threads.execute(() -> {
            for (int i = 0; i < 500; i++) {
                recorder.record(Event.client(recorder.now(), "c0" + t, "xmpp1", Event.Kind.CONNECT, "", Integer.toString(i)));
            }
        }));
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS), "the threads did not finish");

        Map<String, Set<String>> perClient = new TreeMap<>();
        recorder.snapshot().events().forEach(event -> perClient.computeIfAbsent(event.client(), c -> new HashSet<>()).add(event.detail()));
        Set<String> all = IntStream.range(0, 500).mapToObj(Integer::toString).collect(Collectors.toSet());
        assertEquals(8, perClient.size(), perClient.keySet().toString());
        perClient.forEach((client, details) -> assertEquals(all, details, client));
        assertEquals(4000, recorder.snapshot().events().size());
    }

    /**
     * Streaming: events recorded a little out of time order (a thread reads the clock, then records)
     * reach the file in time order, equal times in the order recorded; only the events of the last
     * window are held back from the file.
     */
    @Test
    void aStreamingRecorderWritesItsFileInTimeOrder(@TempDir Path directory) throws IOException {
        AtomicLong clock = new AtomicLong();
        Path file = directory.resolve("consistency-stream.json");
        long second = 1_000_000_000L;
        try (HistoryRecorder recorder = HistoryRecorder.streamingTo(file, HistoryBuilder.START, clock::get)) {
            recorder.record(Event.client(3 * second, "c01", "xmpp1", Event.Kind.ROOM_JOIN, "room", "second"));
            recorder.record(Event.client(2 * second, "c02", "xmpp1", Event.Kind.ROOM_JOIN, "room", "first"));
            recorder.record(Event.client(3 * second, "c03", "xmpp1", Event.Kind.ROOM_JOIN, "room", "third"));
            assertEquals(3, recorder.held(), "nothing is older than the window yet");
            clock.set(14 * second);
            recorder.recordFault("cut xmpp3", true);
            assertEquals(1, recorder.held(), "the three events more than the window old are in the file");
            assertThrows(IllegalStateException.class, recorder::snapshot);
        }

        History history = HistoryJson.read(file);
        assertEquals(HistoryBuilder.START, history.start());
        assertEquals(List.of("first", "second", "third", "cut xmpp3"), history.events().stream().map(Event::detail).toList());
        try (HistoryJson.Events events = HistoryJson.events(file)) {
            List<String> streamed = new ArrayList<>();
            events.forEachRemaining(event -> streamed.add(event.detail()));
            assertEquals(List.of("first", "second", "third", "cut xmpp3"), streamed, "the file itself is in time order");
        }
    }
}
