package dev.tunesmith.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void should_verify_the_right_password_only() {
        String hash = hasher.hash("correct horse");
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsf", hash));
        assertTrue(hash.startsWith("pbkdf2-sha256$1000$"));
    }

    @Test
    void should_salt_every_hash() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void should_refuse_malformed_or_missing_hashes() {
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", "md5$abc"));
        assertFalse(hasher.verify("x", "pbkdf2-sha256$notanumber$a$b"));
    }
}
