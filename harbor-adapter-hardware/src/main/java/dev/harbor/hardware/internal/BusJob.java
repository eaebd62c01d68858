package dev.harbor.hardware.internal;

import dev.harbor.application.port.LockBoardException;

/** Work for one bus, run on its worker thread with the line to itself. */
@FunctionalInterface
interface BusJob<T> {
    T run(BusConversation conversation, Attempt attempt) throws LockBoardException;
}
