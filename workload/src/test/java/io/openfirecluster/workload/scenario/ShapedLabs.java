package io.openfirecluster.workload.scenario;

import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.NodeTemplate;
import io.openfirecluster.topology.Shape;
import io.openfirecluster.topology.Topology;
import java.util.List;
import java.util.Map;

/** Topologies as the lab's shapes make them from the root pom's blocks (db, lb, three nodes), for the scenario tests. */
public final class ShapedLabs {
    static final String SUFFIX = "localhost.example";
    static final String HOME = "xmpp." + SUFFIX;
    static final String OTHER = "otherxmpp." + SUFFIX;
    private static final NodeTemplate NODE = new NodeTemplate("xmpp{i}", "{10*i}",
            List.of("conference.xmpp{i}." + SUFFIX, "nodes." + SUFFIX),
            List.of("{5220+i}:5222", "{5260+i}:5269", "{9090+i}:9090", "{7070+i}:7070"))
            .withRun("lab/openfire:1", "openfire", List.of("db"), Map.of("DB_HOST", "db." + SUFFIX));

    private ShapedLabs() {
    }

    /** The lab of SHAPE (cluster, cluster-with-federation, federation) with three cluster nodes. */
    public static Topology of(String shape) {
        Shape.Blocks blocks = new Shape.Blocks("scenario-test", "172.60.102.0/24", null, "127.0.0.1", SUFFIX, List.of(
                new LabService("db", 11, List.of(), List.of("5432:5432")).run("lab/db:1", "postgres", List.of(), Map.of()),
                new LabService("lb", 99, List.of(), List.of("55222:55222", "5269:5269", "5270:5270")).run("lab/lb:1", "nginx", List.of("nodes"), Map.of())),
                NODE, "3", "1", HOME, "nodes." + SUFFIX);
        return Shape.named(shape).topology(blocks).validate();
    }
}
