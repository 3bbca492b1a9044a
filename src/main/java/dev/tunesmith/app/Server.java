package dev.tunesmith.app;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.tunesmith.admin.AdminRoutes;
import dev.tunesmith.agent.ChatAgent;
import dev.tunesmith.conversation.ConversationStore;
import dev.tunesmith.agent.offline.IntentRouter;
import dev.tunesmith.agent.LlmProbe;
import dev.tunesmith.agent.tools.MusicServices;
import dev.tunesmith.agent.offline.OfflineChatModel;
import dev.tunesmith.conversation.PgChatMemoryStore;
import dev.tunesmith.chat.ChatSocket;
import dev.tunesmith.conversation.ConversationRoutes;
import dev.tunesmith.create.ArtifactStore;
import dev.tunesmith.create.CreationService;
import dev.tunesmith.create.GeneratorCreationService;
import dev.tunesmith.create.LlmLyricsGenerator;
import dev.tunesmith.music.LyricsGenerator;
import dev.tunesmith.music.lyrics.LyricsChecker;
import dev.tunesmith.music.lyrics.Pronunciations;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.tunesmith.platform.metrics.Metrics;
import dev.tunesmith.admin.MetricsRoutes;
import dev.tunesmith.platform.embed.CachingEmbeddingModel;
import dev.tunesmith.playlist.PlaylistRoutes;
import dev.tunesmith.playlist.PlaylistService;
import dev.tunesmith.playlist.PlaylistStore;
import dev.tunesmith.recommend.service.RecommenderService;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import dev.tunesmith.jobs.JobService;
import dev.tunesmith.platform.http.StaticGuard;
import dev.tunesmith.jobs.EvalJob;
import dev.tunesmith.jobs.TrainingJobs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
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
import dev.tunesmith.platform.db.Db;
import dev.tunesmith.platform.db.Migrations;
import dev.tunesmith.events.EventRoutes;
import dev.tunesmith.events.EventService;
import dev.tunesmith.platform.http.HealthRoutes;
import dev.tunesmith.platform.http.HttpVerticle;
import dev.tunesmith.recommend.service.ProfileRoutes;
import dev.tunesmith.recommend.service.ProfileQueries;
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
public final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final Vertx vertx;
    private final AppConfig config;
    private final Pool pool;
    private final WorkerExecutor kdf;
    private final AuthService auth;
    private final AuthHandler authHandler;
    private final UserStatusCache userStatus;
    private final CatalogImportService imports;
    private final Metrics metrics = new Metrics();
    private final Supplier<CreationService> creationFactory;
    private EmbeddingModel embedder;
    private RecommenderService recommender;
    private CreationService creation;
    private LlmProbe probe;
    private MusicServices services;
    private IntentRouter intentRouter;
    private JobService jobs;
    private ChatAgent agent;
    private HttpVerticle http;
    private Optional<String> generatedAdminPassword = Optional.empty();

    private Server(Vertx vertx, AppConfig config, Supplier<CreationService> creationFactory) {
        this.vertx = vertx;
        this.creationFactory = creationFactory;
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
    public static Future<Server> start(Vertx vertx, AppConfig config) {
        return start(vertx, config, null);
    }

    /** Starts with a given creation service factory (called once, on a worker thread). */
    public static Future<Server> start(Vertx vertx, AppConfig config, Supplier<CreationService> creation) {
        return vertx.executeBlocking(() -> Migrations.migrate(config.db()), false)
                .onSuccess(n -> LOG.info("database {} migrated ({} new migrations)", config.db(), n))
                .map(n -> new Server(vertx, config, creation))
                .compose(app -> app.startServices().map(v -> app));
    }

    private Future<Void> startServices() {
        return auth.bootstrapAdmin(config.auth().adminPassword())
                .onSuccess(p -> generatedAdminPassword = p)
                .compose(p -> imports.seedIfEmpty(config.data().demoCatalog()))
                .compose(seeded -> vertx.executeBlocking(() -> {
                    long t = System.nanoTime();
                    EmbeddingModel model = new CachingEmbeddingModel(new AllMiniLmL6V2EmbeddingModel());
                    LOG.info("embedding model loaded in {} ms", (System.nanoTime() - t) / 1_000_000);
                    return model;
                }, false))
                .compose(model -> {
                    embedder = model;
                    recommender = new RecommenderService(vertx, pool, embedder, RecommenderService.served(config.recommender()));
                    return recommender.start();
                })
                .compose(v -> vertx.executeBlocking(() -> creation = creationFactory != null ? creationFactory.get()
                        : GeneratorCreationService.load(new ArtifactStore(pool),
                                config.data().melodyModel(), config.data().lyricsModel(), this::lyricsWithLlm), false))
                .compose(c -> deployHttp());
    }

    private Future<Void> deployHttp() {
        TrackRepository tracks = new TrackRepository(pool);
        EventService events = new EventService(vertx, pool);
        vertx.eventBus().<JsonObject>consumer(EventService.RECORDED, msg -> metrics.event(msg.body().getString("type")));
        ProfileQueries sqlProfiles = new ProfileQueries(pool);
        PlaylistStore playlistStore = new PlaylistStore(pool, tracks);
        PlaylistService playlists = new PlaylistService(vertx, recommender, playlistStore, tracks);
        ConversationStore conversations = new ConversationStore(pool);
        ArtifactStore artifacts = new ArtifactStore(pool);
        services = new CompanionServices(recommender, playlists, tracks, creation);
        intentRouter = new IntentRouter(embedder);
        if (probe == null) {
            probe = new LlmProbe(config.agent().ollamaBaseUrl(), config.agent().ollamaModel());
        }
        Optional<StreamingChatModel> llm = config.agent().ollamaBaseUrl().map(url -> OllamaStreamingChatModel.builder()
                .baseUrl(url).modelName(config.agent().ollamaModel()).timeout(config.agent().ollamaTimeout()).build());
        agent = new ChatAgent(services, conversations, new PgChatMemoryStore(pool), new OfflineChatModel(intentRouter), llm,
                probe, metrics::tool, config.agent().ollamaTimeout().toMillis() * 2, 64);
        ChatSocket chat = new ChatSocket(vertx, config.http().allowedOrigins(), config.http().wsAuthTimeout().toMillis(), authHandler, agent,
                conversations, metrics);
        HealthRoutes health = new HealthRoutes(pool).with("agent", agent::mode).with("generator", creation::device)
                .with("recommender", () -> recommender.ready() ? "UP" : "STARTING");
        jobs = new JobService(vertx, pool);
        AdminRoutes admin = new AdminRoutes(vertx, pool, new AuditLog(pool), userStatus, jobs, imports, jobKinds(), this::liveOverview,
                recommender::activate, id -> recommender.profile(id).map(RecommenderService::toJson));
        HttpVerticle.Modules modules = new HttpVerticle.Modules(
                List.of(health, chat, new MetricsRoutes(metrics, authHandler), new StaticGuard()),
                List.of(new AuthRoutes(auth)::mount, new CatalogRoutes(tracks)::mount, admin.stream(authHandler)),
                authHandler,
                List.of(new EventRoutes(events)::mount,
                        new ProfileRoutes(p -> recommender.ready() ? recommender.profile(p.userId()).map(RecommenderService::toJson)
                                : sqlProfiles.summary(p.userId())),
                        new PlaylistRoutes(playlists, playlistStore, recommender),
                        new ConversationRoutes(conversations, artifacts),
                        admin));
        http = new HttpVerticle(config.http(), modules);
        return vertx.deployVerticle(http, new DeploymentOptions()).mapEmpty();
    }

    /** With Ollama configured, lyrics come from the LLM (checked and repaired), else from the DJL model. */
    private LyricsGenerator lyricsWithLlm(LyricsGenerator shipped) {
        if (config.agent().ollamaBaseUrl().isEmpty()) {
            return shipped;
        }
        if (probe == null) {
            if (probe == null) {
            probe = new LlmProbe(config.agent().ollamaBaseUrl(), config.agent().ollamaModel());
        }
        }
        ChatModel chat = OllamaChatModel.builder().baseUrl(config.agent().ollamaBaseUrl().get()).modelName(config.agent().ollamaModel())
                .timeout(config.agent().ollamaTimeout()).build();
        return new LlmLyricsGenerator(chat, probe, new LyricsChecker(Pronunciations.shared()), shipped, 2);
    }

    /** The jobs an admin can start from the dashboard. */
    private AdminRoutes.JobKinds jobKinds() {
        Map<String, Function<JobService.Job, Future<JsonObject>>> kinds = new LinkedHashMap<>();
        kinds.put("train-recommender", job -> recommender.retrain(job::progress, job.id()).map(v -> new JsonObject().put("version", v)));
        kinds.put("eval", job -> EvalJob.run(vertx, pool, config.data().sharedData().resolve("lastfm-hetrec2k"), 1, job,
                RecommenderService.served(config.recommender())));
        TrainingJobs training = new TrainingJobs(vertx.createSharedWorkerExecutor("tunesmith-training", 1, 6, java.util.concurrent.TimeUnit.HOURS),
                pool, config.data().sharedData(), Path.of(System.getProperty("user.home"), ".local/state/tunesmith"));
        kinds.put("train-melody", job -> jobs.params(job.id()).compose(p -> training.melody(job, p)));
        kinds.put("train-lyrics", job -> jobs.params(job.id()).compose(p -> training.lyrics(job, p)));
        return new AdminRoutes.JobKinds(kinds);
    }

    /** The dashboard's live numbers (the database counts are added by the admin routes). */
    private JsonObject liveOverview() {
        return new JsonObject()
                .put("activeSockets", metrics.openSockets())
                .put("eventsPerMin", metrics.eventsPerMinute())
                .put("turnsPerMin", metrics.turnsPerMinute())
                .put("tools", metrics.tools())
                .put("agent", new JsonObject().put("mode", agent.mode()).put("model",
                        agent.mode().equals("llm") ? config.agent().ollamaModel() : "tunesmith-offline (MiniLM intents)"))
                .put("generator", creation.device())
                .put("recommender", recommender.ready() ? recommender.snapshot().version() : "starting")
                .put("db", new JsonObject().put("status", "UP").put("poolSize", pool.size()).put("maxPoolSize", config.db().poolSize()));
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

    public Metrics metrics() {
        return metrics;
    }

    /** The services behind the agent's tools (tests drive agents of their own with them). */
    public MusicServices musicServices() {
        return services;
    }

    public IntentRouter intentRouter() {
        return intentRouter;
    }

    public RecommenderService recommender() {
        return recommender;
    }

    public Future<Void> close() {
        if (agent != null) {
            agent.close();
        }
        if (probe != null) {
            probe.close();
        }
        if (creation instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing the generators failed", e);
            }
        }
        kdf.close();
        return pool.close();
    }
}
