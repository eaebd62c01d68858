package dev.harbor.application.fakes;

import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.application.port.RemoteSites;
import dev.harbor.application.port.contract.RemoteSiteContract;
import java.util.Set;

class InMemoryRemoteSiteTest extends RemoteSiteContract {

    @Override
    protected Site openSite() {
        InMemoryRemoteSite remote = new InMemoryRemoteSite();
        return new Site() {
            @Override
            public RemoteSites sites() {
                return remote;
            }

            @Override
            public RemoteAllowlists allowlists() {
                return remote;
            }

            @Override
            public String addLocation(String type, String name, int devices) {
                return remote.addLocation(type, name, devices);
            }

            @Override
            public String addAllowlist(String locationId, String name) {
                return remote.addAllowlist(locationId, name);
            }

            @Override
            public void refuseCards(String allowlistId, Set<String> cardIds, String message) {
                remote.refuseCards(allowlistId, cardIds, message);
            }

            @Override
            public void goOffline() {
                remote.goOffline(true);
            }

            @Override
            public void close() {}
        };
    }
}
