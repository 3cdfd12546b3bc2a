package io.openfirecluster.checker;

import java.util.Arrays;
import java.util.List;

/** An account the workload's clients log in as; many clients share one account as its resources. */
public record Credentials(String user, String password) {

    public Credentials {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an account needs a user name, e.g. user1");
        }
        if (password == null) {
            throw new IllegalArgumentException("account " + user + " needs a password (it may be empty, not missing)");
        }
    }

    @Override
    public String toString() {
        return user; // never the password: plans and clients are printed in logs
    }

    /** USERS, all with PASSWORD: e.g. {@code Credentials.of("password", "user1", "user2")} for the lab. */
    public static List<Credentials> of(String password, String... users) {
        return Arrays.stream(users).map(user -> new Credentials(user, password)).toList();
    }
}
