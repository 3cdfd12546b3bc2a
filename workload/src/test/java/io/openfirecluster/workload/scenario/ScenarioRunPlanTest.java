package io.openfirecluster.workload.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.workload.ClientSpec;
import io.openfirecluster.workload.Endpoint;
import io.openfirecluster.workload.WorkloadPlan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The workload ScenarioRun plans for a lab: the cluster's as ever, and with another domain, its clients too. */
class ScenarioRunPlanTest {

    @Test
    void theClusterAloneIsPlannedAsBefore() {
        WorkloadPlan plan = ScenarioRun.plan(ShapedLabs.of("cluster"), "", "", "", ScenarioRun.DEFAULT_ROOM);
        assertEquals(List.of("lb=127.0.0.1:55222", "xmpp1=127.0.0.1:5221", "xmpp2=127.0.0.1:5222", "xmpp3=127.0.0.1:5223"),
                plan.entries().stream().map(Endpoint::toString).toList());
        assertEquals(List.of(ShapedLabs.HOME), plan.domains());
        assertEquals("[user1, user2]", plan.accounts().toString());
        assertEquals("muc1@conference." + ShapedLabs.HOME, plan.room());
        assertEquals(12, plan.clients());
    }

    @Test
    void withAnotherDomainItsNodeHasClientsOfItsOwnDomainInTheClustersRoom() {
        WorkloadPlan plan = ScenarioRun.plan(ShapedLabs.of("cluster-with-federation"), "", "", "", ScenarioRun.DEFAULT_ROOM);
        assertEquals(List.of("lb", "xmpp1", "xmpp2", "xmpp3", "otherxmpp"), plan.entries().stream().map(Endpoint::name).toList());
        assertEquals(List.of(ShapedLabs.HOME, ShapedLabs.OTHER), plan.domains());
        assertEquals("muc1@conference." + ShapedLabs.HOME, plan.room(), "the cluster's room, which otherxmpp's clients enter too");
        List<ClientSpec> specs = plan.clientSpecs();
        for (ClientSpec spec : specs) {
            assertEquals(spec.entry().domain(), spec.account().domain(), spec.id() + " logs in to the domain of its entry point");
        }
        Map<String, List<String>> byDomain = specs.stream().collect(Collectors.groupingBy(spec -> spec.account().domain(),
                Collectors.mapping(ClientSpec::id, Collectors.toList())));
        assertEquals(List.of("c05", "c10"), byDomain.get(ShapedLabs.OTHER));
        assertEquals(10, byDomain.get(ShapedLabs.HOME).size());
        assertTrue(specs.stream().filter(spec -> spec.entry().name().equals("otherxmpp")).allMatch(spec -> spec.entry().port() == 5229));
    }
}
