package dev.tunesmith.recommend.service;

import dev.tunesmith.recommend.TextEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.events.EventService;
import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.ColdExposure;
import dev.tunesmith.recommend.Constraints;
import dev.tunesmith.recommend.EngineTrainer;
import dev.tunesmith.recommend.Playlist;
import dev.tunesmith.recommend.ProfileBuilder;
import dev.tunesmith.recommend.RecommendationEngine;
import dev.tunesmith.recommend.UserEvent;
import dev.tunesmith.recommend.UserProfile;
import dev.tunesmith.recommend.engine.ServedConfig;
import dev.tunesmith.recommend.engine.ServedScorer;
import dev.tunesmith.recommend.eval.CommunityQuality;
import dev.tunesmith.recommend.eval.Protocol;
import dev.tunesmith.recommend.mood.MoodParser;
import dev.tunesmith.recommend.mood.MoodTarget;
import dev.tunesmith.recommend.mood.MoodVocabulary;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the recommendation core to the app: holds the live {@link RecommendationEngine} snapshot
 * (loaded from {@code models} at start, or trained when absent), swaps it atomically after
 * training, keeps user profiles updated incrementally from {@link EventService#RECORDED} events
 * (no retraining: the next recommendation sees a new event at once), and parses moods.
 */
public final class RecommenderService {

    private static final Logger LOG = LoggerFactory.getLogger(RecommenderService.class);
    private static final String KIND = "recommender";
    private static final int MAX_CACHED_PROFILES = 20_000;

    /** The live engine with the catalog facts built for it. */
    public record Snapshot(RecommendationEngine engine, MoodParser moods, ProfileBuilder profiles, String version, Set<String> knownTags,
            Set<String> knownArtists) {}

    private final Vertx vertx;
    private final Pool pool;
    private final TextEmbedder embedder;
    private final RecommenderStore loader;
    private final AtomicReference<Snapshot> live = new AtomicReference<>();
    private final Map<Long, UserProfile> profiles = new ConcurrentHashMap<>();
    // how often each track was in recent cold listeners' playlists (see ColdExposure)
    private final ColdExposure coldExposure = new ColdExposure();
    private volatile MessageConsumer<JsonObject> events;
    private final boolean autoActivate;
    /** The last non-live version restored for a preview (restoring takes seconds). */
    private final java.util.concurrent.atomic.AtomicReference<Snapshot> previewed = new java.util.concurrent.atomic.AtomicReference<>();

    private final EngineTrainer.Options options;

    public RecommenderService(Vertx vertx, Pool pool, EmbeddingModel embedder) {
        this(vertx, pool, embedder, ServedConfig.DEFAULTS, true);
    }

    /**
     * @param served the served blend's settings ({@code AppConfig.recommender().served()}), the same
     *     ones {@code ./tunesmith eval} measures
     */
    public RecommenderService(Vertx vertx, Pool pool, EmbeddingModel embedder, ServedConfig served) {
        this(vertx, pool, embedder, served, true);
    }

    /**
     * @param served the served blend's settings, the same ones {@code ./tunesmith eval} measures
     * @param autoActivate whether {@link #retrain} makes the new model live (else an admin activates it)
     */
    public RecommenderService(Vertx vertx, Pool pool, EmbeddingModel embedder, ServedConfig served, boolean autoActivate) {
        this.autoActivate = autoActivate;
        this.options = new EngineTrainer.Options(served, EngineTrainer.Options.DEFAULTS.weights(),
                EngineTrainer.Options.DEFAULTS.config());
        this.vertx = vertx;
        this.pool = pool;
        this.embedder = Embedders.of(embedder);
        this.loader = new RecommenderStore(pool);
    }

    /** Stops applying events to profiles (unregisters the event-bus consumer of {@link #start()}). */
    public Future<Void> close() {
        MessageConsumer<JsonObject> c = events;
        events = null;
        return c == null ? Future.succeededFuture() : c.unregister();
    }

    /** Loads the live model from Postgres, or trains one when there is none (on a worker thread). */
    public Future<Void> start() {
        events = vertx.eventBus().<JsonObject>consumer(EventService.RECORDED, msg -> onEvent(msg.body()));
        return loader.catalog().compose(catalog -> pool.preparedQuery("SELECT version, data FROM models WHERE kind = $1 AND live")
                .execute(Tuple.of(KIND)).compose(rows -> {
                    if (rows.size() > 0) {
                        Row row = rows.iterator().next();
                        String version = row.getString("version");
                        byte[] bytes = row.getBuffer("data").getBytes();
                        return vertx.executeBlocking(() -> {
                            try {
                                return snapshot(EngineTrainer.restore(catalog, bytes, options.config()), catalog, version);
                            } catch (RuntimeException e) {
                                LOG.warn("stored recommender {} does not fit the catalog ({}); retraining", version, e.getMessage());
                                return null;
                            }
                        }, false).compose(s -> s != null ? Future.succeededFuture(s) : trainAndStore(catalog, p -> {}, null, true));
                    }
                    return trainAndStore(catalog, p -> {}, null, true);
                })).map(s -> {
                    live.set(s);
                    LOG.info("recommender {} live with {} tracks", s.version(), s.engine().size());
                    return null;
                });
    }

    /**
     * Retrains on the current catalog and events and stores the model; it goes live only when this
     * service auto-activates (config {@code recommender.autoActivate}), else an admin activates it.
     */
    public Future<String> retrain(DoubleConsumer progress, Long jobId) {
        return retrain(progress, jobId, autoActivate);
    }

    /**
     * Trains on the current catalogue and events and stores the version; {@code makeLive} swaps it in at
     * once (the catalogue changed under the live model: a library scan, the {@code train} command),
     * otherwise an admin compares it and makes it live.
     */
    public Future<String> retrain(DoubleConsumer progress, Long jobId, boolean makeLive) {
        return loader.catalog().compose(catalog -> trainAndStore(catalog, progress, jobId, makeLive)).map(s -> {
            if (makeLive) {
                live.set(s);
                profiles.clear();
            }
            return s.version();
        });
    }

    /** Whether a finished training makes its model live by itself. */
    public boolean autoActivates() {
        return autoActivate;
    }

    /**
     * What {@code userId} would be recommended under a stored version (live or not), without
     * changing what is served: the version is restored on a worker (kept for the next preview).
     */
    public Future<Playlist> preview(String version, long userId, int k) {
        Snapshot current = live.get();
        Future<Snapshot> snap;
        if (current != null && current.version().equals(version)) {
            snap = Future.succeededFuture(current);
        } else if (previewed.get() != null && previewed.get().version().equals(version)) {
            snap = Future.succeededFuture(previewed.get());
        } else {
            snap = restore(version).onSuccess(previewed::set);
        }
        return snap.compose(s -> loader.events(userId).compose(events -> vertx.executeBlocking(() -> {
            UserProfile p = s.profiles().build(events, List.of(), Instant.now()).withListener(userId);
            return s.engine().recommend(p, MoodTarget.NONE, Constraints.defaults().withCount(k));
        }, false)));
    }

    /** Makes a stored model version live (rollback). */
    public Future<Void> activate(String version) {
        return restore(version)
                .compose(s -> pool.withTransaction(c -> c.preparedQuery("UPDATE models SET live = false WHERE kind = $1 AND live").execute(Tuple.of(KIND))
                        .compose(r -> c.preparedQuery("UPDATE models SET live = true WHERE kind = $1 AND version = $2").execute(Tuple.of(KIND, version))))
                        .map(r -> {
                            live.set(s);
                            profiles.clear();
                            return null;
                        }));
    }

    /**
     * Loads a stored version and swaps it in on this node only, without touching {@code models}: how the
     * other nodes of a cluster follow an activation or a catalogue change made on one node.
     */
    public Future<Void> load(String version) {
        return restore(version).map(s -> {
            live.set(s);
            profiles.clear();
            return null;
        });
    }

    /** A stored version restored against the current catalogue (on a worker); fails when there is no such version. */
    private Future<Snapshot> restore(String version) {
        return loader.catalog().compose(catalog -> pool.preparedQuery("SELECT data FROM models WHERE kind = $1 AND version = $2")
                .execute(Tuple.of(KIND, version)).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(new IllegalArgumentException("no recommender version " + version));
                    }
                    byte[] bytes = rows.iterator().next().getBuffer("data").getBytes();
                    return vertx.executeBlocking(() -> snapshot(EngineTrainer.restore(catalog, bytes, options.config()), catalog, version), false);
                }));
    }

    /** The catalogue as the engine sees it (for engines trained outside this process). */
    public Future<List<CatalogItem>> catalog() {
        return loader.catalog();
    }

    /** The embedder of the served engine (for engines trained outside this process). */
    public TextEmbedder embedder() {
        return embedder;
    }

    /**
     * Stores an engine trained elsewhere (e.g. Spark MLlib factors) as a new version with its metrics,
     * live or not; when live, this node serves it at once. Returns the version.
     */
    public Future<String> install(RecommendationEngine engine, List<CatalogItem> catalog, String version, JsonObject metrics, boolean makeLive,
            Long jobId) {
        return vertx.executeBlocking(() -> new Object[] {snapshot(engine, catalog, version), engine.toBytes()}, false).compose(r ->
                pool.withTransaction(c -> (makeLive ? c.preparedQuery("UPDATE models SET live = false WHERE kind = $1 AND live").execute(Tuple.of(KIND))
                                : Future.succeededFuture())
                        .compose(x -> c.preparedQuery("INSERT INTO models (kind, version, live, metrics, data, job_id) VALUES ($1, $2, $3, $4, $5, $6)")
                                .execute(Tuple.of(KIND, version, makeLive, metrics, io.vertx.core.buffer.Buffer.buffer((byte[]) r[1]), jobId))))
                        .map(x -> {
                            if (makeLive) {
                                live.set((Snapshot) r[0]);
                                profiles.clear();
                            }
                            return version;
                        }));
    }

    private Future<Snapshot> trainAndStore(List<CatalogItem> catalog, DoubleConsumer progress, Long jobId, boolean makeLive) {
        return loader.allEvents().compose(events -> loader.allFriends().compose(friends -> vertx.executeBlocking(() -> {
            long start = System.nanoTime();
            progress.accept(0.1);
            Instant now = Instant.now();
            RecommendationEngine engine = EngineTrainer.train(catalog, events, friends, embedder, now, options);
            progress.accept(0.6);
            // the version's ranking quality on the community's own events: the same served trainer and settings, a held-out split
            CommunityQuality.Result quality = CommunityQuality.measure(catalog, events, friends, now, options, Protocol.SEED);
            progress.accept(0.8);
            String version = "r" + System.currentTimeMillis();
            LOG.info("trained recommender {} on {} tracks and {} users in {} ms", version, catalog.size(), events.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return new Object[] {snapshot(engine, catalog, version), engine.toBytes(), events.size(), (System.nanoTime() - start) / 1e9,
                engine.served().map(ServedScorer::describe).orElse(""), quality};
        }, false))).compose(r -> {
            Snapshot s = (Snapshot) r[0];
            JsonObject metrics = new JsonObject().put("engine", "ejml").put("tracks", catalog.size()).put("users", r[2]).put("trainSeconds", r[3])
                    .put("servedBlend", r[4]).put("quality", qualityJson((CommunityQuality.Result) r[5]));
            return pool.withTransaction(c -> c.preparedQuery("UPDATE models SET live = false WHERE kind = $1 AND live AND $2").execute(Tuple.of(KIND, makeLive))
                    .compose(x -> c.preparedQuery("INSERT INTO models (kind, version, live, metrics, data, job_id) VALUES ($1, $2, $6, $3, $4, $5)")
                            .execute(Tuple.of(KIND, s.version(), metrics, io.vertx.core.buffer.Buffer.buffer((byte[]) r[1]), jobId, makeLive))))
                    .map(x -> {
                        progress.accept(1.0);
                        return s;
                    });
        });
    }

    /**
     * A version's stored quality figure: {@code {"status":"measured","ndcg@10","recall@20","popularity":{...},"evaluatedUsers",...}}
     * or {@code {"status":"not_enough_data","reason",...}}; always with the protocol and the community's size.
     */
    static JsonObject qualityJson(CommunityQuality.Result q) {
        JsonObject o = new JsonObject().put("status", q.enough() ? "measured" : "not_enough_data").put("protocol", q.protocol())
                .put("users", q.users()).put("eligibleUsers", q.eligibleUsers()).put("evaluatedUsers", q.evaluatedUsers())
                .put("interactions", q.interactions()).put("minUsers", CommunityQuality.MIN_USERS).put("minTracksPerUser", CommunityQuality.MIN_ITEMS);
        if (q.enough()) {
            o.put("ndcg@10", round4(q.ndcg10())).put("recall@20", round4(q.recall20()))
                    .put("popularity", new JsonObject().put("ndcg@10", round4(q.popularityNdcg10())).put("recall@20", round4(q.popularityRecall20())));
        } else {
            o.put("reason", q.reason());
        }
        return o;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private Snapshot snapshot(RecommendationEngine engine, List<CatalogItem> catalog, String version) {
        Set<String> tags = new HashSet<>();
        Set<String> artists = new HashSet<>();
        for (CatalogItem c : catalog) {
            tags.addAll(c.tags());
            artists.add(c.artist());
        }
        MoodParser moods = new MoodParser(embedder, MoodVocabulary.standard(), tags, artists);
        ProfileBuilder builder = new ProfileBuilder(id -> engine.item(id).orElse(null), options.weights());
        Set<String> lowerTags = new HashSet<>();
        tags.forEach(t -> lowerTags.add(t.toLowerCase(java.util.Locale.ROOT)));
        Set<String> lowerArtists = new HashSet<>();
        artists.forEach(a -> lowerArtists.add(a.toLowerCase(java.util.Locale.ROOT)));
        return new Snapshot(engine, moods, builder, version, Set.copyOf(lowerTags), Set.copyOf(lowerArtists));
    }

    public Snapshot snapshot() {
        Snapshot s = live.get();
        if (s == null) {
            throw new IllegalStateException("the recommender is still starting");
        }
        return s;
    }

    public boolean ready() {
        return live.get() != null;
    }

    /** The user's profile: cached, built from their events and friends on first use. */
    public Future<UserProfile> profile(long userId) {
        UserProfile cached = profiles.get(userId);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        Snapshot s = snapshot();
        return loader.events(userId).compose(events -> loader.friends(userId).compose(friendIds -> {
            List<Future<List<UserEvent>>> friendEvents = new ArrayList<>();
            friendIds.stream().limit(10).forEach(f -> friendEvents.add(loader.events(f)));
            return Future.all(friendEvents).map(cf -> {
                Instant now = Instant.now();
                List<UserProfile> friends = new ArrayList<>();
                for (int i = 0; i < friendEvents.size(); i++) {
                    friends.add(s.profiles().build(friendEvents.get(i).result(), now));
                }
                UserProfile p = s.profiles().build(events, friends, now).withListener(userId);
                if (profiles.size() >= MAX_CACHED_PROFILES) {
                    profiles.clear();
                }
                profiles.put(userId, p);
                return p;
            });
        }));
    }

    /** Drops the cached profile of a user (after their account or data was deleted). */
    public void forget(long userId) {
        profiles.remove(userId);
    }

    /** Blocking variant for worker threads (agent tools). */
    public UserProfile profileNow(long userId) {
        try {
            return profile(userId).await(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("profile lookup timed out", e);
        }
    }

    public MoodTarget mood(String text) {
        return snapshot().moods().parse(text == null ? "" : text);
    }

    /**
     * A playlist from the live engine; cold listeners' playlists are drawn against this process's
     * {@link ColdExposure}, so no track fills every new listener's playlist.
     */
    public Playlist recommend(UserProfile profile, MoodTarget mood, Constraints constraints) {
        return snapshot().engine().recommend(profile, mood, constraints, coldExposure);
    }

    /** The named artists' own tracks first ({@link RecommendationEngine#byArtists}), drawn like {@link #recommend}. */
    public java.util.Optional<Playlist> byArtists(UserProfile profile, MoodTarget mood, Constraints constraints) {
        return snapshot().engine().byArtists(profile, mood, constraints, coldExposure);
    }

    /**
     * Discovery ({@code GET /api/me/recommendations}): like {@link #recommend} but leaving out every
     * track the listener already has a positive weight on (liked, favourited, played), so a new
     * listener's favourites do not come straight back.
     */
    public Playlist discover(UserProfile profile, MoodTarget mood, Constraints constraints) {
        Set<Long> known = new HashSet<>();
        profile.itemWeights().forEach((id, w) -> {
            if (w > 0) {
                known.add(id);
            }
        });
        Constraints c = known.isEmpty() ? constraints : constraints.withExcludedTracks(known);
        // "songs by Brad Sucks" over REST too: the artist's own tracks first, as in the chat
        return mood != null && mood.asksForArtistsOwn() ? byArtists(profile, mood, c).orElseGet(() -> recommend(profile, mood, c))
                : recommend(profile, mood, c);
    }

    /** The served recommender's settings from the typed config (one mapping for {@code run} and {@code eval}). */
    public static ServedConfig served(AppConfig.Recommender r) {
        return new ServedConfig(r.easeLambda(), r.easeMinSupport(), r.easeMaxItems(), r.alsFactors(), r.alsLambda(),
                r.alsAlpha(), r.alsIterations(), r.alsCgSteps(), r.rp3K(), r.rp3Alpha(), r.rp3Beta(), r.itemKnnK(),
                r.itemKnnShrink(), r.content(), r.friends(), r.popularity(), r.seed(), r.easeWeighted(), r.easeTagWeight(),
                r.alsTagWeight());
    }

    private void onEvent(JsonObject e) {
        Long userId = e.getLong("userId");
        Snapshot s = live.get();
        if (userId == null || s == null) {
            return;
        }
        UserEvent event = new UserEvent(e.getLong("trackId"), e.getString("type"), e.getDouble("playedSec"), Instant.now());
        profiles.computeIfPresent(userId, (id, p) -> s.profiles().apply(p, event));
    }

    /** The profile as the API shows it. */
    public static JsonObject toJson(UserProfile p) {
        JsonArray tags = new JsonArray();
        p.topTags().forEach(t -> tags.add(new JsonObject().put("name", t.tag()).put("weight", round(t.weight()))));
        JsonArray artists = new JsonArray();
        p.topArtists().forEach(a -> artists.add(new JsonObject().put("name", a.artist()).put("count", a.plays()).put("weight", round(a.weight()))));
        JsonObject mood = new JsonObject();
        if (p.moodValence() != null) {
            mood.put("valence", round(p.moodValence()));
        }
        if (p.moodEnergy() != null) {
            mood.put("energy", round(p.moodEnergy()));
        }
        return new JsonObject().put("asOf", p.asOf().toString()).put("topTags", tags).put("topArtists", artists)
                .put("moodCentre", mood).put("counts", new JsonObject(new HashMap<>(p.eventCounts())))
                .put("tracks", p.itemWeights().size());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
