package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void parserReadsStandardJson() {
        Object value = JsonParser.parse(" {\"a\": [1, -2.5e1, true, false, null, \"x\\u0041\\/\"], \"b\": {}, \"c\": []} ");
        assertEquals(Map.of("a", java.util.Arrays.asList(1L, -25.0, true, false, null, "xA/"), "b", Map.of(), "c", List.of()), value);
    }

    @Test
    void brokenJsonSaysWhere() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("{\"a\": [1, 2}"));
        assertEquals("bad JSON at character 11: expected ']'", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("{\"a\": 1} trailing"));
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("\"unterminated"));
    }
}
