package dev.harbor.domain.controller;

import java.util.Arrays;
import java.util.Optional;

/** The wire protocols of the lock boards Harbor drives (spec/hardware.md), with their API ids. */
public enum Protocol {
    /** The generic "8A/80" XOR family, protocol 1; board addresses 1-32, up to 50 channels. */
    XOR8A("xor8a", 1, 32, 50),
    /** Kerong KR-CU16 / KR-CU12, protocol 2; board numbers 0-9, 16 locks each. */
    KERONG_CU16("kerong-cu16", 0, 9, 16),
    /** Kerong KR-CU48, protocol 3; 48 locks per board. */
    KERONG_CU48("kerong-cu48", 0, 255, 48);

    private final String id;
    private final int minAddress;
    private final int maxAddress;
    private final int maxLocks;

    Protocol(String id, int minAddress, int maxAddress, int maxLocks) {
        this.id = id;
        this.minAddress = minAddress;
        this.maxAddress = maxAddress;
        this.maxLocks = maxLocks;
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

    public boolean acceptsAddress(int boardAddress) {
        return boardAddress >= minAddress && boardAddress <= maxAddress;
    }

    public static Optional<Protocol> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
