package dev.tunesmith.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's content, model, evaluation, user-list and audit pages, over the real database: what an
 * admin sees is what is stored, every change leaves exactly one audit entry of its own, and a change
 * that finds nothing leaves none.
 */
class AdminModerationTest extends AppTestBase {

    private static String admin;

    @BeforeAll
    static void setUp() {
        admin = adminToken();
    }

    private JsonArray audit(String action) {
        return call(HttpMethod.GET, "/api/admin/audit?limit=1000&action=" + action, admin, null).bodyAsJsonObject().getJsonArray("items");
    }

    private static long count(JsonArray entries, String target) {
        return entries.stream().filter(o -> target.equals(((JsonObject) o).getString("target"))).count();
    }

    private static JsonObject byId(JsonArray items, long id) {
        return items.stream().map(o -> (JsonObject) o).filter(o -> o.getLong("id") == id).findFirst().orElse(null);
    }

    @Test
    void should_hide_a_song_text_from_its_author_and_log_who_did_it() {
        String name = TestSupport.uniqueUser("songwriter");
        String token = TestSupport.registerAndLogin(http, app.port(), name);
        long owner = idOf(token);
        TestSupport.jdbc("INSERT INTO artifacts (user_id, kind, title, content) VALUES (" + owner
                + ", 'lyrics', 'Harbour lights at four', '{\"text\": \"the gulls are loud tonight\", \"scheme\": \"ABAB\"}')");
        long id = call(HttpMethod.GET, "/api/me/artifacts", token, null).bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getLong("id");

        JsonObject listed = byId(call(HttpMethod.GET, "/api/admin/content?kind=lyrics&limit=200", admin, null).bodyAsJsonObject()
                .getJsonArray("items"), id);
        assertNotNull(listed, "the new lyrics are on the moderation page");
        assertEquals("Harbour lights at four", listed.getString("title"));
        assertEquals(name, listed.getString("owner"));
        assertEquals("ABAB", listed.getJsonObject("content").getString("scheme"));
        assertFalse(listed.getBoolean("hidden"));
        assertNotNull(OffsetDateTime.parse(listed.getString("createdAt")));

        HttpResponse<Buffer> hide = call(HttpMethod.PATCH, "/api/admin/content/lyrics/" + id, admin, new JsonObject().put("hidden", true));
        assertEquals(200, hide.statusCode(), hide.bodyAsString());
        assertEquals(new JsonObject().put("id", id).put("hidden", true), hide.bodyAsJsonObject());
        assertTrue(call(HttpMethod.GET, "/api/me/artifacts", token, null).bodyAsJsonObject().getJsonArray("items").isEmpty(),
                "a hidden text no longer shows in its author's list");
        assertTrue(byId(call(HttpMethod.GET, "/api/admin/content?kind=lyrics&limit=200", admin, null).bodyAsJsonObject()
                .getJsonArray("items"), id).getBoolean("hidden"));
        JsonArray entries = audit("content.moderate");
        assertEquals(1, count(entries, "lyrics:" + id));
        JsonObject entry = entries.stream().map(o -> (JsonObject) o).filter(o -> ("lyrics:" + id).equals(o.getString("target"))).findFirst().get();
        assertEquals("admin", entry.getString("actorName"));
        assertEquals(true, entry.getJsonObject("details").getBoolean("hidden"));

        assertEquals(400, call(HttpMethod.PATCH, "/api/admin/content/lyrics/" + id, admin, new JsonObject().put("hidden", "yes")).statusCode());
        assertEquals(400, call(HttpMethod.GET, "/api/admin/content?kind=poems", admin, null).statusCode());
        assertEquals(1, count(audit("content.moderate"), "lyrics:" + id), "a refused request changes nothing and logs no action");
    }

    @Test
    void should_delete_a_playlist_once_and_answer_not_found_the_second_time() {
        String name = TestSupport.uniqueUser("mixtape");
        long owner = idOf(TestSupport.registerAndLogin(http, app.port(), name));
        TestSupport.jdbc("INSERT INTO playlists (user_id, title, mood) VALUES (" + owner + ", 'Late train home', 'drowsy, rainy')");
        JsonObject listed = call(HttpMethod.GET, "/api/admin/content?kind=playlist&limit=200", admin, null).bodyAsJsonObject()
                .getJsonArray("items").stream().map(o -> (JsonObject) o).filter(o -> name.equals(o.getString("owner"))).findFirst().orElseThrow();
        long id = listed.getLong("id");
        assertEquals("drowsy, rainy", listed.getString("content"), "a playlist's content is its mood");

        HttpResponse<Buffer> gone = call(HttpMethod.DELETE, "/api/admin/content/playlist/" + id, admin, null);
        assertEquals(200, gone.statusCode(), gone.bodyAsString());
        assertEquals(new JsonObject().put("id", id).put("deleted", true), gone.bodyAsJsonObject());
        HttpResponse<Buffer> again = call(HttpMethod.DELETE, "/api/admin/content/playlist/" + id, admin, null);
        assertEquals(404, again.statusCode());
        assertEquals("not_found", again.bodyAsJsonObject().getJsonObject("error").getString("code"));
        assertEquals(404, call(HttpMethod.PATCH, "/api/admin/content/playlist/" + id, admin, new JsonObject().put("hidden", false)).statusCode());
        assertEquals(1, count(audit("content.delete"), "playlist:" + id), "only the deletion that happened is in the log");
        assertEquals(0, count(audit("content.moderate"), "playlist:" + id));
        assertEquals(null, byId(call(HttpMethod.GET, "/api/admin/content?kind=playlist&limit=200", admin, null).bodyAsJsonObject()
                .getJsonArray("items"), id));
    }

