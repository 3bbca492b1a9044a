package dev.tunesmith.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminApiTest extends AppTestBase {

    private static String admin;

    @BeforeAll
    static void setUp() {
        admin = adminToken();
    }

    @Test
    void should_change_roles_and_disable_a_user_at_once_including_open_sockets() throws Exception {
        String name = TestSupport.uniqueUser("managed");
        String token = TestSupport.registerAndLogin(http, app.port(), name);
        long id = idOf(token);

        HttpResponse<Buffer> roles = call(HttpMethod.PATCH, "/api/admin/users/" + id, admin,
                new JsonObject().put("roles", new JsonArray().add("creator")));
        assertEquals(200, roles.statusCode(), roles.bodyAsString());
        assertEquals(new JsonArray().add("listener").add("creator"), roles.bodyAsJsonObject().getJsonArray("roles"));
        assertEquals("creator", call(HttpMethod.GET, "/api/me", token, null).bodyAsJsonObject().getJsonArray("roles").getString(1));
        assertEquals(400, call(HttpMethod.PATCH, "/api/admin/users/" + id, admin, new JsonObject().put("roles", new JsonArray().add("king")))
                .statusCode());

        // an open chat socket of that user
        var client = vertx.createWebSocketClient();
        var ws = client.connect(new io.vertx.core.http.WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port())
                .setURI("/ws/chat").addHeader("Origin", "http://127.0.0.1:" + app.port())).await(5, TimeUnit.SECONDS);
        CompletableFuture<Short> closed = new CompletableFuture<>();
        CompletableFuture<JsonObject> ready = new CompletableFuture<>();
        ws.textMessageHandler(t -> ready.complete(new JsonObject(t)));
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
        ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
        assertEquals("ready", ready.get(5, TimeUnit.SECONDS).getString("type"));

        assertEquals(200, call(HttpMethod.PATCH, "/api/admin/users/" + id, admin, new JsonObject().put("disabled", true)).statusCode());
        assertEquals((short) 4403, closed.get(5, TimeUnit.SECONDS));
        assertEquals(401, call(HttpMethod.GET, "/api/me", token, null).statusCode(), "disabling revokes the user's tokens");
        client.close();

        JsonArray audit = call(HttpMethod.GET, "/api/admin/audit?action=user.update", admin, null).bodyAsJsonObject().getJsonArray("items");
        assertTrue(audit.stream().anyMatch(o -> ("user:" + id).equals(((JsonObject) o).getString("target"))));
    }

    @Test
    void should_refuse_to_let_an_admin_lock_themselves_out() {
        long self = idOf(admin);
        assertEquals(400, call(HttpMethod.PATCH, "/api/admin/users/" + self, admin, new JsonObject().put("disabled", true)).statusCode());
        assertEquals(400, call(HttpMethod.PATCH, "/api/admin/users/" + self, admin,
                new JsonObject().put("roles", new JsonArray().add("listener"))).statusCode());
    }

    @Test
    void should_export_everything_of_a_user_and_then_delete_it() {
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("privacy"));
        long id = idOf(token);
        long track = call(HttpMethod.GET, "/api/tracks?limit=1", null, null).bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getLong("id");
        call(HttpMethod.POST, "/api/me/events", token, new JsonObject().put("trackId", track).put("type", "comment").put("text", "my words"));

        HttpResponse<Buffer> export = call(HttpMethod.GET, "/api/admin/users/" + id + "/export", admin, null);
        assertEquals(200, export.statusCode());
        JsonObject json = export.bodyAsJsonObject();
        assertEquals(id, json.getJsonObject("user").getLong("id"));
        assertEquals("my words", json.getJsonArray("events").getJsonObject(0).getString("text"));
        assertFalse(export.bodyAsString().contains("password"), "no password hash in an export");

        HttpResponse<Buffer> deleted = call(HttpMethod.DELETE, "/api/admin/users/" + id + "/data", admin, null);
        assertEquals(200, deleted.statusCode());
        assertEquals(1L, deleted.bodyAsJsonObject().getJsonObject("deleted").getLong("events"));
        assertTrue(call(HttpMethod.GET, "/api/admin/users/" + id + "/export", admin, null).bodyAsJsonObject().getJsonArray("events").isEmpty());
        assertEquals(404, call(HttpMethod.DELETE, "/api/admin/users/999999999/data", admin, null).statusCode());
    }

    @Test
    void should_run_a_training_job_with_progress_and_record_the_model() throws Exception {
        HttpResponse<Buffer> started = call(HttpMethod.POST, "/api/admin/jobs", admin, new JsonObject().put("kind", "train-recommender"));
        assertEquals(202, started.statusCode(), started.bodyAsString());
        long jobId = started.bodyAsJsonObject().getLong("jobId");
        JsonObject job = null;
        for (int i = 0; i < 120; i++) {
            job = call(HttpMethod.GET, "/api/admin/jobs/" + jobId, admin, null).bodyAsJsonObject();
            if (!"running".equals(job.getString("state"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("succeeded", job.getString("state"), job.encode());
        assertEquals(1.0, job.getDouble("progress"));
        assertTrue(job.getString("log").contains("finished"));
        String version = job.getJsonObject("result").getString("version");
        JsonArray models = call(HttpMethod.GET, "/api/admin/models", admin, null).bodyAsJsonObject().getJsonArray("items");
        JsonObject trained = models.stream().map(o -> (JsonObject) o).filter(m -> version.equals(m.getString("version"))).findFirst().orElseThrow();
        // every version stores its ranking quality on the community's held-out events, or says honestly there is too little data
        JsonObject quality = trained.getJsonObject("metrics").getJsonObject("quality");
        assertTrue(quality != null, trained.encode());
        if ("measured".equals(quality.getString("status"))) {
            assertTrue(quality.getInteger("evaluatedUsers") >= quality.getInteger("minUsers"), quality.encode());
            double ndcg = quality.getDouble("ndcg@10");
            assertTrue(ndcg >= 0 && ndcg <= 1 && quality.getJsonObject("popularity").getDouble("ndcg@10") >= 0, quality.encode());
        } else {
            assertEquals("not_enough_data", quality.getString("status"), quality.encode());
            assertTrue(quality.getString("reason").startsWith("not enough data"), quality.encode());
            assertFalse(quality.containsKey("ndcg@10"), "no number when there is not enough data");
        }
        // training does not activate by itself (recommender.autoActivate is false by default) ...
        assertEquals(false, trained.getBoolean("live"));
        assertEquals(false, call(HttpMethod.GET, "/api/admin/models/settings", admin, null).bodyAsJsonObject().getBoolean("autoActivate"));
        // ... an admin previews what a user would get under it, then makes it live explicitly
        HttpResponse<Buffer> preview = call(HttpMethod.GET, "/api/admin/models/" + trained.getLong("id") + "/preview?user=admin&k=5", admin, null);
        assertEquals(200, preview.statusCode(), preview.bodyAsString());
        assertEquals(5, preview.bodyAsJsonObject().getJsonArray("items").size());
        assertEquals(version, preview.bodyAsJsonObject().getString("version"));
        assertTrue(preview.bodyAsJsonObject().getJsonArray("liveItems").size() > 0);
        assertEquals(404, call(HttpMethod.GET, "/api/admin/models/" + trained.getLong("id") + "/preview?user=nobody-xyz", admin, null).statusCode());
        assertEquals(200, call(HttpMethod.POST, "/api/admin/models/" + trained.getLong("id") + "/activate", admin, null).statusCode());
        models = call(HttpMethod.GET, "/api/admin/models", admin, null).bodyAsJsonObject().getJsonArray("items");
        JsonObject live = models.stream().map(o -> (JsonObject) o).filter(m -> m.getBoolean("live")).findFirst().orElseThrow();
        assertEquals(version, live.getString("version"));
        assertEquals(400, call(HttpMethod.POST, "/api/admin/jobs", admin, new JsonObject().put("kind", "nonsense")).statusCode());
    }

    @Test
    void should_train_a_melody_model_as_a_job_and_record_its_validation_loss() throws Exception {
        TestSupport.sharedData();
        HttpResponse<Buffer> started = call(HttpMethod.POST, "/api/admin/jobs", admin,
                new JsonObject().put("kind", "train-melody").put("epochs", 1).put("maxBatches", 2));
        assertEquals(202, started.statusCode(), started.bodyAsString());
        JsonObject job = awaitJob(started.bodyAsJsonObject().getLong("jobId"), 240);
        assertEquals("succeeded", job.getString("state"), job.encode());
        JsonObject result = job.getJsonObject("result");
        assertTrue(result.getDouble("bestValidationLoss") > 0, result.encode());
        assertTrue(call(HttpMethod.GET, "/api/admin/models", admin, null).bodyAsJsonObject().getJsonArray("items").stream()
                .anyMatch(o -> "melody".equals(((JsonObject) o).getString("kind")) && result.getString("version").equals(((JsonObject) o).getString("version"))));
    }

    @Test
    void should_show_a_users_profile_summary() {
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("summary"));
        long id = idOf(token);
        HttpResponse<Buffer> res = call(HttpMethod.GET, "/api/admin/users/" + id, admin, null);
        assertEquals(200, res.statusCode());
        assertTrue(res.bodyAsJsonObject().getJsonObject("profile").containsKey("topTags"));
        assertEquals(404, call(HttpMethod.GET, "/api/admin/users/999999999", admin, null).statusCode());
    }

    private JsonObject awaitJob(long jobId, int seconds) throws InterruptedException {
        JsonObject job = null;
        for (int i = 0; i < seconds * 4; i++) {
            job = call(HttpMethod.GET, "/api/admin/jobs/" + jobId, admin, null).bodyAsJsonObject();
            if (!"running".equals(job.getString("state"))) {
                break;
            }
            Thread.sleep(250);
        }
        return job;
    }

    @Test
    void should_import_through_a_job_and_report_rejected_rows() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("features", ".csv");
        java.nio.file.Files.writeString(file, "id,name,artist,energy\nadm-1,Admin Song,Admin Band,0.4\nadm-2,Bad Song,Admin Band,9\n");
        long jobId = call(HttpMethod.POST, "/api/admin/import", admin, new JsonObject().put("kind", "features").put("path", file.toString()))
                .bodyAsJsonObject().getLong("jobId");
        JsonObject job = null;
        for (int i = 0; i < 40; i++) {
            job = call(HttpMethod.GET, "/api/admin/jobs/" + jobId, admin, null).bodyAsJsonObject();
            if (!"running".equals(job.getString("state"))) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals("succeeded", job.getString("state"), job.encode());
        assertEquals(1L, job.getJsonObject("result").getLong("written"));
        assertEquals(3L, job.getJsonObject("result").getJsonArray("rejected").getJsonObject(0).getLong("line"));
        assertEquals(400, call(HttpMethod.POST, "/api/admin/import", admin, new JsonObject().put("kind", "mp3").put("path", "/x")).statusCode());
    }

    @Test
    void should_stream_the_overview_as_server_sent_events() throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            var req = client.request(new RequestOptions().setHost("127.0.0.1").setPort(app.port())
                    .setURI("/api/admin/stream?token=" + admin)).await(5, TimeUnit.SECONDS);
            var res = req.send().await(5, TimeUnit.SECONDS);
            assertEquals(200, res.statusCode());
            assertTrue(res.getHeader("Content-Type").startsWith("text/event-stream"));
            CompletableFuture<String> first = new CompletableFuture<>();
            res.handler(b -> first.complete(b.toString()));
            String event = first.get(5, TimeUnit.SECONDS);
            assertTrue(event.startsWith("data: "), event);
            JsonObject overview = new JsonObject(event.substring(6).trim());
            assertTrue(overview.containsKey("activeSockets") && overview.containsKey("eventsPerMin") && overview.containsKey("users"));
            assertEquals("offline", overview.getJsonObject("agent").getString("mode"));
        } finally {
            client.close();
        }
        String listener = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("sse"));
        assertEquals(403, call(HttpMethod.GET, "/api/admin/stream?token=" + listener, null, null).statusCode());
        assertEquals(401, call(HttpMethod.GET, "/api/admin/stream", null, null).statusCode());
    }

    @Test
    void should_serve_prometheus_metrics_to_admins_only() {
        HttpResponse<Buffer> metrics = call(HttpMethod.GET, "/metrics", admin, null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.bodyAsString().contains("tunesmith_ws_sessions"));
        String listener = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("metrics"));
        assertEquals(403, call(HttpMethod.GET, "/metrics", listener, null).statusCode());
        assertEquals(401, call(HttpMethod.GET, "/metrics", null, null).statusCode());
    }

    @Test
    void should_not_serve_front_end_build_files() {
        assertEquals(404, call(HttpMethod.GET, "/package.json", null, null).statusCode());
        assertEquals(404, call(HttpMethod.GET, "/node_modules/abcjs/package.json", null, null).statusCode());
        assertEquals(200, call(HttpMethod.GET, "/app.js", null, null).statusCode());
    }
}
