package io.openfirecluster.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The history as JSON, one event per line so a diff or grep of two runs stays readable:
 * {@code {"start": "...", "events": [{"t": 12, "client": "c01", ...}, ...]}}. Written by hand
 * because the records are flat; read back with {@link JsonParser} to re-check a stored run.
 */
public final class HistoryJson {
    private HistoryJson() {
    }

    public static void write(History history, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toJson(history), StandardCharsets.UTF_8);
    }

    public static History read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static String toJson(History history) {
        StringBuilder out = new StringBuilder();
        out.append("{\"start\": ").append(quote(history.start().toString())).append(", \"events\": [");
        String separator = "\n";
        for (Event event : history.events()) {
            out.append(separator).append(toJson(event));
            separator = ",\n";
        }
        return out.append("\n]}\n").toString();
    }

    public static History fromJson(String json) {
        Map<?, ?> root = (Map<?, ?>) JsonParser.parse(json);
        List<Event> events = new ArrayList<>();
        for (Object event : (List<?>) root.get("events")) {
            events.add(eventOf((Map<?, ?>) event));
        }
        return new History(Instant.parse((String) root.get("start")), events);
    }

    private static String toJson(Event event) {
        return "{\"t\": " + event.nanos()
                + ", \"client\": " + quote(event.client())
                + ", \"entry\": " + quote(event.entry())
                + ", \"kind\": " + quote(event.kind().name())
                + ", \"from\": " + quote(event.from())
                + ", \"to\": " + quote(event.to())
                + ", \"seq\": " + event.seq()
                + ", \"id\": " + quote(event.messageId())
                + ", \"delayed\": " + event.delayed()
                + ", \"detail\": " + quote(event.detail()) + "}";
    }

    private static Event eventOf(Map<?, ?> json) {
        return new Event(
                number(json, "t"),
                (String) json.get("client"),
                (String) json.get("entry"),
                Event.Kind.valueOf((String) json.get("kind")),
                (String) json.get("from"),
                (String) json.get("to"),
                number(json, "seq"),
                (String) json.get("id"),
                Boolean.TRUE.equals(json.get("delayed")),
                (String) json.get("detail"));
    }

    private static long number(Map<?, ?> json, String key) {
        Object value = json.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
