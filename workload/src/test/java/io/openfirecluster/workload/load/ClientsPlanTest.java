package io.openfirecluster.workload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The clients benchmark's input: what it runs, and bad input refused in one line before anything connects. */
class ClientsPlanTest {

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        properties.setProperty("lab.topology", "cluster-it/target/lab/topology.properties");
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    private static String refusal(String... pairs) {
        String message = assertThrows(IllegalArgumentException.class, () -> ClientsPlan.from(properties(pairs))).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    @Test
    void theDefaultsAndOneRatePerCount() {
        ClientsPlan defaults = ClientsPlan.from(properties());
        assertEquals(List.of("smack", "lean"), defaults.kinds());
        assertEquals(List.of(100, 500, 1000, 5000), defaults.counts());
        assertEquals(List.of(50.0, 50.0, 50.0, 50.0), defaults.loginRates());
        assertEquals(List.of("lb", "xmpp1", "xmpp2", "xmpp3"), defaults.entries());

        ClientsPlan ramp = ClientsPlan.from(properties("clients.kinds", "lean", "clients.counts", "1000,10000", "clients.rate", "50, 200"));
        assertEquals(List.of(50.0, 200.0), ramp.loginRates());
    }

    @Test
    void badInputIsRefusedInOneLine() {
        assertEquals("clients.rate: -5 is no login rate: give logins per second above 0, e.g. 50", refusal("clients.rate", "-5"));
        assertEquals("clients.rate: 0 is no login rate: give logins per second above 0, e.g. 50", refusal("clients.rate", "0"));
        assertEquals("clients.counts: 0 clients is no load: give counts of 1 or more, e.g. 100,500,1000", refusal("clients.counts", "0"));
        assertEquals("clients.counts: 10001 clients but the lab has 10000 load accounts (clients.users; db dataset users-10000): at most 10000",
                refusal("clients.counts", "100,10001"));
        assertEquals("clients.counts: 500 after 1000: each count is a running total, so they must grow, e.g. 100,500,1000",
                refusal("clients.counts", "1000,500"));
        assertEquals("clients.kinds: 'xmpp' is no client kind: use smack, lean", refusal("clients.kinds", "xmpp"));
        assertEquals("clients.rate: 3 rates for 2 counts: give one rate for all, or one per count",
                refusal("clients.counts", "10,20", "clients.rate", "1,2,3"));
        assertEquals("clients.send.rate: -1.0 is no message rate: give messages per second, 0 for none", refusal("clients.send.rate", "-1"));
        assertEquals("clients.counts: 'many' is not a whole number", refusal("clients.counts", "many"));
        assertEquals("clients.counts is empty: give a comma-separated list", refusal("clients.counts", " , "));
    }
}
