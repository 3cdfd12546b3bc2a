package io.openfirecluster.tsung;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.Format;
import io.openfirecluster.topology.ResolvedTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs Tsung once against the running lab from system properties (profile tsung of this module)
 * and prints [tsung] lines: the plan, each step's numbers and the totals.
 */
public final class TsungMain {
    private TsungMain() {
    }

    public static void main(String[] args) {
        TsungPlan plan;
        Path topologyFile = Path.of(System.getProperty("lab.topology", "cluster-it/target/lab/topology.properties"));
        try {
            plan = new TsungPlan(Integer.parseInt(property("tsung.users", "500")), Double.parseDouble(property("tsung.rate", "20")),
                    property("tsung.entry", "lb"), rates(property("tsung.steps", "100,200,400")),
                    Duration.ofSeconds(Long.parseLong(property("tsung.step.seconds", "15"))), Integer.parseInt(property("tsung.body", "64")),
                    Duration.ofSeconds(Long.parseLong(property("tsung.drain.seconds", "10"))),
                    property("xmpp.domain", TsungPlan.DOMAIN), TsungPlan.PREFIX, property("user.password", TsungPlan.PASSWORD));
            if (!Files.isRegularFile(topologyFile)) {
                throw new IllegalArgumentException("no running lab's topology at " + topologyFile + ": start the lab (./mvnw install -DskipITs -Dplay) or give -Dlab.topology=");
            }
        } catch (IllegalArgumentException e) {
            System.out.println("[tsung] " + e.getMessage());
            System.exit(2);
            return;
        }
        ResolvedTopology topology = ResolvedTopology.load(topologyFile);
        try (LabNetwork lab = LabNetwork.connect(topology.topology(), message -> { })) {
            TsungResult result = new TsungRun(lab, property("tsung.image", "openfire-cluster/tsung:1.0.0-SNAPSHOT"),
                    line -> System.out.println("[tsung] " + line)).run(plan);
            print(result);
        }
    }

    private static void print(TsungResult result) {
        System.out.println("[tsung] logged in " + result.loggedIn() + " of " + result.plan().users() + " users in " + Format.decimal(result.loginSeconds())
                + " s (Tsung launched " + result.launched() + ", completed " + result.logins() + " logins), Tsung CPU " + Format.decimal(result.loginCpuSeconds()) + " s");
        for (TsungResult.Step step : result.steps()) {
            System.out.println("[tsung] step " + step);
        }
        System.out.println("[tsung] delivered in the " + result.plan().drain().toSeconds() + " s drain after the last step: " + result.lateDelivered() + "; Tsung errors " + result.errors()
                + "; Tsung CPU " + Format.decimal(result.cpuSeconds()) + " s in all; exit " + result.exitCode());
    }

    private static List<Double> rates(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Double::parseDouble).toList();
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name, "").strip();
        return value.isEmpty() ? fallback : value;
    }
}
