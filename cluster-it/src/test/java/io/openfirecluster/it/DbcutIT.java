package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openfirecluster.control.DockerLog;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Wait;
import io.openfirecluster.testsupport.Xmpp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * lab:dbcut: the last node loses the database and keeps everything else. A message to a user who
 * is offline must be stored (a database write): on the cut node that fails and Openfire says so,
 * on the others it does not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DbcutIT {
    private static final Pattern DATABASE_ERROR = Pattern.compile("(?i)SQLException|I/O error occurred while sending to the backend|Connection refused|Unable to (get|create) .*connection");
    private static FaultRun fault;

    @Test
    @Order(1)
    void theCutNodeReportsDatabaseErrorsAndTheOthersDoNot() throws Exception {
        Lab lab = Lab.get();
        String cut = Nodes.last();
        Instant start = Instant.now();
        fault = FaultRun.apply(lab, "dbcut " + cut, () -> lab.faults().dbcut(cut));
        fault.assertActiveOn(List.of(cut), "dbcut");
        for (String node : lab.nodes()) {
            storeAnOfflineMessage(node);
        }
        fault.noticedWhen(cut + " logs a database error", () -> databaseErrorsSince(lab, cut, start) > 0);
        for (String node : Nodes.allBut(cut)) {
            assertEquals(0, databaseErrorsSince(lab, node, start), node + " logged database errors, but only " + cut + " lost the database");
        }
    }

    @Test
    @Order(2)
    void healGivesTheDatabaseBack() throws Exception {
        Lab lab = Lab.get();
        fault.healAndAwaitWhole(false);
        Instant healed = Instant.now();
        storeAnOfflineMessage(Nodes.last());
        assertEquals(0, databaseErrorsSince(lab, Nodes.last(), healed), "after heal the node stores messages again");
    }

    /** user1 on NODE writes to user2's bare JID while user2 has no session: Openfire stores it (a database write). */
    private static void storeAnOfflineMessage(String node) throws Exception {
        try (Xmpp user1 = Xmpp.loginWithin(FaultRun.settle(), "user1", node)) {
            user1.send("user2", "for later via " + node + " " + UUID.randomUUID());
            // A round trip to the server after the send: the message has been handled when it answers.
            Wait.until("the server answers " + node, FaultRun.settle(), () -> {
                try {
                    return org.jivesoftware.smackx.ping.PingManager.getInstanceFor(user1.connection).pingMyServer();
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private static long databaseErrorsSince(Lab lab, String node, Instant since) {
        return lab.logLines(node).stream().filter(line -> !DockerLog.timestamp(line).isBefore(since))
                .filter(DATABASE_ERROR.asPredicate()).count();
    }

    @AfterAll
    static void wholeLab() {
        FaultRun.healQuietly(Lab.get());
    }
}
