package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryJsonTest {

    @Test
    void historyReadsBackAsWritten(@TempDir Path directory) throws Exception {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).acked(1, "c01", "c02", 1).delayedReceive(7, "c02", "c01", "c02", 1)
                .bounce(9, "c01", "c02", 1, "quote \" backslash \\ newline \n tab \t bell \u0007 ünïcödé")
                .occupants(10, "xmpp2", "c02", "c02", "c01")
                .fault(11, "cut xmpp3", true)
                .build();
        Path file = directory.resolve("sub/history.json");
        HistoryJson.write(history, file);

        assertEquals(history, HistoryJson.read(file));
        try (HistoryJson.Events events = HistoryJson.events(file)) {
            List<Event> streamed = new ArrayList<>();
            events.forEachRemaining(streamed::add);
            assertEquals(history, new History(events.start(), streamed), "read one event at a time");
        }
    }

    @Test
    void aFileReadOneEventAtATimeChecksLikeTheWholeHistory(@TempDir Path directory) throws Exception {
        History history = new HistoryBuilder()
                .join(0, "c01").join(0, "c02").send(1, "c01", "c02", 1).send(2, "c01", "c02", 2).receive(5, "c02", "c01", "c02", 2)
                .fault(3, "cut", true).fault(4, "cut", false).receive(6, "c02", "c01", "c02", 1).receive(7, "c02", "c01", "c02", 1)
                .groupSend(8, "c01", 1).groupReceive(9, "c01", "c01", 1).occupants(10, "xmpp1", "c01", "c01", "c02")
                .build();
        Path file = directory.resolve("history.json");
        HistoryJson.write(history, file);
        ConsistencyChecker checker = new ConsistencyChecker();
        CheckResult whole = checker.check("s", history);
        CheckResult streamed;
        try (HistoryJson.Events events = HistoryJson.events(file)) {
            streamed = checker.check("s", events.start(), events);
        }
        assertEquals(whole.summaryLine(), streamed.summaryLine());
        assertEquals(whole.direct().anomalies(), streamed.direct().anomalies());
        assertEquals(whole.direct().deliveries(), streamed.direct().deliveries());
        assertEquals(whole.rooms().get(0).anomalies(), streamed.rooms().get(0).anomalies());
        assertEquals(whole.rooms().get(0).agreement(), streamed.rooms().get(0).agreement());
        assertEquals(whole.faults(), streamed.faults());
        assertEquals(whole.span(), streamed.span());
    }

    @Test
    void aStreamedFileNeedsItsStartBeforeItsEvents(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("history.json");
        Files.writeString(file, "{\"events\": [], \"start\": \"2025-01-01T00:00:00Z\"}");
        assertEquals("not a history: it needs \"start\" first at line 1",
                assertThrows(IllegalArgumentException.class, () -> HistoryJson.events(file)).getMessage());
    }

    @Test
    void rereadHistoryChecksTheSame() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).send(1, "c01", "c02", 2).receive(5, "c02", "c01", "c02", 2)
                .fault(2, "cut", true).fault(3, "cut", false).occupants(4, "xmpp1", "c01", "c01")
                .build();
        ConsistencyChecker checker = new ConsistencyChecker();
        assertEquals(checker.check("s", history).summaryLine(),
                checker.check("s", HistoryJson.fromJson(HistoryJson.toJson(history))).summaryLine());
    }

    @Test
    void oneEventPerLine() {
        String json = HistoryJson.toJson(new HistoryBuilder().send(0, "c01", "c02", 1).send(1, "c01", "c02", 2).build());
        assertEquals(4, json.split("\n").length, json);
        assertTrue(json.startsWith("{\"start\": \"2025-01-01T00:00:00Z\", \"events\": ["), json);
    }

    @Test
    void anEmptyHistoryReadsBack() {
        History empty = new HistoryBuilder().build();
        assertEquals("{\"start\": \"2025-01-01T00:00:00Z\", \"events\": []}\n", HistoryJson.toJson(empty));
        assertEquals(empty, HistoryJson.fromJson(HistoryJson.toJson(empty)));
    }

    /** Any JSON writer's history reads: key order, spacing and missing empty fields do not matter. */
    @Test
    void keyOrderAndSpacingDoNotMatter() {
        History history = HistoryJson.fromJson("{\"events\":[{\"kind\":\"FAULT_APPLY\",\"detail\":\"cut xmpp3\",\"client\":\"lab\",\"t\":11000000}],"
                + "\n  \"start\" : \"2025-01-01T00:00:00Z\"}");
        assertEquals(new HistoryBuilder().fault(11, "cut xmpp3", true).build(), history);
    }

    @Test
    void brokenJsonSaysWhere() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> HistoryJson.fromJson("{\"start\": \"2025-01-01T00:00:00Z\", \"events\": [1, 2}"));
        assertTrue(error.getMessage().startsWith("not a history: ") && error.getMessage().contains("line 1, column"), error.getMessage());
        assertEquals("not a history: it needs \"start\" and \"events\"",
                assertThrows(IllegalArgumentException.class, () -> HistoryJson.fromJson("{\"events\": []}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> HistoryJson.fromJson("{\"start\": \"yesterday\", \"events\": []}"));
        assertThrows(IllegalArgumentException.class, () -> HistoryJson.fromJson("{\"start\": \"2025-01-01T00:00:00Z\", \"events\": [{\"t\": 1}]}"));
    }
}
