package io.openfirecluster.checker;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The history as JSON, one event per line so a diff or grep of two runs stays readable:
 * {@code {"start": "...", "events": [
 * {"t": 12, "client": "c01", ...},
 * ...
 * ]}}. Read back to re-check a stored run; a field a line lacks is "" (or 0, false).
 *
 * <p>The file is written one event at a time ({@link EventWriter}) and can be read one event at a
 * time ({@link #events(Path)}), so neither side holds a long history in memory.
 */
public final class HistoryJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One event: compact, with a space after ':' and ','. */
    private static final ObjectWriter LINE = JSON.writer(new OneLine());
    private static final ObjectReader LINE_READER = JSON.readerFor(EventLine.class);

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
        try (EventWriter writer = EventWriter.to(file, history.start())) {
            for (Event event : history.events()) {
                writer.append(event);
            }
        }
    }

    public static History read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static String toJson(History history) {
        StringWriter json = new StringWriter();
        try (EventWriter writer = new EventWriter(json, history.start())) {
            for (Event event : history.events()) {
                writer.append(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return json.toString();
    }

    /**
     * Writes a history file one event at a time, each event on its own line as it comes: the
     * order of the file is the order of the appends (a reader checks time order, so append in it).
     * Closing ends the file; a file not closed lacks its last line and does not read.
     */
    public static final class EventWriter implements AutoCloseable {
        private final Writer out;
        private long count;

        /** A new (or emptied) FILE for the history that starts at START. */
        public static EventWriter to(Path file, Instant start) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new EventWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), start);
        }

        EventWriter(Writer out, Instant start) throws IOException {
            this.out = out;
            out.write("{\"start\": " + LINE.writeValueAsString(start.toString()) + ", \"events\": [");
        }

        public void append(Event event) throws IOException {
            out.write(count++ == 0 ? "\n" : ",\n");
            out.write(LINE.writeValueAsString(EventLine.of(event)));
        }

        @Override
        public void close() throws IOException {
            try (Writer closing = out) {
                closing.write(count == 0 ? "]}\n" : "\n]}\n");
            }
        }
    }

    /**
     * The events of FILE one at a time, in the file's order, with the history's start; close it
     * when done. The file is read as it is iterated, so a history of any length needs the memory
     * of one event. Reading fails with IllegalArgumentException (UncheckedIOException for the
     * disk) naming what is wrong; "start" must come before "events", as {@link EventWriter} writes it.
     */
    public static Events events(Path file) throws IOException {
        return new Events(JSON.getFactory().createParser(Files.newBufferedReader(file, StandardCharsets.UTF_8)));
    }

    /** A history file being read: its start, and its events as an iterator. */
    public static final class Events implements Iterator<Event>, AutoCloseable {
        private final JsonParser parser;
        private final Instant start;
        private Event next;
        private boolean ended;

        private Events(JsonParser parser) throws IOException {
            this.parser = parser;
            try {
                expect(parser.nextToken() == JsonToken.START_OBJECT, "it is not an object");
                expect(parser.nextToken() == JsonToken.FIELD_NAME && parser.currentName().equals("start")
                        && parser.nextToken() == JsonToken.VALUE_STRING, "it needs \"start\" first");
                start = Instant.parse(parser.getText());
                expect(parser.nextToken() == JsonToken.FIELD_NAME && parser.currentName().equals("events")
                        && parser.nextToken() == JsonToken.START_ARRAY, "it needs \"events\" after \"start\"");
            } catch (DateTimeParseException e) {
                parser.close();
                throw new IllegalArgumentException("not a history: start is not an instant such as 2025-01-01T00:00:00Z", e);
            } catch (JsonProcessingException e) {
                parser.close();
                throw notAHistory(e);
            } catch (IllegalArgumentException e) {
                parser.close();
                throw e;
            }
        }

        /** The wall-clock time of nanos 0. */
        public Instant start() {
            return start;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !ended) {
                try {
                    if (parser.nextToken() == JsonToken.END_ARRAY) {
                        ended = true;
                    } else {
                        next = LINE_READER.<EventLine>readValue(parser).event();
                    }
                } catch (JsonProcessingException e) {
                    throw notAHistory(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return next != null;
        }

        @Override
        public Event next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the history has no more events");
            }
            Event event = next;
            next = null;
            return event;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }

        private void expect(boolean holds, String otherwise) {
            if (!holds) {
                throw new IllegalArgumentException("not a history: " + otherwise + " at line " + parser.currentLocation().getLineNr());
            }
        }
    }

    private static IllegalArgumentException notAHistory(JsonProcessingException e) {
        return new IllegalArgumentException("not a history: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()), e);
    }

    /** The history in JSON; IllegalArgumentException naming what is wrong when it is not a history. */
    public static History fromJson(String json) {
        HistoryFile file;
        try {
            file = JSON.readValue(json, HistoryFile.class);
        } catch (JsonProcessingException e) {
            throw notAHistory(e);
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

    /** Compact JSON with a space after ':' and ','. */
    private static final class OneLine extends MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
