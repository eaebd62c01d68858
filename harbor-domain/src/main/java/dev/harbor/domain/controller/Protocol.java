package dev.harbor.domain.controller;

import dev.harbor.domain.rule.InvalidValueException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wire protocols of the lock boards Harbor drives (spec/hardware.md), and the remote site whose
 * locations stand in for a board (spec/bikeep.md), with their API ids.
 */
public enum Protocol {
    /** The generic "8A/80" XOR family, protocol 1; board addresses 1-32, up to 50 channels. */
    XOR8A("xor8a", 1, 32, 50, 9_600),
    /** Kerong KR-CU16 / KR-CU12, protocol 2; board numbers 0-9, 16 locks each. */
    KERONG_CU16("kerong-cu16", 0, 9, 16, 19_200),
    /** Kerong KR-CU48, protocol 3; 48 locks per board. Kerong boards leave the factory at 19200 baud. */
    KERONG_CU48("kerong-cu48", 0, 255, 48, 19_200),
    /**
     * A location in the Bikeep cloud (spec/bikeep.md): no board and no wire; its lockers are the
     * location's devices, as many as it has. Its one "address" is 0, so a location is added once.
     */
    BIKEEP("bikeep", 0, 0, 1_000, 0);

    private final String id;
    private final int minAddress;
    private final int maxAddress;
    private final int maxLocks;
    private final int factoryBaudRate;

    Protocol(String id, int minAddress, int maxAddress, int maxLocks, int factoryBaudRate) {
        this.id = id;
        this.minAddress = minAddress;
        this.maxAddress = maxAddress;
        this.maxLocks = maxLocks;
        this.factoryBaudRate = factoryBaudRate;
    }

    public String id() {
        return id;
    }

    public int minAddress() {
        return minAddress;
    }

    public int maxAddress() {
        return maxAddress;
    }

    public int maxLocks() {
        return maxLocks;
    }

    /** The baud rate these boards leave the factory with: the default wherever none is given. */
    public int factoryBaudRate() {
        return factoryBaudRate;
    }

    /**
     * Whether the lockers live in a remote site's cloud rather than behind a board of ours: no lock
     * board drives them, their count follows the site's devices, and a board cannot be swapped.
     */
    public boolean isRemote() {
        return this == BIKEEP;
    }

    public boolean acceptsAddress(int boardAddress) {
        return boardAddress >= minAddress && boardAddress <= maxAddress;
    }

    /** Returns the address when a board of this protocol can have it, else throws naming {@code boardAddress}. */
    public int requireAddress(int boardAddress) {
        if (!acceptsAddress(boardAddress)) {
            throw new InvalidValueException(
                    "boardAddress",
                    "board address " + boardAddress + " is out of range " + minAddress + "-" + maxAddress + " for "
                            + id);
        }
        return boardAddress;
    }

    /** Whether one board of this protocol drives {@code count} locks. */
    public boolean drivesLockCount(int count) {
        return count >= 1 && count <= maxLocks;
    }

    /**
     * Returns the count when one board of this protocol drives that many locks, else throws naming
     * {@code field} ({@code lockerCount} in the API, {@code locks} in the simulator).
     */
    public int requireLockCount(String field, int count) {
        if (!drivesLockCount(count)) {
            throw new InvalidValueException(
                    field, "a " + id + " board drives 1-" + maxLocks + " lockers, not " + count);
        }
        return count;
    }

    /**
     * The protocol with this API id, or an error naming {@code protocol} and listing the ids there
     * are. A long unknown id is cut in the message: it is someone's typo, not something to echo whole.
     */
    public static Protocol requireId(String id) {
        if (id == null) {
            throw new InvalidValueException("protocol", "protocol is required: one of " + ids());
        }
        return fromId(id)
                .orElseThrow(() -> new InvalidValueException(
                        "protocol",
                        "Unknown protocol '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "': use one of "
                                + ids()));
    }

    /**
     * The protocol of a board on a wire (the simulator, an mDNS announcement): as {@link
     * #requireId}, but a remote site's id is refused too.
     */
    public static Protocol requireBoardId(String id) {
        Protocol protocol = requireId(id);
        if (protocol.isRemote()) {
            throw new InvalidValueException(
                    "protocol",
                    "'" + id + "' is not a board protocol: use one of "
                            + boards().stream().map(Protocol::id).collect(Collectors.joining(", ")));
        }
        return protocol;
    }

    /** The protocols of boards on a wire, without the remote site. */
    public static List<Protocol> boards() {
        return Arrays.stream(values()).filter(p -> !p.isRemote()).toList();
    }

    /** The API ids, comma-separated, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Protocol::id).collect(Collectors.joining(", "));
    }

    public static Optional<Protocol> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
