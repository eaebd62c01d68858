package dev.harbor.application.auth;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.AdminUserStore;
import dev.harbor.application.port.LoginFailureStore;
import dev.harbor.application.port.PasswordHasher;
import dev.harbor.application.port.SessionStore;
import dev.harbor.application.port.SessionStore.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin authentication over the user and session stores. Session tokens are 256 random bits,
 * handed to the client once and kept only as their SHA-256 hash. A check of an unknown username
 * still runs one password verification (against a dummy hash), so the time taken does not tell
 * whether the user exists.
 */
final class AuthService implements AdminAuthentication, EnsureAdmin {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private static final int TOKEN_BYTES = 32;
    private static final int MAX_USERNAME_LENGTH = 100;
    /** Far above any real password; keeps a hostile request from feeding the hasher megabytes. */
    private static final int MAX_PASSWORD_LENGTH = 1024;

    private static final int MAX_TOKEN_LENGTH = 256;
    /** A sliding expiry is only written when it moves at least this far: not one write per request. */
    private static final Duration EXTEND_STEP = Duration.ofMinutes(1);

    private static final String BAD_CREDENTIALS = "invalid username or password";
    private static final String BAD_SESSION = "invalid or expired session token";

    private final AdminUserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final Auditor auditor;
    private final AuthSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LoginThrottle throttle;
    private volatile String dummyHash;

    AuthService(
            AdminUserStore users,
            SessionStore sessions,
            LoginFailureStore loginFailures,
            PasswordHasher hasher,
            Auditor auditor,
            AuthSettings settings,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = new LoginThrottle(settings, loginFailures, clock.instant());
        // Made a while after start-up, not in its way (a bcrypt hash takes a good part of a second
        // of a small box's CPU), or at the first check that needs it, whichever comes first.
        CompletableFuture.runAsync(this::dummyHash, CompletableFuture.delayedExecutor(10, TimeUnit.SECONDS));
    }

