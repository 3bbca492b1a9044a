package dev.tunesmith.auth;

import dev.tunesmith.platform.db.DbErrors;
import dev.tunesmith.platform.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registration, login and the bootstrap administrator. Hashing runs on a bounded worker pool. */
public final class AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{3,32}");
    private static final int MAX_PASSWORD = 256;

    /** Result of a login: the token and the user it belongs to. */
    public record Login(TokenService.Issued token, User user) {}

    private final UserRepository users;
    private final TokenService tokens;
    private final PasswordHasher hasher;
    private final WorkerExecutor kdf;
    private final LoginThrottle throttle;

    public AuthService(UserRepository users, TokenService tokens, PasswordHasher hasher, WorkerExecutor kdf) {
        this(users, tokens, hasher, kdf, new LoginThrottle());
    }

    public AuthService(UserRepository users, TokenService tokens, PasswordHasher hasher, WorkerExecutor kdf, LoginThrottle throttle) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.kdf = kdf;
        this.throttle = throttle;
    }

    public Future<User> register(String username, String password) {
        validateUsername(username);
        validatePassword(password);
        return kdf.executeBlocking(() -> hasher.hash(password), false)
                .compose(hash -> users.insert(username, hash, List.of(Role.LISTENER.id())))
                .recover(e -> Future.failedFuture(DbErrors.isUniqueViolation(e)
                        ? ApiError.conflict("username_taken", "the username '" + username + "' is taken") : e));
    }

    public Future<Login> login(String username, String password) {
        return login(username, password, null);
    }

    /**
     * Checks the password of {@code username}, throttled per account and per client {@code address}
     * (429 {@code too_many_attempts} with {@code Retry-After} when either has failed too often).
     */
    public Future<Login> login(String username, String password, String address) {
        if (username == null || password == null || password.length() > MAX_PASSWORD) {
            return Future.failedFuture(invalidCredentials());
        }
        return throttle.enter(username, address).compose(permit -> verify(username, password).onComplete(ar -> permit.release(
                ar.failed() && ar.cause() instanceof ApiError e && e.status() == 401)));
    }

    private Future<Login> verify(String username, String password) {
        return users.findByUsername(username).compose(found -> {
            String stored = found.map(User::passwordHash).orElse(null);
            return kdf.executeBlocking(() -> hasher.verify(password, stored), false).compose(ok -> {
                if (!ok || found.isEmpty()) {
                    return Future.failedFuture(invalidCredentials());
                }
                User user = found.get();
                if (user.disabled()) {
                    return Future.failedFuture(new ApiError(403, "account_disabled", "this account is disabled"));
                }
                return Future.succeededFuture(new Login(tokens.issue(user), user));
            });
        });
    }

    /**
     * Succeeds when {@code password} is the current password of user {@code userId}; fails with 403
     * {@code wrong_password} otherwise (403, not 401: the caller's token is fine, so clients keep the session).
     * Used to confirm destructive self-service actions such as deleting the account.
     */
    public Future<Void> confirmPassword(long userId, String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
            return Future.failedFuture(ApiError.invalid("password_required", "confirm with your current 'password'"));
        }
        return users.findById(userId).compose(found -> {
            String stored = found.map(User::passwordHash).orElse(null);
            return kdf.executeBlocking(() -> hasher.verify(password, stored), false).compose(ok -> ok && found.isPresent()
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(new ApiError(403, "wrong_password", "that is not your current password")));
        });
    }

    /**
     * Makes sure the user {@code admin} exists with the admin role. Returns the generated password
     * when one had to be made (to print once), empty otherwise.
     */
    public Future<Optional<String>> bootstrapAdmin(Optional<String> configuredPassword) {
        return users.findByUsername("admin").compose(found -> {
            if (found.isPresent()) {
                if (!found.get().roles().contains(Role.ADMIN.id())) {
                    LOG.warn("user 'admin' exists without the admin role; leaving it unchanged");
                }
                return Future.succeededFuture(Optional.<String>empty());
            }
            String password = configuredPassword.orElseGet(AuthService::generatePassword);
            return kdf.executeBlocking(() -> hasher.hash(password), false)
                    .compose(hash -> users.insert("admin", hash, List.of(Role.LISTENER.id(), Role.CREATOR.id(), Role.ADMIN.id())))
                    .map(u -> configuredPassword.isPresent() ? Optional.<String>empty() : Optional.of(password))
                    .recover(e -> DbErrors.isUniqueViolation(e) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
        });
    }

    static void validateUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiError.invalid("invalid_username", "username must be 3–32 characters of a-z, 0-9, '_', '.', '-'");
        }
    }

    static void validatePassword(String password) {
        if (password == null || password.length() < 8) {
            throw ApiError.invalid("invalid_password", "password must be at least 8 characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw ApiError.invalid("invalid_password", "password must be at most " + MAX_PASSWORD + " characters");
        }
    }

    private static ApiError invalidCredentials() {
        return new ApiError(401, "invalid_credentials", "wrong username or password");
    }

    private static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
