package io.openfirecluster.checker;

/**
 * Where a 1:1 message travelled, from its sender's entry point to its addressee's: within one node,
 * between two nodes of one cluster, between two XMPP domains (server to server), or through the
 * load balancer, which does not say which node a client landed on. The checker decides it from the
 * history's clients (PairClassifier: cross domain first).
 */
public enum PairKind {
    SAME_NODE("same node"),
    CROSS_NODE("cross node"),
    CROSS_DOMAIN("cross domain"),
    VIA_LB("via load balancer");

    private final String label;

    PairKind(String label) {
        this.label = label;
    }

    /** How reports name it: "same node". */
    public String label() {
        return label;
    }
}
