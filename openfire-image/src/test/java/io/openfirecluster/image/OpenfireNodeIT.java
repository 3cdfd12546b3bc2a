package io.openfirecluster.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.workload.LabClients;
import io.openfirecluster.topology.ResolvedTopology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One node of the image against the seeded database, on the lab network (the database and one node only). */
class OpenfireNodeIT {
    private static final String DOMAIN = LabClients.DOMAIN;
    private static Lab lab;
    private static ResolvedTopology topology;
    private static String node;

    /** The lab of one node, once it is healthy (a cluster of one) and Openfire has joined it. */
    @BeforeAll
    static void connect() {
        lab = Lab.get();
        topology = lab.topology();
        node = lab.nodes().get(0);
    }

    /** Prints the image size (a figure for the build's output, not a check) and closes the Docker client. */
    @AfterAll
    static void reportImageSizeAndClose() {
        try {
            String image = System.getProperty("openfire.image");
            System.out.printf("[report] openfire image %s: %d MB%n", image, lab.docker().inspectImageCmd(image).exec().getSize() / 1_000_000);
        } finally {
            System.out.flush();
        }
    }

    @Test
    void userLogsInWithScramSha1OverStartTls() throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(
                LabClients.c2s("user1", topology.bind(node), topology.hostPort(node, 5222))
                        .addEnabledSaslMechanism("SCRAM-SHA-1")
                        .build());
        try {
            // The client insists on STARTTLS (LabClients) and offers only SCRAM-SHA-1: without either the login fails.
            connection.connect().login();
            assertEquals("user1@" + DOMAIN, connection.getUser().asBareJid().toString());
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void adminConsoleLoginPageAnswers() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + topology.bind(node) + ":" + topology.hostPort(node, 9090) + "/login.jsp")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Openfire"), "the login page does not name Openfire");
    }

    @Test
    void openfireLogsNoDatabaseOrSchemaErrors() {
        String log = String.join("\n", lab.logLines(node));
        assertTrue(log.contains("Finished processing all plugins"), "Openfire did not finish starting");
        // Any error, and any warning about the schema or SQL (a DB seeded for another version says so).
        Pattern problem = Pattern.compile("\\bERROR\\b|WARN.*(?i:schema|ofVersion|sql|jdbc)");
        List<String> problems = log.lines().filter(line -> problem.matcher(line).find()).toList();
        assertEquals(List.of(), problems);
    }

    /** The image's health check is the lab plugin's readiness: Openfire itself says it is a cluster of LAB_NODES (here 1) taking clients. */
    @Test
    void healthCheckIsOpenfiresOwnReadiness() {
        var check = lab.network().containers().exec(lab.container(node), java.time.Duration.ofSeconds(10), "/opt/openfire-lab/healthcheck");
        assertEquals(0, check.exitCode(), check.output());
        assertEquals("ready: cluster of " + node + ", c2s open", check.output().trim());
    }

    /** Asked for a cluster the node is not in, the plugin says no, in one line naming both views (what a waiting test prints). */
    @Test
    void readinessForOtherNodesSaysWhyNot() {
        var answer = lab.network().containers().exec(lab.container(node), java.time.Duration.ofSeconds(10),
                "/opt/openfire-lab/local-http", "9095", "/ready?nodes=" + node + ",xmpp9");
        assertEquals(1, answer.exitCode());
        assertEquals("Openfire's cluster is [" + node + "], expected [" + node + ", xmpp9]", answer.output().trim());
    }

    /** The lab plugin answers in the node (loopback and the lab network) and is never published on the host. */
    @Test
    void labPluginIsNotPublishedOnTheHost() {
        var bindings = lab.docker().inspectContainerCmd(topology.holder(node)).exec().getHostConfig().getPortBindings().getBindings();
        assertTrue(bindings.keySet().stream().noneMatch(port -> port.getPort() == io.openfirecluster.labplugin.LabPlugin.PORT), bindings.toString());
        assertTrue(bindings.keySet().stream().anyMatch(port -> port.getPort() == 5222), "c2s is published: " + bindings);
    }
}
