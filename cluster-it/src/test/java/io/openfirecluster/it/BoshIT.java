package io.openfirecluster.it;

import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openfirecluster.workload.LabClients;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.bosh.BOSHConfiguration;
import org.jivesoftware.smack.bosh.XMPPBOSHConnection;
import org.junit.jupiter.api.Test;

/**
 * BOSH logins through the load balancer (which keeps a client on one node: a BOSH session lives on
 * one node and the client opens several HTTP connections) and directly on a node.
 */
class BoshIT {
    @Test
    void boshLoginThroughTheLoadBalancer() throws Exception {
        assertBoshLogin(Lab.get().topology().hostPort("lb", 57070));
    }

    @Test
    void boshLoginDirectlyOnTheFirstNode() throws Exception {
        assertBoshLogin(Lab.get().topology().hostPort(Nodes.first(), 7070));
    }

    private static void assertBoshLogin(int port) throws Exception {
        XMPPBOSHConnection connection = new XMPPBOSHConnection(BOSHConfiguration.builder()
                .setXmppDomain(LabClients.DOMAIN)
                // Smack 4.4.8's BOSH client builds "http:///127.0.0.1..." from an IP literal: use a name.
                .setHost("localhost")
                .setPort(port)
                .setFile("/http-bind/")
                .setUseHttps(false)
                .setSecurityMode(SecurityMode.disabled)
                .setUsernameAndPassword("user1", LabClients.PASSWORD)
                .build());
        try {
            connection.connect().login();
            assertEquals(Xmpp.jid("user1"), connection.getUser().asEntityBareJid());
        } finally {
            connection.disconnect();
        }
    }
}