    @Test
    void should_find_users_by_a_piece_of_their_name_and_count_them() {
        String stem = TestSupport.uniqueUser("oboe");
        List<String> names = List.of(stem + "a", stem + "b", stem + "c");
        names.forEach(n -> TestSupport.registerAndLogin(http, app.port(), n));

        JsonObject page = call(HttpMethod.GET, "/api/admin/users?q=" + stem.toUpperCase() + "&limit=2", admin, null).bodyAsJsonObject();
        assertEquals(3, page.getLong("total"), "the total counts every match, not the page");
        assertEquals(2, page.getJsonArray("items").size());
        JsonObject first = page.getJsonArray("items").getJsonObject(0);
        assertEquals(names.get(0), first.getString("username"));
        assertEquals(new JsonArray().add("listener"), first.getJsonArray("roles"));
        assertEquals("local", first.getString("source"));
        assertFalse(first.getBoolean("disabled"));
        assertEquals(names.get(2), call(HttpMethod.GET, "/api/admin/users?q=" + stem + "&offset=2", admin, null).bodyAsJsonObject()
                .getJsonArray("items").getJsonObject(0).getString("username"));

        long id = first.getLong("id");
        JsonObject one = call(HttpMethod.GET, "/api/admin/users/" + id, admin, null).bodyAsJsonObject();
        assertEquals(first.getString("createdAt"), one.getString("createdAt"));
        assertEquals(404, call(HttpMethod.GET, "/api/admin/users/987654321", admin, null).statusCode());
        assertEquals(404, call(HttpMethod.PATCH, "/api/admin/users/987654321", admin, new JsonObject().put("disabled", false)).statusCode());
        assertEquals(0, count(audit("user.update"), "user:987654321"), "a change to nobody is not logged as done");
    }

    @Test
    void should_list_stored_evaluations_and_model_versions_as_recorded() {
        TestSupport.jdbc("INSERT INTO eval_runs (protocol, results) VALUES ('three folds of a tiny sample', "
                + "'{\"folds\": 3, \"scorers\": {\"popularity\": {\"ndcg10\": 0.111}}}')");
        TestSupport.jdbc("INSERT INTO models (kind, version, metrics) VALUES ('melody', 'melody-test-" + ProcessHandle.current().pid()
                + "', '{\"bestValidationLoss\": 1.75}')");

        JsonObject run = call(HttpMethod.GET, "/api/admin/eval", admin, null).bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> (JsonObject) o).filter(o -> o.getString("protocol").equals("three folds of a tiny sample")).findFirst().orElseThrow();
        assertEquals("three folds of a tiny sample", run.getString("protocol"));
        assertEquals(0.111, run.getJsonObject("results").getJsonObject("scorers").getJsonObject("popularity").getDouble("ndcg10"));
        assertNotNull(OffsetDateTime.parse(run.getString("createdAt")));

        JsonObject melody = call(HttpMethod.GET, "/api/admin/models", admin, null).bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> (JsonObject) o).filter(o -> ("melody-test-" + ProcessHandle.current().pid()).equals(o.getString("version")))
                .findFirst().orElseThrow();
        assertEquals("melody", melody.getString("kind"));
        assertFalse(melody.getBoolean("live"));
        assertTrue(melody.containsKey("engine") && melody.getValue("engine") == null, "only recommender versions name an engine");
        assertEquals(1.75, melody.getJsonObject("metrics").getDouble("bestValidationLoss"));
        HttpResponse<Buffer> activate = call(HttpMethod.POST, "/api/admin/models/" + melody.getLong("id") + "/activate", admin, null);
        assertEquals(400, activate.statusCode());
        assertEquals("not_activatable", activate.bodyAsJsonObject().getJsonObject("error").getString("code"));
        assertEquals(404, call(HttpMethod.POST, "/api/admin/models/987654321/activate", admin, null).statusCode());
    }

    @Test
    void should_keep_the_moderation_pages_for_admins() {
        String listener = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("curious"));
        assertEquals(403, call(HttpMethod.GET, "/api/admin/content", listener, null).statusCode());
        assertEquals(403, call(HttpMethod.GET, "/api/admin/eval", listener, null).statusCode());
        assertEquals(403, call(HttpMethod.DELETE, "/api/admin/content/lyrics/1", listener, null).statusCode());
        assertEquals(401, call(HttpMethod.GET, "/api/admin/audit", null, null).statusCode());
    }
}
