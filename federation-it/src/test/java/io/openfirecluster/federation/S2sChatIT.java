package io.openfirecluster.federation;

import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import org.jivesoftware.smack.StanzaCollector;
import org.junit.jupiter.api.Test;

/**
 * Chat across domains, both ways, from every node of the home domain: an outgoing s2s route from
 * each node (only one node may hold it: OF-2280, OF-3283) and the reply coming back in to each.
 */
class S2sChatIT {
    @Test
    void aUserOnEveryHomeNodeAndARemoteUserExchangeMessages() throws Exception {
        Lab lab = Lab.get();
        Domains domains = Domains.of(lab);
        Domains.Domain home = domains.home();
        Domains.Domain remote = domains.remote();
        try (Client far = Client.login(lab, remote.user(0), remote, remote.nodes().get(0))) {
            for (String node : home.nodes()) {
                try (Client near = Client.login(lab, home.user(0), home, node)) {
                    StanzaCollector farInbox = far.messagesFrom(near.jid());
                    Xmpp.await(farInbox, near.sendTo(far.jid()), Client.DELIVERY);
                    StanzaCollector nearInbox = near.messagesFrom(far.jid());
                    Xmpp.await(nearInbox, far.sendTo(near.jid()), Client.DELIVERY);
                    System.out.println("[s2s] " + near.jid().asBareJid() + " on " + node + " and " + far.jid().asBareJid()
                            + " on " + far.node + ": messages delivered both ways");
                }
            }
        }
    }
}
