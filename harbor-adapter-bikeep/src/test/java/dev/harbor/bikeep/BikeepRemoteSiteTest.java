package dev.harbor.bikeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.application.port.RemoteSites;
import dev.harbor.application.port.contract.RemoteSiteContract;
import dev.harbor.bikeep.client.BikeepClient;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Bikeep adapters pass the remote-site contract against the Bikeep cloud simulator, over loopback HTTP. */
class BikeepRemoteSiteTest extends RemoteSiteContract {

    private BikeepSimulator sim;
    private BikeepClient client;

    @Override
    protected Site openSite() {
        sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults().withPort(0));
        client = BikeepClient.builder()
                .authUrl(sim.baseUri())
                .apiUrl(sim.baseUri())
                .credentials(sim.settings().clientId(), sim.settings().clientSecret())
                .retries(2, Duration.ofMillis(10), Duration.ofMillis(50))
                .build();
        BikeepRemoteSites sites = new BikeepRemoteSites(client);
        BikeepRemoteAllowlists allowlists = new BikeepRemoteAllowlists(client);
        return new Site() {
            @Override
            public RemoteSites sites() {
                return sites;
            }

            @Override
            public RemoteAllowlists allowlists() {
                return allowlists;
            }

            @Override
            public String addLocation(String type, String name, int devices) {
                return sim.addLocation(type, name, devices);
            }

            @Override
            public String addAllowlist(String locationId, String name) {
                return sim.addWhitelist(locationId, name);
            }

            @Override
            public void refuseCards(String allowlistId, Set<String> cardIds, String message) {
                sim.failCards(allowlistId, cardIds, message);
            }

            @Override
            public void goOffline() {
                sim.refuseConnections(true);
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    @Test
    void a_bikeep_5xx_after_the_retries_is_unavailable_with_its_correlation_id() {
        sim.failNext(503, 10);

        RemoteSiteException e =
                catchThrowableOfType(RemoteSiteException.class, () -> new BikeepRemoteSites(client).locations());

        assertThat(e.kind()).isEqualTo(RemoteSiteException.Kind.UNAVAILABLE);
        assertThat(e.correlationId()).isPresent();
    }

    @Test
    void a_request_bikeep_refuses_as_a_whole_is_refused() {
        sim.failNext(422, 1);

        RemoteSiteException e = catchThrowableOfType(
                RemoteSiteException.class, () -> new BikeepRemoteAllowlists(client).remove("any", List.of(JOHN)));

        assertThat(e.kind()).isEqualTo(RemoteSiteException.Kind.REFUSED);
    }

    @Test
    void refused_credentials_are_unavailable_and_carry_no_secret() {
        BikeepClient wrong = BikeepClient.builder()
                .authUrl(sim.baseUri())
                .apiUrl(sim.baseUri())
                .credentials("demo", "not-the-secret-0123")
                .build();

        RemoteSiteException e =
                catchThrowableOfType(RemoteSiteException.class, () -> new BikeepRemoteSites(wrong).locations());

        assertThat(e.kind()).isEqualTo(RemoteSiteException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).doesNotContain("not-the-secret-0123");
    }
}
