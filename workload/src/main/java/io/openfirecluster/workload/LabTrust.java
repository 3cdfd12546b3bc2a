package io.openfirecluster.workload;

import io.openfirecluster.topology.LabCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A client's trust in exactly one certificate authority, the lab's (target/lab/ca.pem, written by
 * lab:up): the server's chain must validate to that root (the JDK's PKIX validation) and the
 * server certificate must name the XMPP domain the client asked for. Nothing else is trusted.
 */
public final class LabTrust implements X509TrustManager {
    /** Where the lab's root certificate is; without it, ca.pem beside the resolved topology (lab.topology). */
    public static final String CA_PROPERTY = "lab.ca";

    private final X509TrustManager pkix;
    private final String domain;

    private LabTrust(X509TrustManager pkix, String domain) {
        this.pkix = pkix;
        this.domain = domain;
    }

    /** Trusts ROOT, for servers of DOMAIN. */
    public static LabTrust of(X509Certificate root, String domain) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            anchors.setCertificateEntry("lab-root", root);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return new LabTrust(x509, domain);
                }
            }
            throw new IllegalStateException("the JDK's PKIX trust manager factory made no X509TrustManager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an in-memory trust store always takes one certificate", e);
        }
    }

    /** The lab's CA from -Dlab.ca, else ca.pem beside -Dlab.topology, for servers of DOMAIN. */
    public static LabTrust ofLab(String domain) {
        return of(read(labCaFile()), domain);
    }

    /** The file the lab's root is read from (see {@link #CA_PROPERTY}). */
    public static Path labCaFile() {
        String ca = System.getProperty(CA_PROPERTY);
        if (ca != null && !ca.isBlank()) {
            return Path.of(ca);
        }
        String topology = System.getProperty("lab.topology");
        if (topology != null && !topology.isBlank()) {
            return Path.of(topology).toAbsolutePath().resolveSibling(LabCertificates.CA_PEM);
        }
        throw new IllegalStateException("no -D" + CA_PROPERTY + " (the lab's target/lab/ca.pem, written by lab:up) and no -Dlab.topology beside which it is");
    }

    /** The root certificate in the PEM file FILE (one line if it cannot be read). */
    public static X509Certificate read(Path file) {
        return LabCertificates.readRoot(file);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
        List<String> names = dnsNames(chain[0]);
        if (names.stream().noneMatch(this::covers)) {
            throw new CertificateException("the server's certificate names " + names + ", not the XMPP domain " + domain);
        }
    }

    private boolean covers(String name) {
        return name.equalsIgnoreCase(domain);
    }

    private static List<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        if (alternatives != null) {
            for (List<?> name : alternatives) {
                if (Integer.valueOf(2).equals(name.get(0))) { // dNSName
                    names.add((String) name.get(1));
                }
            }
        }
        return names;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a lab client authenticates no client by certificate");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
