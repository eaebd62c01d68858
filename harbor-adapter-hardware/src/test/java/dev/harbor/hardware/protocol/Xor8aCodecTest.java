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

class Xor8aCodecTest {

    private final Xor8aCodec codec = new Xor8aCodec(ProtocolOptions.DEFAULTS);

    @Test
    void requests_are_the_spec_frames() {
        assertThat(hex(codec.encode(new BoardRequest.OpenLock(1, 1)))).isEqualTo("8A 01 01 11 9B");
        assertThat(hex(codec.encode(new BoardRequest.OpenLock(1, 2)))).isEqualTo("8A 01 02 11 98");
        assertThat(hex(codec.encode(new BoardRequest.OpenAll(1)))).isEqualTo("8A 01 00 11 9A");
        assertThat(hex(codec.encode(new BoardRequest.ReadLock(1, 1)))).isEqualTo("80 01 01 33 B3");
        assertThat(hex(codec.encode(new BoardRequest.ReadStatus(1)))).isEqualTo("80 01 00 33 B2");
        assertThat(hex(codec.encode(new BoardRequest.OpenLock(31, 24)))).isEqualTo("8A 1F 18 11 9C");
    }

    @Test
    void bcc_is_the_xor_of_the_four_bytes_before_it() {
        assertThat(Frames.xor(parse("8A 01 01 11"), 0, 4)).isEqualTo(0x9B);
    }

    @Test
    void an_open_reply_00_means_released_and_11_means_still_locked() {
        assertThat(openAnswer("8A 01 01 00 8A", 1, 1)).isEqualTo(OpenAnswer.RELEASED);
        assertThat(openAnswer("8A 01 01 11 9B", 1, 1)).isEqualTo(OpenAnswer.STILL_LOCKED);
    }

    @Test
    void inverted_polarity_reads_the_open_reply_the_other_way() {
        Xor8aCodec inverted =
                new Xor8aCodec(new ProtocolOptions(FeedbackPolarity.SET_MEANS_OPEN, StatusByteOrder.HIGHEST_FIRST));
        byte[] reply = parse("8A 01 01 11 9B");
        FrameScan<OpenAnswer> scan = inverted.scanOpenReply(reply, reply.length, 1, 1);
        assertThat(((FrameScan.Found<OpenAnswer>) scan).value()).isEqualTo(OpenAnswer.RELEASED);
    }

    @Test
    void the_worked_status_reply_says_lock_1_locked_and_the_others_open() {
        byte[] reply = parse("80 01 00 00 01 33 B3");
        FrameScan<BoardStatus> scan = codec.scanStatusReply(reply, reply.length, 1, 24);
        assertThat(scan).isInstanceOf(FrameScan.Found.class);
        FrameScan.Found<BoardStatus> found = (FrameScan.Found<BoardStatus>) scan;
        assertThat(found.endCertain())
                .as("read-all length is not implied by the protocol")
                .isFalse();
        assertThat(found.value().locks().get(1)).isEqualTo(new LockReading(false, null));
        for (int lock = 2; lock <= 24; lock++) {
            assertThat(found.value().locks().get(lock).doorOpen())
                    .as("lock %d", lock)
                    .isTrue();
        }
    }

    @Test
    void lowest_first_byte_order_puts_lock_1_in_the_first_status_byte() {
        Xor8aCodec lowestFirst =
                new Xor8aCodec(new ProtocolOptions(FeedbackPolarity.SET_MEANS_LOCKED, StatusByteOrder.LOWEST_FIRST));
        byte[] reply = parse("80 01 01 00 00 33 B3");
        BoardStatus status =
                ((FrameScan.Found<BoardStatus>) lowestFirst.scanStatusReply(reply, reply.length, 1, 24)).value();
        assertThat(status.locks().get(1).doorOpen()).isFalse();
        assertThat(status.locks().get(17).doorOpen()).isTrue();
    }

