package io.openfirecluster.workload;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * XMPP clients the way the lab's tests use them: the lab's domain and passwords (from the build's
 * properties), STARTTLS required, and trust in exactly the lab's own certificate authority
 * (LabTrust: target/lab/ca.pem) for the domain asked for. The tests, the workload and lab:check all
 * connect this way. One authority signs every domain's certificate, so a client of another domain
 * of the lab (otherxmpp) trusts the same root, for its own domain's name.
 */
public final class LabClients {
    /** The lab's own domain: the cluster's (xmpp.domain), where a lab of one domain has its users. */
    public static final String DOMAIN = System.getProperty("xmpp.domain", "xmpp.localhost.example");
    public static final String PASSWORD = System.getProperty("user.password", "password");

    /** The lab's root, once read (trustLabCa or lazily from -Dlab.ca); a trust manager per domain is made from it. */
    private static volatile X509Certificate root;
    private static final Map<String, X509TrustManager> TRUST = new ConcurrentHashMap<>();

    private LabClients() {
    }

    /** A c2s client of USER on HOST:PORT that insists on STARTTLS and trusts the lab's CA only. */
    public static XMPPTCPConnectionConfiguration.Builder c2s(String user, String host, int port) throws XmppStringprepException {
        return c2s(user, host, port, labTrust(DOMAIN));
    }

    /** A c2s client of USER@DOMAIN (a domain of the lab) on HOST:PORT that insists on STARTTLS and trusts the lab's CA for DOMAIN. */
    public static XMPPTCPConnectionConfiguration.Builder c2s(String domain, String user, String host, int port) throws XmppStringprepException {
        return c2s(user, host, port, labTrust(domain)).setXmppDomain(domain);
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
        root = LabTrust.read(caPem);
        TRUST.clear();
    }

    private static X509TrustManager labTrust(String domain) {
        return TRUST.computeIfAbsent(domain, name -> {
            X509Certificate current = root;
            if (current == null) {
                current = LabTrust.read(LabTrust.labCaFile());
                root = current;
            }
            return LabTrust.of(current, name);
        });
    }
}
