package dev.harbor.hardware.protocol;

/** What the gateway asks of one board. Lock numbers count from 1, as in the API. */
public sealed interface BoardRequest
        permits BoardRequest.OpenLock, BoardRequest.OpenAll, BoardRequest.ReadStatus, BoardRequest.ReadLock {

    int board();

    record OpenLock(int board, int lock) implements BoardRequest {
        public OpenLock {
            if (lock < 1) {
                throw new IllegalArgumentException("lock numbers start at 1, was " + lock);
            }
        }
    }

    record OpenAll(int board) implements BoardRequest {}

    record ReadStatus(int board) implements BoardRequest {}

    /** Reads one lock's feedback; only xor8a has this command. */
    record ReadLock(int board, int lock) implements BoardRequest {}
}