    @Test
    void an_eight_channel_board_answers_with_seven_bytes() {
        byte[] reply = parse("80 01 00 00 01 33 B3");
        BoardStatus status = ((FrameScan.Found<BoardStatus>) codec.scanStatusReply(reply, reply.length, 1, 8)).value();
        assertThat(status.locks()).hasSize(8);
        assertThat(status.locks().get(1).doorOpen()).isFalse();
    }

    @Test
    void garbage_before_a_reply_is_skipped_even_when_it_contains_the_head_byte() {
        byte[] reply = parse("FF 8A 55 00 8A 01 01 00 8A");
        FrameScan<OpenAnswer> scan = codec.scanOpenReply(reply, reply.length, 1, 1);
        assertThat(scan).isEqualTo(new FrameScan.Found<>(OpenAnswer.RELEASED, 4, 9, true));
    }

    @Test
    void a_reply_with_a_bad_bcc_is_rejected_with_the_reason() {
        byte[] reply = parse("8A 01 01 00 8B");
        FrameScan<OpenAnswer> scan = codec.scanOpenReply(reply, reply.length, 1, 1);
        assertThat(scan).isInstanceOf(FrameScan.Pending.class);
        assertThat(((FrameScan.Pending<OpenAnswer>) scan).rejected()).contains("bad BCC");
    }

    @Test
    void a_reply_from_another_board_is_rejected_as_a_wrong_address_echo() {
        byte[] reply = parse("8A 02 01 00 89");
        FrameScan<OpenAnswer> scan = codec.scanOpenReply(reply, reply.length, 1, 1);
        assertThat(((FrameScan.Pending<OpenAnswer>) scan).rejected()).contains("wrong address");
    }

    @Test
    void a_partial_reply_is_pending_without_rejection_and_says_how_many_bytes_it_lacks() {
        byte[] reply = parse("8A 01 01");
        assertThat(codec.scanOpenReply(reply, reply.length, 1, 1)).isEqualTo(new FrameScan.Pending<>(null, 2));
    }

    @Test
    void garbage_before_a_partial_reply_does_not_count_as_part_of_it() {
        byte[] reply = parse("00 FF 8A 01");
        assertThat(codec.scanOpenReply(reply, reply.length, 1, 1)).isEqualTo(new FrameScan.Pending<>(null, 3));
    }

    @Test
    void a_read_all_reply_of_board_dependent_length_never_says_how_many_bytes_it_lacks() {
        byte[] reply = parse("80 01 00");
        assertThat(codec.scanStatusReply(reply, reply.length, 1, 24)).isEqualTo(new FrameScan.Pending<>(null, 0));
    }

    @Test
    void the_board_side_reads_back_every_request_it_is_sent() {
        assertThat(request("8A 1F 18 11 9C")).isEqualTo(new BoardRequest.OpenLock(31, 24));
        assertThat(request("8A 01 00 11 9A")).isEqualTo(new BoardRequest.OpenAll(1));
        assertThat(request("80 01 00 33 B2")).isEqualTo(new BoardRequest.ReadStatus(1));
        assertThat(request("80 01 01 33 B3")).isEqualTo(new BoardRequest.ReadLock(1, 1));
    }

    @Test
    void the_board_side_encodes_the_worked_status_reply() {
        Map<Integer, LockReading> locks = new HashMap<>();
        for (int lock = 1; lock <= 24; lock++) {
            locks.put(lock, new LockReading(lock != 1, null));
        }
        assertThat(hex(codec.encodeStatusReply(1, new BoardStatus(locks), 24))).isEqualTo("80 01 00 00 01 33 B3");
        assertThat(hex(codec.encodeOpenReply(1, 1, true).orElseThrow())).isEqualTo("8A 01 01 00 8A");
    }

    private OpenAnswer openAnswer(String reply, int board, int lock) {
        byte[] bytes = parse(reply);
        return ((FrameScan.Found<OpenAnswer>) codec.scanOpenReply(bytes, bytes.length, board, lock)).value();
    }

    private BoardRequest request(String frame) {
        byte[] bytes = parse(frame);
        return ((FrameScan.Found<BoardRequest>) codec.scanRequest(bytes, bytes.length)).value();
    }
}
