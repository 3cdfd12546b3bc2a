package io.openfirecluster.workload.load;

import io.openfirecluster.checker.MessageId;
import io.openfirecluster.workload.lean.LeanClientPool;
import io.openfirecluster.workload.lean.LeanEvents;
import io.openfirecluster.workload.lean.LeanLogin;
import io.openfirecluster.workload.lean.LeanSession;
import io.openfirecluster.workload.lean.ReceivedMessage;
import io.openfirecluster.workload.LabClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lean client: every session on one selector thread (LeanClientPool), SASL PLAIN on plain
 * TCP. Besides logging in it runs the message phase: pairs of its sessions send chat messages to
 * each other at a rate for a time, and each message is matched by its id on arrival.
 */
final class LeanKind implements ClientKind {
    private final Map<Integer, LoginBatch> batchOf = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> finished = new ConcurrentHashMap<>();
    private final AtomicInteger dropped = new AtomicInteger();
    /** The message phase's bookkeeping, set while it runs. */
    private volatile MessagePhase messages;
    private final LeanClientPool pool = new LeanClientPool(new LeanEvents() {
        @Override
        public void loggedIn(LeanSession session, long nanos) {
            int index = session.login().index();
            if (finished.putIfAbsent(index, true) == null) {
                batchOf.remove(index).loggedIn(session.createdNanos(), nanos);
            }
        }

        @Override
        public void failed(LeanSession session, String reason, long nanos) {
            int index = session.login().index();
            if (finished.putIfAbsent(index, true) == null) {
                batchOf.remove(index).failed(reason.replaceAll("\\d+", "N"), nanos); // one reason, not one per port
            } else {
                dropped.incrementAndGet();
            }
        }

        @Override
        public void sent(LeanSession session, String id, String to, long nanos) {
            MessagePhase phase = messages;
            if (phase != null) {
                phase.sent(id, nanos);
            }
        }

        @Override
        public void received(LeanSession session, ReceivedMessage message) {
            MessagePhase phase = messages;
            if (phase != null) {
                phase.received(message);
            }
        }
    });

    @Override
    public String name() {
        return "lean";
    }

    @Override
    public LoginBatch logIn(List<Login> logins, double rate, Duration grace) throws InterruptedException {
        LoginBatch batch = new LoginBatch(logins.size());
        List<LeanLogin> lean = new ArrayList<>();
        for (Login login : logins) {
            batchOf.put(login.index(), batch);
            lean.add(new LeanLogin(login.index(), login.entry(), login.user(), LabClients.PASSWORD, login.resource()));
        }
        long start = System.nanoTime();
        pool.logIn(lean, rate);
        batch.await(start + (long) (logins.size() * 1e9 / rate) + grace.toNanos());
        return batch;
    }

    @Override
    public int dropped() {
        return dropped.get();
    }

    /**
     * Pairs the ready sessions (1st with 2nd, 3rd with 4th, ...; with round-robin entry points
     * the two of a pair are on different entry points) and sends RATE messages a second in all,
     * alternating pairs and directions, for SECONDS; then waits up to DRAIN for the stragglers.
     */
    MessagePhase.Result exchangeMessages(double rate, int seconds, Duration drain) throws InterruptedException {
        List<LeanSession> ready = pool.sessions().stream().filter(LeanSession::isReady).toList();
        int pairs = ready.size() / 2;
        if (pairs == 0 || rate <= 0) {
            return MessagePhase.Result.NONE;
        }
        MessagePhase phase = new MessagePhase();
        messages = phase;
        String run = "load" + Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        long total = (long) (rate * seconds);
        for (long n = 0; n < total; n++) {
            Pacing.awaitSend(start, n, rate);
            int pair = (int) ((n / 2) % pairs);
            LeanSession from = ready.get(2 * pair + (int) (n % 2));
            LeanSession to = ready.get(2 * pair + 1 - (int) (n % 2));
            String id = new MessageId(run, from.login().resource(), to.login().resource(), n / (2L * pairs) + 1).encode();
            pool.execute(() -> from.sendChat(to.jid(), id, id));
        }
        long sendSeconds = System.nanoTime() - start;
        phase.awaitAll(System.nanoTime() + drain.toNanos());
        messages = null;
        return phase.result(sendSeconds / 1e9);
    }

    @Override
    public void close() {
        pool.close(Duration.ofSeconds(30));
    }

    /** Every message sent in the phase by id, and its first arrival. */
    static final class MessagePhase {
        record Result(int sent, int delivered, int bounced, int duplicated, double sendSeconds, List<Long> deliverNanos) {
            static final Result NONE = new Result(0, 0, 0, 0, 0, List.of());

            int lost() {
                return sent - delivered;
            }
        }

        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        private final Map<String, Long> deliveredAfter = new ConcurrentHashMap<>();
        private final AtomicInteger bounced = new AtomicInteger();
        private final AtomicInteger duplicated = new AtomicInteger();
        private final ConcurrentLinkedQueue<Long> deliverNanos = new ConcurrentLinkedQueue<>();

        void sent(String id, long nanos) {
            sentAt.put(id, nanos);
        }

        void received(ReceivedMessage message) {
            Long sent = message.id() == null ? null : sentAt.get(message.id());
            if (sent == null) {
                return; // not this phase's (a stranger, or offline storage from an earlier run)
            }
            if ("error".equals(message.type())) {
                bounced.incrementAndGet();
                return;
            }
            if (deliveredAfter.putIfAbsent(message.id(), message.nanos() - sent) == null) {
                deliverNanos.add(message.nanos() - sent);
            } else {
                duplicated.incrementAndGet();
            }
        }

        /** Polls until every sent message arrived or bounced, or DEADLINE (System.nanoTime()). */
        void awaitAll(long deadline) throws InterruptedException {
            while (deliveredAfter.size() + bounced.get() < sentAt.size() && System.nanoTime() < deadline) {
                Thread.sleep(50); // polling with a deadline
            }
        }

        Result result(double sendSeconds) {
            return new Result(sentAt.size(), deliveredAfter.size(), bounced.get(), duplicated.get(), sendSeconds, List.copyOf(deliverNanos));
        }
    }
}
