package io.openfirecluster.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Openfire system properties (table ofProperty) the user wants in every node of the lab, from
 * {@code -Dopenfire.properties=name=value,...} and {@code -Dopenfire.properties.file=PATH}. They
 * are seeded into the database before any node starts, over the lab's own seed (a user's value
 * wins). Checked before anything is made: the message is the one line the user sees.
 */
public final class OpenfireProperties {
    /** The database container's environment variable that carries them (see db's entrypoint.sh). */
    public static final String ENV = "OPENFIRE_PROPERTIES";
    /** Column sizes of ofProperty (Openfire's PostgreSQL schema): longer would fail in the database. */
    static final int MAX_NAME = 100;
    static final int MAX_VALUE = 4000;
    private static final String HOW = ": write -Dopenfire.properties=name=value,name2=value2"
            + " (or -Dopenfire.properties.file=FILE, a .properties file, for values with commas)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;

    private OpenfireProperties(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static OpenfireProperties none() {
        return new OpenfireProperties(new LinkedHashMap<>());
    }

    /**
     * The properties of FILE (may be null or blank), then those of LIST ("name=value,..."; may be
     * null or blank), the list winning over the file for the same name.
     */
    public static OpenfireProperties parse(String list, String file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null && !file.isBlank()) {
            values.putAll(read(Path.of(file.trim())));
        }
        if (list != null) {
            for (String entry : list.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                if (equals < 0) {
                    throw new LabException("openfire.properties entry '" + entry.trim() + "' has no '='" + HOW);
                }
                values.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
            }
        }
        values.forEach((name, value) -> check(name, value));
        return new OpenfireProperties(values);
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new LabException("openfire.properties.file " + file + " cannot be read (" + reason(e)
                    + "): give a readable .properties file of name=value lines");
        }
        // A file has no order worth keeping; sorted, the rendered lab is the same every run.
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static void check(String name, String value) {
        if (name.isBlank()) {
            throw new LabException("openfire.properties entry '=" + value + "' has an empty name" + HOW);
        }
        if (name.length() > MAX_NAME) {
            throw new LabException("openfire property name '" + name.substring(0, 20) + "...' is longer than " + MAX_NAME
                    + " characters, the most Openfire's ofProperty.name holds: shorten it");
        }
        if (value.length() > MAX_VALUE) {
            throw new LabException("the value of openfire property " + name + " is longer than " + MAX_VALUE
                    + " characters, the most Openfire's ofProperty.propValue holds: shorten it");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The lab's own properties (e.g. the s2s TLS policy's) followed by these, these winning for
     * the same name: a user's -Dopenfire.properties overrides what a lab switch stands for.
     */
    public OpenfireProperties over(Map<String, String> labOwn) {
        Map<String, String> all = new LinkedHashMap<>();
        labOwn.forEach((name, value) -> {
            check(name, value);
            all.put(name, value);
        });
        all.putAll(values);
        return new OpenfireProperties(all);
    }

    /** Name to value, in the order given. */
    public Map<String, String> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The value of {@link #ENV}: one JSON object, name to value, in the order given. The database's
     * entrypoint hands it to psql as one variable and PostgreSQL reads it (json_each_text), so no
     * value is ever part of an SQL text or a shell word. No Base64 is needed: the compose file is
     * written by a YAML library, so quotes, commas and newlines (escaped by JSON anyway) arrive
     * intact. One limit remains, the docker-maven-plugin's
     * filtering of the compose file, which would replace a "${...}" in a value: so every '$' is
     * written as JSON's escape for it (backslash, u0024), which PostgreSQL decodes back to '$'.
     */
    public String encoded() {
        try {
            return JSON.writer(new DollarEscapes()).writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always renders as JSON", e);
        }
    }

    /** Reads what {@link #encoded()} gave (what the database receives), e.g. to check it in a test. */
    static Map<String, String> decoded(String json) throws JsonProcessingException {
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    /** JSON's standard escapes, and '$' and '@' as JSON's escapes for them. */
    private static final class DollarEscapes extends CharacterEscapes {
        private final int[] escapes;

        DollarEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['$'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['@'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    /** Writes them as a .properties file (what tests read to know what every node must report). */
    public void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "Openfire system properties seeded into the lab's database by lab:up");
        }
    }

    /** Reads what {@link #write} wrote; none when FILE does not exist. */
    public static OpenfireProperties load(Path file) {
        return Files.isRegularFile(file) ? new OpenfireProperties(new LinkedHashMap<>(read(file))) : none();
    }
}
