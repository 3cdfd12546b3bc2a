package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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

    @Test
    void recordsFromManyThreadsInTimeOrder() throws InterruptedException {
        AtomicLong clock = new AtomicLong();
        HistoryRecorder recorder = new HistoryRecorder(HistoryBuilder.START, clock::incrementAndGet);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        IntStream.range(0, 8).forEach(t -> threads.execute(() -> {
            for (int i = 0; i < 500; i++) {
                recorder.record(Event.client(recorder.now(), "c0" + t, "xmpp1", Event.Kind.CONNECT, "", ""));
            }
        }));
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);

        List<Event> events = recorder.snapshot().events();
        assertEquals(4000, events.size());
        for (int i = 1; i < events.size(); i++) {
            assertEquals(true, events.get(i - 1).nanos() <= events.get(i).nanos());
        }
    }
}
