package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.workload.LabClients;
import io.openfirecluster.workload.LabTrust;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import io.openfirecluster.topology.CertificateAuthority;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * c2s STARTTLS with the lab's own certificate authority: a client that trusts only
 * target/lab/ca.pem (lab:up wrote it) logs in on every node, and the certificate each node serves
 * is the lab CA's for the XMPP domain; a client that trusts another CA gets no session.
 */
class TlsIT {
    static List<String> nodes() {
        return Lab.get().nodes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void aClientTrustingOnlyTheLabCaLogsIn(String node) throws Exception {
        Lab lab = Lab.get();
        XMPPTCPConnection connection = new XMPPTCPConnection(LabClients.c2s("user1", lab.topology().bind(node), lab.c2sPort(node),
                LabTrust.of(LabTrust.read(LabTrust.labCaFile()), LabClients.DOMAIN)).build());
        try {
            connection.connect().login();
            assertTrue(connection.isSecureConnection(), node + ": the session is encrypted");
            assertEquals(Xmpp.jid("user1"), connection.getUser().asEntityBareJid());
        } finally {
            connection.disconnect();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void theNodeServesTheLabCasCertificateForTheDomain(String node) throws Exception {
        Lab lab = Lab.get();
        X509Certificate root = LabTrust.read(LabTrust.labCaFile());
        Recording trust = new Recording(LabTrust.of(root, LabClients.DOMAIN));
        XMPPTCPConnection connection = new XMPPTCPConnection(LabClients.c2s("user1", lab.topology().bind(node), lab.c2sPort(node), trust).build());
        try {
            connection.connect().login();
        } finally {
            connection.disconnect();
        }
        X509Certificate[] served = trust.served.get();
        System.out.println("[report] tls: " + node + " serves " + served[0].getSubjectX500Principal() + " issued by " + served[0].getIssuerX500Principal());
        assertEquals("CN=" + LabClients.DOMAIN, served[0].getSubjectX500Principal().getName(), node);
        assertTrue(served.length >= 2, node + " sends the intermediate with its certificate");
        assertEquals(root.getSubjectX500Principal(), served[served.length - 1].getIssuerX500Principal(), node + ": the chain ends at the lab's root");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void aClientTrustingAnotherCaGetsNoSession(String node) throws Exception {
        Lab lab = Lab.get();
        X509TrustManager elsewhere = LabTrust.of(CertificateAuthority.create("not the lab").root(), LabClients.DOMAIN);
        XMPPTCPConnection connection = new XMPPTCPConnection(LabClients.c2s("user1", lab.topology().bind(node), lab.c2sPort(node), elsewhere).build());
        try {
            Exception refused = assertThrows(Exception.class, () -> connection.connect().login(), node);
            assertTrue(causedBy(refused, SSLException.class) || causedBy(refused, CertificateException.class),
                    node + ": refused by the TLS handshake, not for another reason: " + refused);
        } finally {
            connection.disconnect();
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Delegates to the lab's trust and keeps the chain the server sent. */
    private static final class Recording implements X509TrustManager {
        private final X509TrustManager trust;
        private final AtomicReference<X509Certificate[]> served = new AtomicReference<>();

        Recording(X509TrustManager trust) {
            this.trust = trust;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            served.set(chain.clone());
            trust.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            trust.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return trust.getAcceptedIssuers();
        }
    }
}
