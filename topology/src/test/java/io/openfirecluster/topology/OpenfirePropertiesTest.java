package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Dopenfire.properties and -Dopenfire.properties.file: what is accepted, what is refused in one line, how it travels. */
class OpenfirePropertiesTest {
    @TempDir
    Path dir;

    @Test
    void aListIsNameValuePairsAndAValueMayHoldEqualsSigns() {
        assertEquals(Map.of("xmpp.auth.anonymous", "false", "lab.url", "http://x/?a=b"),
                OpenfireProperties.parse("xmpp.auth.anonymous=false, lab.url=http://x/?a=b", null).values());
    }

    @Test
    void theListWinsOverTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("of.properties"), "a=from file, with a comma\nb=file\n");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a", "from file, with a comma");
        expected.put("b", "command line");
        assertEquals(expected, OpenfireProperties.parse("b=command line", file.toString()).values());
    }

    @Test
    void anEntryWithoutEqualsSignSaysWhatToWrite() {
        LabException e = assertThrows(LabException.class, () -> OpenfireProperties.parse("a=1,oops", ""));
        assertEquals("openfire.properties entry 'oops' has no '=': write -Dopenfire.properties=name=value,name2=value2"
                + " (or -Dopenfire.properties.file=FILE, a .properties file, for values with commas)", e.getMessage());
    }

    @Test
    void anEmptyNameIsRefused() {
        assertTrue(assertThrows(LabException.class, () -> OpenfireProperties.parse(" =x", null)).getMessage()
                .startsWith("openfire.properties entry '=x' has an empty name: write"));
    }

    @Test
    void anUnreadableFileIsNamed() {
        Path missing = dir.resolve("nope.properties");
        assertEquals("openfire.properties.file " + missing + " cannot be read (no such file): give a readable .properties file of name=value lines",
                assertThrows(LabException.class, () -> OpenfireProperties.parse(null, missing.toString())).getMessage());
    }

    @Test
    void tooLongForOpenfiresTableIsRefused() {
        assertTrue(assertThrows(LabException.class, () -> OpenfireProperties.parse("n".repeat(101) + "=v", null)).getMessage()
                .contains("longer than 100 characters"));
    }

    /** Quotes, dollars, Maven expressions, newlines and non-ASCII all arrive exactly as given. */
    @Test
    void everyValueSurvivesTheEnvironmentExactly() throws Exception {
        String nasty = "say \"hi\" ${not.maven} $HOME 'x' \\ é, comma\nline two";
        Path file = dir.resolve("nasty.properties");
        java.util.Properties p = new java.util.Properties();
        p.setProperty("lab.nasty", nasty);
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, null);
        }
        String encoded = OpenfireProperties.parse("plain=1", file.toString()).encoded();
        assertEquals(Map.of("lab.nasty", nasty, "plain", "1"), OpenfireProperties.decoded(encoded));
        assertEquals(List.of("lab.nasty", "plain"), List.copyOf(OpenfireProperties.decoded(encoded).keySet()), "the file's, then the list's");
        assertFalse(encoded.contains("$") || encoded.contains("@") || encoded.contains("\n"), "nothing for the docker-maven-plugin to filter, one line: " + encoded);
    }

    /** Through the compose file too: the JSON in the database's environment reads back as given. */
    @Test
    void theDatabaseGetsThemInItsEnvironment() throws Exception {
        Topology lab = new Topology("lab", "172.60.0.0/24", null, "127.0.0.1", "x",
                List.of(new LabService("db", 11, List.of(), List.of()).run("lab/db:1", "postgres", List.of(), Map.of()))).validate();
        OpenfireProperties given = OpenfireProperties.parse("a=${x} \"y\" @project.version@ é", null);
        String compose = ComposeFile.render(lab, Map.of("db", Map.of(OpenfireProperties.ENV, given.encoded())));
        String env = ComposeFile.YAML.readTree(compose).get("services").get("db-postgres").get("environment").get(OpenfireProperties.ENV).textValue();
        assertEquals(given.values(), OpenfireProperties.decoded(env));
    }

    @Test
    void writtenAndLoadedBackTheyAreTheSame() throws Exception {
        OpenfireProperties given = OpenfireProperties.parse("a=1,b=two words", null);
        given.write(dir.resolve("lab/openfire.properties"));
        assertEquals(given.values(), OpenfireProperties.load(dir.resolve("lab/openfire.properties")).values());
        assertTrue(OpenfireProperties.load(dir.resolve("none")).isEmpty());
    }
}
