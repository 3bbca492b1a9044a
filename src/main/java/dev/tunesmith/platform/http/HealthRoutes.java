package dev.tunesmith.platform.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 with {@code status UP} when the database answers within two seconds,
 * otherwise 503 with {@code status DOWN}; other checks (agent mode, generator device) are
 * informational strings supplied by their owners.
 */
public final class HealthRoutes implements RouteModule {

    private final Supplier<Future<Void>> db;
    private final Map<String, Supplier<?>> info = new LinkedHashMap<>();

    /** @param db a round trip to the database, e.g. {@link dev.tunesmith.platform.db.Db#ping} */
    public HealthRoutes(Supplier<Future<Void>> db) {
        this.db = db;
    }

    /** Adds an informational check, e.g. {@code agent → "offline"}. */
    public HealthRoutes with(String name, Supplier<String> value) {
        info.put(name, value);
        return this;
    }

    /** Adds a structured informational check, e.g. {@code cluster → {"members": 2}}. */
    public HealthRoutes withObject(String name, Supplier<JsonObject> value) {
        info.put(name, value);
        return this;
    }

    @Override
    public void mount(Router router) {
        router.get("/health").handler(ctx -> dbCheck().onComplete(ar -> {
            boolean up = ar.succeeded();
            JsonObject checks = new JsonObject().put("db", up ? "UP" : "DOWN");
            info.forEach((name, value) -> checks.put(name, value.get()));
            Responses.json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", checks));
        }));
    }

    /** Succeeds when the database answers within two seconds. */
    public Future<Void> dbCheck() {
        return db.get().timeout(2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
