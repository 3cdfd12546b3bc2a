package io.openfirecluster.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The lab's own certificate authority and what it issued, under the lab directory (target/lab):
 * {@code ca.pem} (the root, which clients trust), and for each XMPP domain
 * {@code certs/DOMAIN/keystore} (the domain's key and chain) and {@code certs/DOMAIN/truststore}
 * (the root only), in Openfire's store type and password, which the node's entrypoint puts in
 * Openfire's resources/security; {@code certs/DOMAIN/chain.pem} is the chain for people.
 *
 * <p>Made by lab:up, never committed. Kept while the lab asks for the same domains and names (and
 * the certificates stay valid for a while): a client that trusts ca.pem keeps working from one lab
 * to the next. Any change makes a new authority and new certificates for every domain.
 */
public final class LabCertificates {
    public static final String CA_PEM = "ca.pem";
    public static final String CERTS = "certs";
    public static final String KEYSTORE = "keystore";
    public static final String TRUSTSTORE = "truststore";
    public static final String CHAIN_PEM = "chain.pem";
    /** Where a node finds its domain's directory (mounted read-only; the image's entrypoint installs it). */
    public static final String NODE_DIRECTORY = "/opt/openfire-lab/certs";
    /** What the certificates were made for: the same text means the same certificates. */
    static final String MADE_FOR = "made-for.txt";
    static final String AUTHORITY_NAME = "openfire-cluster lab";
    /** The trust store's entry name, and the name Openfire's admin console shows for it. */
    public static final String ROOT_ALIAS = "openfire-cluster-lab-root-ca";
    /** Kept certificates must stay valid at least this long, or a long-running lab would see them expire. */
    private static final Duration KEEP_MARGIN = Duration.ofDays(30);

    private LabCertificates() {
    }

    /**
     * An XMPP domain and the DNS names its certificate holds: the domain, every name under it
     * ("*.DOMAIN": its conference service, any other component) and its nodes' names.
     */
    public record Domain(String name, List<String> dnsNames) {
        public Domain {
            if (name == null || !isDnsName(name)) {
                throw new LabException("XMPP domain '" + name + "' is not a DNS name: give e.g. -Dxmpp.domain=xmpp.localhost.example");
            }
            LinkedHashSet<String> names = new LinkedHashSet<>();
            names.add(name);
            names.add("*." + name);
            for (String dnsName : dnsNames) {
                String bare = dnsName.startsWith("*.") ? dnsName.substring(2) : dnsName;
                if (!isDnsName(bare)) {
                    throw new LabException("'" + dnsName + "', a name of domain " + name + "'s nodes, is not a DNS name: fix the node's name or aliases");
                }
                names.add(dnsName);
            }
            dnsNames = List.copyOf(names);
        }

        /** DOMAIN with the DNS names of its NODES in TOPOLOGY (name, NAME.SUFFIX, aliases). */
        public static Domain of(String domain, Topology topology, List<LabService> nodes) {
            List<String> names = new ArrayList<>();
            nodes.forEach(node -> names.addAll(topology.dnsNames(node)));
            return new Domain(domain, names);
        }
    }

    /** Letters, digits and '-' in dot-separated labels (RFC 1123), as a certificate's dNSName must be. */
    static boolean isDnsName(String name) {
        return name.length() <= 253 && name.matches("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    }

    /** DOMAIN's directory under LAB_DIRECTORY: what its nodes get (read-only) as their certificates. */
    public static Path domainDirectory(Path labDirectory, String domain) {
        return labDirectory.resolve(CERTS).resolve(domain);
    }

    /**
     * Makes the authority and a certificate for every domain under LAB_DIRECTORY, or keeps what is
     * there if it was made for the same DOMAINS; returns whether it made new ones.
     */
    public static boolean ensure(Path labDirectory, List<Domain> domains) throws IOException {
        String madeFor = madeFor(domains);
        if (current(labDirectory, domains, madeFor)) {
            return false;
        }
        Path certs = labDirectory.resolve(CERTS);
        delete(certs);
        CertificateAuthority authority = CertificateAuthority.create(AUTHORITY_NAME);
        for (Domain domain : domains) {
            Path dir = domainDirectory(labDirectory, domain.name());
            CertificateAuthority.Issued issued = authority.issue(domain.name(), domain.dnsNames());
            CertificateAuthority.writeIdentityStore(dir.resolve(KEYSTORE), domain.name(), issued);
            CertificateAuthority.writeTrustStore(dir.resolve(TRUSTSTORE), ROOT_ALIAS, authority.root());
            Files.writeString(dir.resolve(CHAIN_PEM), pem(issued.chain()));
        }
        Files.writeString(labDirectory.resolve(CA_PEM), pem(List.of(authority.root())));
        Files.writeString(certs.resolve(MADE_FOR), madeFor);
        return true;
    }

    /** The root certificate in FILE (ca.pem): what a client of the lab trusts. */
    public static X509Certificate readRoot(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new LabException("cannot read the lab's CA certificate " + file + " (" + e.getMessage() + "): run lab:up, which writes it");
        } catch (GeneralSecurityException e) {
            throw new LabException(file + " is not a PEM certificate (" + e.getMessage() + "): run lab:up again, which rewrites it");
        }
    }

    private static boolean current(Path labDirectory, List<Domain> domains, String madeFor) throws IOException {
        Path recorded = labDirectory.resolve(CERTS).resolve(MADE_FOR);
        if (!Files.isRegularFile(recorded) || !Files.readString(recorded).equals(madeFor) || !Files.isRegularFile(labDirectory.resolve(CA_PEM))) {
            return false;
        }
        for (Domain domain : domains) {
            Path dir = domainDirectory(labDirectory, domain.name());
            if (!Files.isRegularFile(dir.resolve(KEYSTORE)) || !Files.isRegularFile(dir.resolve(TRUSTSTORE))) {
                return false;
            }
        }
        try {
            readRoot(labDirectory.resolve(CA_PEM)).checkValidity(java.util.Date.from(Instant.now().plus(KEEP_MARGIN)));
            return true;
        } catch (GeneralSecurityException | LabException e) {
            return false;
        }
    }

    /** One line a domain: its name and its certificate's names; the format's version first. */
    private static String madeFor(List<Domain> domains) {
        StringBuilder text = new StringBuilder("lab certificates v1: RSA 2048, root and intermediate, " + CertificateAuthority.STORE_TYPE + "\n");
        domains.forEach(d -> text.append(d.name()).append(": ").append(String.join(",", d.dnsNames())).append('\n'));
        return text.toString();
    }

    static String pem(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return text.toString();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
