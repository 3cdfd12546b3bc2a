package io.openfirecluster.workload.lean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Many lean sessions on one thread: non-blocking sockets on one NIO selector. The selector thread
 * opens the connections at the asked login rate, reads, feeds each session and writes what it
 * answers; everything a session does happens on that thread, so a session needs no locks.
 * Callers elsewhere hand work to it ({@link #execute}); sends go that way too.
 *
 * <p>One thread per connection (as Smack has two) is what limits the workload's client count; here
 * the count is limited by sockets and by the server.
 */
public final class LeanClientPool implements AutoCloseable {
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final LeanEvents events;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<LeanSession> sessions = Collections.synchronizedList(new ArrayList<>());
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);

    /** Logins not yet started, and their pace (selector thread only). */
    private final Deque<LeanLogin> waiting = new ArrayDeque<>();
    private double loginsPerSecond;
    private long pacingStart;
    private long startedSincePacing;

    private volatile boolean closing;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public LeanClientPool(LeanEvents events) {
        this.events = events;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("no NIO selector", e);
        }
        this.thread = new Thread(this::run, "lean-clients");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts LOGINS at PER_SECOND connections a second (paced from now, after any logins still
     * waiting); each reports {@link LeanEvents#loggedIn} or {@link LeanEvents#failed}.
     */
    public void logIn(List<LeanLogin> logins, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a login rate is a number of logins per second above 0, got " + perSecond);
        }
        List<LeanLogin> copy = List.copyOf(logins);
        execute(() -> {
            loginsPerSecond = perSecond;
            pacingStart = System.nanoTime();
            startedSincePacing = 0;
            waiting.addAll(copy);
        });
    }

    /** Runs TASK on the selector thread (where sessions may be used), soon. */
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** The sessions opened so far, in the order they were started. */
    public List<LeanSession> sessions() {
        synchronized (sessions) {
            return List.copyOf(sessions);
        }
    }

    /** Closes every session (each ends its stream) and stops the thread, waiting up to TIMEOUT. */
    public void close(Duration timeout) {
        execute(() -> {
            waiting.clear();
            for (LeanSession session : sessions()) {
                session.close();
            }
            flushAll();
            closing = true;
        });
        try {
            stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private void run() {
        try {
            while (!closing) {
                selector.select(this::ready, waitMillis());
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        // A caller's task that failed must not take every other connection down with the thread.
                        System.err.println("[lean] a task on the selector thread failed: " + e);
                    }
                }
                startDueLogins();
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector itself failed: every connection goes with it
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
            stopped.countDown();
        }
    }

    /** How long the selector may sleep: until the next paced login is due (0 would mean forever). */
    private long waitMillis() {
        if (waiting.isEmpty()) {
            return 100;
        }
        long dueNanos = pacingStart + (long) ((startedSincePacing + 1) * 1e9 / loginsPerSecond);
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(dueNanos - System.nanoTime()));
    }

    private void startDueLogins() {
        if (waiting.isEmpty()) {
            return;
        }
        long due = (long) ((System.nanoTime() - pacingStart) / 1e9 * loginsPerSecond);
        while (startedSincePacing < due && !waiting.isEmpty()) {
            open(waiting.poll());
            startedSincePacing++;
        }
    }

    private void open(LeanLogin login) {
        Connection connection = new Connection();
        LeanSession session = new LeanSession(login, events, connection);
        connection.session = session;
        sessions.add(session);
        try {
            SocketChannel channel = SocketChannel.open();
            connection.channel = channel;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            // Connect through the host's stack to the published port; a refusal shows in finishConnect.
            boolean connected = channel.connect(new InetSocketAddress(login.entry().host(), login.entry().port()));
            connection.key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, connection);
            if (connected) {
                session.start();
            }
        } catch (IOException e) {
            session.connectionLost("cannot connect to " + login.entry() + ": " + e.getMessage());
        }
    }

    private void ready(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isValid() && key.isConnectable()) {
                connection.channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                connection.session.start();
            }
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
            if (key.isValid() && key.isWritable()) {
                connection.flush();
            }
        } catch (IOException e) {
            connection.session.connectionLost("connection to " + connection.session.login().entry() + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            // A fault of this session (or of an event handler) ends this session only.
            connection.session.connectionLost("client error: " + e);
        }
    }

    private void read(Connection connection) throws IOException {
        // A few reads per readiness, so one busy connection cannot starve the others.
        for (int i = 0; i < 4; i++) {
            readBuffer.clear();
            int n = connection.channel.read(readBuffer);
            if (n < 0) {
                connection.session.connectionLost("the server closed the connection");
                return;
            }
            if (n == 0) {
                return;
            }
            connection.session.receive(readBuffer.array(), 0, n, System.nanoTime());
            if (n < readBuffer.capacity() || !connection.key.isValid()) {
                return;
            }
        }
    }

    private void flushAll() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection connection) {
                try {
                    connection.flush();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** One socket and what is still to be written to it (selector thread only). */
    private final class Connection implements LeanSession.Transport {
        SocketChannel channel;
        SelectionKey key;
        LeanSession session;
        private final Deque<ByteBuffer> pending = new ArrayDeque<>();
        /** close() asked while data was pending: close once it is written. */
        private boolean closeAfterFlush;

        @Override
        public void write(String xml) {
            pending.add(ByteBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)));
            try {
                flush();
            } catch (IOException e) {
                // A write can fail only once the peer is gone; the next read reports it.
                pending.clear();
            }
        }

        @Override
        public void close() {
            if (pending.isEmpty() || key == null || !key.isValid()) {
                closeNow();
            } else {
                closeAfterFlush = true;
            }
        }

        void flush() throws IOException {
            if (key == null || !key.isValid() || channel.isConnectionPending()) {
                return; // not connected yet: finishConnect's start() writes again and flushes all
            }
            while (!pending.isEmpty()) {
                ByteBuffer head = pending.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                pending.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
            if (closeAfterFlush) {
                closeNow();
            }
        }

        private void closeNow() {
            if (key != null) {
                closeQuietly(key);
            } else if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
