package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
