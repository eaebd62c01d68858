package dev.harbor.bikeep.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BikeepClientErrorTest {

    private BikeepSimulator sim;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(Simulated.settings());
        sim.addLocation("BIKE_LOCKERS", "Office A", 2);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void bikeeps_error_body_becomes_an_exception_with_its_code_and_correlation_id_logged_once() {
        BikeepClient client = Simulated.client(sim).build();
        try (LogCapture logs = new LogCapture()) {

            BikeepException e = catchThrowableOfType(BikeepException.class, () -> client.device("no-such-device"));

            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.errorCode()).hasValue("ERRORS.NOT_FOUND");
            assertThat(e.correlationId()).isPresent();
            String correlationId = e.correlationId().orElseThrow();
            assertThat(e.getMessage())
                    .contains("GET /device/v1/devices/no-such-device")
                    .contains("404")
                    .contains(correlationId);
            assertThat(logs.lines(Level.WARN))
                    .filteredOn(line -> line.contains(correlationId))
                    .singleElement()
                    .asString()
                    .doesNotContain("\n");
        }
    }
}
