package dev.harbor.hardware.simulator;

/** What can go wrong with a real board, switchable per board or per lock on a {@link SimulatedBoard}. */
public enum SimulatedFault {
    /** The board stays silent. */
    NO_REPLY,
    /** The reply comes after {@link SimulatorSettings#lateReplyDelay()}, meant to be past the gateway's timeout. */
    LATE_REPLY,
    /** The reply's checksum byte is wrong. */
    WRONG_CHECKSUM,
    /** Noise (including a false head byte) comes before the reply. */
    GARBAGE_PREFIX,
    /** The last two bytes of the reply never come. */
    TRUNCATED_FRAME,
    /** The reply carries another board's address (with a valid checksum). */
    WRONG_ADDRESS,
    /** The reply arrives in three chunks separated by {@link SimulatorSettings#splitPause()}. */
    SPLIT_REPLY,
    /** An open does not release the lock: the board reports it still locked. */
    LOCK_STUCK,
    /** The board stops answering anything until {@link SimulatedBoard#reset()}. */
    BUSY
}
