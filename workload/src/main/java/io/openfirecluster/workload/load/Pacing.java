package io.openfirecluster.workload.load;

/**
 * An open-loop sender's clock: send N of a run at RATE a second is due N/RATE seconds after the
 * run's start, whatever the sends before it cost. A sender that fell behind sends at once until
 * it is on time again, so the rate offered is the rate asked unless this side cannot keep it
 * (which the offered rate then shows); unlike the workload's RateLimiter, which never catches up.
 */
final class Pacing {
    private Pacing() {
    }

    /** Sleeps until send N of a run that started at START (System.nanoTime()) at RATE a second is due. */
    static void awaitSend(long start, long n, double rate) throws InterruptedException {
        long wait = start + (long) (n * 1e9 / rate) - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing the sender, not waiting for a result
        }
    }
}
