package dev.harbor.application.locker;

import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LockBoardException;
import dev.harbor.application.port.LockHardwareFault;
import dev.harbor.application.port.OpenConfirmation;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lock board that answers each open with the next scripted reply (then keeps repeating the
 * last one), and records every open it was asked for.
 */
public final class ScriptedLockBoard implements LockBoard {

    public sealed interface Reply permits Opens, CommunicationFails, HardwareFails, Hangs {}

    public record Opens(Boolean doorOpen) implements Reply {}

    public record CommunicationFails(String message) implements Reply {}

    public record HardwareFails(String message) implements Reply {}

    /** A board that never answers: the attempt fails at its deadline, as the port promises. */
    public record Hangs() implements Reply {}

    public record OpenCall(ControllerId controller, int lockNumber, Duration deadline) {}

    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<OpenCall> opens = Collections.synchronizedList(new ArrayList<>());
    private final Map<ControllerId, BoardEndpoint> attached = new ConcurrentHashMap<>();
    private Reply last = new Opens(true);
    private volatile boolean silent;

    public synchronized ScriptedLockBoard then(Reply reply) {
        script.addLast(reply);
        return this;
    }

    public List<OpenCall> opens() {
        return List.copyOf(opens);
    }

    /** The endpoint each controller is driven at now, empty when it is not attached. */
    public Optional<BoardEndpoint> attached(ControllerId controller) {
        return Optional.ofNullable(attached.get(controller));
    }

    @Override
    public void attach(ControllerId controller, BoardEndpoint endpoint, int lockCount) {
        attached.put(controller, endpoint);
    }

    @Override
    public void detach(ControllerId controller) {
        attached.remove(controller);
    }

    @Override
    public OpenConfirmation open(ControllerId controller, int lockNumber, Duration deadline) throws LockBoardException {
        opens.add(new OpenCall(controller, lockNumber, deadline));
        Reply reply = next();
        if (reply instanceof Opens opensReply) {
            return new OpenConfirmation(opensReply.doorOpen());
        }
        if (reply instanceof CommunicationFails failure) {
            throw new BoardCommunicationException(failure.message());
        }
        if (reply instanceof HardwareFails fault) {
            throw new LockHardwareFault(fault.message());
        }
        try {
            Thread.sleep(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardCommunicationException("interrupted while waiting for the board");
        }
        throw new BoardCommunicationException("no answer within " + deadline.toMillis() + " ms");
    }

    /** From now on, status reads get no answer ({@code true}) or an answer reporting no lock. */
    public ScriptedLockBoard silent(boolean silent) {
        this.silent = silent;
        return this;
    }

    @Override
    public BoardStatus readStatus(ControllerId controller, Duration deadline) throws BoardCommunicationException {
        if (silent) {
            throw new BoardCommunicationException("no answer within " + deadline.toMillis() + " ms");
        }
        return new BoardStatus(Map.of());
    }

    private synchronized Reply next() {
        if (!script.isEmpty()) {
            last = script.removeFirst();
        }
        return last;
    }
}
