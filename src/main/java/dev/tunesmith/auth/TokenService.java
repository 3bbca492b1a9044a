package dev.tunesmith.auth;

import dev.tunesmith.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Issues and verifies HS256 JWTs. The algorithm is pinned (only an HS256 key is registered and the
 * header is checked before verification), and {@code iss}, {@code aud} and {@code exp} are required.
 */
public final class TokenService {

    /** A freshly issued token. */
    public record Issued(String token, Instant expiresAt) {}

    /** The verified claims we rely on. */
    public record Claims(long userId, String username, int tokenVersion) {}

    private static final String ALGORITHM = "HS256";

    private final JWTAuth jwt;
    private final AppConfig.Auth config;

    public TokenService(Vertx vertx, AppConfig.Auth config) {
        this.config = config;
        JWTOptions verify = new JWTOptions()
                .setIssuer(config.issuer())
                .setAudience(List.of(config.audience()))
                .setLeeway(5);
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(config.jwtSecret()))
                .setJWTOptions(verify));
    }

    public Issued issue(User user) {
        Instant expiresAt = Instant.now().plus(config.tokenTtl());
        JWTOptions options = new JWTOptions()
                .setAlgorithm(ALGORITHM)
                .setIssuer(config.issuer())
                .setAudience(List.of(config.audience()))
                .setSubject(Long.toString(user.id()))
                .setExpiresInSeconds((int) config.tokenTtl().toSeconds());
        JsonObject claims = new JsonObject()
                .put("username", user.username())
                .put("roles", new JsonArray(user.roles()))
                .put("ver", user.tokenVersion());
        return new Issued(jwt.generateToken(claims, options), expiresAt);
    }

    /** Verifies signature, algorithm, issuer, audience and expiry; fails with a message otherwise. */
    public Future<Claims> verify(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture("missing token");
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Future.failedFuture("malformed token");
        }
        try {
            JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            if (!ALGORITHM.equals(header.getString("alg"))) {
                return Future.failedFuture("unexpected token algorithm");
            }
        } catch (RuntimeException e) {
            return Future.failedFuture("malformed token header");
        }
        return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
            JsonObject p = user.attributes().getJsonObject("accessToken", user.principal());
            if (!p.containsKey("exp") || !config.issuer().equals(p.getString("iss"))) {
                return Future.failedFuture("token lacks expiry or issuer");
            }
            Object aud = p.getValue("aud");
            boolean audienceOk = aud instanceof String s ? s.equals(config.audience())
                    : aud instanceof JsonArray a && a.contains(config.audience());
            if (!audienceOk) {
                return Future.failedFuture("token audience mismatch");
            }
            try {
                return Future.succeededFuture(new Claims(Long.parseLong(p.getString("sub")), p.getString("username"),
                        p.getInteger("ver", 0)));
            } catch (RuntimeException e) {
                return Future.failedFuture("token subject is not a user id");
            }
        });
    }
}
