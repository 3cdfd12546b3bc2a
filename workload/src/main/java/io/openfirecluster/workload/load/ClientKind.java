package io.openfirecluster.workload.load;

import java.time.Duration;
import java.util.List;

/** One way of being many XMPP clients, measured by the clients benchmark. */
interface ClientKind extends AutoCloseable {
    String name();

    /**
     * Logs in LOGINS at RATE a second, waiting for every one of them at most until the paced
     * start of the last one plus GRACE; what happened to each.
     */
    LoginBatch logIn(List<Login> logins, double rate, Duration grace) throws InterruptedException;

    /** Sessions that were logged in and have dropped since. */
    int dropped();

    /** Ends every client of this kind. */
    @Override
    void close();

    /** One client to log in: its number (1..), account and entry point. */
    record Login(int index, String user, String resource, io.openfirecluster.workload.Endpoint entry) {
    }
}
