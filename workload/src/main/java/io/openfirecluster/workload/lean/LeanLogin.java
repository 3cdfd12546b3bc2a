package io.openfirecluster.workload.lean;

import io.openfirecluster.workload.Endpoint;

/**
 * One lean client to log in: its number in the run (for the caller's bookkeeping), the entry point
 * it connects to (whose domain it logs in to), its account and the resource it binds.
 */
public record LeanLogin(int index, Endpoint entry, String user, String password, String resource) {
    public LeanLogin {
        if (user == null || user.isBlank() || password == null || resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("a lean login needs a user, a password and a resource, got user '" + user + "' resource '" + resource + "'");
        }
    }
}
