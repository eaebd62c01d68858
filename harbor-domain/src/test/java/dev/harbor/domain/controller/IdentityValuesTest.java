package dev.harbor.domain.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.domain.locker.LockerId;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The two numeric ids write out equals and hashCode: they must still behave as the record's would. */
class IdentityValuesTest {

    @Test
    void ids_are_equal_exactly_when_their_numbers_are_and_find_each_other_in_maps() {
        Random random = new Random(13);
        Map<ControllerId, Long> controllers = new HashMap<>();
        Map<LockerId, Long> lockers = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            long a = 1 + random.nextInt(50) + (random.nextBoolean() ? 0 : (long) random.nextInt(1_000) << 32);
            long b = 1 + random.nextInt(50) + (random.nextBoolean() ? 0 : (long) random.nextInt(1_000) << 32);

            assertThat(ControllerId.of(a).equals(ControllerId.of(b))).isEqualTo(a == b);
            assertThat(LockerId.of(a).equals(LockerId.of(b))).isEqualTo(a == b);
            if (a == b) {
                assertThat(ControllerId.of(a).hashCode())
                        .isEqualTo(ControllerId.of(b).hashCode());
                assertThat(LockerId.of(a).hashCode()).isEqualTo(LockerId.of(b).hashCode());
            }
            controllers.put(ControllerId.of(a), a);
            lockers.put(LockerId.of(a), a);
        }
        controllers.forEach((id, value) -> assertThat(id.value()).isEqualTo(value));
        lockers.forEach((id, value) -> assertThat(id.value()).isEqualTo(value));
        assertThat(ControllerId.of(7)).isNotEqualTo(LockerId.of(7)).isNotEqualTo(null);
        assertThat(LockerId.of(7)).isNotEqualTo((Object) ControllerId.of(7));
    }
}
