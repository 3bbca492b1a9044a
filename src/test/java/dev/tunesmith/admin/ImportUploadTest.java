package dev.tunesmith.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Imports uploaded from the browser: streamed to a file, run as a job, honest about rejected rows. */
class ImportUploadTest extends AppTestBase {

    private static String admin;

    @BeforeAll
    static void login() {
        admin = TestSupport.login(http, app.port(), "admin", TestSupport.ADMIN_PASSWORD);
    }

    private static HttpResponse<Buffer> upload(String token, String kind, String body) {
        var req = http.post(app.port(), "127.0.0.1", "/api/admin/import/upload?kind=" + kind + "&name=test.csv")
                .putHeader("Content-Type", "text/csv");
        if (token != null) {
            req.putHeader("Authorization", "Bearer " + token);
        }
        return req.sendBuffer(Buffer.buffer(body)).await();
    }

    private static JsonObject awaitJob(long id) throws InterruptedException {
        JsonObject job = null;
        for (int i = 0; i < 120; i++) {
            job = http.get(app.port(), "127.0.0.1", "/api/admin/jobs/" + id).bearerTokenAuthentication(admin).send().await().bodyAsJsonObject();
            if (!"running".equals(job.getString("state"))) {
                return job;
            }
            Thread.sleep(250);
        }
        return job;
    }

    @Test
    void should_import_an_uploaded_features_csv_as_a_job() throws Exception {
        HttpResponse<Buffer> res = upload(admin, "features", "id,name,artist,valence,energy,tempo\nup-1,Upload One,Band Ã–,0.5,0.6,100\nup-2,Upload Two,Band Ã–,0.1,0.2,80\n");
        assertEquals(202, res.statusCode(), res.bodyAsString());
        assertTrue(res.bodyAsJsonObject().getLong("bytes") > 50);
        JsonObject job = awaitJob(res.bodyAsJsonObject().getLong("jobId"));
        assertEquals("succeeded", job.getString("state"), job.encode());
        assertEquals(2, job.getJsonObject("result").getLong("written"));
        assertEquals(2, job.getJsonObject("result").getJsonObject("repairedText").getLong("artists"));
        assertEquals("test.csv", job.getJsonObject("params").getString("upload"));
        assertEquals(1, app.pool().query("SELECT count(*) FROM artists WHERE source = 'spotify' AND name = 'Band Ö'").execute().await()
                .iterator().next().getLong(0));
    }

    @Test
    void should_fail_an_import_that_rejected_every_row() throws Exception {
        HttpResponse<Buffer> res = upload(admin, "features", "id,name,artist,valence,energy,tempo\nbad-1,,,7,7,7\nbad-2,,,8,8,8\n");
        assertEquals(202, res.statusCode(), res.bodyAsString());
        JsonObject job = awaitJob(res.bodyAsJsonObject().getLong("jobId"));
        assertEquals("failed", job.getString("state"), job.encode());
        assertTrue(job.getString("message").contains("every row was rejected (2 of 2)"), job.getString("message"));
    }

    @Test
    void should_fail_a_server_path_import_that_rejected_every_row_too() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("tunesmith-bad", ".csv");
        java.nio.file.Files.writeString(file, "id,name,artist,valence\nbad-9,,,7\n");
        HttpResponse<Buffer> res = http.post(app.port(), "127.0.0.1", "/api/admin/import").bearerTokenAuthentication(admin)
                .sendJsonObject(new JsonObject().put("kind", "features").put("path", file.toString())).await();
        assertEquals(202, res.statusCode(), res.bodyAsString());
        JsonObject job = awaitJob(res.bodyAsJsonObject().getLong("jobId"));
        assertEquals("failed", job.getString("state"), job.encode());
        assertTrue(job.getString("message").startsWith("every row was rejected (1 of 1)"), job.getString("message"));
        java.nio.file.Files.deleteIfExists(file);
    }

    @Test
    void should_refuse_listeners_missing_tokens_and_folder_kinds() {
        String listener = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("up"));
        assertEquals(403, upload(listener, "features", "id,name\n").statusCode());
        assertEquals(401, upload(null, "features", "id,name\n").statusCode());
        HttpResponse<Buffer> folder = upload(admin, "lastfm", "x");
        assertEquals(400, folder.statusCode());
        assertEquals("invalid_kind", folder.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
}
