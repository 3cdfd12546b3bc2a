package io.openfirecluster.checker;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * XMPP clients the way the lab's tests use them: the lab's domain and passwords (from the build's
 * properties), STARTTLS required, and trust in exactly the lab's own self-signed certificate.
 * The tests, the workload and lab:check all connect this way.
 */
public final class LabClients {
    public static final String DOMAIN = System.getProperty("xmpp.domain", "xmpp.localhost.example");
    public static final String PASSWORD = System.getProperty("user.password", "password");

    private LabClients() {
    }

    /** A c2s client of USER on HOST:PORT that insists on STARTTLS. */
    public static XMPPTCPConnectionConfiguration.Builder c2s(String user, String host, int port) throws XmppStringprepException {
        return XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(DOMAIN)
                .setHost(host)
                .setPort(port)
                .setUsernameAndPassword(user, PASSWORD)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(new LabCertificate())
                // The certificate names the domain, not the 127.0.0.1 the client dials; LabCertificate checks it.
                .setHostnameVerifier((hostname, session) -> true)
                .setConnectTimeout(10_000);
    }

    /** Trusts only the lab's certificate: self-signed, made at image build, issued to the XMPP domain. */
    public static final class LabCertificate implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            X509Certificate leaf = chain[0];
            if (!leaf.getSubjectX500Principal().getName().equals("CN=" + DOMAIN)
                    || !leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
                throw new CertificateException("not the lab's self-signed certificate: " + leaf.getSubjectX500Principal());
            }
            leaf.checkValidity();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the lab authenticates no clients by certificate");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
