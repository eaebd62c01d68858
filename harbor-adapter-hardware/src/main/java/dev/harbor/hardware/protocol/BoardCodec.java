package dev.harbor.hardware.protocol;

import dev.harbor.application.port.BoardStatus;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import java.util.Optional;

/**
 * The bytes of one lock-board protocol (spec/hardware.md), both ways: the gateway's requests and
 * the board's replies. The gateway encodes requests and scans replies; the board simulator scans
 * requests and encodes replies. Scanning skips garbage and rejects frames with a wrong head,
 * function, address or checksum.
 */
public interface BoardCodec {

    static BoardCodec of(Protocol protocol, ProtocolOptions options) {
        if (protocol == Protocol.XOR8A) {
            return new Xor8aCodec(options);
        }
        if (protocol == Protocol.KERONG_CU16) {
            return new KerongCu16Codec(options);
        }
        return new KerongCu48Codec(options);
    }

    Protocol protocol();

    /** @throws IllegalArgumentException when the protocol has no such command (CU48 open-all, Kerong single-lock read) */
    byte[] encode(BoardRequest request);

    /** {@code false} when the board may stay silent after an open (KR-CU16). */
    boolean answersOpen();

    /** {@code true} when an open must be confirmed by a status read (no lock feedback in the open reply). */
    boolean confirmsOpenByStatus();

    FrameScan<OpenAnswer> scanOpenReply(byte[] bytes, int length, int board, int lock);

    /** Scans a status reply; the result holds locks 1 to {@code lockCount}. */
    FrameScan<BoardStatus> scanStatusReply(byte[] bytes, int length, int board, int lockCount);

    /** The board side: finds the next request frame, whatever board it addresses. */
    FrameScan<BoardRequest> scanRequest(byte[] bytes, int length);

    /**
     * The board side: the reply to an open of {@code lock} (0 = open all, where the protocol has it),
     * or empty when this protocol's board does not answer opens.
     */
    Optional<byte[]> encodeOpenReply(int board, int lock, boolean released);

    /** The board side: the reply to a status read reporting {@code status}. */
    byte[] encodeStatusReply(int board, BoardStatus status, int lockCount);
}
