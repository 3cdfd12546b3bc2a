package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openfirecluster.checker.HistoryBuilder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void countFromOnePerPair() {
        SequenceNumbers sequences = new SequenceNumbers();
        assertEquals(1, sequences.next("c01", "c02"));
        assertEquals(2, sequences.next("c01", "c02"));
        assertEquals(1, sequences.next("c02", "c01"));
        assertEquals(1, sequences.next("c01", HistoryBuilder.ROOM));
        assertEquals(3, sequences.next("c01", "c02"));
    }

    @Test
    void noNumberTwiceAcrossThreads() throws InterruptedException {
        SequenceNumbers sequences = new SequenceNumbers();
        Set<Long> drawn = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        IntStream.range(0, 4).forEach(t -> threads.execute(() -> {
            for (int i = 0; i < 1000; i++) {
                drawn.add(sequences.next("c01", "c02"));
            }
        }));
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        assertEquals(LongStream.rangeClosed(1, 4000).boxed().collect(java.util.stream.Collectors.toSet()), drawn);
    }
}
