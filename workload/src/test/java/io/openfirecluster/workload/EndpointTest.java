package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void parsesNameHostAndPort() {
        assertEquals(new Endpoint("xmpp1", "127.0.0.1", 5221), Endpoint.parse("xmpp1=127.0.0.1:5221"));
        assertEquals(new Endpoint("lb", "::1", 55222), Endpoint.parse(" lb=[::1]:55222 "));
        assertEquals(List.of(new Endpoint("xmpp1", "127.0.0.1", 5221), new Endpoint("lb", "localhost", 55222)),
                Endpoint.parseList("xmpp1=127.0.0.1:5221, lb=localhost:55222,"));
    }

    @Test
    void printsAsItParses() {
        assertEquals("xmpp1=127.0.0.1:5221", Endpoint.parse("xmpp1=127.0.0.1:5221").toString());
        assertEquals("lb=[::1]:55222", Endpoint.parse("lb=[::1]:55222").toString());
    }

    @Test
    void badFormsSayWhatToWrite() {
        assertEquals("entry point 'xmpp1' is not NAME=HOST:PORT: write an entry point as NAME=HOST:PORT, e.g. xmpp1=127.0.0.1:5221",
                assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("xmpp1")).getMessage());
        assertEquals("entry point 'xmpp1=127.0.0.1:x' has no port number: write an entry point as NAME=HOST:PORT, e.g. xmpp1=127.0.0.1:5221",
                assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("xmpp1=127.0.0.1:x")).getMessage());
        assertEquals("entry point xmpp1 has port 70000: a port is 1-65535, e.g. xmpp1=127.0.0.1:5222",
                assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("xmpp1=127.0.0.1:70000")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parseList(" , "));
    }
}
