package dev.tunesmith.bench;

import dev.tunesmith.app.Server;
import dev.tunesmith.catalog.TrackRecord;
import dev.tunesmith.catalog.importer.CatalogWriter;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.config.ConfigLoader;
import dev.tunesmith.platform.db.Db;
import dev.tunesmith.platform.db.Migrations;
import dev.tunesmith.recommend.AudioFeatures;
import dev.tunesmith.recommend.CatalogItem;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The REST side of {@code bench mood}: a labelled catalogue is written into a throw-away database
 * (created and dropped by the bench, never the product's), the real server starts on it (and trains
 * its recommender), and cold bench listeners call {@code GET /api/me/recommendations?mood=…&k=20}.
 */
final class MoodRestBench {
    private MoodRestBench() {}

    /** Precision@20 per request (and the max share of one track over 100 cold listeners), or null on failure. */
    static Map<String, Double> run(MoodBench.Labelled c, Map<String, List<String>> phrases, List<String> others,
            PrintStream out) {
        AppConfig base = ConfigLoader.fromEnvironment();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PORT", "0");
        env.put("TUNESMITH_HOST", "127.0.0.1");
        Vertx vertx = Vertx.vertx();
        try (BenchDatabase db = BenchDatabase.create(base.db())) {
            env.put("TUNESMITH_DB_URL", db.url());
            out.println("bench mood (REST): throw-away database " + db.name() + " (dropped afterwards)");
            AppConfig config = new ConfigLoader(env, java.nio.file.Path.of(System.getProperty("user.home"))).load();
            Migrations.migrate(config.db());
            Pool pool = Db.pool(vertx, config.db());
            List<TrackRecord> records = new ArrayList<>();
            for (CatalogItem it : c.items()) {
                AudioFeatures f = it.features();
                records.add(new TrackRecord("bench", Long.toString(it.trackId()), it.title(), it.artist(), null, it.genre(),
                        it.tags(), it.durationSec(), new TrackRecord.Features(f.valence(), f.energy(), f.danceability(),
                                f.acousticness(), f.instrumentalness(), f.tempo(), f.estimated(), f.loudness(),
                                f.mode() == null ? null : (double) Math.round(f.mode()), f.speechiness()),
                        null, null, null, null, null, null));
            }
            new CatalogWriter(pool).upsert(records, n -> {}).await(10, TimeUnit.MINUTES);
            pool.close().await(10, TimeUnit.SECONDS);

            Server app = Server.start(vertx, config).await(10, TimeUnit.MINUTES);
            Map<Long, String> label = new HashMap<>();
            for (Row r : app.pool().query("SELECT id, external_id FROM tracks WHERE source = 'bench'").execute()
                    .await(60, TimeUnit.SECONDS)) {
                label.put(r.getLong("id"), c.label().get(Long.parseLong(r.getString("external_id"))));
            }
            // 100 cold listeners for the share, then one fresh listener per request for REST and one for the chat
            int asked = phrases.values().stream().mapToInt(List::size).sum();
            List<String> tokens = BenchUsers.tokens(vertx, app.pool(), config, "mood-bench-%04d", 100 + 2 * asked);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String root = "http://127.0.0.1:" + app.port() + "/api/me/recommendations?k=20&mood=";
            Map<String, Double> result = new LinkedHashMap<>();
            int user = 100;
            for (var e : phrases.entrySet()) {
                for (String phrase : e.getValue()) {
                    List<Long> ids = call(http, root + URLEncoder.encode(phrase, StandardCharsets.UTF_8), tokens.get(user++));
                    long hits = ids.stream().filter(id -> e.getKey().equals(label.get(id))).count();
                    double p = ids.isEmpty() ? 0 : hits / (double) ids.size();
                    out.printf(Locale.ROOT, "REST %-12s %-28s P@20 %.3f%n", e.getKey(), phrase, p);
                    result.put(phrase, p);
                }
            }
            // the chat: a cold listener's first message, through the WebSocket and the agent's playlist tool
            int chatUser = 100 + asked;
            for (var e : phrases.entrySet()) {
                for (String phrase : e.getValue()) {
                    List<Long> ids = chat(http, app.port(), tokens.get(chatUser++), phrase + ", 20 songs");
                    long hits = ids.stream().filter(id -> e.getKey().equals(label.get(id))).count();
                    double p = ids.isEmpty() ? 0 : hits / (double) ids.size();
                    out.printf(Locale.ROOT, "chat %-12s %-28s P@20 %.3f (%d tracks)%n", e.getKey(), phrase, p, ids.size());
                    result.put("chat:" + phrase, p);
                }
            }
            List<String> requests = new ArrayList<>();
            requests.addAll(MoodBench.interleaved(phrases));
            requests.addAll(others);
            Map<Long, Integer> seen = new HashMap<>();
            for (int l = 0; l < 100; l++) {
                for (long id : new HashSet<>(call(http, root + URLEncoder.encode(requests.get(l % requests.size()),
                        StandardCharsets.UTF_8), tokens.get(l)))) {
                    seen.merge(id, 1, Integer::sum);
                }
            }
            double share = seen.values().stream().mapToInt(Integer::intValue).max().orElse(0) / 100.0;
            out.printf(Locale.ROOT, "REST max share of one track over 100 cold listeners x %d requests: %.1f %%%n",
                    requests.size(), share * 100);
            result.put("maxTrackShare", share);
            app.close().await(30, TimeUnit.SECONDS);
            return result;
        } catch (Exception e) {
            out.println("bench mood (REST) failed: " + e);
            return null;
        } finally {
            vertx.close();
        }
    }

