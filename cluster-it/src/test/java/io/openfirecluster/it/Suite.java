package io.openfirecluster.it;

import io.openfirecluster.testsupport.Lab;

/**
 * Which tests a lab of the build runs. A behaviour is proven once a build: some tests run on the
 * lab across Docker hosts (cluster-it/multi-host) and not again on the one-host lab, unless the
 * full suite runs (-Dlab.suite=full). For JUnit's {@code @EnabledIf}.
 */
final class Suite {
    private Suite() {
    }

    /** -Dlab.suite=full: every test on every lab, also what the build proves elsewhere. */
    static boolean full() {
        return "full".equals(System.getProperty("lab.suite"));
    }

    /** The lab runs across Docker hosts, or the full suite runs. */
    static boolean acrossHostsOrFull() {
        return full() || !Lab.get().topology().topology().dockerHosts().isEmpty();
    }
}
