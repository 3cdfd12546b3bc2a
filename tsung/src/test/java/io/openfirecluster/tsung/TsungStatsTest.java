package io.openfirecluster.tsung;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tsung's statistics as the run reads them from tsung.log. */
class TsungStatsTest {
    /** The tsung.log of a real run: 500 users through lb at 20/s, steps 100, 200, 400 msg/s of 15 s. */
    @Test
    void aRealRunsTotals() throws IOException {
        TsungStats stats = TsungStats.parse(resource("/tsung-500-users.log"));
        assertEquals(500, stats.transactions("login"));
        assertEquals(1500, stats.transactions("step1"));
        assertEquals(3000, stats.transactions("step2"));
        assertEquals(6000, stats.transactions("step3"));
        assertEquals(500, stats.counter("users_count"));
        assertEquals(500, stats.usersMax());
        assertEquals(Map.of(), stats.errors());
    }

    /** A sample's COUNT is its interval's: the total is their sum, not the last line's. */
    @Test
    void samplesAddUpOverTheDumps() {
        TsungStats stats = TsungStats.parse("""
                # stats: dump at 1
                stats: tr_step1 253 1.5 3.6 59.2 0.05 0 0
                stats: users_count 10 10
                # stats: dump at 2
                stats: tr_step1 1005 1.5 3.6 59.2 0.05 2.5 253
                stats: users_count 0 10
                # stats: dump at 3
                stats: tr_step1 0 0 0 59.2 0.05 1.7 1258
                """);
        assertEquals(1258, stats.transactions("step1"));
        assertEquals(10, stats.counter("users_count"));
        assertEquals(0, stats.transactions("step2"));
    }

    @Test
    void errorsByName() {
        TsungStats stats = TsungStats.parse("""
                stats: error_connect_econnrefused 40 40
                stats: error_abort_max_conn_retries 10 10
                stats: error_timeout 0 0
                stats: nomatch 0 1000
                stats: match_stop 0 3
                """);
        assertEquals(Map.of("error_connect_econnrefused", 40L, "error_abort_max_conn_retries", 10L, "match_stop", 3L), stats.errors());
    }

    @Test
    void anythingElseIsSkipped() {
        TsungStats stats = TsungStats.parse("EndMonitor:{1796,673025,632914}\n\nstats: users\nstats: x y z w\n");
        assertTrue(stats.samples().isEmpty() && stats.counters().isEmpty());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TsungStatsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
