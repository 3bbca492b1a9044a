package dev.tunesmith.auth;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-built JWTs for negative tests (expired, tampered, alg none, wrong issuer...). */
final class Jwts {

    private Jwts() {}

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String hs256(JsonObject header, JsonObject payload, String secret) {
        String signingInput = b64(header.encode()) + "." + b64(payload.encode());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject claims(long userId, String username, long expEpochSec) {
        return new JsonObject().put("sub", Long.toString(userId)).put("username", username).put("ver", 0)
                .put("iss", "tunesmith").put("aud", "tunesmith-app").put("iat", expEpochSec - 600).put("exp", expEpochSec);
    }
}
