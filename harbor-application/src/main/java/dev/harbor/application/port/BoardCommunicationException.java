package dev.harbor.application.port;

/**
 * The board could not be talked to: no reply before the deadline, a bad checksum, garbage,
 * a wrong address echo, a port that is closed or vanished, a TCP failure. Retried.
 */
public final class BoardCommunicationException extends LockBoardException {

    public BoardCommunicationException(String message) {
        super(message, null);
    }

    public BoardCommunicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
