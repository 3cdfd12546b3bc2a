package io.openfirecluster.checker;

import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * XMPP clients the way the lab's tests use them: the lab's domain and passwords (from the build's
 * properties), STARTTLS required, and trust in exactly the lab's own certificate authority
 * (LabTrust: target/lab/ca.pem). The tests, the workload and lab:check all connect this way.
 */
public final class LabClients {
    public static final String DOMAIN = System.getProperty("xmpp.domain", "xmpp.localhost.example");
    public static final String PASSWORD = System.getProperty("user.password", "password");

    private static volatile X509TrustManager trust;

    private LabClients() {
    }

    /** A c2s client of USER on HOST:PORT that insists on STARTTLS and trusts the lab's CA only. */
    public static XMPPTCPConnectionConfiguration.Builder c2s(String user, String host, int port) throws XmppStringprepException {
        return c2s(user, host, port, labTrust());
    }

    /** As {@link #c2s(String, String, int)}, trusting TRUST instead (a test's other CA, a recording one). */
    public static XMPPTCPConnectionConfiguration.Builder c2s(String user, String host, int port, X509TrustManager trust)
            throws XmppStringprepException {
        return XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(DOMAIN)
                .setHost(host)
                .setPort(port)
                .setUsernameAndPassword(user, PASSWORD)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trust)
                // The certificate names the domain, not the 127.0.0.1 the client dials; LabTrust checks the domain.
                .setHostnameVerifier((hostname, session) -> true)
                .setConnectTimeout(10_000);
    }

    /** Clients from now on trust the lab CA in CA_PEM (lab:check names its lab's; tests use -Dlab.ca). */
    public static void trustLabCa(java.nio.file.Path caPem) {
        trust = LabTrust.of(LabTrust.read(caPem), DOMAIN);
    }

    private static X509TrustManager labTrust() {
        X509TrustManager current = trust;
        if (current == null) {
            current = LabTrust.ofLab(DOMAIN);
            trust = current;
        }
        return current;
    }
}
