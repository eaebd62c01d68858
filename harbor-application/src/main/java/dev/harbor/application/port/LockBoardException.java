package dev.harbor.application.port;

/** Why an attempt at a board failed; the subtype decides whether the door-open policy retries. */
public abstract sealed class LockBoardException extends Exception
        permits BoardCommunicationException, LockHardwareFault {

    protected LockBoardException(String message, Throwable cause) {
        super(message, cause);
    }
}
