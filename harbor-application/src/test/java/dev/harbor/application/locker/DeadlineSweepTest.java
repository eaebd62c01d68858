package dev.harbor.application.locker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.UseCaseFixture;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.device.DeviceTimeouts;
import dev.harbor.domain.locker.Locker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineSweepTest {

    private final UseCaseFixture fixture = new UseCaseFixture();
    private final DeadlineSweep sweep =
            new DeadlineSweep(fixture.db.lockerStore(), new DeviceStateMachine(DeviceTimeouts.DEFAULTS), fixture.clock);

    /** Books locker {@code number} for {@code holder} until {@code expiresIn} from now. */
    private Locker booked(int number, String holder, Duration expiresIn) {
        Locker locker = fixture.locker(number);
        Instant now = fixture.clock.instant();
        DeviceStatus booking = new DeviceStatus(DeviceState.BOOKED, now, now.plus(expiresIn), holder, null, null, null);
        assertThat(fixture.db.lockerStore().compareAndSetDevice(locker.id(), locker.device(), booking))
                .isTrue();
        return fixture.db.lockerStore().find(locker.id()).orElseThrow();
    }

    @Test
    void before_a_deadline_passes_nothing_moves() {
        Locker before = booked(1, "order-1", Duration.ofMinutes(10));
        fixture.clock.advance(Duration.ofMinutes(10).minusMillis(1));

        assertThat(sweep.sweep()).isZero();
        assertThat(fixture.db.lockerStore().find(before.id())).contains(before);
    }

    @Test
    void a_locker_whose_deadline_passed_moves_once_and_the_next_sweep_leaves_it() {
        Locker before = booked(1, "order-1", Duration.ofMinutes(10));
        fixture.clock.advance(Duration.ofMinutes(10));

        assertThat(sweep.sweep()).isEqualTo(1);
        Locker after = fixture.db.lockerStore().find(before.id()).orElseThrow();
        assertThat(after.device().state()).isEqualTo(DeviceState.UNLOCKED);
        assertThat(after.device().isDue(fixture.clock.instant())).isFalse();
        assertThat(sweep.sweep()).isZero();
    }

    @Test
    void lockers_without_a_deadline_are_never_moved() {
        fixture.clock.advance(Duration.ofDays(30));

        assertThat(sweep.sweep()).isZero();
        assertThat(fixture.allLockers())
                .allSatisfy(l -> assertThat(l.device().state()).isEqualTo(DeviceState.UNLOCKED));
    }

    @Test
    void every_locker_past_its_deadline_moves_in_one_sweep_and_the_others_wait() {
        booked(1, "order-1", Duration.ofMinutes(5));
        booked(2, "order-2", Duration.ofMinutes(10));
        Locker later = booked(3, "order-3", Duration.ofMinutes(30));
        fixture.clock.advance(Duration.ofMinutes(10));

        assertThat(sweep.sweep()).isEqualTo(2);
        assertThat(fixture.db.lockerStore().find(later.id())).contains(later);
    }
}
