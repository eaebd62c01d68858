package dev.harbor.application.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.auth.AdminAuthentication.AuthResult;
import dev.harbor.application.auth.AdminAuthentication.Credentials;
import dev.harbor.application.auth.AdminAuthentication.LoginResult;
import dev.harbor.application.fakes.InMemoryAdminUserStore;
import dev.harbor.application.fakes.InMemoryLoginFailureStore;
import dev.harbor.application.fakes.InMemorySessionStore;
import dev.harbor.application.fakes.SaltedSha256PasswordHasher;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.PasswordHasher;
import dev.harbor.application.port.SessionStore.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthServiceTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String CLIENT = "192.0.2.10";

    private final ManualClock clock = new ManualClock(Instant.parse("2025-11-03T08:00:00Z"));
    private final InMemoryAdminUserStore users = new InMemoryAdminUserStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final CountingHasher hasher = new CountingHasher(new SaltedSha256PasswordHasher());
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private AuthService auth;

    @BeforeEach
    void configureAdmin() {
        auth = new AuthService(
                users,
                sessions,
                new InMemoryLoginFailureStore(),
                hasher,
                new Auditor(audit, clock),
                AuthSettings.DEFAULTS,
                clock);
        auth.ensureAdmin(USER, PASSWORD);
    }

    // --- login ---

    @Test
    void logging_in_with_the_right_password_opens_an_eight_hour_session() {
        LoginResult result = auth.login(USER, PASSWORD, CLIENT);

        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        LoginResult.LoggedIn loggedIn = (LoginResult.LoggedIn) result;
        assertThat(loggedIn.username()).isEqualTo(USER);
        assertThat(loggedIn.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
        assertThat(audit.actions()).contains("admin.login OK");
    }

    @Test
    void a_wrong_password_is_rejected() {
        assertThat(auth.login(USER, "wrong password!", CLIENT)).isEqualTo(new LoginResult.Rejected());
        assertThat(sessions.all()).isEmpty();
    }

    @Test
    void an_unknown_user_is_rejected_exactly_like_a_wrong_password() {
        LoginResult unknownUser = auth.login("mallory", PASSWORD, CLIENT);
        LoginResult wrongPassword = auth.login(USER, "wrong password!", CLIENT);

        assertThat(unknownUser).isEqualTo(wrongPassword).isEqualTo(new LoginResult.Rejected());
        assertThat(auth.authenticate(new Credentials.Basic("mallory", PASSWORD), CLIENT))
                .isEqualTo(auth.authenticate(new Credentials.Basic(USER, "wrong password!"), CLIENT));
    }

    @Test
    void an_unknown_user_still_costs_one_password_verification() {
        hasher.verifications.set(0);
        auth.login("mallory", PASSWORD, CLIENT);
        assertThat(hasher.verifications).hasValue(1);

        hasher.verifications.set(0);
        auth.login(USER, "wrong password!", CLIENT);
        assertThat(hasher.verifications).hasValue(1);
    }

    @Test
    void tokens_are_256_random_bits_in_base64url() {
        String first = token(auth.login(USER, PASSWORD, CLIENT));
        String second = token(auth.login(USER, PASSWORD, CLIENT));

        assertThat(first).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second);
    }

    @Test
    void the_session_store_never_holds_the_raw_token_only_its_sha256() throws Exception {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        assertThat(sessions.all()).hasSize(1);
        Session saved = sessions.all().get(0);
        assertThat(saved.tokenHash()).isNotEqualTo(token).isEqualTo(sha256Hex(token));
        assertThat(saved.toString()).doesNotContain(token);
    }

    @Test
    void the_user_store_holds_a_hash_and_never_the_password() {
        assertThat(users.contents()).containsOnlyKeys(USER);
        assertThat(users.contents().get(USER)).doesNotContain(PASSWORD);
        assertThat(hasher.verify(PASSWORD, users.contents().get(USER))).isTrue();
    }

    // --- session tokens ---

    @Test
    void a_session_token_authenticates_its_user() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isEqualTo(new AuthResult.Authenticated(USER));
    }

    @Test
    void basic_credentials_authenticate_without_a_session() {
        assertThat(auth.authenticate(new Credentials.Basic(USER, PASSWORD), CLIENT))
                .isEqualTo(new AuthResult.Authenticated(USER));
        assertThat(sessions.all()).isEmpty();
    }

    @Test
    void an_unknown_token_is_rejected() {
        assertThat(auth.authenticate(new Credentials.SessionToken("not-a-token"), CLIENT))
                .isInstanceOf(AuthResult.Rejected.class);
        assertThat(auth.authenticate(new Credentials.SessionToken(""), CLIENT)).isInstanceOf(AuthResult.Rejected.class);
        assertThat(auth.authenticate(new Credentials.SessionToken("x".repeat(10_000)), CLIENT))
                .isInstanceOf(AuthResult.Rejected.class);
    }

    @Test
    void a_logged_out_token_is_rejected_at_once() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        auth.logout(token);

        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isInstanceOf(AuthResult.Rejected.class);
        assertThat(sessions.all()).isEmpty();
        assertThat(audit.actions()).contains("admin.logout OK");
    }

    @Test
    void logging_out_an_unknown_token_does_nothing() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        auth.logout("unknown");
        auth.logout(null);

        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isEqualTo(new AuthResult.Authenticated(USER));
    }

    @Test
    void a_token_is_rejected_once_its_expiry_has_passed() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        clock.advance(Duration.ofHours(8));

        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isInstanceOf(AuthResult.Rejected.class);
        assertThat(sessions.all()).isEmpty();
    }

    @Test
    void each_use_slides_the_expiry_forward() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        clock.advance(Duration.ofHours(7));
        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isEqualTo(new AuthResult.Authenticated(USER));
        assertThat(sessions.all().get(0).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));

        clock.advance(Duration.ofHours(7));
        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isEqualTo(new AuthResult.Authenticated(USER));

        clock.advance(Duration.ofHours(8));
        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isInstanceOf(AuthResult.Rejected.class);
    }

    @Test
    void sliding_never_passes_the_maximum_lifetime() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        for (int hour = 1; hour < 24; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                    .as("hour %d", hour)
                    .isEqualTo(new AuthResult.Authenticated(USER));
        }
        clock.advance(Duration.ofHours(1));

        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isInstanceOf(AuthResult.Rejected.class);
    }

    @Test
    void changing_the_admin_password_ends_its_sessions() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        auth.ensureAdmin(USER, "a brand new password");

        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isInstanceOf(AuthResult.Rejected.class);
        assertThat(auth.login(USER, PASSWORD, CLIENT)).isEqualTo(new LoginResult.Rejected());
        assertThat(auth.login(USER, "a brand new password", CLIENT)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void ensuring_the_same_password_again_keeps_the_sessions() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        auth.ensureAdmin(USER, PASSWORD);

        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isEqualTo(new AuthResult.Authenticated(USER));
    }

    @Test
    void purging_removes_expired_sessions() {
        auth.login(USER, PASSWORD, CLIENT);
        clock.advance(Duration.ofHours(9));

        assertThat(auth.purgeExpiredSessions()).isEqualTo(1);
        assertThat(sessions.all()).isEmpty();
    }

    // --- throttling ---

    @Test
    void five_failures_lock_the_client_out_for_five_minutes() {
        for (int i = 1; i < 5; i++) {
            assertThat(auth.login(USER, "wrong password!", CLIENT)).isEqualTo(new LoginResult.Rejected());
        }
        assertThat(auth.login(USER, "wrong password!", CLIENT))
                .isEqualTo(new LoginResult.Throttled(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(1));
        assertThat(auth.login(USER, PASSWORD, CLIENT)).isEqualTo(new LoginResult.Throttled(Duration.ofMinutes(4)));
        assertThat(auth.authenticate(new Credentials.Basic(USER, PASSWORD), CLIENT))
                .isEqualTo(new AuthResult.Throttled(Duration.ofMinutes(4)));
        assertThat(audit.actions()).contains("admin.lockout THROTTLED");
    }

    @Test
    void a_locked_out_client_gets_in_again_after_the_lockout() {
        fail(5, CLIENT);

        clock.advance(Duration.ofMinutes(5));

        assertThat(auth.login(USER, PASSWORD, CLIENT)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void a_throttled_attempt_does_not_even_check_the_password() {
        fail(5, CLIENT);
        hasher.verifications.set(0);

        auth.login(USER, PASSWORD, CLIENT);

        assertThat(hasher.verifications).hasValue(0);
    }

    @Test
    void each_further_lockout_doubles() {
        fail(5, CLIENT);
        clock.advance(Duration.ofMinutes(5));

        fail(4, CLIENT);
        assertThat(auth.login(USER, "wrong password!", CLIENT))
                .isEqualTo(new LoginResult.Throttled(Duration.ofMinutes(10)));
    }

    @Test
    void a_success_resets_the_failure_count() {
        fail(4, CLIENT);
        assertThat(auth.login(USER, PASSWORD, CLIENT)).isInstanceOf(LoginResult.LoggedIn.class);

        fail(4, CLIENT);
        assertThat(auth.login(USER, PASSWORD, CLIENT)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void failures_older_than_the_window_are_forgotten() {
        fail(4, CLIENT);
        clock.advance(Duration.ofMinutes(16));

        assertThat(auth.login(USER, "wrong password!", CLIENT)).isEqualTo(new LoginResult.Rejected());
    }

    @Test
    void failed_basic_auths_count_like_failed_logins() {
        for (int i = 0; i < 5; i++) {
            auth.authenticate(new Credentials.Basic(USER, "wrong password!"), CLIENT);
        }

        assertThat(auth.login(USER, PASSWORD, CLIENT)).isInstanceOf(LoginResult.Throttled.class);
    }

    @Test
    void one_clients_failures_do_not_lock_out_another() {
        fail(5, CLIENT);

        assertThat(auth.login(USER, PASSWORD, "192.0.2.99")).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void a_valid_session_token_still_works_while_its_client_is_locked_out_of_passwords() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));
        fail(5, CLIENT);

        assertThat(auth.authenticate(new Credentials.SessionToken(token), CLIENT))
                .isEqualTo(new AuthResult.Authenticated(USER));
    }

    // --- not configured ---

    @Test
    void with_no_admin_user_every_admin_call_is_refused_as_not_configured() {
        AuthService unconfigured = new AuthService(
                new InMemoryAdminUserStore(),
                new InMemorySessionStore(),
                new InMemoryLoginFailureStore(),
                hasher,
                new Auditor(audit, clock),
                AuthSettings.DEFAULTS,
                clock);

        assertThat(unconfigured.login("admin", "admin", CLIENT)).isEqualTo(new LoginResult.NotConfigured());
        assertThat(unconfigured.authenticate(new Credentials.Basic("admin", "admin"), CLIENT))
                .isEqualTo(new AuthResult.NotConfigured());
        assertThat(unconfigured.authenticate(new Credentials.SessionToken("anything"), CLIENT))
                .isEqualTo(new AuthResult.NotConfigured());
        assertThat(AdminAuthentication.NOT_CONFIGURED_MESSAGE)
                .contains("HARBOR_ADMIN_USERNAME")
                .contains("HARBOR_ADMIN_PASSWORD");
    }

    @Test
    void not_configured_attempts_do_not_count_towards_a_lockout() {
        AuthService unconfigured = new AuthService(
                new InMemoryAdminUserStore(),
                new InMemorySessionStore(),
                new InMemoryLoginFailureStore(),
                hasher,
                new Auditor(audit, clock),
                AuthSettings.DEFAULTS,
                clock);
        for (int i = 0; i < 10; i++) {
            unconfigured.login("admin", "admin", CLIENT);
        }

        unconfigured.ensureAdmin(USER, PASSWORD);

        assertThat(unconfigured.login(USER, PASSWORD, CLIENT)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    // --- configuration ---

    @Test
    void a_short_admin_password_is_refused_at_start_up() {
        assertThatThrownBy(() -> auth.ensureAdmin("admin", "admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HARBOR_ADMIN_PASSWORD");
    }

    @Test
    void a_username_that_basic_auth_cannot_carry_is_refused() {
        assertThatThrownBy(() -> auth.ensureAdmin("ad:min", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HARBOR_ADMIN_USERNAME");
        assertThatThrownBy(() -> auth.ensureAdmin(" ", PASSWORD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentials_and_results_never_print_secrets() {
        String token = token(auth.login(USER, PASSWORD, CLIENT));

        assertThat(new Credentials.Basic(USER, PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(new Credentials.SessionToken(token).toString()).doesNotContain(token);
        assertThat(new LoginResult.LoggedIn(token, clock.instant(), USER).toString())
                .doesNotContain(token);
    }

    // --- helpers ---

    private void fail(int times, String client) {
        for (int i = 0; i < times; i++) {
            auth.login(USER, "wrong password!", client);
        }
    }

    private static String token(LoginResult result) {
        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        return ((LoginResult.LoggedIn) result).token();
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class CountingHasher implements PasswordHasher {
        final AtomicInteger verifications = new AtomicInteger();
        private final PasswordHasher delegate;

        CountingHasher(PasswordHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public String hash(String password) {
            return delegate.hash(password);
        }

        @Override
        public boolean verify(String password, String hash) {
            verifications.incrementAndGet();
            return delegate.verify(password, hash);
        }
    }

    private static final class RecordingAuditTrail implements AuditTrail {
        private final List<Entry> entries = new ArrayList<>();

        @Override
        public synchronized void record(Entry entry) {
            entries.add(entry);
        }

        @Override
        public synchronized List<Entry> recent(int limit, Instant since) {
            return List.copyOf(entries);
        }

        synchronized List<String> actions() {
            return entries.stream().map(e -> e.action() + " " + e.outcome()).toList();
        }
    }
}
