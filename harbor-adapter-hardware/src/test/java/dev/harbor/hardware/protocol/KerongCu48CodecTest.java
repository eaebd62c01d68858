package dev.harbor.hardware.protocol;

import static dev.harbor.hardware.protocol.Frames.hex;
import static dev.harbor.hardware.protocol.Frames.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.BoardStatus.LockReading;
import dev.harbor.domain.controller.ProtocolOptions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KerongCu48CodecTest {

    private static final String ALL_OPEN = "02 00 00 75 00 00 00 00 00 00 00 00 00 00 00 00 03 7A";
    private static final String LOCK_1_CLOSED = "02 00 00 75 01 00 00 00 00 00 00 00 00 00 00 00 03 7B";

    private final KerongCu48Codec codec = new KerongCu48Codec(ProtocolOptions.DEFAULTS);

    @Test
    void requests_are_the_spec_frames() {
        assertThat(hex(codec.encode(new BoardRequest.ReadStatus(0)))).isEqualTo("02 00 00 60 03 65");
        assertThat(hex(codec.encode(new BoardRequest.OpenLock(0, 1)))).isEqualTo("02 00 00 61 03 66");
        assertThat(hex(codec.encode(new BoardRequest.OpenLock(0, 5)))).isEqualTo("02 00 04 61 03 6A");
        assertThat(hex(codec.encode(new BoardRequest.OpenLock(0, 48)))).isEqualTo("02 00 2F 61 03 95");
    }

    @Test
    void there_is_no_open_all_command() {
        assertThatThrownBy(() -> codec.encode(new BoardRequest.OpenAll(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no open-all");
    }

    @Test
    void the_worked_status_replies_decode() {
        BoardStatus allOpen = status(ALL_OPEN);
        assertThat(allOpen.locks()).hasSize(48);
        assertThat(allOpen.locks().values()).allMatch(reading -> reading.doorOpen() && !reading.itemPresent());
        BoardStatus lockOneClosed = status(LOCK_1_CLOSED);
        assertThat(lockOneClosed.locks().get(1)).isEqualTo(new LockReading(false, false));
        assertThat(lockOneClosed.locks().get(2).doorOpen()).isTrue();
    }

    @Test
    void sensor_bits_report_items_inside() {
        BoardStatus status = status("02 00 00 75 00 00 00 00 00 00 00 00 00 00 00 80 03 FA");
        assertThat(status.locks().get(48)).isEqualTo(new LockReading(true, true));
    }

    @Test
    void an_open_reply_75_00_means_done() {
        byte[] reply = parse("02 00 04 75 00 7B");
        assertThat(codec.scanOpenReply(reply, reply.length, 0, 5))
                .isEqualTo(new FrameScan.Found<>(OpenAnswer.DONE, 0, 6, true));
    }

    @Test
    void a_status_reply_that_has_begun_says_how_many_bytes_it_lacks() {
        byte[] reply = parse("02 00 00 75");
        assertThat(codec.scanStatusReply(reply, reply.length, 0, 48)).isEqualTo(new FrameScan.Pending<>(null, 14));
    }

    @Test
    void an_open_reply_for_another_lock_is_a_wrong_address_echo() {
        byte[] reply = parse("02 00 05 75 00 7C");
        assertThat(((FrameScan.Pending<OpenAnswer>) codec.scanOpenReply(reply, reply.length, 0, 5)).rejected())
                .contains("wrong address");
    }

    @Test
    void the_board_side_encodes_the_worked_replies() {
        Map<Integer, LockReading> locks = new HashMap<>();
        for (int lock = 1; lock <= 48; lock++) {
            locks.put(lock, new LockReading(lock != 1, false));
        }
        assertThat(hex(codec.encodeStatusReply(0, new BoardStatus(locks), 48))).isEqualTo(LOCK_1_CLOSED);
        assertThat(hex(codec.encodeOpenReply(0, 5, true).orElseThrow())).isEqualTo("02 00 04 75 00 7B");
        byte[] request = parse("02 00 2F 61 03 95");
        assertThat(((FrameScan.Found<BoardRequest>) codec.scanRequest(request, request.length)).value())
                .isEqualTo(new BoardRequest.OpenLock(0, 48));
    }

    private BoardStatus status(String reply) {
        byte[] bytes = parse(reply);
        return ((FrameScan.Found<BoardStatus>) codec.scanStatusReply(bytes, bytes.length, 0, 48)).value();
    }
}