    /** One chat turn on {@code /ws/chat}: the track ids of the playlist frame (empty when none came). */
    private static List<Long> chat(HttpClient http, int port, String token, String text) throws Exception {
        java.util.concurrent.CompletableFuture<List<Long>> done = new java.util.concurrent.CompletableFuture<>();
        // the "ready" frame can arrive before the auth frame's send has completed, and a WebSocket takes one send at
        // a time (a second one throws), so the message is sent only once the auth frame is out
        java.util.concurrent.CompletableFuture<java.net.http.WebSocket> authSent = new java.util.concurrent.CompletableFuture<>();
        List<Long> ids = new ArrayList<>();
        StringBuilder frame = new StringBuilder();
        java.net.http.WebSocket ws = http.newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + port)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data,
                            boolean last) {
                        frame.append(data);
                        if (last) {
                            JsonObject f = new JsonObject(frame.toString());
                            frame.setLength(0);
                            switch (f.getString("type", "")) {
                                case "ready" -> authSent.thenCompose(w -> w.sendText(new JsonObject().put("type", "message")
                                        .put("text", text).encode(), true)).exceptionally(x -> {
                                            done.completeExceptionally(x);
                                            return null;
                                        });
                                case "playlist" -> f.getJsonObject("playlist").getJsonArray("items")
                                        .forEach(o -> ids.add(((JsonObject) o).getJsonObject("track").getLong("id")));
                                case "done" -> done.complete(ids);
                                case "error" -> done.completeExceptionally(new IllegalStateException("chat: " + f.encode()));
                                default -> { }
                            }
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public void onError(java.net.http.WebSocket socket, Throwable error) {
                        done.completeExceptionally(error);
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText(new JsonObject().put("type", "auth").put("token", token).encode(), true).whenComplete((w, x) -> {
            if (x != null) {
                done.completeExceptionally(x);
            } else {
                authSent.complete(w);
            }
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } finally {
            ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "").exceptionally(x -> null);
        }
    }

    private static List<Long> call(HttpClient http, String url, String token) throws Exception {
        for (int attempt = 0; attempt < 120; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 503) {
                Thread.sleep(1000); // the recommender is still training on the new catalogue
                continue;
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " -> " + r.statusCode() + " " + r.body());
            }
            JsonArray items = new JsonObject(r.body()).getJsonArray("items");
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                ids.add(items.getJsonObject(i).getJsonObject("track").getLong("id"));
            }
            return ids;
        }
        throw new IllegalStateException("the recommender did not become ready");
    }
}
