package dev.harbor.http.api;

import dev.harbor.application.Actor;
import dev.harbor.application.allowlist.AllowlistUseCases;
import dev.harbor.application.allowlist.ChangeAllowlistCards;
import dev.harbor.application.allowlist.ListRemoteLocations;
import dev.harbor.application.allowlist.QueryAllowlists;
import dev.harbor.application.auth.AdminAuthentication;
import dev.harbor.application.controller.ControllerView;
import dev.harbor.application.controller.DiscoverControllers;
import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.system.RebootGateway;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The driving ports the Admin API calls, and the one that guards every admin-only route (the
 * Local API's too). {@link #lockedOut()} is the safe default: nobody gets past authentication.
 */
public record AdminApiUseCases(
        AdminAuthentication authentication,
        ManageControllers controllers,
        DiscoverControllers discovery,
        RebootGateway reboot,
        ListRemoteLocations remoteLocations,
        QueryAllowlists allowlists,
        ChangeAllowlistCards allowlistCards) {

    /** Without the Bikeep integration: its routes answer that it is off. */
    public AdminApiUseCases(
            AdminAuthentication authentication,
            ManageControllers controllers,
            DiscoverControllers discovery,
            RebootGateway reboot) {
        this(authentication, controllers, discovery, reboot, AllowlistUseCases.off());
    }

    private AdminApiUseCases(
            AdminAuthentication authentication,
            ManageControllers controllers,
            DiscoverControllers discovery,
            RebootGateway reboot,
            AllowlistUseCases off) {
        this(authentication, controllers, discovery, reboot, off.locations(), off.query(), off.change());
    }

    public AdminApiUseCases {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(controllers, "controllers");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(reboot, "reboot");
        Objects.requireNonNull(remoteLocations, "remoteLocations");
        Objects.requireNonNull(allowlists, "allowlists");
        Objects.requireNonNull(allowlistCards, "allowlistCards");
    }

    /**
     * Refuses every admin credential with the "no admin user is configured" answer; the other
     * use cases are never reached, so they refuse too.
     */
    public static AdminApiUseCases lockedOut() {
        return new AdminApiUseCases(
                LockedOut.AUTHENTICATION,
                LockedOut.controllers(),
                (window, add, actor) -> new DiscoverControllers.ScanResult.Disabled(),
                actor -> new RebootGateway.RebootResult.Disabled());
    }

    private static final class LockedOut {
        static final AdminAuthentication AUTHENTICATION = new AdminAuthentication() {
            @Override
            public boolean anyAdminConfigured() {
                return false;
            }

            @Override
            public LoginResult login(String username, String password, String clientKey) {
                return new LoginResult.NotConfigured();
            }

            @Override
            public void logout(String token) {}

            @Override
            public AuthResult authenticate(Credentials credentials, String clientKey) {
                return new AuthResult.NotConfigured();
            }
        };

        static ManageControllers controllers() {
            return new ManageControllers() {
                @Override
                public List<ControllerView> list() {
                    return List.of();
                }

                @Override
                public Optional<ControllerView> find(ControllerId id) {
                    return Optional.empty();
                }

                @Override
                public AddResult add(AddCommand command, Actor actor) {
                    throw new IllegalStateException("admin use cases are not configured");
                }

                @Override
                public ChangeResult update(ControllerId id, String name, BoardEndpoint endpoint, Actor actor) {
                    return new ChangeResult.NotFound();
                }

                @Override
                public ChangeResult replace(ControllerId id, BoardEndpoint endpoint, Actor actor) {
                    return new ChangeResult.NotFound();
                }

                @Override
                public RemoveResult remove(ControllerId id, boolean force, Actor actor) {
                    return new RemoveResult.NotFound();
                }

                @Override
                public AdjustResult adjustLockerCount(ControllerId id, int lockerCount, Actor actor) {
                    return new AdjustResult.NotFound();
                }
            };
        }
    }
}
