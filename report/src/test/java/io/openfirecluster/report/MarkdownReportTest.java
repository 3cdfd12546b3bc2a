package io.openfirecluster.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.checker.ConsistencyChecker;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Markdown report's table per kind of pair, from a made-up history of two domains. */
class MarkdownReportTest {
    private static final String HOME = "xmpp.localhost.example";
    private static final String OTHER = "otherxmpp.localhost.example";

    @Test
    void theReportHasOneRowPerKindThatOccurred() {
        History history = new HistoryBuilder()
                .connect(0, "c01", "xmpp1", "user1@" + HOME + "/c01")
                .connect(0, "c02", "xmpp1", "user2@" + HOME + "/c02")
                .connect(0, "c05", "otherxmpp", "user1@" + OTHER + "/c05")
                .send(10, "c01", "c02", 1).receive(12, "c02", "c01", "c02", 1)
                .send(40, "c01", "c05", 1).receive(80, "c05", "c01", "c05", 1)
                .send(50, "c05", "c01", 1)
                .build();
        String markdown = MarkdownReport.render(new ConsistencyChecker().check("pairs", history), Optional.empty());
        assertTrue(markdown.contains("| pair | sent | live | late | lost | duplicated | reordered | live p50 | live p90 | live p99 | live max |"), markdown);
        assertTrue(markdown.contains("| same node | 1 | 1 | 0 | 0 | 0 | 0 | 2.0 ms | 2.0 ms | 2.0 ms | 2.0 ms |"), markdown);
        assertTrue(markdown.contains("| cross domain | 2 | 1 | 0 | 1 | 0 | 0 | 40.0 ms | 40.0 ms | 40.0 ms | 40.0 ms |"), markdown);
        assertFalse(markdown.contains("| cross node |"), markdown);
        assertFalse(markdown.contains("| via load balancer |"), markdown);
    }
}
