package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.CertificateAuthority;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lab client trusts a server certificate of the lab's CA for the lab's domain, and nothing else. */
class LabTrustTest {
    private static final String DOMAIN = "xmpp.localhost.example";
    private static final CertificateAuthority LAB = CertificateAuthority.create("test lab");

    @Test
    void theLabsCertificateForTheDomainIsTrusted() {
        X509Certificate[] served = served(LAB, DOMAIN);
        assertDoesNotThrow(() -> LabTrust.of(LAB.root(), DOMAIN).checkServerTrusted(served, "RSA"));
    }

    @Test
    void anotherAuthoritysCertificateIsNot() {
        X509Certificate[] served = served(CertificateAuthority.create("elsewhere"), DOMAIN);
        assertThrows(CertificateException.class, () -> LabTrust.of(LAB.root(), DOMAIN).checkServerTrusted(served, "RSA"));
    }

    @Test
    void theLabsCertificateForAnotherDomainIsNot() {
        X509Certificate[] served = served(LAB, "otherxmpp.localhost.example");
        CertificateException e = assertThrows(CertificateException.class, () -> LabTrust.of(LAB.root(), DOMAIN).checkServerTrusted(served, "RSA"));
        assertTrue(e.getMessage().contains("not the XMPP domain " + DOMAIN), e.getMessage());
    }

    /** What a server sends in its handshake: its certificate and the intermediate. */
    private static X509Certificate[] served(CertificateAuthority authority, String domain) {
        List<X509Certificate> chain = authority.issue(domain, List.of(domain, "*." + domain)).chain();
        return chain.subList(0, 2).toArray(new X509Certificate[0]);
    }
}
