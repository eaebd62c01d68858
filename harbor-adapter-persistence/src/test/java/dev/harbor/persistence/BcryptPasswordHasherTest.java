package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {

    /** The lowest cost keeps the test fast; production uses the default of 12. */
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void a_hash_verifies_its_password_and_no_other() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith("$2a$04$").doesNotContain("correct horse");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void a_malformed_hash_does_not_verify_and_does_not_throw() {
        assertThat(hasher.verify("anything", "not-a-bcrypt-hash")).isFalse();
        assertThat(hasher.verify("anything", "")).isFalse();
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused_not_cut() {
        String longPassword = "x".repeat(73);

        assertThatThrownBy(() -> hasher.hash(longPassword)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.verify(longPassword, hasher.hash("x".repeat(72)))).isFalse();
    }

    @Test
    void the_default_cost_is_twelve() {
        assertThat(new BcryptPasswordHasher().hash("p")).startsWith("$2a$12$");
    }
}
