package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.checker.Event;
import io.openfirecluster.checker.HistoryBuilder;
import java.util.List;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;

/** What can be checked of the workload without a lab: it is made without touching the network. */
class WorkloadTest {
    private static final WorkloadPlan PLAN = WorkloadPlan.of(HistoryBuilder.ROOM,
            List.of(new Endpoint("xmpp1", "127.0.0.1", 5221)), Credentials.of("password", "user1", "user2"));

    @Test
    void madeWithoutConnecting() {
        HistoryRecorder recorder = new HistoryRecorder();
        try (Workload workload = new Workload(PLAN, WorkloadTest::labLike, recorder, line -> { })) {
            assertTrue(workload.run().matches("[0-9a-f]{8}"), workload.run());
            workload.recordFault("cut xmpp3", true);
            assertEquals(List.of(Event.Kind.FAULT_APPLY), workload.history().events().stream().map(Event::kind).toList());
            assertThrows(IllegalStateException.class, () -> workload.drain(java.time.Duration.ZERO), "not started");
        }
    }

    @Test
    void aSetupThatFailsNamesTheEntryPoint() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Workload(PLAN, entry -> { throw new IllegalStateException("no certificate"); }, new HistoryRecorder()));
        assertEquals("cannot configure a connection to entry point xmpp1 (127.0.0.1:5221): no certificate", error.getMessage());
    }

    private static XMPPTCPConnectionConfiguration.Builder labLike(Endpoint entry) throws Exception {
        return XMPPTCPConnectionConfiguration.builder().setXmppDomain("xmpp.localhost.example")
                .setHost(entry.host()).setPort(entry.port()).setSecurityMode(SecurityMode.required);
    }
}
