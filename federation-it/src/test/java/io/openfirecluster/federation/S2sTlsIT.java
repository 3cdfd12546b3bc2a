package io.openfirecluster.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openfirecluster.workload.LabClients;
import io.openfirecluster.workload.LabTrust;
import io.openfirecluster.control.Containers;
import io.openfirecluster.control.OpenfireView;
import io.openfirecluster.control.Wait;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import io.openfirecluster.topology.CertificateAuthority;
import io.openfirecluster.topology.LabCertificates;
import io.openfirecluster.topology.OpenfireProperties;
import io.openfirecluster.topology.S2sTls;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Server-to-server TLS with the lab's own certificate authority, as Openfire itself reports it
 * through the lab plugin: the session between the domains is encrypted and the peer's certificate
 * is the lab CA's; a domain whose certificate does not chain to the lab CA gets no session (with
 * -Dlab.s2s.tls=required, the default), and Openfire's own diagnosis is printed. Clients of every
 * domain log in over STARTTLS trusting only ca.pem.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S2sTlsIT {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String KEYSTORE = "/opt/openfire/resources/security/keystore";

    @TempDir
    static Path work;

    @Test
    @Order(1)
    void usersOfEveryDomainLogInOverStartTlsTrustingOnlyTheLabCa() throws Exception {
        Lab lab = Lab.get();
        X509Certificate root = LabTrust.read(LabTrust.labCaFile());
        Domains domains = Domains.of(lab);
        for (Domains.Domain domain : List.of(domains.home(), domains.remote())) {
            for (String node : domain.nodes()) {
                XMPPTCPConnection connection = new XMPPTCPConnection(LabClients.c2s(domain.user(0), lab.topology().bind(node), lab.c2sPort(node),
                        LabTrust.of(root, domain.name())).setXmppDomain(domain.name()).build());
                try {
                    connection.connect().login();
                    assertTrue(connection.isSecureConnection(), domain.user(0) + "@" + domain.name() + " on " + node + " is encrypted");
                } finally {
                    connection.disconnect();
                }
            }
        }
    }

    @Test
    @Order(2)
    void theSessionBetweenTheDomainsIsTlsWithTheLabCasCertificate() throws Exception {
        Lab lab = Lab.get();
        Domains domains = Domains.of(lab);
        Domains.Domain home = domains.home();
        Domains.Domain remote = domains.remote();
        exchange(lab, home, remote);
        OpenfireView.ServerSession out = session(lab, home, remote.name(), false);
        OpenfireView.ServerSession in = session(lab, remote, home.name(), true);
        System.out.println("[s2s] " + out);
        System.out.println("[s2s] " + in);
        X509Certificate root = LabTrust.read(LabTrust.labCaFile());
        X509Certificate remoteIntermediate = intermediate(remote.name());
        remoteIntermediate.verify(root.getPublicKey()); // the issuer Openfire names is the lab's, under ca.pem
        assertTrue(out.encrypted(), "the outgoing session is TLS: " + out);
        assertEquals("CN=" + remote.name(), out.peerSubject(), "the remote domain's certificate: " + out);
        assertEquals(remoteIntermediate.getSubjectX500Principal().getName(), out.peerIssuer(), "issued by the lab's intermediate: " + out);
        assertTrue(in.encrypted(), "the incoming session is TLS: " + in);
        assertEquals(S2sTls.REQUIRED.toString(), seededPolicy(), "this lab runs the default policy");
        assertEquals("SASL_EXTERNAL", out.authentication(), "authenticated by the certificate: " + out);
    }

    /**
     * The remote domain's nodes get a certificate for the same names from another authority (the
     * test's own); with s2s TLS required and strict validation the home domain refuses them. The
     * remote nodes are restarted before (no session survives from earlier tests) and after (their
     * entrypoint installs the lab CA's certificate again).
     */
    @Test
    @Order(3)
    void aCertificateThatDoesNotChainToTheLabCaGetsNoSession() throws Exception {
        assumeTrue(S2sTls.REQUIRED.toString().equals(seededPolicy()), "needs -Dlab.s2s.tls=required (this lab: " + seededPolicy() + ")");
        Lab lab = Lab.get();
        Domains domains = Domains.of(lab);
        Domains.Domain home = domains.home();
        Domains.Domain remote = domains.remote();
        X509Certificate good = served(remote.name()).get(0);
        List<String> names = new ArrayList<>();
        good.getSubjectAlternativeNames().forEach(name -> names.add((String) name.get(1)));
        CertificateAuthority elsewhere = CertificateAuthority.create("not the lab");
        Path keystore = work.resolve("keystore");
        CertificateAuthority.writeIdentityStore(keystore, remote.name(), elsewhere.issue(remote.name(), names));
        try {
            restart(lab, remote);
            Instant installed = Instant.now();
            for (String node : remote.nodes()) {
                install(lab, node, keystore);
            }
            // Openfire reloads a keystore changed on disk (its CertificateStoreWatcher) and restarts its
            // listeners: once a client that trusts only the other authority logs in, the node serves it.
            for (String node : remote.nodes()) {
                Wait.until(node + " serves the certificate of '" + elsewhere.root().getSubjectX500Principal().getName() + "'", SETTLE,
                        () -> logsIn(lab, remote, node, elsewhere.root()));
            }
            System.out.println("[s2s] " + remote.name() + " serves a certificate of '" + elsewhere.root().getSubjectX500Principal().getName()
                    + "' since " + installed);
            try (Client near = Client.login(lab, home.user(0), home, home.nodes().get(0))) {
                StanzaCollector errors = near.connection.createStanzaCollector(StanzaTypeFilter.MESSAGE);
                near.connection.sendStanza(near.connection.getStanzaFactory().buildMessageStanza()
                        .to(JidCreate.entityBareFrom(remote.user(0) + "@" + remote.name())).ofType(Message.Type.chat).setBody("refused?").build());
                Message bounce = Wait.until("the message to " + remote.name() + " bounces", SETTLE,
                        () -> Optional.ofNullable(errors.<Message>pollResult()).filter(m -> m.getType() == Message.Type.error), () -> "no error yet");
                errors.cancel();
                StanzaError error = bounce.getError();
                System.out.println("[s2s] " + home.name() + " -> " + remote.name() + " with a foreign certificate: the sender gets '"
                        + error.getCondition() + "'");
                assertTrue(error.getCondition() == StanzaError.Condition.remote_server_not_found
                        || error.getCondition() == StanzaError.Condition.remote_server_timeout, "bounced as unreachable: " + error);
            }
            OpenfireView.FailedServer failed = Wait.until(home.name() + " records the failed attempt to " + remote.name(), SETTLE,
                    () -> home.nodes().stream().map(lab::openfireView).flatMap(Optional::stream)
                            .flatMap(view -> view.s2sFailed().stream()).filter(f -> f.remote().equals(remote.name())).findFirst(),
                    () -> "none yet");
            System.out.println("[s2s] Openfire's diagnosis: " + failed);
            failed.log().forEach(line -> System.out.println("[s2s]   " + line));
            for (String node : home.nodes()) {
                lab.logLines(node).stream().filter(line -> line.contains(remote.name()) && (line.contains("ertificate") || line.contains("TLS")))
                        .forEach(line -> System.out.println("[s2s] " + node + " log: " + line));
            }
            for (String node : home.nodes()) {
                Optional<OpenfireView> view = lab.openfireView(node);
                assertTrue(view.isPresent(), node + " answers");
                assertTrue(view.get().s2sSessions().stream().noneMatch(s -> s.remote().contains(remote.name())),
                        node + " has no session with " + remote.name() + ": " + view.get().s2sSessions());
            }
        } finally {
            restart(lab, remote);
        }
    }

    /** A message each way between a user of HOME (on its first node) and one of REMOTE: the s2s sessions exist after it. */
    private static void exchange(Lab lab, Domains.Domain home, Domains.Domain remote) throws Exception {
        try (Client far = Client.login(lab, remote.user(0), remote, remote.nodes().get(0));
             Client near = Client.login(lab, home.user(0), home, home.nodes().get(0))) {
            StanzaCollector farInbox = far.messagesFrom(near.jid());
            Xmpp.await(farInbox, near.sendTo(far.jid()), Client.DELIVERY);
            StanzaCollector nearInbox = near.messagesFrom(far.jid());
            Xmpp.await(nearInbox, far.sendTo(near.jid()), Client.DELIVERY);
        }
    }

    /** The s2s session with REMOTE_DOMAIN that one of DOMAIN's nodes holds, INCOMING or outgoing, once authenticated. */
    private static OpenfireView.ServerSession session(Lab lab, Domains.Domain domain, String remoteDomain, boolean incoming) {
        return Wait.until((incoming ? "an incoming" : "an outgoing") + " session of " + domain.name() + " with " + remoteDomain, SETTLE,
                () -> domain.nodes().stream().map(lab::openfireView).flatMap(Optional::stream)
                        .flatMap(view -> view.s2sSessions().stream())
                        .filter(s -> s.incoming() == incoming && s.remote().contains(remoteDomain) && !s.authentication().isEmpty()).findFirst(),
                () -> "sessions: " + domain.nodes().stream().map(lab::openfireView).flatMap(Optional::stream).map(OpenfireView::s2sSessions).toList());
    }

    /** What lab:up issued to DOMAIN: its certificate, the intermediate, the root (target/lab/certs/DOMAIN/chain.pem). */
    private static List<X509Certificate> served(String domain) throws Exception {
        Path chain = LabCertificates.domainDirectory(LabTrust.labCaFile().getParent(), domain).resolve(LabCertificates.CHAIN_PEM);
        try (InputStream in = Files.newInputStream(chain)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream().map(c -> (X509Certificate) c).toList();
        }
    }

    private static X509Certificate intermediate(String domain) throws Exception {
        return served(domain).get(1);
    }

    /** The s2s TLS policy lab:up seeded (target/lab/openfire.properties). */
    private static String seededPolicy() {
        String file = System.getProperty("lab.openfire.properties");
        return file == null ? "" : OpenfireProperties.load(Path.of(file)).values().getOrDefault(S2sTls.TLS_POLICY, "");
    }

    /** Whether a user of DOMAIN logs in on NODE over STARTTLS trusting ROOT alone. */
    private static boolean logsIn(Lab lab, Domains.Domain domain, String node, X509Certificate root) {
        try {
            XMPPTCPConnection connection = new XMPPTCPConnection(LabClients.c2s(domain.user(0), lab.topology().bind(node), lab.c2sPort(node),
                    LabTrust.of(root, domain.name())).setXmppDomain(domain.name()).build());
            try {
                connection.connect().login();
                return true;
            } finally {
                connection.disconnect();
            }
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops and starts DOMAIN's nodes, and waits until a user of it logs in on each again. */
    private static void restart(Lab lab, Domains.Domain domain) {
        domain.nodes().forEach(lab::stop);
        domain.nodes().forEach(lab::start);
        for (String node : domain.nodes()) {
            Wait.until(domain.user(0) + " logs in on " + node + " again", Duration.ofSeconds(180), () -> {
                try (Client client = Client.login(lab, domain.user(0), domain, node)) {
                    return Optional.of(node);
                } catch (Exception e) {
                    return Optional.empty();
                }
            }, () -> lab.tail(node, 5));
        }
    }

    /** Puts KEYSTORE in place of NODE's Openfire keystore: copied beside it, owned by Openfire's user, renamed (atomic). */
    private static void install(Lab lab, String node, Path keystore) throws Exception {
        byte[] store = Files.readAllBytes(keystore);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("keystore.lab-part");
            entry.setSize(store.length);
            entry.setMode(0644);
            entry.setModTime(Date.from(Instant.now()));
            tar.putArchiveEntry(entry);
            tar.write(store);
            tar.closeArchiveEntry();
        }
        String container = lab.container(node);
        lab.network().containers().copyTo(container, "/opt/openfire/resources/security", bytes.toByteArray());
        Containers.ExecResult moved = lab.network().containers().execAsRoot(container, Duration.ofSeconds(30), "sh", "-c",
                "chown openfire:openfire \"$1.lab-part\" && mv -f \"$1.lab-part\" \"$1\"", "sh", KEYSTORE);
        assertEquals(0, moved.exitCode(), "keystore installed in " + node + ": " + moved.output());
    }
}
