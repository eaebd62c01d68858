package dev.harbor.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.fakes.RecordingGatewayMetrics.DoorOpen;
import dev.harbor.application.locker.ScriptedLockBoard.CommunicationFails;
import dev.harbor.application.locker.ScriptedLockBoard.HardwareFails;
import dev.harbor.application.locker.ScriptedLockBoard.Opens;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.GatewayMetrics.OpenOutcome;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.transaction.TransactionId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayMetricsReportingTest {

    private final UseCaseFixture fixture = new UseCaseFixture();

    @Test
    void a_created_and_a_released_transaction_are_counted_once_and_an_idempotent_repeat_is_not() {
        fixture.createTransaction("order-1");
        fixture.core.createTransaction().create(new CreateTransaction.Command(new TransactionId("order-1"), null));
        fixture.core.releaseTransaction().release(new TransactionId("order-1"));
        fixture.core.releaseTransaction().release(new TransactionId("order-1"));

        assertThat(fixture.metrics.created).hasValue(1);
        assertThat(fixture.metrics.released).hasValue(1);
    }

    @Test
    void each_open_reports_its_protocol_outcome_and_attempts() {
        fixture.createTransaction("order-1");
        fixture.board
                .then(new Opens(true))
                .then(new CommunicationFails("no answer"))
                .then(new Opens(true))
                .then(new HardwareFails("jammed"));

        fixture.core.openLocker().openForTransaction(new TransactionId("order-1"));
        fixture.core.openLocker().openForTransaction(new TransactionId("order-1"));
        fixture.core.openLocker().openForTransaction(new TransactionId("order-1"));

        assertThat(fixture.metrics.doorOpens)
                .extracting(DoorOpen::protocol, DoorOpen::outcome, DoorOpen::attempts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Protocol.KERONG_CU16, OpenOutcome.OPENED, 1),
                        org.assertj.core.groups.Tuple.tuple(Protocol.KERONG_CU16, OpenOutcome.OPENED, 2),
                        org.assertj.core.groups.Tuple.tuple(Protocol.KERONG_CU16, OpenOutcome.HARDWARE_FAULT, 1));
        assertThat(fixture.metrics.doorOpens)
                .allSatisfy(open -> assertThat(open.nanos()).isPositive());
    }

    @Test
    void answered_and_failed_board_polls_are_counted_apart() {
        // The start-up poll of the fixture's board counts too.
        int polls = fixture.metrics.polls.get();
        int failedPolls = fixture.metrics.failedPolls.get();
        fixture.sensing.statusRead(fixture.controller, new BoardStatus(Map.of()), fixture.clock.instant());
        fixture.sensing.statusRead(fixture.controller, new BoardStatus(Map.of()), fixture.clock.instant());
        fixture.sensing.statusFailed(fixture.controller, "silent", fixture.clock.instant());

        assertThat(fixture.metrics.polls).hasValue(polls + 2);
        assertThat(fixture.metrics.failedPolls).hasValue(failedPolls + 1);
    }
}
