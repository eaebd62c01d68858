package dev.harbor.hardware.protocol;

/** What a board's reply to an open command says. */
public enum OpenAnswer {
    /** The lock feedback says the lock released. */
    RELEASED,
    /** The lock feedback says the lock is still locked: a hardware fault. */
    STILL_LOCKED,
    /** The board executed the command but its reply carries no lock feedback: confirm by status. */
    DONE,
    /** The board reported that it could not execute the command. */
    REFUSED
}
