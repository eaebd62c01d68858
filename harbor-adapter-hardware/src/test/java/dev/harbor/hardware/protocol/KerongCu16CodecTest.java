package dev.harbor.hardware.protocol;

import static dev.harbor.hardware.protocol.Frames.hex;
import static dev.harbor.hardware.protocol.Frames.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.BoardStatus.LockReading;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.ProtocolOptions.FeedbackPolarity;
import dev.harbor.domain.controller.ProtocolOptions.StatusByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KerongCu16CodecTest {

    private final KerongCu16Codec codec = new KerongCu16Codec(ProtocolOptions.DEFAULTS);

    @Test
    void requests_are_the_spec_frames() {
        assertThat(hex(codec.encode(new BoardRequest.ReadStatus(0)))).isEqualTo("02 00 30 03 35");
        assertThat(hex(codec.encode(new BoardRequest.ReadStatus(1)))).isEqualTo("02 10 30 03 45");
        assertThat(hex(codec.encode(new BoardRequest.OpenLock(0, 1)))).isEqualTo("02 00 31 03 36");
        assertThat(hex(codec.encode(new BoardRequest.OpenLock(0, 6)))).isEqualTo("02 05 31 03 3B");
        assertThat(hex(codec.encode(new BoardRequest.OpenLock(1, 16)))).isEqualTo("02 1F 31 03 55");
        assertThat(hex(codec.encode(new BoardRequest.OpenAll(0)))).isEqualTo("02 00 33 03 38");
    }

    @Test
    void the_worked_status_reply_says_lock_1_locked() {
        BoardStatus status = status("02 00 35 01 00 00 00 03 3B", 0, 16);
        assertThat(status.locks()).hasSize(16);
        assertThat(status.locks().get(1)).isEqualTo(new LockReading(false, false));
        assertThat(status.locks().get(2)).isEqualTo(new LockReading(true, false));
    }

    @Test
    void ir_bits_report_items_inside() {
        BoardStatus status = status("02 10 35 00 00 00 80 03 CA", 1, 16);
        assertThat(status.locks().get(16)).isEqualTo(new LockReading(true, true));
        assertThat(status.locks().get(1).itemPresent()).isFalse();
    }

    @Test
    void boards_of_the_other_generation_read_a_set_bit_as_open() {
        KerongCu16Codec inverted = new KerongCu16Codec(
                new ProtocolOptions(FeedbackPolarity.SET_MEANS_OPEN, StatusByteOrder.HIGHEST_FIRST));
        byte[] reply = parse("02 00 35 01 00 00 00 03 3B");
        BoardStatus status =
                ((FrameScan.Found<BoardStatus>) inverted.scanStatusReply(reply, reply.length, 0, 16)).value();
        assertThat(status.locks().get(1).doorOpen()).isTrue();
        assertThat(status.locks().get(2).doorOpen()).isFalse();
    }

    @Test
    void a_status_reply_with_a_bad_sum_or_from_another_board_is_rejected() {
        assertThat(rejection("02 00 35 01 00 00 00 03 3C", 0)).contains("bad SUM");
        assertThat(rejection("02 00 35 01 00 00 00 03 3B", 1)).contains("wrong address");
    }

    @Test
    void garbage_with_a_false_head_before_the_reply_is_skipped() {
        byte[] reply = parse("02 55 00 02 00 35 01 00 00 00 03 3B");
        FrameScan<BoardStatus> scan = codec.scanStatusReply(reply, reply.length, 0, 16);
        assertThat(scan).isInstanceOf(FrameScan.Found.class);
        assertThat(((FrameScan.Found<BoardStatus>) scan).end()).isEqualTo(12);
    }

    @Test
    void a_board_never_answers_an_open_so_it_is_confirmed_by_status() {
        assertThat(codec.answersOpen()).isFalse();
        assertThat(codec.confirmsOpenByStatus()).isTrue();
        assertThat(codec.encodeOpenReply(0, 1, true)).isEmpty();
    }

    @Test
    void the_board_side_reads_back_requests_and_encodes_the_worked_reply() {
        byte[] open = parse("02 1F 31 03 55");
        assertThat(((FrameScan.Found<BoardRequest>) codec.scanRequest(open, open.length)).value())
                .isEqualTo(new BoardRequest.OpenLock(1, 16));
        byte[] all = parse("02 00 33 03 38");
        assertThat(((FrameScan.Found<BoardRequest>) codec.scanRequest(all, all.length)).value())
                .isEqualTo(new BoardRequest.OpenAll(0));
        Map<Integer, LockReading> locks = new HashMap<>();
        for (int lock = 1; lock <= 16; lock++) {
            locks.put(lock, new LockReading(lock != 1, false));
        }
        assertThat(hex(codec.encodeStatusReply(0, new BoardStatus(locks), 16))).isEqualTo("02 00 35 01 00 00 00 03 3B");
    }

    private BoardStatus status(String reply, int board, int lockCount) {
        byte[] bytes = parse(reply);
        return ((FrameScan.Found<BoardStatus>) codec.scanStatusReply(bytes, bytes.length, board, lockCount)).value();
    }

    private String rejection(String reply, int board) {
        byte[] bytes = parse(reply);
        return ((FrameScan.Pending<BoardStatus>) codec.scanStatusReply(bytes, bytes.length, board, 16)).rejected();
    }
}
