package io.openfirecluster.topology;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A two-level certificate authority held in memory: a self-signed root and an intermediate it
 * signed, which issues server certificates. The lab makes one per lab (LabCertificates); a test
 * makes another to get a certificate that does not chain to the lab's root.
 */
public final class CertificateAuthority {
    /** What the keystores Openfire reads are protected with: Openfire's default store password. */
    public static final String STORE_PASSWORD = "changeit";
    /** Openfire's default store type (xmpp.socket.ssl.storeType). */
    public static final String STORE_TYPE = "JKS";
    private static final String SIGNATURE = "SHA256withRSA";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(825);
    /** Certificates start a little in the past: a container's clock may lag the host's by a moment. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate root;
    private final KeyPair intermediateKeys;
    private final X509Certificate intermediate;

    private CertificateAuthority(X509Certificate root, KeyPair intermediateKeys, X509Certificate intermediate) {
        this.root = root;
        this.intermediateKeys = intermediateKeys;
        this.intermediate = intermediate;
    }

    /** A server certificate with its private key; the chain runs from it to the root. */
    public record Issued(PrivateKey key, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    /** A new authority whose certificates' subjects say NAME, e.g. "openfire-cluster lab". */
    public static CertificateAuthority create(String name) {
        try {
            Instant now = Instant.now();
            KeyPair rootKeys = keys();
            X500Name rootName = new X500Name("CN=" + name + " Root CA, O=" + name);
            X509v3CertificateBuilder rootBuilder = builder(rootName, rootName, rootKeys.getPublic(), now, CA_VALIDITY);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            rootBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            rootBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            rootBuilder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(rootKeys.getPublic()));
            X509Certificate root = sign(rootBuilder, rootKeys.getPrivate());

            KeyPair intermediateKeys = keys();
            X500Name intermediateName = new X500Name("CN=" + name + " Intermediate CA, O=" + name);
            X509v3CertificateBuilder builder = builder(rootName, intermediateName, intermediateKeys.getPublic(), now, CA_VALIDITY);
            // Path length 0: the intermediate issues server certificates, never another CA.
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(intermediateKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(root));
            return new CertificateAuthority(root, intermediateKeys, sign(builder, rootKeys.getPrivate()));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("the JDK's RSA and SHA-256 always make a certificate authority", e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    /**
     * A server certificate for COMMON_NAME with DNS_NAMES (e.g. "*.xmpp.localhost.example") as its
     * subject alternative names, for TLS server and client use: an XMPP server is the client of
     * the s2s connections it opens, and SASL EXTERNAL authenticates it by this certificate.
     */
    public Issued issue(String commonName, List<String> dnsNames) {
        try {
            KeyPair keys = keys();
            X509v3CertificateBuilder builder = builder(X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
                    new X500Name("CN=" + commonName), keys.getPublic(), Instant.now(), SERVER_VALIDITY);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            GeneralName[] names = dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(intermediate));
            X509Certificate certificate = sign(builder, intermediateKeys.getPrivate());
            return new Issued(keys.getPrivate(), List.of(certificate, intermediate, root));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("the JDK's RSA and SHA-256 always issue a certificate", e);
        }
    }

    /** Writes ISSUED as the only entry (ALIAS) of a keystore in Openfire's default type and password. */
    public static void writeIdentityStore(Path file, String alias, Issued issued) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(STORE_TYPE);
            store.load(null, null);
            store.setKeyEntry(alias, issued.key(), STORE_PASSWORD.toCharArray(), issued.chain().toArray(new Certificate[0]));
            save(store, file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a JKS store always holds an RSA key and its chain", e);
        }
    }

    /** Writes a trust store (Openfire's default type and password) that trusts ROOT only, under ALIAS. */
    public static void writeTrustStore(Path file, String alias, X509Certificate root) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(STORE_TYPE);
            store.load(null, null);
            store.setCertificateEntry(alias, root);
            save(store, file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a JKS store always holds a certificate", e);
        }
    }

    private static void save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant now, Duration validity) {
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
    }
}
