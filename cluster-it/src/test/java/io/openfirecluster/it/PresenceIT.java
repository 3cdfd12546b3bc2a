package io.openfirecluster.it;

import java.time.Duration;
import org.jivesoftware.smack.roster.Roster;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/** Presence crosses nodes: a roster contact's coming and going reaches its subscriber on another node. */
class PresenceIT {
    @Test
    void availabilityOnXmpp2ReachesContactOnXmpp1() throws Exception {
        try (Xmpp user1 = Xmpp.login("user1", "xmpp1")) {
            Roster roster = Roster.getInstanceFor(user1.connection);
            roster.reloadAndWait();
            try (Xmpp user2 = Xmpp.login("user2", "xmpp2")) {
                Jid user2FullJid = user2.connection.getUser();
                Lab.poll("user1 on xmpp1 sees " + user2FullJid + " available", Duration.ofSeconds(15),
                        () -> roster.getPresenceResource(user2FullJid.asFullJidIfPossible()).isAvailable());
                user2.connection.disconnect();
                Lab.poll("user1 on xmpp1 sees " + user2FullJid + " leave", Duration.ofSeconds(15),
                        () -> !roster.getPresenceResource(user2FullJid.asFullJidIfPossible()).isAvailable());
            }
        }
    }
}
