package dev.tunesmith;

import dev.tunesmith.admin.AdminRoutes;
import dev.tunesmith.admin.AuditLog;
import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.AuthRoutes;
import dev.tunesmith.auth.AuthService;
import dev.tunesmith.auth.PasswordHasher;
import dev.tunesmith.auth.TokenService;
import dev.tunesmith.auth.UserRepository;
import dev.tunesmith.auth.UserStatusCache;
import dev.tunesmith.catalog.CatalogImportService;
import dev.tunesmith.catalog.CatalogRoutes;
import dev.tunesmith.catalog.TrackRepository;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.db.Db;
import dev.tunesmith.db.Migrations;
import dev.tunesmith.events.EventRoutes;
import dev.tunesmith.events.EventService;
import dev.tunesmith.http.HealthRoutes;
import dev.tunesmith.http.HttpVerticle;
import dev.tunesmith.profile.MeRoutes;
import dev.tunesmith.profile.ProfileQueries;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: composes the concerns in order (migrate → pool → bootstrap admin →
 * demo catalog → HTTP) and closes them in reverse. {@link Main} and the tests both start it here.
 */
public final class Tunesmith {

    private static final Logger LOG = LoggerFactory.getLogger(Tunesmith.class);

    private final Vertx vertx;
    private final AppConfig config;
    private final Pool pool;
    private final WorkerExecutor kdf;
    private final AuthService auth;
    private final AuthHandler authHandler;
    private final UserStatusCache userStatus;
    private final CatalogImportService imports;
    private HttpVerticle http;
    private Optional<String> generatedAdminPassword = Optional.empty();

    private Tunesmith(Vertx vertx, AppConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.pool = Db.pool(vertx, config.db());
        this.kdf = vertx.createSharedWorkerExecutor("tunesmith-kdf", 2);
        UserRepository users = new UserRepository(pool);
        TokenService tokens = new TokenService(vertx, config.auth());
        this.userStatus = new UserStatusCache(users);
        this.auth = new AuthService(users, tokens, new PasswordHasher(config.auth().pbkdf2Iterations()), kdf);
        this.authHandler = new AuthHandler(tokens, userStatus);
        this.imports = new CatalogImportService(vertx, pool);
    }

    /** Migrates the schema (on a worker), then builds and starts every concern. */
    public static Future<Tunesmith> start(Vertx vertx, AppConfig config) {
        return vertx.executeBlocking(() -> Migrations.migrate(config.db()), false)
                .onSuccess(n -> LOG.info("database {} migrated ({} new migrations)", config.db(), n))
                .map(n -> new Tunesmith(vertx, config))
                .compose(app -> app.startServices().map(v -> app));
    }

    private Future<Void> startServices() {
        return auth.bootstrapAdmin(config.auth().adminPassword())
                .onSuccess(p -> generatedAdminPassword = p)
                .compose(p -> imports.seedIfEmpty(config.data().demoCatalog()))
                .compose(seeded -> deployHttp());
    }

    private Future<Void> deployHttp() {
        TrackRepository tracks = new TrackRepository(pool);
        EventService events = new EventService(vertx, pool);
        ProfileQueries profiles = new ProfileQueries(pool);
        HealthRoutes health = new HealthRoutes(pool).with("agent", () -> "offline").with("generator", () -> "cpu");
        HttpVerticle.Modules modules = new HttpVerticle.Modules(
                List.of(health),
                List.of(new AuthRoutes(auth)::mount, new CatalogRoutes(tracks)::mount),
                authHandler,
                List.of(new EventRoutes(events)::mount, new MeRoutes(p -> profiles.summary(p.userId())),
                        new AdminRoutes(pool, new AuditLog(pool))));
        http = new HttpVerticle(config.http(), modules);
        return vertx.deployVerticle(http, new DeploymentOptions()).mapEmpty();
    }

    public int port() {
        return http.actualPort();
    }

    public Pool pool() {
        return pool;
    }

    public CatalogImportService imports() {
        return imports;
    }

    public UserStatusCache userStatus() {
        return userStatus;
    }

    /** The admin password generated on this start, to print once; empty when none was generated. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    public Future<Void> close() {
        kdf.close();
        return pool.close();
    }
}