    /**
     * A hash of a random password, made by the real hasher: checking a password against it costs
     * what checking a real user costs, so the time of an answer does not tell whether the user exists.
     */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                hash = dummyHash;
                if (hash == null) {
                    hash = hasher.hash(newToken());
                    dummyHash = hash;
                }
            }
        }
        return hash;
    }

    @Override
    public void ensureAdmin(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()
                || username.length() > MAX_USERNAME_LENGTH
                || username.contains(":")
                || !username.equals(username.strip())) {
            throw new IllegalArgumentException("HARBOR_ADMIN_USERNAME must be 1-" + MAX_USERNAME_LENGTH
                    + " characters, without ':' and without surrounding spaces");
        }
        if (password.length() < settings.minPasswordLength() || password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("HARBOR_ADMIN_PASSWORD must be " + settings.minPasswordLength() + "-"
                    + MAX_PASSWORD_LENGTH + " characters");
        }
        Optional<String> existing = users.passwordHash(username);
        if (existing.isPresent() && hasher.verify(password, existing.get())) {
            log.info("Admin user '{}' is configured", username);
            return;
        }
        users.save(username, hasher.hash(password));
        if (existing.isPresent()) {
            int ended = sessions.deleteForUser(username);
            auditor.record(
                    Actor.SYSTEM, "admin.password-change", "admin user " + username, "OK", ended + " session(s) ended");
        } else {
            auditor.record(Actor.SYSTEM, "admin.create", "admin user " + username, "OK", null);
        }
    }

    @Override
    public boolean anyAdminConfigured() {
        return users.hasAny();
    }

    @Override
    public LoginResult login(String username, String password, String clientKey) {
        Instant now = clock.instant();
        PasswordCheck check = checkPassword(username, password, clientKey, now);
        if (check instanceof PasswordCheck.Throttled throttled) {
            return new LoginResult.Throttled(throttled.retryAfter());
        }
        if (check instanceof PasswordCheck.NotConfigured) {
            return new LoginResult.NotConfigured();
        }
        if (check instanceof PasswordCheck.Wrong) {
            return new LoginResult.Rejected();
        }
        String token = newToken();
        Instant expiresAt = now.plus(settings.sessionTtl());
        sessions.save(new Session(hash(token), username, now, expiresAt));
        sessions.deleteExpired(now);
        auditor.record(Actor.admin(username), "admin.login", "session", "OK", "from " + clientKey);
        return new LoginResult.LoggedIn(token, expiresAt, username);
    }

    @Override
    public void logout(String token) {
        if (!plausibleToken(token)) {
            return;
        }
        String tokenHash = hash(token);
        Optional<Session> session = sessions.find(tokenHash);
        if (session.isPresent() && sessions.delete(tokenHash)) {
            auditor.record(Actor.admin(session.get().username()), "admin.logout", "session", "OK", null);
        }
    }

    @Override
    public AuthResult authenticate(Credentials credentials, String clientKey) {
        Objects.requireNonNull(credentials, "credentials");
        Instant now = clock.instant();
        if (credentials instanceof Credentials.Basic basic) {
            PasswordCheck check = checkPassword(basic.username(), basic.password(), clientKey, now);
            if (check instanceof PasswordCheck.Throttled throttled) {
                return new AuthResult.Throttled(throttled.retryAfter());
            }
            if (check instanceof PasswordCheck.NotConfigured) {
                return new AuthResult.NotConfigured();
            }
            if (check instanceof PasswordCheck.Wrong) {
                return new AuthResult.Rejected(BAD_CREDENTIALS);
            }
            return new AuthResult.Authenticated(basic.username());
        }
        if (credentials instanceof Credentials.SessionToken sessionToken) {
            return checkSession(sessionToken.token(), now);
        }
        throw new IllegalArgumentException("unknown credentials: " + credentials.getClass());
    }

    /** Deletes expired sessions; for a periodic housekeeping task. @return how many */
    public int purgeExpiredSessions() {
        return sessions.deleteExpired(clock.instant());
    }

    private AuthResult checkSession(String token, Instant now) {
        // Session tokens are not throttled: 256 random bits cannot be guessed, and counting a
        // stale token as a failure would lock out a browser that merely kept an old one.
        if (!plausibleToken(token)) {
            return users.hasAny() ? new AuthResult.Rejected(BAD_SESSION) : new AuthResult.NotConfigured();
        }
        String tokenHash = hash(token);
        Optional<Session> found = sessions.find(tokenHash);
        if (found.isEmpty()) {
            return users.hasAny() ? new AuthResult.Rejected(BAD_SESSION) : new AuthResult.NotConfigured();
        }
        Session session = found.get();
        if (!MessageDigest.isEqual(bytes(session.tokenHash()), bytes(tokenHash))) {
            return new AuthResult.Rejected(BAD_SESSION);
        }
        if (!now.isBefore(session.expiresAt())) {
            sessions.delete(tokenHash);
            return new AuthResult.Rejected(BAD_SESSION);
        }
        if (users.passwordHash(session.username()).isEmpty()) {
            sessions.delete(tokenHash);
            return new AuthResult.Rejected(BAD_SESSION);
        }
        Instant slid = min(now.plus(settings.sessionTtl()), session.createdAt().plus(settings.sessionMaxLifetime()));
        if (Duration.between(session.expiresAt(), slid).compareTo(EXTEND_STEP) >= 0
                && !sessions.extend(tokenHash, slid)) {
            return new AuthResult.Rejected(BAD_SESSION); // logged out meanwhile
        }
        return new AuthResult.Authenticated(session.username());
    }

    private sealed interface PasswordCheck {
        record Right() implements PasswordCheck {}

        record Wrong() implements PasswordCheck {}

        record Throttled(Duration retryAfter) implements PasswordCheck {}

        record NotConfigured() implements PasswordCheck {}
    }

    private PasswordCheck checkPassword(String username, String password, String clientKey, Instant now) {
        Objects.requireNonNull(clientKey, "clientKey");
        LoginThrottle.Admission admission = throttle.admit(clientKey, now);
        if (admission instanceof LoginThrottle.Admission.Refused refused) {
            return new PasswordCheck.Throttled(refused.retryAfter());
        }
        boolean right;
        try {
            boolean plausible = username != null
                    && password != null
                    && !username.isEmpty()
                    && username.length() <= MAX_USERNAME_LENGTH
                    && password.length() <= MAX_PASSWORD_LENGTH;
            Optional<String> stored = plausible ? users.passwordHash(username) : Optional.empty();
            if (stored.isPresent()) {
                right = hasher.verify(password, stored.get());
            } else {
                hasher.verify(plausible ? password : "", dummyHash());
                right = false;
                if (!users.hasAny()) {
                    throttle.abandoned(clientKey);
                    return new PasswordCheck.NotConfigured();
                }
            }
        } catch (RuntimeException e) {
            throttle.abandoned(clientKey);
            throw e;
        }
        if (right) {
            throttle.succeeded(clientKey);
            return new PasswordCheck.Right();
        }
        Duration lockout = throttle.failed(clientKey, now);
        log.warn("Failed admin sign-in from {}", clientKey);
        if (lockout != null) {
            auditor.record(
                    new Actor("client " + clientKey),
                    "admin.lockout",
                    "admin sign-in",
                    "THROTTLED",
                    settings.maxFailures() + " failed attempts; locked out for " + lockout);
            return new PasswordCheck.Throttled(lockout);
        }
        return new PasswordCheck.Wrong();
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean plausibleToken(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
    }

    /** Lowercase hex SHA-256 of the token's UTF-8 bytes: what the session store keeps. */
    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(bytes(token)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
