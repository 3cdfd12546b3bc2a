package io.openfirecluster.checker;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The history as JSON, one event per line so a diff or grep of two runs stays readable:
 * {@code {"start": "...", "events": [
 * {"t": 12, "client": "c01", ...},
 * ...
 * ]}}. Read back to re-check a stored run; a field a line lacks is "" (or 0, false).
 */
public final class HistoryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryJson() {
    }

    /** The file's shape: Event's fields under their short JSON names. */
    private record HistoryFile(String start, List<EventLine> events) {
    }

    private record EventLine(long t, String client, String entry, Event.Kind kind, String from, String to, long seq,
                             String id, boolean delayed, String detail) {
        static EventLine of(Event event) {
            return new EventLine(event.nanos(), event.client(), event.entry(), event.kind(), event.from(), event.to(),
                    event.seq(), event.messageId(), event.delayed(), event.detail());
        }

        Event event() {
            if (kind == null) {
                throw new IllegalArgumentException("an event of the history has no kind");
            }
            return new Event(t, client, entry, kind, from, to, seq, id, delayed, detail);
        }
    }

    public static void write(History history, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toJson(history), StandardCharsets.UTF_8);
    }

    public static History read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static String toJson(History history) {
        HistoryFile file = new HistoryFile(history.start().toString(), history.events().stream().map(EventLine::of).toList());
        try {
            return JSON.writer(new OneEventPerLine()).writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a history of strings and numbers always renders as JSON", e);
        }
    }

    /** The history in JSON; IllegalArgumentException naming what is wrong when it is not a history. */
    public static History fromJson(String json) {
        HistoryFile file;
        try {
            file = JSON.readValue(json, HistoryFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a history: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()), e);
        }
        if (file == null || file.start() == null || file.events() == null) {
            throw new IllegalArgumentException("not a history: it needs \"start\" and \"events\"");
        }
        try {
            return new History(Instant.parse(file.start()), file.events().stream().map(EventLine::event).toList());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a history: start '" + file.start() + "' is not an instant such as 2025-01-01T00:00:00Z", e);
        }
    }

    /**
     * Compact JSON with a space after ':' and ',', and each element of the (one) array on its own
     * line: events are flat, so this array is the events.
     */
    private static final class OneEventPerLine extends MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(nrOfValues == 0 ? "]" : "\n]");
        }
    }
}
