package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.ExternalDeviceStore.Heartbeat;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.harbor.application.port.ExternalDeviceStore}. */
public abstract class ExternalDeviceStoreContract extends StoreContract {

    @Test
    public void only_the_latest_heartbeat_of_each_device_is_kept_and_devices_are_ordered_by_id() {
        Heartbeat kioskOld = new Heartbeat("kiosk-1", "KIOSK", "OK", "4.1.0", Map.of(), T0);
        Heartbeat screen = new Heartbeat("Screen-A", "SCREEN", "OK", "1.0", Map.of(), T0);
        Heartbeat kioskNew =
                new Heartbeat("kiosk-1", "KIOSK", "DEGRADED", "4.2.0", Map.of("paper", "low"), T0.plusSeconds(5));
        Heartbeat scanner = new Heartbeat("a-scanner", "SCANNER", "OK", null, null, T0);

        stores.externalDevices().record(kioskOld);
        stores.externalDevices().record(screen);
        stores.externalDevices().record(kioskNew);
        stores.externalDevices().record(scanner);

        assertThat(stores.externalDevices().latest()).containsExactly(screen, scanner, kioskNew);
    }

    @Test
    public void details_of_any_json_shape_read_back_equal() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("temperature", 21.5);
        nested.put("fault", null);
        Map<String, Object> details = new HashMap<>();
        details.put("uptime", 12);
        details.put("bytes", 12_345_678_901L);
        details.put("online", true);
        details.put("name", "Kiosk \u00e9");
        details.put("sensors", nested);
        details.put("codes", List.of(1, 2, 3));
        Heartbeat heartbeat = new Heartbeat("kiosk-1", null, null, null, details, T0);

        stores.externalDevices().record(heartbeat);

        assertThat(stores.externalDevices().latest()).containsExactly(heartbeat);
    }

    @Test
    public void the_time_of_a_heartbeat_is_kept_to_the_millisecond() {
        stores.externalDevices().record(new Heartbeat("kiosk-1", "KIOSK", "OK", "1", Map.of(), T0.plusNanos(999_999)));

        Instant received = stores.externalDevices().latest().get(0).receivedAt();
        assertThat(received).isEqualTo(T0);
    }
}
