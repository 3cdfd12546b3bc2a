package io.openfirecluster.loadbalancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image's build context as Maven rendered it (target/docker/loadbalancer), checked without
 * Docker: what nginx would do with it is the integration test's job, this checks that the rendering
 * kept the rules of the design (topology name only, no addresses, affinity only for BOSH).
 */
class RenderedConfigTest {
    private static final Path DIR = Path.of(System.getProperty("lb.rendered.dir", "target/docker/loadbalancer"));
    private static final String ALIAS = System.getProperty("lab.nodes.alias", "nodes.localhost.example");
    /** Listener port on the load balancer -> node port behind it. */
    static final Map<Integer, Integer> LISTENERS = Map.of(55222, 5222, 57070, 7070, 57443, 7443, 5269, 5269, 5270, 5270);
    private static final List<Integer> BOSH = List.of(57070, 57443);

    private static String read(String file) throws IOException {
        return Files.readString(DIR.resolve(file));
    }

    /** nginx.conf without comments. */
    private static String config() throws IOException {
        return read("nginx.conf").replaceAll("(?m)#.*$", "");
    }

    private static Map<String, String> blocks(String config, String keyword) {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\b" + keyword + "\\s+(\\w*)\\s*\\{([^{}]*)}").matcher(config);
        int anonymous = 0;
        while (m.find()) {
            blocks.put(m.group(1).isEmpty() ? "#" + anonymous++ : m.group(1), m.group(2));
        }
        return blocks;
    }

    private static List<String> directives(String block, String name) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*" + name + "\\s+([^;]*);").matcher(block);
        while (m.find()) {
            values.add(m.group(1).trim());
        }
        return values;
    }

    @Test
    void everyPropertyIsRenderedAndNginxVariablesAreKept() throws IOException {
        for (String file : List.of("nginx.conf", "Dockerfile")) {
            assertFalse(read(file).contains("${"), file + " has an unrendered Maven property");
        }
        assertTrue(config().contains("$remote_addr"), "nginx's own variables must survive the rendering");
        assertTrue(read("Dockerfile").lines().anyMatch(l -> l.matches("FROM \\S+")), "FROM names the base image");
    }

    @Test
    void everyUpstreamIsTheNodesAliasAndNoAddress() throws IOException {
        Map<String, String> upstreams = blocks(config(), "upstream");
        assertEquals(LISTENERS.size(), upstreams.size(), "one upstream per listener");
        for (Map.Entry<String, String> upstream : upstreams.entrySet()) {
            List<String> servers = directives(upstream.getValue(), "server");
            assertEquals(1, servers.size(), upstream.getKey() + ": exactly one server line, the alias (nginx resolves it to every node)");
            assertTrue(servers.get(0).matches(Pattern.quote(ALIAS) + ":\\d+ max_fails=\\d+ fail_timeout=\\w+"),
                    upstream.getKey() + ": " + servers.get(0));
            assertEquals(1, directives(upstream.getValue(), "zone").size(), upstream.getKey() + ": health state shared by the workers");
        }
        assertFalse(config().matches("(?s).*\\b\\d{1,3}(\\.\\d{1,3}){3}\\b.*"), "no IPv4 address is written in nginx.conf");
    }

    @Test
    void listenersPassToTheNodePortWithAffinityOnlyForBosh() throws IOException {
        String config = config();
        Map<String, String> upstreams = blocks(config, "upstream");
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (String server : blocks(config, "server").values()) {
            int listen = Integer.parseInt(directives(server, "listen").get(0));
            String upstream = upstreams.get(directives(server, "proxy_pass").get(0));
            seen.put(listen, upstream);
            assertTrue(directives(upstream, "server").get(0).startsWith(ALIAS + ":" + LISTENERS.get(listen) + " "),
                    listen + " must pass to node port " + LISTENERS.get(listen));
            List<String> hash = directives(upstream, "hash");
            if (BOSH.contains(listen)) {
                // Not "consistent": that variant chooses among peers of one server NAME round robin.
                assertEquals(List.of("$remote_addr"), hash, listen + " (BOSH) keeps a client address on one node");
            } else {
                assertEquals(List.of(), hash, listen + " is round robin");
            }
        }
        assertEquals(LISTENERS.keySet(), seen.keySet());
    }

    @Test
    void timeoutsAreTheBuildProperties() throws IOException {
        String config = config();
        assertEquals(List.of(System.getProperty("lb.proxy.timeout", "12h")), directives(config, "proxy_timeout"));
        assertEquals(List.of(System.getProperty("lb.connect.timeout", "10s")), directives(config, "proxy_connect_timeout"));
        assertEquals(List.of("off"), directives(config, "daemon"), "nginx stays in the foreground");
    }
}
