package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
        String nasty = "say \"hi\" ${not.maven} $HOME 'x' \\ é\nline two";
        Path file = dir.resolve("nasty.properties");
        java.util.Properties p = new java.util.Properties();
        p.setProperty("lab.nasty", nasty);
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, null);
        }
        String encoded = OpenfireProperties.parse("plain=1", file.toString()).encoded();
        List<String> pairs = List.of(encoded.split(" "));
        assertEquals(2, pairs.size(), encoded);
        assertEquals(nasty, decode(pairs.get(0).split(":")[1]));
        assertEquals("lab.nasty", decode(pairs.get(0).split(":")[0]));
        assertEquals("plain", decode(pairs.get(1).split(":")[0]));
        assertTrue(encoded.matches("[A-Za-z0-9+/=: ]+"), encoded);
    }

    @Test
    void writtenAndLoadedBackTheyAreTheSame() throws Exception {
        OpenfireProperties given = OpenfireProperties.parse("a=1,b=two words", null);
        given.write(dir.resolve("lab/openfire.properties"));
        assertEquals(given.values(), OpenfireProperties.load(dir.resolve("lab/openfire.properties")).values());
        assertTrue(OpenfireProperties.load(dir.resolve("none")).isEmpty());
    }

    @Test
    void theDatabaseGetsThemInItsEnvironment() {
        Topology lab = new Topology("lab", "172.60.0.0/24", null, "127.0.0.1", "x",
                List.of(new LabService("db", 11, "", "").run("lab/db:1", "postgres", "", ""))).validate();
        String compose = ComposeFile.render(lab, Map.of("db", Map.of(OpenfireProperties.ENV, "YQ==:MQ==")));
        assertTrue(compose.contains("      OPENFIRE_PROPERTIES: \"YQ==:MQ==\"\n"), compose);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
