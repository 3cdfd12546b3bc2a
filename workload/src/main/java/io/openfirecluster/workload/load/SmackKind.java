package io.openfirecluster.workload.load;

import io.openfirecluster.workload.LabClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Smack the way the workload uses it today: one XMPPTCPConnection per client, configured by
 * LabClients (STARTTLS required, the lab's CA, SCRAM-SHA-1), stream management without
 * resumption. Smack's connect and login block, so logins run on a pool of threads, started at the
 * paced times; a login's time counts from its paced start, so waiting for a free thread counts.
 */
final class SmackKind implements ClientKind {
    /** Threads that run blocking logins; more only add contention on two cores. */
    private static final int LOGIN_THREADS = 32;

    private final ConcurrentLinkedQueue<XMPPTCPConnection> connections = new ConcurrentLinkedQueue<>();
    private final AtomicInteger dropped = new AtomicInteger();

    @Override
    public String name() {
        return "smack";
    }

    @Override
    public LoginBatch logIn(List<Login> logins, double rate, Duration grace) throws InterruptedException {
        LoginBatch batch = new LoginBatch(logins.size());
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(LOGIN_THREADS);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < logins.size(); i++) {
                Login login = logins.get(i);
                long due = start + (long) (i * 1e9 / rate);
                pacer.schedule(() -> workers.execute(() -> logIn(login, due, batch)), due - start, TimeUnit.NANOSECONDS);
            }
            batch.await(start + (long) (logins.size() * 1e9 / rate) + grace.toNanos());
        } finally {
            pacer.shutdownNow();
            workers.shutdownNow();
            workers.awaitTermination(30, TimeUnit.SECONDS);
        }
        return batch;
    }

    private void logIn(Login login, long due, LoginBatch batch) {
        try {
            XMPPTCPConnection connection = new XMPPTCPConnection(
                    LabClients.c2s(login.entry().domain(), login.user(), login.entry().host(), login.entry().port())
                            .setResource(login.resource())
                            .build());
            connection.setUseStreamManagementResumption(false);
            connections.add(connection);
            connection.connect().login();
            connection.addConnectionListener(new ConnectionListener() {
                @Override
                public void connectionClosedOnError(Exception e) {
                    dropped.incrementAndGet();
                }
            });
            batch.loggedIn(due, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch.failed("interrupted at the deadline", System.nanoTime());
        } catch (Exception e) {
            batch.failed(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), System.nanoTime());
        }
    }

    @Override
    public int dropped() {
        return dropped.get();
    }

    /** Closes every connection at once (no waiting for the server's stream end, thousands of times). */
    @Override
    public void close() {
        XMPPTCPConnection connection;
        while ((connection = connections.poll()) != null) {
            connection.instantShutdown();
        }
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("");
        // Per-client details (addresses, ids) would make every reason unique: keep the start.
        return line.length() > 120 ? line.substring(0, 120) : line;
    }
}
