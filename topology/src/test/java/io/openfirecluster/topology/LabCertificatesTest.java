package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's CA: what lab:up writes, validated by the JDK's own PKIX validator against ca.pem only. */
class LabCertificatesTest {
    private static final LabCertificates.Domain DOMAIN = new LabCertificates.Domain("xmpp.localhost.example",
            List.of("xmpp1", "xmpp1.localhost.example", "conference.xmpp1.localhost.example", "nodes.localhost.example"));

    @TempDir
    Path lab;

    @Test
    void theDomainsChainValidatesAgainstCaPemAlone() throws Exception {
        LabCertificates.ensure(lab, List.of(DOMAIN));
        X509Certificate root = LabCertificates.readRoot(lab.resolve(LabCertificates.CA_PEM));
        validate(chainInKeystore(DOMAIN.name()), root); // throws if it does not chain to the root
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal(), "ca.pem is the self-signed root");
    }

    @Test
    void theChainGoesThroughAnIntermediateThatIssuesNoCa() throws Exception {
        LabCertificates.ensure(lab, List.of(DOMAIN));
        List<X509Certificate> chain = chainInKeystore(DOMAIN.name());
        assertEquals(3, chain.size(), "server, intermediate, root");
        assertEquals(-1, chain.get(0).getBasicConstraints(), "the server certificate is no CA");
        assertEquals(0, chain.get(1).getBasicConstraints(), "the intermediate is a CA that may issue no CA");
        assertTrue(chain.get(1).getSubjectX500Principal().getName().contains("Intermediate CA"));
        assertEquals(chain.get(1).getSubjectX500Principal(), chain.get(0).getIssuerX500Principal());
    }

    @Test
    void theCertificateNamesTheDomainItsSubdomainsAndItsNodes() throws Exception {
        LabCertificates.ensure(lab, List.of(DOMAIN));
        X509Certificate server = chainInKeystore(DOMAIN.name()).get(0);
        List<String> names = new ArrayList<>();
        server.getSubjectAlternativeNames().forEach(n -> names.add((String) n.get(1)));
        assertEquals(List.of("xmpp.localhost.example", "*.xmpp.localhost.example", "xmpp1", "xmpp1.localhost.example",
                "conference.xmpp1.localhost.example", "nodes.localhost.example"), names);
        assertEquals("CN=xmpp.localhost.example", server.getSubjectX500Principal().getName());
        assertTrue(server.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")),
                "server and client authentication (an s2s initiator authenticates by it): " + server.getExtendedKeyUsage());
    }

    @Test
    void theTrustStoreHoldsTheRootOnly() throws Exception {
        LabCertificates.ensure(lab, List.of(DOMAIN));
        KeyStore trust = load(LabCertificates.domainDirectory(lab, DOMAIN.name()).resolve(LabCertificates.TRUSTSTORE));
        assertEquals(List.of(LabCertificates.ROOT_ALIAS), java.util.Collections.list(trust.aliases()));
        assertEquals(LabCertificates.readRoot(lab.resolve(LabCertificates.CA_PEM)), trust.getCertificate(LabCertificates.ROOT_ALIAS));
    }

    @Test
    void anotherAuthoritysCertificateDoesNotValidate() throws Exception {
        LabCertificates.ensure(lab, List.of(DOMAIN));
        CertificateAuthority other = CertificateAuthority.create("not the lab");
        List<X509Certificate> chain = other.issue(DOMAIN.name(), DOMAIN.dnsNames()).chain();
        X509Certificate labRoot = LabCertificates.readRoot(lab.resolve(LabCertificates.CA_PEM));
        assertThrows(CertPathValidatorException.class, () -> validate(chain, labRoot));
    }

    @Test
    void aSecondLabUpForTheSameDomainsKeepsThem() throws Exception {
        assertTrue(LabCertificates.ensure(lab, List.of(DOMAIN)));
        String ca = Files.readString(lab.resolve(LabCertificates.CA_PEM));
        assertFalse(LabCertificates.ensure(lab, List.of(DOMAIN)));
        assertEquals(ca, Files.readString(lab.resolve(LabCertificates.CA_PEM)));
    }

    @Test
    void otherNamesMakeANewAuthority() throws Exception {
        LabCertificates.ensure(lab, List.of(DOMAIN));
        String ca = Files.readString(lab.resolve(LabCertificates.CA_PEM));
        LabCertificates.Domain other = new LabCertificates.Domain("otherxmpp.localhost.example", List.of("otherxmpp"));
        assertTrue(LabCertificates.ensure(lab, List.of(DOMAIN, other)));
        assertNotEquals(ca, Files.readString(lab.resolve(LabCertificates.CA_PEM)));
        validate(chainInKeystore(other.name()), LabCertificates.readRoot(lab.resolve(LabCertificates.CA_PEM)));
    }

    @Test
    void aDomainThatIsNoDnsNameIsRefusedInOneLine() {
        LabException e = assertThrows(LabException.class, () -> new LabCertificates.Domain("xmpp_1.example", List.of()));
        assertEquals("XMPP domain 'xmpp_1.example' is not a DNS name: give e.g. -Dxmpp.domain=xmpp.localhost.example", e.getMessage());
    }

    private List<X509Certificate> chainInKeystore(String domain) throws Exception {
        KeyStore store = load(LabCertificates.domainDirectory(lab, domain).resolve(LabCertificates.KEYSTORE));
        assertTrue(store.isKeyEntry(domain), "the key is stored under the domain's name");
        assertTrue(store.getKey(domain, CertificateAuthority.STORE_PASSWORD.toCharArray()) != null);
        Certificate[] chain = store.getCertificateChain(domain);
        return Arrays.stream(chain).map(c -> (X509Certificate) c).toList();
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance(CertificateAuthority.STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, CertificateAuthority.STORE_PASSWORD.toCharArray());
        }
        return store;
    }

    /** The JDK's PKIX validation of CHAIN (without its root) with ROOT as the only trust anchor, no revocation. */
    private static void validate(List<X509Certificate> chain, X509Certificate root) throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }
}
