package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker's frames end anywhere, also inside a multibyte character: output is decoded once, not frame by frame. */
class OutputTest {
    private static final String TEXT = "2026-01-01T00:00:00Z grüße, 日本\n2026-01-01T00:00:01Z €\n";

    @Test
    void aCharacterSplitAcrossTwoFramesIsDecodedWhole() {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        int split = "2026-01-01T00:00:00Z gr".length() + 1; // after the first of ü's two bytes
        byte[] first = Arrays.copyOfRange(bytes, 0, split);
        byte[] second = Arrays.copyOfRange(bytes, split, bytes.length);
        assertNotEquals(TEXT, new String(first, StandardCharsets.UTF_8) + new String(second, StandardCharsets.UTF_8),
                "decoded frame by frame, the split character is garbled");
        Output output = new Output();
        output.write(first);
        output.write(second);
        assertEquals(TEXT, output.text());
    }

    @Test
    void everySplitPointGivesTheSameLines() {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            LogLines lines = new LogLines();
            List<String> first = lines.add(Arrays.copyOfRange(bytes, 0, split));
            List<String> rest = lines.add(Arrays.copyOfRange(bytes, split, bytes.length));
            List<String> all = new java.util.ArrayList<>(first);
            all.addAll(rest);
            assertEquals(List.of("2026-01-01T00:00:00Z grüße, 日本", "2026-01-01T00:00:01Z €"), all, "split at byte " + split);
        }
    }
}
