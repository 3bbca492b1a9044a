package dev.tunesmith.app;

import dev.tunesmith.auth.UserStatusCache;
import dev.tunesmith.platform.bus.Addresses;
import dev.tunesmith.recommend.service.RecommenderService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must reach every node of a cluster, over the (clustered) event bus. Alone, the same code runs
 * on the local event bus, so one node behaves exactly as before.
 * <ul>
 *   <li>{@link Addresses#USER_DISABLED} / {@link Addresses#USER_CHANGED}: every node drops the user's cached status
 *       (the chat sockets of a disabled user are closed by {@code ChatSocket}, which consumes the same address);</li>
 *   <li>{@link Addresses#MODEL_ACTIVATED}: a recommender version that went live on one node is loaded by the others;</li>
 *   <li>{@link Addresses#CATALOG_CHANGED}: every node rebuilds its live engine on the changed catalogue (debounced);</li>
 *   <li>{@link Addresses#NODE_OVERVIEW}: every node publishes its live numbers every two seconds, so any node's admin
 *       overview shows each node and the total.</li>
 * </ul>
 */
final class ClusterBus {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBus.class);
    private static final long OVERVIEW_PERIOD_MS = 2_000;
    private static final long STALE_MS = 3 * OVERVIEW_PERIOD_MS;
    private static final String[] SUMMED = {"activeSockets", "eventsPerMin", "turnsPerMin"};

    private final Vertx vertx;
    private final String node;
    private final RecommenderService recommender;
    private final UserStatusCache userStatus;
    private final Supplier<JsonObject> local;
    private final Map<String, JsonObject> nodes = new ConcurrentHashMap<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private long timer = -1;
    private long catalogReload = -1;

    ClusterBus(Vertx vertx, String node, RecommenderService recommender, UserStatusCache userStatus, Supplier<JsonObject> local) {
        this.vertx = vertx;
        this.node = node;
        this.recommender = recommender;
        this.userStatus = userStatus;
        this.local = local;
    }

    ClusterBus start() {
        EventBus bus = vertx.eventBus();
        consumers.add(bus.<JsonObject>consumer(Addresses.USER_DISABLED, m -> invalidate(m.body())));
        consumers.add(bus.<JsonObject>consumer(Addresses.USER_CHANGED, m -> invalidate(m.body())));
        consumers.add(bus.<JsonObject>consumer(Addresses.MODEL_ACTIVATED, m -> {
            String version = m.body().getString("version");
            if (node.equals(m.body().getString("node")) || version == null) {
                return; // the node that activated it serves it already
            }
            long t = System.nanoTime();
            recommender.load(version).onSuccess(v -> LOG.info("recommender {} activated on {}: loaded here in {} ms", version,
                    m.body().getString("node"), (System.nanoTime() - t) / 1_000_000))
                    .onFailure(e -> LOG.warn("could not load recommender {} activated on another node: {}", version, e.toString()));
        }));
        consumers.add(bus.<JsonObject>consumer(Addresses.CATALOG_CHANGED, m -> catalogChanged()));
        consumers.add(bus.<JsonObject>consumer(Addresses.NODE_OVERVIEW, m -> {
            JsonObject o = m.body();
            if (o.getString("node") != null) {
                nodes.put(o.getString("node"), o.put("receivedAt", System.currentTimeMillis()));
            }
        }));
        timer = vertx.setPeriodic(0, OVERVIEW_PERIOD_MS, id -> {
            try {
                vertx.eventBus().publish(Addresses.NODE_OVERVIEW, mine());
            } catch (RuntimeException e) {
                LOG.debug("node overview not published: {}", e.toString());
            }
        });
        return this;
    }

    private void invalidate(JsonObject body) {
        Long id = body.getLong("userId");
        if (id != null) {
            userStatus.invalidate(id);
        }
    }

    /** Several edits in a row cost one reload, a second after the last. */
    private void catalogChanged() {
        if (catalogReload >= 0) {
            vertx.cancelTimer(catalogReload);
        }
        catalogReload = vertx.setTimer(1_000, id -> {
            catalogReload = -1;
            if (!recommender.ready()) {
                return;
            }
            String version = recommender.snapshot().version();
            recommender.load(version).onSuccess(v -> LOG.info("recommender {} rebuilt on the changed catalogue", version))
                    .onFailure(e -> LOG.warn("catalogue changed but recommender {} does not fit it ({}); keeping the current engine until "
                            + "the next training", version, e.getMessage()));
        });
    }

    /** Activates a version here (database and engine), then tells the other nodes. */
    Future<Void> activate(String version) {
        return recommender.activate(version).onSuccess(v -> published(version));
    }

    /** Tells the other nodes that {@code version} is live now. */
    void published(String version) {
        vertx.eventBus().publish(Addresses.MODEL_ACTIVATED, new JsonObject().put("version", version).put("node", node));
    }

    private JsonObject mine() {
        return local.get().put("node", node).put("at", System.currentTimeMillis());
    }

    /** This node's live numbers plus {@code cluster}: members, each node's numbers and their total. */
    JsonObject overview() {
        JsonObject me = mine();
        long now = System.currentTimeMillis();
        nodes.values().removeIf(o -> now - o.getLong("receivedAt", 0L) > STALE_MS);
        Map<String, JsonObject> all = new TreeMap<>(nodes);
        all.put(node, me.copy());
        JsonArray list = new JsonArray();
        JsonObject total = new JsonObject();
        for (String k : SUMMED) {
            total.put(k, 0.0);
        }
        all.values().forEach(o -> {
            JsonObject n = new JsonObject().put("node", o.getString("node")).put("self", node.equals(o.getString("node")));
            for (String k : SUMMED) {
                Object v = o.getValue(k);
                double x = v instanceof Number num ? num.doubleValue() : 0;
                n.put(k, v);
                total.put(k, total.getDouble(k) + x);
            }
            n.put("recommender", o.getValue("recommender")).put("agent", o.getJsonObject("agent") == null ? null
                    : o.getJsonObject("agent").getString("mode"));
            list.add(n);
        });
        total.put("activeSockets", total.getDouble("activeSockets").longValue());
        total.put("nodes", all.size());
        me.remove("at");
        return me.put("cluster", new JsonObject().put("members", Clustering.members(vertx)).put("nodes", list).put("total", total));
    }

    void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        consumers.forEach(MessageConsumer::unregister);
    }
}
