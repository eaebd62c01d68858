package dev.harbor.http;

import dev.harbor.application.Actor;
import dev.harbor.application.auth.AdminAuthentication;
import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.controller.ControllerView;
import dev.harbor.application.controller.DiscoverControllers;
import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.diagnostics.ReportErrors;
import dev.harbor.application.system.BackUpDatabase;
import dev.harbor.application.system.RebootGateway;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.health.Health;
import dev.harbor.domain.health.HealthReading;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.http.api.AdminApiUseCases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Admin API's use cases over a {@link FakeGateway}: the admin is {@code admin:s3cret} or the
 * session token {@code valid-token}; every outcome can be scripted by a test.
 */
final class FakeAdmin
        implements AdminAuthentication,
                ManageControllers,
                DiscoverControllers,
                RebootGateway,
                BackUpDatabase,
                ReportErrors {

    static final Instant EXPIRES = Instant.parse("2026-02-21T06:56:40.123Z");

    private final FakeGateway gateway;

    /** When set, every credential check answers this (after the request's credentials were parsed). */
    AuthResult authOverride;

    LoginResult loginOverride;
    final List<String> clientKeys = new ArrayList<>();
    final List<Credentials> checked = new ArrayList<>();
    final List<String> loggedOut = new ArrayList<>();

    AddResult addResult;
    ChangeResult changeResult;
    RemoveResult removeResult;
    AdjustResult adjustResult;
    Actor lastActor;
    AddCommand lastAdd;
    BoardEndpoint lastEndpoint;
    String lastName;
    Boolean lastForce;
    Integer lastLockerCount;

    ScanResult scanResult = new ScanResult.Disabled();
    Duration lastScanWindow;
    Boolean lastScanAdd;

    RebootResult rebootResult = new RebootResult.Scheduled(Duration.ofMillis(500));
    int reboots;

    BackupResult backupResult = new BackupResult.Written(
            "/var/lib/harbor/backups/harbor-20260220T225640.123Z.db", 81920, Instant.parse("2026-02-20T22:56:40.123Z"));
    int backups;

    boolean reporting;
    final List<Throwable> reported = new ArrayList<>();
    final List<String> reportContexts = new ArrayList<>();
    Optional<String> testEventId = Optional.of("0123456789abcdef0123456789abcdef");

    FakeAdmin(FakeGateway gateway) {
        this.gateway = gateway;
    }

    final FakeAllowlists allowlists = new FakeAllowlists();

    AdminApiUseCases useCases() {
        return new AdminApiUseCases(this, this, this, this, allowlists, allowlists, allowlists);
    }

    ControllerView view(ControllerId id) {
        Controller controller = gateway.controllers.get(id);
        return new ControllerView(
                controller,
                new ControllerRuntime.Snapshot(
                        true,
                        FakeGateway.T0,
                        FakeGateway.T0,
                        null,
                        7,
                        1,
                        "no answer within 200 ms",
                        FakeGateway.T0.plusSeconds(3)),
                new HealthReading(Health.HEALTHY, null));
    }

    // --- authentication

    @Override
    public LoginResult login(String username, String password, String clientKey) {
        clientKeys.add(clientKey);
        if (loginOverride != null) {
            return loginOverride;
        }
        return "admin".equals(username) && "s3cret".equals(password)
                ? new LoginResult.LoggedIn("fresh-token-0123456789abcdef", EXPIRES, "admin")
                : new LoginResult.Rejected();
    }

    @Override
    public void logout(String token) {
        loggedOut.add(token);
    }

    @Override
    public AuthResult authenticate(Credentials credentials, String clientKey) {
        clientKeys.add(clientKey);
        checked.add(credentials);
        if (authOverride != null) {
            return authOverride;
        }
        if (credentials instanceof Credentials.Basic basic) {
            return "admin".equals(basic.username()) && "s3cret".equals(basic.password())
                    ? new AuthResult.Authenticated("admin")
                    : new AuthResult.Rejected("invalid username or password");
        }
        Credentials.SessionToken token = (Credentials.SessionToken) credentials;
        return "valid-token".equals(token.token()) && !loggedOut.contains(token.token())
                ? new AuthResult.Authenticated("admin")
                : new AuthResult.Rejected("invalid or expired session token");
    }

    // --- controllers

    @Override
    public List<ControllerView> list() {
        return gateway.controllers.keySet().stream().map(this::view).toList();
    }

    @Override
    public Optional<ControllerView> find(ControllerId id) {
        return gateway.controllers.containsKey(id) ? Optional.of(view(id)) : Optional.empty();
    }

    @Override
    public AddResult add(AddCommand command, Actor actor) {
        lastActor = actor;
        lastAdd = command;
        return addResult != null ? addResult : new AddResult.Added(view(ControllerId.of(1)));
    }

    @Override
    public ChangeResult update(ControllerId id, String name, BoardEndpoint endpoint, Actor actor) {
        lastActor = actor;
        lastName = name;
        lastEndpoint = endpoint;
        return changeResult != null ? changeResult : new ChangeResult.Changed(view(id));
    }

    @Override
    public ChangeResult replace(ControllerId id, BoardEndpoint endpoint, Actor actor) {
        lastActor = actor;
        lastEndpoint = endpoint;
        return changeResult != null ? changeResult : new ChangeResult.Changed(view(id));
    }

    @Override
    public RemoveResult remove(ControllerId id, boolean force, Actor actor) {
        lastActor = actor;
        lastForce = force;
        return removeResult != null ? removeResult : new RemoveResult.Removed(0);
    }

    @Override
    public AdjustResult adjustLockerCount(ControllerId id, int lockerCount, Actor actor) {
        lastActor = actor;
        lastLockerCount = lockerCount;
        return adjustResult != null
                ? adjustResult
                : new AdjustResult.Adjusted(id, 2, lockerCount, List.of(LockerId.of(5)), List.of());
    }

    // --- discovery, reboot

    @Override
    public ScanResult scan(Duration window, boolean add, Actor actor) {
        lastActor = actor;
        lastScanWindow = window;
        lastScanAdd = add;
        return scanResult;
    }

    @Override
    public RebootResult reboot(Actor actor) {
        lastActor = actor;
        reboots++;
        return rebootResult;
    }

    @Override
    public BackupResult backUp(Actor actor) {
        lastActor = actor;
        backups++;
        return backupResult;
    }

    // --- error reporting

    @Override
    public void reportUnexpected(Throwable error, String context) {
        if (reporting) {
            reported.add(error);
            reportContexts.add(context);
        }
    }

    @Override
    public TestEventResult sendTestEvent() {
        if (!reporting) {
            return new TestEventResult.Disabled();
        }
        return testEventId.<TestEventResult>map(TestEventResult.Sent::new).orElseGet(TestEventResult.NotSent::new);
    }
}
