package dev.tunesmith.app;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.tunesmith.admin.AdminQueries;
import dev.tunesmith.admin.AdminRoutes;
import dev.tunesmith.admin.AuditAdminRoutes;
import dev.tunesmith.admin.CatalogAdminRoutes;
import dev.tunesmith.admin.ContentAdminRoutes;
import dev.tunesmith.admin.JobsAdminRoutes;
import dev.tunesmith.admin.ModelAdminRoutes;
import dev.tunesmith.admin.OverviewAdminRoutes;
import dev.tunesmith.admin.UsersAdminRoutes;
import dev.tunesmith.jobs.EvalRunStore;
import dev.tunesmith.recommend.service.ModelRegistry;
import dev.tunesmith.agent.ChatAgent;
import dev.tunesmith.conversation.ConversationStore;
import dev.tunesmith.agent.offline.IntentRouter;
import dev.tunesmith.agent.LlmProbe;
import dev.tunesmith.agent.tools.MusicTools;
import dev.tunesmith.agent.tools.ToolContext;
import dev.tunesmith.agent.offline.OfflineChatModel;
import dev.tunesmith.conversation.PgChatMemoryStore;
import dev.tunesmith.chat.ChatSocket;
import dev.tunesmith.conversation.ConversationRoutes;
import dev.tunesmith.create.ArtifactStore;
import dev.tunesmith.create.CreateRoutes;
import dev.tunesmith.create.EmbeddingWords;
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
import dev.tunesmith.privacy.PrivacyQueries;
import dev.tunesmith.privacy.PrivacyRoutes;
import dev.tunesmith.recommend.service.RecommenderService;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import dev.tunesmith.jobs.JobService;
import dev.tunesmith.platform.http.StaticGuard;
import dev.tunesmith.jobs.EvalJob;
import dev.tunesmith.jobs.TrainingJobs;
import dev.tunesmith.library.LibraryRepository;
import dev.tunesmith.library.LibraryRoutes;
import dev.tunesmith.library.LibraryService;
import dev.tunesmith.library.PlayableLocations;
import dev.tunesmith.library.StreamRoutes;
import dev.tunesmith.library.StreamSigner;
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
import io.vertx.core.eventbus.MessageConsumer;
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
    /** Largest catalogue file an admin may upload from the browser. */
    private static final long UPLOAD_LIMIT_BYTES = 256L * 1024 * 1024;

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
    private Function<ToolContext, MusicTools> tools;
    private IntentRouter intentRouter;
    private JobService jobs;
    private ClusterBus cluster;
    private ChatAgent agent;
    private HttpVerticle http;
    private LibraryService library;
    private Optional<String> generatedAdminPassword = Optional.empty();
    /** What {@link #close()} undoes, in start order (closed in reverse): consumers, the HTTP verticle. */
    private final List<Supplier<Future<?>>> closers = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        // Everything heavy before the first event-loop callback runs on a worker: migrations, the JSSE
        // provider set-up that the first TLS-capable connection and JWT signing would otherwise do on an
        // event loop, and the construction of the services (catalogue tables, key material).
        return vertx.executeBlocking(() -> {
            int migrated = Migrations.migrate(config.db());
            LOG.info("database {} migrated ({} new migrations)", config.db(), migrated);
            warmUpJsse();
            return new Server(vertx, config, creation);
        }, false).compose(app -> app.startServices().map(v -> app));
    }

    private static void warmUpJsse() {
        try {
            javax.net.ssl.SSLContext.getDefault().createSSLEngine().getSupportedCipherSuites();
            java.security.Signature.getInstance("SHA256withRSA");
            javax.crypto.Mac.getInstance("HmacSHA256");
        } catch (java.security.GeneralSecurityException e) {
            LOG.debug("JSSE warm-up skipped: {}", e.toString());
        }
    }

    private Future<Void> startServices() {
        return auth.bootstrapAdmin(config.auth().adminPassword())
                .onSuccess(p -> generatedAdminPassword = p)
                .compose(p -> imports.seedIfEmpty(config.data().demoCatalog()))
                .compose(seeded -> imports.repairStoredText())
                .compose(seeded -> vertx.executeBlocking(() -> {
                    long t = System.nanoTime();
                    EmbeddingModel model = new CachingEmbeddingModel(new AllMiniLmL6V2EmbeddingModel());
                    LOG.info("embedding model loaded in {} ms", (System.nanoTime() - t) / 1_000_000);
                    return model;
                }, false))
                .compose(model -> {
                    embedder = model;
                    recommender = new RecommenderService(vertx, pool, embedder, RecommenderService.served(config.recommender()),
                            config.recommender().autoActivate());
                    closers.add(recommender::close);
                    return recommender.start();
                })
                .compose(v -> vertx.executeBlocking(() -> creation = creationFactory != null ? creationFactory.get()
                        : GeneratorCreationService.load(new ArtifactStore(pool),
                                config.data().melodyModel(), config.data().lyricsModel(), new EmbeddingWords(embedder), this::lyricsWithLlm), false))
                .compose(c -> vertx.executeBlocking(() -> {
                    // loads the router's word tables (CMU dictionary, multilingual music words): off the event loop
                    long t = System.nanoTime();
                    IntentRouter router = new IntentRouter();
                    LOG.info("intent router built in {} ms", (System.nanoTime() - t) / 1_000_000);
                    return router;
                }, false))
                .compose(router -> {
                    intentRouter = router;
                    return deployHttp();
                });
    }

    private Future<Void> deployHttp() {
        library = new LibraryService(new LibraryRepository(pool), config.library());
        StreamSigner signer = new StreamSigner(config.auth().jwtSecret(), java.time.Clock.systemUTC());
        StreamRoutes streams = new StreamRoutes(vertx, library.repository(), authHandler, signer, config.library().ffmpeg(),
                config.library().streamUrlTtl());
        TrackRepository tracks = new TrackRepository(pool);
        EventService events = new EventService(vertx, pool);
        MessageConsumer<JsonObject> metered = vertx.eventBus().<JsonObject>localConsumer(EventService.RECORDED,
                msg -> metrics.event(msg.body().getString("type")));
        closers.add(metered::unregister);
        ProfileQueries sqlProfiles = new ProfileQueries(pool);
        PlaylistStore playlistStore = new PlaylistStore(pool, tracks);
        PlaylistService playlists = new PlaylistService(vertx, recommender, playlistStore, tracks);
        ConversationStore conversations = new ConversationStore(pool);
        ArtifactStore artifacts = new ArtifactStore(pool);
        tools = MusicTools.over(recommender, playlists, tracks, creation);
        if (probe == null) {
            probe = new LlmProbe(config.agent().ollamaBaseUrl(), config.agent().ollamaModel());
        }
        Optional<StreamingChatModel> llm = config.agent().ollamaBaseUrl().map(url -> OllamaStreamingChatModel.builder()
                .baseUrl(url).modelName(config.agent().ollamaModel()).timeout(config.agent().ollamaTimeout())
                .httpClientBuilder(dev.tunesmith.platform.llm.LlmStreams.builder(config.agent().streamStallTimeout())).build());
        agent = new ChatAgent(tools, conversations, new PgChatMemoryStore(pool), new OfflineChatModel(intentRouter), llm,
                probe, metrics::tool, config.agent().turnTimeout().toMillis(), 64);
        ChatSocket chat = new ChatSocket(vertx, config.http().allowedOrigins(), config.http().wsAuthTimeout().toMillis(), authHandler, agent,
                conversations, metrics).listen();
        closers.add(chat::close);
        // role changes, disabling and logouts pushed to open pages (GET /api/me/stream), like the chat socket's close
        dev.tunesmith.auth.SessionStream sessionStream = new dev.tunesmith.auth.SessionStream(vertx, authHandler, userStatus).listen();
        closers.add(sessionStream::close);
        if (vertx.isClustered()) { // per-user chat budget shared by the nodes (issue 14)
            chat.sharedLimit(new dev.tunesmith.chat.SharedRateLimit(pool, "chat", 20, 2));
        }
        cluster = new ClusterBus(vertx, Clustering.nodeId(vertx), recommender, userStatus, this::liveOverview).start();
        HealthRoutes health = new HealthRoutes(() -> Db.ping(pool)).with("agent", agent::mode).with("generator", creation::device)
                .with("recommender", () -> recommender.ready() ? "UP" : "STARTING")
                .withObject("cluster", () -> new JsonObject().put("members", Clustering.members(vertx)));
        jobs = new JobService(vertx, pool, Clustering.nodeId(vertx), config.cluster().jobLease());
        JobsAdminRoutes.JobKinds kinds = jobKinds();
        kinds.kinds().forEach(jobs::register); // every node can run every kind from the shared queue
        OverviewAdminRoutes overview = new OverviewAdminRoutes(vertx, new AdminQueries(pool), cluster::overview);
        AdminRoutes admin = adminRoutes(overview, kinds, tracks, playlistStore, artifacts);
        HttpVerticle.Modules modules = new HttpVerticle.Modules(
                List.of(health, chat, new MetricsRoutes(metrics, authHandler), new StaticGuard(),
                        new dev.tunesmith.admin.ImportUploadRoutes(vertx, authHandler, jobs, imports, new AuditLog(pool), UPLOAD_LIMIT_BYTES)),
                List.of(new AuthRoutes(auth, authHandler)::mount, streams.open(), new CatalogRoutes(tracks)::mount, overview.stream(authHandler)),
                authHandler,
                List.of(new EventRoutes(events)::mount, sessionStream, new dev.tunesmith.events.LikesRoutes(events, tracks),
                        new ProfileRoutes(p -> recommender.ready() ? recommender.profile(p.userId()).map(RecommenderService::toJson)
                                : sqlProfiles.summary(p.userId())),
                        new PlaylistRoutes(playlists, playlistStore, recommender,
                                new PlayableLocations(library.repository(), signer, config.library().exportUrlTtl())::of),
                        new ConversationRoutes(conversations, artifacts),
                        privacyRoutes(sqlProfiles),
                        new CreateRoutes(creation),
                        admin, streams::mount, new LibraryRoutes(library.repository(),
                                (params, by) -> jobs.start("library-scan", params, by, this::libraryScan))::mount));
        http = new HttpVerticle(config.http(), modules);
        return vertx.deployVerticle(http, new DeploymentOptions()).onSuccess(id -> closers.add(() -> vertx.undeploy(id))).<Void>mapEmpty().onSuccess(v -> {
            if (!library.defaultFolders().isEmpty()) { // a fresh machine gets the default music (incremental on later starts)
                jobs.start("library-scan", new JsonObject().put("defaults", true), null, this::libraryScan)
                        .onFailure(e -> LOG.warn("default library scan not started: {}", e.getMessage()));
            }
        });
    }

    private Future<JsonObject> libraryScan(JobService.Job job) {
        // new or changed tracks reach recommendations and "sounds like" through a retrain (measured features + audio embeddings)
        return jobs.params(job.id()).compose(p -> library.scan(p, f -> job.progress(0.8 * f), job::log)).compose(result -> {
            boolean changed = result.getJsonArray("libraries").stream().anyMatch(o -> ((JsonObject) o).getInteger("added", 0)
                    + ((JsonObject) o).getInteger("updated", 0) + ((JsonObject) o).getInteger("removed", 0) > 0);
            return !changed ? Future.succeededFuture(result) : recommender.retrain(f -> job.progress(0.8 + 0.2 * f), job.id(), true)
                    .map(version -> result.put("recommender", version));
        });
    }

    /** Self-service export and account deletion; a deletion drops the user's caches and closes their sockets. */
    private PrivacyRoutes privacyRoutes(ProfileQueries sqlProfiles) {
        return new PrivacyRoutes(new PrivacyQueries(pool), auth, id -> recommender.ready()
                ? recommender.profile(id).map(RecommenderService::toJson) : sqlProfiles.summary(id), id -> {
                    userStatus.invalidate(id);
                    recommender.forget(id);
                    vertx.eventBus().publish(dev.tunesmith.platform.bus.Addresses.USER_DISABLED, new JsonObject().put("userId", id));
                });
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

    /** {@code /api/admin/**}: the role guard and audit, then one route class per concern. */
    private AdminRoutes adminRoutes(OverviewAdminRoutes overview, JobsAdminRoutes.JobKinds kinds, TrackRepository tracks,
            PlaylistStore playlists, ArtifactStore artifacts) {
        AuditLog audit = new AuditLog(pool);
        UserRepository users = new UserRepository(pool);
        return new AdminRoutes(audit, List.of(overview,
                new UsersAdminRoutes(vertx, users, new PrivacyQueries(pool), audit, userStatus,
                        id -> recommender.profile(id).map(RecommenderService::toJson)),
                new CatalogAdminRoutes(vertx, tracks, audit, jobs, imports),
                new JobsAdminRoutes(jobs, kinds),
                new ModelAdminRoutes(new ModelRegistry(pool), new EvalRunStore(pool), recommender, tracks, users, audit, cluster::activate),
                new ContentAdminRoutes(playlists, artifacts, audit),
                new AuditAdminRoutes(audit)));
    }

    /** The jobs an admin can start from the dashboard. */
    private JobsAdminRoutes.JobKinds jobKinds() {
        Map<String, Function<JobService.Job, Future<JsonObject>>> kinds = new LinkedHashMap<>();
        kinds.put("train-recommender", job -> recommender.retrain(job::progress, job.id()).map(v -> {
            if (recommender.autoActivates()) {
                cluster.published(v); // live at once: the other nodes load the new version (else an admin makes it live)
            }
            return new JsonObject().put("version", v).put("live", recommender.autoActivates());
        }));
        kinds.put("train-recommender-spark", job -> { // Spark MLlib over JDBC (src/spark); any node with the Spark build can run it
            JsonObject p = job.params();
            var d = dev.tunesmith.jobs.SparkTraining.Options.defaults();
            var o = new dev.tunesmith.jobs.SparkTraining.Options(p.getString("master", d.master()), p.getInteger("rank", d.rank()), d.lambda(),
                    d.alpha(), p.getInteger("iterations", d.iterations()), d.seed(), p.getBoolean("evaluate", true), p.getBoolean("live", true));
            return new dev.tunesmith.jobs.SparkTraining(vertx, config.db(), recommender).train(o, job::log, job.id()).map(r -> {
                if (o.live()) {
                    cluster.published(r.getString("version"));
                }
                return r;
            });
        });
        kinds.put("library-scan", this::libraryScan);
        kinds.put("eval", job -> EvalJob.run(vertx, pool, config.data().sharedData().resolve("lastfm-hetrec2k"), 1, job,
                RecommenderService.served(config.recommender())));
        WorkerExecutor trainingPool = vertx.createSharedWorkerExecutor("tunesmith-training", 1, 6, java.util.concurrent.TimeUnit.HOURS);
        closers.add(trainingPool::close);
        TrainingJobs training = new TrainingJobs(trainingPool,
                pool, config.data().sharedData(), Path.of(System.getProperty("user.home"), ".local/state/tunesmith"));
        kinds.put("train-melody", job -> jobs.params(job.id()).compose(p -> training.melody(job, p)));
        kinds.put("train-lyrics", job -> jobs.params(job.id()).compose(p -> training.lyrics(job, p)));
        return new JobsAdminRoutes.JobKinds(kinds);
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

    /** Every mounted HTTP route ({@code "METHOD /path"}), for the route fuzz test. */
    public List<String> routes() {
        return http.routes();
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

    /** The agent's tools over the app's services (tests drive agents of their own with them). */
    public Function<ToolContext, MusicTools> musicTools() {
        return tools;
    }

    public IntentRouter intentRouter() {
        return intentRouter;
    }

    public RecommenderService recommender() {
        return recommender;
    }

    /**
     * Stops what start registered, in reverse order (HTTP verticle, socket and event consumers), then
     * the agent, generators, worker pools and the database pool.
     */
    public Future<Void> close() {
        List<Supplier<Future<?>>> undo = new java.util.ArrayList<>(closers);
        java.util.Collections.reverse(undo);
        closers.clear();
        Future<Void> chain = Future.succeededFuture();
        for (Supplier<Future<?>> c : undo) {
            chain = chain.eventually(() -> c.get().otherwiseEmpty());
        }
        return chain.eventually(this::closeResources);
    }

    private Future<Void> closeResources() {
        if (cluster != null) {
            cluster.close();
        }
        if (jobs != null) {
            jobs.close();
        }
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
        if (library != null) {
            library.close();
        }
        kdf.close();
        return pool.close();
    }
}
