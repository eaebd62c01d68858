package dev.harbor.hardware.internal;

import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.LockBoardException;
import dev.harbor.application.port.LockHardwareFault;
import dev.harbor.application.port.OpenConfirmation;
import dev.harbor.hardware.protocol.BoardCodec;
import dev.harbor.hardware.protocol.BoardRequest;
import dev.harbor.hardware.protocol.OpenAnswer;

/** The request sequences of one board: an open (with its confirmation) and a status read. */
final class BoardDriver {

    private final BoardCodec codec;
    private final int address;
    private final int lockCount;
    private final long silentOpenSettleNanos;

    BoardDriver(BoardCodec codec, int address, int lockCount, long silentOpenSettleNanos) {
        this.codec = codec;
        this.address = address;
        this.lockCount = lockCount;
        this.silentOpenSettleNanos = silentOpenSettleNanos;
    }

    int lockCount() {
        return lockCount;
    }

    OpenConfirmation open(BusConversation line, int lock, Attempt attempt) throws LockBoardException {
        byte[] request = codec.encode(new BoardRequest.OpenLock(address, lock));
        if (codec.answersOpen()) {
            OpenAnswer answer = line.exchange(
                    request, (bytes, length) -> codec.scanOpenReply(bytes, length, address, lock), attempt);
            if (answer == OpenAnswer.STILL_LOCKED) {
                throw new LockHardwareFault("lock " + lock + " of board " + address
                        + " did not release: the board reports it still locked");
            }
            if (answer == OpenAnswer.REFUSED) {
                throw new LockHardwareFault("board " + address + " reported a failure opening lock " + lock);
            }
            if (!codec.confirmsOpenByStatus()) {
                return new OpenConfirmation(true);
            }
        } else {
            line.send(request, attempt);
            line.settle(silentOpenSettleNanos, attempt);
        }
        BoardStatus status = readStatus(line, attempt);
        BoardStatus.LockReading reading = status.locks().get(lock);
        if (reading == null) {
            throw new BoardCommunicationException("status of board " + address + " does not cover lock " + lock);
        }
        if (!reading.doorOpen()) {
            throw new LockHardwareFault(
                    "lock " + lock + " of board " + address + " is still locked after the open (status read)");
        }
        return new OpenConfirmation(true);
    }

    BoardStatus readStatus(BusConversation line, Attempt attempt) throws BoardCommunicationException {
        byte[] request = codec.encode(new BoardRequest.ReadStatus(address));
        return line.exchange(
                request, (bytes, length) -> codec.scanStatusReply(bytes, length, address, lockCount), attempt);
    }
}
