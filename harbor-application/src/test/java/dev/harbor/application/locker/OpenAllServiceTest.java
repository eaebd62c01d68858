package dev.harbor.application.locker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.locker.ScriptedLockBoard.HardwareFails;
import dev.harbor.application.locker.ScriptedLockBoard.Opens;
import dev.harbor.domain.locker.Locker;
import org.junit.jupiter.api.Test;

class OpenAllServiceTest {

    private final UseCaseFixture fixture = new UseCaseFixture();

    @Test
    void open_all_opens_every_locker_and_reports_each_in_locker_order() {
        OpenAllLockers.Report report = fixture.openAll.openAll(Actor.admin("tech"));

        assertThat(report.results()).hasSize(4).allMatch(r -> r instanceof OpenResult.Opened);
        assertThat(report.allSucceeded()).isTrue();
        assertThat(report.results())
                .extracting(r -> ((OpenResult.Opened) r).lockerId())
                .containsExactlyElementsOf(
                        fixture.allLockers().stream().map(Locker::id).toList());
        assertThat(fixture.board.opens())
                .extracting(ScriptedLockBoard.OpenCall::lockNumber)
                .as("one bus: one lock after another")
                .containsExactly(1, 2, 3, 4);
    }

    @Test
    void one_stuck_lock_makes_a_partial_report_and_the_others_still_open() {
        fixture.board.then(new Opens(true)).then(new HardwareFails("stuck")).then(new Opens(true));

        OpenAllLockers.Report report = fixture.openAll.openAll(Actor.admin("tech"));

        assertThat(report.succeeded()).isEqualTo(3);
        assertThat(report.allSucceeded()).isFalse();
        assertThat(report.results().get(1)).isInstanceOf(OpenResult.HardwareFault.class);
    }
}
