package dev.harbor.domain.command;

import static dev.harbor.domain.command.CommandState.ERROR;
import static dev.harbor.domain.command.CommandState.NOT_SENT;
import static dev.harbor.domain.command.CommandState.SENT;
import static dev.harbor.domain.command.CommandState.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.domain.device.DeviceCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRecordTest {

    private static final Instant T0 = Instant.parse("2026-02-26T10:30:00Z");

    private final CommandRecord initiated = CommandRecord.initiated("cmd-1", "device-7", DeviceCommand.LOCK, T0);

    @Test
    void a_new_command_is_not_sent_and_its_history_starts_with_request_initiated() {
        assertThat(initiated.state()).isEqualTo(NOT_SENT);
        assertThat(initiated.changedAt()).isEqualTo(T0);
        assertThat(initiated.timeoutAt()).isNull();
        assertThat(initiated.events()).containsExactly(CommandEvent.of("REQUEST_INITIATED", T0));
    }

    @Test
    void a_command_goes_through_sent_and_received_to_success() {
        CommandRecord done = initiated
                .sent(T0.plusSeconds(3), T0.plusMillis(500))
                .withEvent(CommandEvent.of("REQUEST_SENT", T0.plusMillis(500)))
                .received(T0.plusSeconds(60), T0.plusSeconds(1))
                .withEvent(CommandEvent.of("RESPONSE_DEVICE_LOCKED", T0.plusSeconds(2)))
                .succeeded(T0.plusSeconds(2));

        assertThat(done.state()).isEqualTo(SUCCESS);
        assertThat(done.changedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(done.timeoutAt()).isNull();
        assertThat(done.events())
                .extracting(CommandEvent::name)
                .containsExactly("REQUEST_INITIATED", "REQUEST_SENT", "RESPONSE_DEVICE_LOCKED");
    }

    @Test
    void each_state_carries_its_own_deadline() {
        CommandRecord sent = initiated.sent(T0.plusSeconds(3), T0);
        CommandRecord received = sent.received(T0.plusSeconds(60), T0.plusSeconds(1));

        assertThat(sent.timeoutAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(received.timeoutAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void a_poller_that_missed_received_may_go_from_sent_straight_to_success() {
        assertThat(initiated.sent(null, T0).succeeded(T0.plusSeconds(1)).state())
                .isEqualTo(SUCCESS);
    }

    @Test
    void any_unfinished_command_may_fail_with_a_reason() {
        for (CommandRecord record : List.of(initiated, initiated.sent(null, T0), initiated.received(null, T0))) {
            CommandRecord failed = record.failed("device offline", T0.plusSeconds(5));

            assertThat(failed.state()).isEqualTo(ERROR);
            assertThat(failed.reason()).isEqualTo("device offline");
            assertThat(failed.timeoutAt()).isNull();
        }
    }

    @Test
    void a_command_never_moves_backwards_nor_to_the_same_state() {
        CommandRecord received = initiated.received(null, T0);

        assertThatIllegalStateException()
                .isThrownBy(() -> received.sent(null, T0))
                .withMessageContaining("RECEIVED to SENT");
        assertThatIllegalStateException().isThrownBy(() -> received.received(null, T0));
        assertThat(received.canMoveTo(SENT)).isFalse();
    }

    @Test
    void a_finished_command_stays_finished() {
        CommandRecord succeeded = initiated.succeeded(T0);
        CommandRecord failed = initiated.failed("rejected", T0);

        assertThatIllegalStateException().isThrownBy(() -> succeeded.failed("late", T0));
        assertThatIllegalStateException().isThrownBy(() -> failed.succeeded(T0));
        for (CommandState next : CommandState.values()) {
            assertThat(succeeded.canMoveTo(next)).isFalse();
            assertThat(failed.canMoveTo(next)).isFalse();
        }
    }

    @Test
    void the_allowed_moves_are_forward_or_to_error_from_an_unfinished_state() {
        var allowed = new ArrayList<String>();
        for (CommandState from : CommandState.values()) {
            for (CommandState to : CommandState.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + ">" + to);
                }
            }
        }

        assertThat(allowed)
                .containsExactlyInAnyOrder(
                        "NOT_SENT>SENT",
                        "NOT_SENT>RECEIVED",
                        "NOT_SENT>SUCCESS",
                        "NOT_SENT>ERROR",
                        "SENT>RECEIVED",
                        "SENT>SUCCESS",
                        "SENT>ERROR",
                        "RECEIVED>SUCCESS",
                        "RECEIVED>ERROR");
    }

    @Test
    void an_error_needs_a_reason_and_only_an_error_has_one() {
        assertThatIllegalArgumentException().isThrownBy(() -> initiated.failed(" ", T0));
        assertThatIllegalArgumentException().isThrownBy(() -> initiated.movedTo(ERROR, null, T0));
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new CommandRecord("cmd-1", "device-7", DeviceCommand.LOCK, SENT, T0, null, "why", List.of()));
    }

    @Test
    void a_final_state_has_no_deadline() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommandRecord(
                        "cmd-1", "device-7", DeviceCommand.LOCK, SUCCESS, T0, T0.plusSeconds(1), null, List.of()));
    }

    @Test
    void a_command_whose_deadline_passed_becomes_an_error() {
        CommandRecord sent = initiated.sent(T0.plusSeconds(3), T0);

        assertThat(sent.expireIfDue(T0.plusSeconds(3).minusMillis(1))).isSameAs(sent);
        CommandRecord expired = sent.expireIfDue(T0.plusSeconds(3));
        assertThat(expired.state()).isEqualTo(ERROR);
        assertThat(expired.reason()).contains("timed out in SENT");
    }

    @Test
    void events_are_appended_without_changing_the_original_record() {
        CommandRecord withEvent = initiated.withEvent(CommandEvent.of("REQUEST_SENT", T0));

        assertThat(initiated.events()).hasSize(1);
        assertThat(withEvent.events()).hasSize(2);
        assertThatThrownBy(() -> withEvent.events().add(CommandEvent.of("STATE_X", T0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_device_may_still_report_after_the_command_ended() {
        CommandRecord done = initiated.succeeded(T0).withEvent(CommandEvent.of("STATE_LOCKED", T0.plusSeconds(1)));

        assertThat(done.state()).isEqualTo(SUCCESS);
        assertThat(done.events()).hasSize(2);
    }

    @Test
    void the_event_list_given_is_copied() {
        var events = new ArrayList<CommandEvent>(List.of(CommandEvent.of("REQUEST_INITIATED", T0)));
        var record = new CommandRecord("cmd-1", "device-7", DeviceCommand.BOOK, NOT_SENT, T0, null, null, events);

        events.add(CommandEvent.of("REQUEST_SENT", T0));

        assertThat(record.events()).hasSize(1);
    }

    @Test
    void ids_are_required() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandRecord.initiated(" ", "device-7", DeviceCommand.LOCK, T0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandRecord.initiated("cmd-1", null, DeviceCommand.LOCK, T0));
    }
}
