package dev.harbor.application.auth;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.AdminUserStore;
import dev.harbor.application.port.LoginFailureStore;
import dev.harbor.application.port.PasswordHasher;
import dev.harbor.application.port.SessionStore;
import java.time.Clock;

/**
 * The admin sign-in use cases, built over the driven ports. It exists because the application is
 * assembled in another package: the service behind these ports stays package-private, and the
 * assembly sees only what it hands out.
 */
public record AuthUseCases(AdminAuthentication authentication, EnsureAdmin ensureAdmin) {

    public static AuthUseCases over(
            AdminUserStore users,
            SessionStore sessions,
            LoginFailureStore loginFailures,
            PasswordHasher hasher,
            Auditor auditor,
            AuthSettings settings,
            Clock clock) {
        AuthService service = new AuthService(users, sessions, loginFailures, hasher, auditor, settings, clock);
        return new AuthUseCases(service, service);
    }
}
