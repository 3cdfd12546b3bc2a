package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openfirecluster.checker.HistoryBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class WorkloadPlanTest {
    private static final List<Endpoint> ENTRIES = Endpoint.parseList(
            "xmpp1=127.0.0.1:5221,xmpp2=127.0.0.1:5222,xmpp3=127.0.0.1:5223,lb=127.0.0.1:55222");
    private static final List<Credentials> ACCOUNTS = Credentials.of("password", "user1", "user2");

    @Test
    void defaultsAreTwelveClientsForSixtySecondsAtFiftyMessagesASecond() {
        WorkloadPlan plan = WorkloadPlan.parse(null, "", " ", HistoryBuilder.ROOM, ENTRIES, ACCOUNTS);
        assertEquals(12, plan.clients());
        assertEquals(Duration.ofSeconds(60), plan.duration());
        assertEquals(50.0, plan.rate());
        assertEquals(50.0 / 12, plan.ratePerClient());
        assertEquals(plan, WorkloadPlan.of(HistoryBuilder.ROOM, ENTRIES, ACCOUNTS));
    }

    @Test
    void stringFormsOfAGoal() {
        WorkloadPlan plan = WorkloadPlan.parse("24", "2m", "100.5", "", ENTRIES, ACCOUNTS);
        assertEquals(24, plan.clients());
        assertEquals(Duration.ofMinutes(2), plan.duration());
        assertEquals(100.5, plan.rate());
        assertEquals(false, plan.hasRoom());
        assertEquals(Duration.ofSeconds(90), WorkloadPlan.parseDuration("1m30s"));
        assertEquals(Duration.ofMillis(1500), WorkloadPlan.parseDuration("1s500ms"));
        assertEquals(Duration.ofHours(1), WorkloadPlan.parseDuration("1H"));
        assertEquals(Duration.ofSeconds(45), WorkloadPlan.parseDuration("PT45S"));
    }

    @Test
    void badValuesFailWithOneLineSayingWhatToWrite() {
        fails("clients 0: give 2 to 256 (they message each other), e.g. 12",
                () -> WorkloadPlan.parse("0", null, null, "", ENTRIES, ACCOUNTS));
        fails("clients 'twelve' is not a number: give a whole number of clients, e.g. 12",
                () -> WorkloadPlan.parseClients("twelve"));
        fails("duration '60' is not a duration: write it like 60s, 2m or 1m30s", () -> WorkloadPlan.parseDuration("60"));
        fails("duration '1 minute' is not a duration: write it like 60s, 2m or 1m30s", () -> WorkloadPlan.parseDuration("1 minute"));
        fails("duration 'PTx' is not a duration: write it like 60s, 2m or 1m30s", () -> WorkloadPlan.parseDuration("PTx"));
        fails("duration PT0S: give a positive duration, e.g. 60s", () -> WorkloadPlan.parse(null, "0s", null, "", ENTRIES, ACCOUNTS));
        fails("rate 'fast' is not a number: give messages per second over all clients, e.g. 50", () -> WorkloadPlan.parseRate("fast"));
        fails("rate -1.0: give a positive number of messages per second, e.g. 50", () -> WorkloadPlan.parse(null, null, "-1", "", ENTRIES, ACCOUNTS));
        fails("room 'muc1' is not a room JID: write it like muc1@conference.xmpp.localhost.example",
                () -> WorkloadPlan.parse(null, null, null, "muc1", ENTRIES, ACCOUNTS));
        fails("no entry point: give at least one, e.g. xmpp1=127.0.0.1:5221", () -> WorkloadPlan.of("", List.of(), ACCOUNTS));
    }

    @Test
    void entriesAreChosenByName() {
        Map<String, Endpoint> known = new LinkedHashMap<>();
        ENTRIES.forEach(entry -> known.put(entry.name(), entry));
        assertEquals(List.of(ENTRIES.get(2), ENTRIES.get(3)), WorkloadPlan.selectEntries("xmpp3, lb", known));
        assertEquals(ENTRIES, WorkloadPlan.selectEntries("", known));
        fails("unknown entry point 'xmpp9': choose from xmpp1, xmpp2, xmpp3, lb", () -> WorkloadPlan.selectEntries("xmpp1,xmpp9", known));
    }

    @Test
    void clientsAreSpreadOverEntriesAndEveryAccountIsOnEveryEntry() {
        List<ClientSpec> specs = WorkloadPlan.of("", ENTRIES, ACCOUNTS).clientSpecs();
        assertEquals(12, specs.size());
        assertEquals("c01", specs.get(0).id());
        assertEquals("c12", specs.get(11).id());
        assertEquals(List.of("xmpp1", "xmpp2", "xmpp3", "lb", "xmpp1"),
                specs.subList(0, 5).stream().map(spec -> spec.entry().name()).toList());
        Set<String> pairs = specs.stream().map(spec -> spec.account().user() + "@" + spec.entry().name()).collect(Collectors.toSet());
        assertEquals(8, pairs.size(), "2 accounts x 4 entries: " + pairs);
        assertEquals("c001", WorkloadPlan.of("", ENTRIES, ACCOUNTS).withClients(100).clientSpecs().get(0).id());
    }

    @Test
    void clientsOfAnEntryPointOfAnotherDomainLogInAsAccountsOfThatDomain() {
        String other = "otherxmpp.localhost.example";
        List<Endpoint> entries = List.of(ENTRIES.get(0), new Endpoint("otherxmpp", "127.0.0.1", 5229, other));
        List<Credentials> accounts = new java.util.ArrayList<>(ACCOUNTS);
        accounts.addAll(Credentials.ofDomain(other, "password", List.of("user1", "user2")));
        List<ClientSpec> specs = WorkloadPlan.of("", entries, accounts).clientSpecs();
        assertEquals(List.of("user1", "user2@" + other, "user2", "user1@" + other),
                specs.subList(0, 4).stream().map(spec -> spec.account().toString()).toList());
        assertEquals(List.of(LabClients.DOMAIN, other), WorkloadPlan.of("", entries, accounts).domains());
        fails("entry point otherxmpp serves " + other + " but no account is of that domain: give one, e.g. user1@" + other,
                () -> WorkloadPlan.of("", entries, ACCOUNTS));
    }

    @Test
    void accountsNeverPrintTheirPassword() {
        assertEquals("[user1, user2]", ACCOUNTS.toString());
    }

    private static void fails(String message, Executable executable) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, executable).getMessage());
    }
}
