package io.openfirecluster.workload;

import java.util.Arrays;
import java.util.List;

/**
 * An account the workload's clients log in as, USER@DOMAIN; many clients share one account as its
 * resources. Its clients connect to entry points of its domain.
 */
public record Credentials(String user, String domain, String password) {

    /** An account of the lab's own domain ({@link LabClients#DOMAIN}). */
    public Credentials(String user, String password) {
        this(user, LabClients.DOMAIN, password);
    }

    public Credentials {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an account needs a user name, e.g. user1");
        }
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("account " + user + " needs an XMPP domain, e.g. " + LabClients.DOMAIN);
        }
        if (password == null) {
            throw new IllegalArgumentException("account " + user + " needs a password (it may be empty, not missing)");
        }
    }

    @Override
    public String toString() {
        // Never the password: plans and clients are printed in logs. The lab's own domain is implied.
        return domain.equals(LabClients.DOMAIN) ? user : user + "@" + domain;
    }

    /** USERS of the lab's domain, all with PASSWORD: e.g. {@code Credentials.of("password", "user1", "user2")}. */
    public static List<Credentials> of(String password, String... users) {
        return Arrays.stream(users).map(user -> new Credentials(user, password)).toList();
    }

    /** USERS of DOMAIN, all with PASSWORD. */
    public static List<Credentials> ofDomain(String domain, String password, List<String> users) {
        return users.stream().map(user -> new Credentials(user, domain, password)).toList();
    }
}
