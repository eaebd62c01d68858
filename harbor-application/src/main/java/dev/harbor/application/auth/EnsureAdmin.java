package dev.harbor.application.auth;

/** The configured admin account, brought in line with the configuration at start-up. */
public interface EnsureAdmin {

    /**
     * Creates the configured admin, or changes its password. Only the hash is stored; when the
     * password changed, the user's open sessions end.
     *
     * @throws IllegalArgumentException for a blank username, one with a ':' (Basic auth could not
     *                                  carry it), or a password shorter than the settings allow
     */
    void ensureAdmin(String username, String password);
}
