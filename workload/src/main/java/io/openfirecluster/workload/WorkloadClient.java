package io.openfirecluster.workload;

import io.openfirecluster.checker.Event;
import io.openfirecluster.checker.MessageId;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One workload client: a Smack connection to one entry point that records what it does and sees.
 * It sends sequenced 1:1 and room messages when told to, records every delivery, bounce, server
 * ack, presence change and (as its entry point's observer) the room's occupants, and reconnects
 * to the same entry point when its connection drops, until a deadline per outage.
 *
 * <p>Stream management (XEP-0198) stays on for its acks, but without resumption: every reconnect
 * is a new session, so the history has one clear meaning. Smack then re-sends the stanzas the
 * server had not acknowledged (at-least-once), which can show up as duplicates; that is what a
 * real Smack client does, and what the checker is there to see.
 */
final class WorkloadClient {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    /** How often a connected client that is not in the room tries to enter it again. */
    private static final Duration ROOM_RETRY = Duration.ofSeconds(1);

    private final ClientSpec spec;
    private final XMPPTCPConnection connection;
    private final HistoryRecorder recorder;
    private final String run;
    private final Optional<MultiUserChat> room;
    /** The client's room nickname: its id, like its resource. */
    private final Resourcepart nickname;
    private final boolean observer;
    private final OutstandingMessages outstanding;
    private final SequenceNumbers sequences = new SequenceNumbers();
    private final Object stateChange = new Object();
    private volatile boolean recording = true;
    private volatile boolean closed;
    private volatile boolean gaveUp;
    private volatile Exception lastError;
    private volatile long lastRoomAttempt;
    /** A room entry is under way (in its own thread). */
    private final java.util.concurrent.atomic.AtomicBoolean entering = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * A client (not yet connected) with CONFIGURATION (user, password and resource set), in ROOM
     * if given; an OBSERVER records the room's occupants as its entry point shows them.
     */
    WorkloadClient(ClientSpec spec, XMPPTCPConnectionConfiguration configuration, HistoryRecorder recorder, String run,
                   Optional<EntityBareJid> room, boolean observer, OutstandingMessages outstanding) {
        this.spec = spec;
        this.recorder = recorder;
        this.run = run;
        this.observer = observer;
        this.outstanding = outstanding;
        this.nickname = Resourcepart.fromOrThrowUnchecked(spec.id());
        this.connection = new XMPPTCPConnection(configuration);
        connection.setUseStreamManagementResumption(false);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                record(Event.client(recorder.now(), spec.id(), entry(), Event.Kind.DISCONNECT, "", oneLine(e)));
                outstanding.clientLeft(spec.id());
                signal();
            }
        });
        // Sync listeners run one at a time in arrival order: receives are recorded in the order they came.
        connection.addSyncStanzaListener(this::onMessage, StanzaTypeFilter.MESSAGE);
        connection.addSyncStanzaListener(this::onPresence, StanzaTypeFilter.PRESENCE);
        connection.addStanzaAcknowledgedListener(this::onAcknowledged);
        this.room = room.map(jid -> MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(jid));
        if (observer) {
            this.room.ifPresent(muc -> muc.addParticipantListener(presence -> recordOccupants(muc)));
        }
    }

    String id() {
        return spec.id();
    }

    String entry() {
        return spec.entry().name();
    }

    boolean isLoggedIn() {
        return connection.isAuthenticated();
    }

    /** Whether the client is logged in and in the room (as far as it knows). */
    boolean isInRoom() {
        return connection.isAuthenticated() && room.isPresent() && room.get().isJoined();
    }

    boolean hasGivenUp() {
        return gaveUp;
    }

    /** The last connection or room error, for a log line when the client gives up. */
    String lastError() {
        Exception error = lastError;
        return error == null ? "no error recorded" : oneLine(error);
    }

    /**
     * Makes sure the client is logged in (and in the room, retried at most every second), trying
     * again with growing pauses, but not past DEADLINE (System.nanoTime). False when it could not:
     * the client has then given up for good.
     */
    boolean ensureConnected(long deadline) throws InterruptedException {
        if (gaveUp || closed) {
            return false;
        }
        if (connection.isAuthenticated()) {
            maybeEnterRoom();
            return true;
        }
        Duration backoff = FIRST_BACKOFF;
        while (!closed) {
            try {
                logIn();
                maybeEnterRoom();
                return true;
            } catch (SmackException | IOException | XMPPException e) {
                lastError = e;
                // Only the deadline ends an outage: a node that boots again refuses logins quickly
                // and often (no SASL mechanisms yet) before it takes them, and that is no reason to stop.
                if (System.nanoTime() + backoff.toNanos() > deadline) {
                    gaveUp = true;
                    return false;
                }
                awaitChange(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        return false;
    }

    /** Sends the next 1:1 message to client TARGET (whose full JID is ADDRESS). */
    void sendDirect(String target, Jid address) throws InterruptedException {
        MessageId id = new MessageId(run, spec.id(), target, sequences.next(spec.id(), target));
        outstanding.awaitDelivery(id.encode());
        send(Event.Kind.SEND, id, address, Message.Type.chat);
    }

    /**
     * Sends the next room message, if the client is in the room (else it skips this turn);
     * OCCUPANTS are the clients in the room now, whose deliveries draining waits for.
     */
    void sendToRoom(Collection<String> occupants) throws InterruptedException {
        if (!isInRoom()) {
            return;
        }
        EntityBareJid jid = room.get().getRoom();
        String to = jid.toString();
        MessageId id = new MessageId(run, spec.id(), to, sequences.next(spec.id(), to));
        outstanding.awaitDeliveries(id.encode(), occupants);
        send(Event.Kind.GROUP_SEND, id, jid, Message.Type.groupchat);
    }

    /** Waits until the connection drops, the client closes, or TIMEOUT passed. */
    void awaitChange(Duration timeout) throws InterruptedException {
        synchronized (stateChange) {
            if (!closed) {
                stateChange.wait(Math.max(1, timeout.toMillis()));
            }
        }
    }

    /** Stops recording: called on every client before any disconnects, so the end of the run records nothing. */
    void stopRecording() {
        recording = false;
    }

    void close() {
        recording = false;
        closed = true;
        signal();
        if (connection.isConnected()) {
            connection.disconnect(); // waits up to the reply timeout for the server to close its stream
        }
    }

    private void send(Event.Kind kind, MessageId id, Jid to, Message.Type type) throws InterruptedException {
        String encoded = id.encode();
        Message message = StanzaBuilder.buildMessage(encoded).to(to).ofType(type).setBody(encoded).build();
        long sentAt = recorder.now();
        try {
            connection.sendStanza(message);
            record(Event.message(sentAt, spec.id(), entry(), kind, id, false, ""));
        } catch (SmackException.NotConnectedException e) {
            outstanding.settled(encoded);
            record(Event.message(sentAt, spec.id(), entry(), Event.Kind.SEND_FAILED, id, false, oneLine(e)));
        }
    }

    private void logIn() throws SmackException, IOException, XMPPException, InterruptedException {
        forgetRoom();
        if (!connection.isConnected()) {
            connection.connect();
        }
        connection.login();
        // The JID the server bound: its domain tells the checker which pairs of clients cross domains.
        record(Event.connect(recorder.now(), spec.id(), entry(), String.valueOf(connection.getUser())));
    }

    /**
     * After a drop, Smack still believes it is in the room and would not really enter it again.
     * Leaving on the dead connection fails at once but resets that belief.
     */
    private void forgetRoom() throws InterruptedException {
        if (room.isPresent() && room.get().isJoined()) {
            try {
                room.get().leave();
            } catch (SmackException | XMPPException.XMPPErrorException expected) {
                // Not connected: exactly the case; the local room state is reset all the same.
            }
        }
    }

    /**
     * Enters the room in the background: a room that does not answer (seen after a split brain:
     * the join waits for Smack's reply timeout) must not hold up the 1:1 sends of this client.
     */
    private void maybeEnterRoom() {
        if (room.isEmpty() || room.get().isJoined() || System.nanoTime() - lastRoomAttempt < ROOM_RETRY.toNanos()
                || !entering.compareAndSet(false, true)) {
            return;
        }
        lastRoomAttempt = System.nanoTime();
        MultiUserChat muc = room.get();
        Thread enter = new Thread(() -> {
            try {
                muc.join(muc.getEnterConfigurationBuilder(nickname).requestNoHistory().build());
                record(Event.client(recorder.now(), spec.id(), entry(), Event.Kind.ROOM_JOIN, muc.getRoom().toString(), ""));
                if (observer) {
                    recordOccupants(muc);
                }
            } catch (SmackException | XMPPException e) {
                lastError = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                entering.set(false);
            }
        }, "room-" + spec.id());
        enter.setDaemon(true);
        enter.start();
    }

    private void onMessage(Stanza stanza) {
        long at = recorder.now();
        Message message = (Message) stanza;
        Optional<MessageId> decoded = MessageId.decode(message.getBody()).or(() -> MessageId.decode(message.getStanzaId()));
        if (decoded.isEmpty() || !decoded.get().run().equals(run)) {
            return; // not the workload's, or an earlier run's (offline storage outlives runs)
        }
        MessageId id = decoded.get();
        boolean delayed = DelayInformation.from(message) != null;
        switch (message.getType()) {
            case error -> {
                StanzaError error = message.getError();
                record(Event.message(at, spec.id(), entry(), Event.Kind.BOUNCE, id, delayed,
                        error == null ? "error" : error.getCondition().toString()));
                outstanding.settled(id.encode());
            }
            case groupchat -> {
                record(Event.message(at, spec.id(), entry(), Event.Kind.GROUP_RECEIVE, id, delayed, ""));
                outstanding.delivered(id.encode(), spec.id());
            }
            default -> {
                record(Event.message(at, spec.id(), entry(), Event.Kind.RECEIVE, id, delayed, ""));
                outstanding.delivered(id.encode(), spec.id());
            }
        }
    }

    private void onPresence(Stanza stanza) {
        Presence presence = (Presence) stanza;
        Jid from = presence.getFrom();
        boolean fromRoom = room.isPresent() && from != null && from.asBareJid().equals(room.get().getRoom());
        Resourcepart resource = from == null ? null : from.getResourceOrNull();
        if (fromRoom || resource == null || resource.toString().equals(spec.id())
                || (presence.getType() != Presence.Type.available && presence.getType() != Presence.Type.unavailable)) {
            return;
        }
        record(Event.presence(recorder.now(), spec.id(), entry(), resource.toString(), presence.isAvailable()));
    }

    private void onAcknowledged(Stanza stanza) {
        if (stanza instanceof Message) {
            MessageId.decode(stanza.getStanzaId()).filter(id -> id.run().equals(run)).ifPresent(id ->
                    record(Event.message(recorder.now(), spec.id(), entry(), Event.Kind.SEND_ACKED, id, false, "")));
        }
    }

    private void recordOccupants(MultiUserChat muc) {
        List<String> nicknames = muc.getOccupants().stream().map(jid -> jid.getResourcepart().toString()).toList();
        record(Event.occupants(recorder.now(), spec.id(), entry(), muc.getRoom().toString(), nicknames));
    }

    private void record(Event event) {
        if (recording) {
            recorder.record(event);
        }
    }

    private void signal() {
        synchronized (stateChange) {
            stateChange.notifyAll();
        }
    }

    private static String oneLine(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.replaceAll("\\s+", " ").strip();
    }
}
