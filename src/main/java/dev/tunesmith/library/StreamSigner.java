package dev.tunesmith.library;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed stream URLs, for clients that cannot send a bearer header ({@code <audio>},
 * a local player opening an exported playlist): HMAC-SHA256 over track, user and expiry with a key
 * derived from the server's JWT secret (so URLs survive a restart but die with a new secret).
 */
public final class StreamSigner {

    /** A signed URL's query parameters. */
    public record Signed(long trackId, long userId, long expiresEpochSecond, String signature) {
        public String query() {
            return "u=" + userId + "&exp=" + expiresEpochSecond + "&sig=" + signature;
        }

        public String path() {
            return "/api/tracks/" + trackId + "/stream?" + query();
        }
    }

    private final byte[] key;
    private final Clock clock;

    public StreamSigner(String jwtSecret, Clock clock) {
        this.key = hmac(jwtSecret.getBytes(StandardCharsets.UTF_8), "tunesmith stream url v1".getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    public Signed sign(long trackId, long userId, Duration ttl) {
        long exp = Instant.now(clock).plus(ttl).getEpochSecond();
        return new Signed(trackId, userId, exp, signature(trackId, userId, exp));
    }

    /** True when the signature is ours and has not expired. */
    public boolean verify(long trackId, long userId, long exp, String signature) {
        if (signature == null || exp < Instant.now(clock).getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(signature(trackId, userId, exp).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(long trackId, long userId, long exp) {
        byte[] mac = hmac(key, (trackId + "|" + userId + "|" + exp).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
