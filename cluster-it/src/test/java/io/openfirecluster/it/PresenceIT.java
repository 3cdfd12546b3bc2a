package io.openfirecluster.it;

import io.openfirecluster.testsupport.Xmpp;
import io.openfirecluster.control.Wait;
import java.time.Duration;
import org.jivesoftware.smack.roster.Roster;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/** Presence crosses nodes: a roster contact's coming and going reaches its subscriber on another node. */
class PresenceIT {
    @Test
    void availabilityOnTheSecondNodeReachesContactOnTheFirst() throws Exception {
        String second = Nodes.second();
        try (Xmpp user1 = Xmpp.login("user1", Nodes.first())) {
            Roster roster = Roster.getInstanceFor(user1.connection);
            roster.reloadAndWait();
            try (Xmpp user2 = Xmpp.login("user2", second)) {
                Jid user2FullJid = user2.connection.getUser();
                Wait.until("user1 sees " + user2FullJid + " available", Duration.ofSeconds(15),
                        () -> roster.getPresenceResource(user2FullJid.asFullJidIfPossible()).isAvailable());
                user2.connection.disconnect();
                Wait.until("user1 sees " + user2FullJid + " leave", Duration.ofSeconds(15),
                        () -> !roster.getPresenceResource(user2FullJid.asFullJidIfPossible()).isAvailable());
            }
        }
    }
}
