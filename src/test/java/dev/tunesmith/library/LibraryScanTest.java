package dev.tunesmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.recommend.audio.AudioAnalyser;
import dev.tunesmith.recommend.audio.AudioAnalysis;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Scanning, decoding and streaming against the real application and Postgres, on generated fixtures. */
class LibraryScanTest extends AppTestBase {

    private LibraryScanner scanner() {
        return new LibraryScanner(new LibraryRepository(app.pool()), new TagReader("ffprobe"), new AudioDecoder("ffmpeg"), 2, 0,
                Duration.ofMinutes(2));
    }

    private HttpResponse<Buffer> get(String path, String token, String range) {
        var req = http.get(app.port(), "127.0.0.1", path);
        if (token != null) {
            req.putHeader("Authorization", "Bearer " + token);
        }
        if (range != null) {
            req.putHeader("Range", range);
        }
        return req.send().await();
    }

    private JsonObject trackByTitle(String title) {
        var items = get("/api/tracks?q=" + title + "&limit=5", null, null).bodyAsJsonObject().getJsonArray("items");
        for (Object o : items) {
            if (((JsonObject) o).getString("title").equalsIgnoreCase(title)) {
                return (JsonObject) o;
            }
        }
        return null;
    }

    @Test
    void should_decode_a_click_track_through_ffmpeg_and_measure_its_tempo() throws Exception {
        AudioFixtures.require("sox", "ffmpeg");
        Path dir = Files.createTempDirectory("tunesmith-decode");
        Path ogg = AudioFixtures.clicks(dir.resolve("c.ogg"), 108, 20);
        AudioAnalyser analyser = new AudioAnalyser();
        AudioDecoder.Result r = new AudioDecoder("ffmpeg").decode(ogg, AudioAnalyser.SAMPLE_RATE, 0, Duration.ofMinutes(1), analyser::accept);
        AudioAnalysis a = analyser.finish();
        assertEquals(20, r.seconds(), 0.5);
        assertEquals(108, a.tempo(), 108 * 0.04);

        Path broken = Files.write(dir.resolve("broken.flac"), new byte[] {1, 2, 3, 4, 5});
        var e = org.junit.jupiter.api.Assertions.assertThrows(AudioDecoder.DecodeException.class,
                () -> new AudioDecoder("ffmpeg").decode(broken, AudioAnalyser.SAMPLE_RATE, 0, Duration.ofMinutes(1), (x, n) -> {}));
        assertTrue(e.getMessage().contains("ffmpeg"), e.getMessage());
    }

    @Test
    void should_measure_a_rendered_tune_in_its_key() throws Exception {
        Path dir = Files.createTempDirectory("tunesmith-tune");
        Path flac = AudioFixtures.tune(dir.resolve("tune.flac"));
        AudioAnalyser analyser = new AudioAnalyser();
        new AudioDecoder("ffmpeg").decode(flac, AudioAnalyser.SAMPLE_RATE, 0, Duration.ofMinutes(1), analyser::accept);
        AudioAnalysis a = analyser.finish();
        assertEquals("E minor", a.key().toString());
        double t = a.tempo();
        assertTrue(Math.abs(t - 100) <= 4 || Math.abs(t - 200) <= 8 || Math.abs(t - 50) <= 2, "tempo of a 100 BPM tune: " + t);
    }

    @Test
    void should_scan_incrementally_report_failures_and_mark_missing_files() throws Exception {
        AudioFixtures.require("sox", "ffmpeg", "ffprobe");
        Path dir = Files.createTempDirectory("tunesmith-library");
        AudioFixtures.clicks(dir.resolve("scanclickone.wav"), 96, 12);
        Path opus = AudioFixtures.clicks(dir.resolve("scanclicktwo.opus"), 132, 12);
        Files.write(dir.resolve("corrupt.mp3"), "this is not audio at all".repeat(200).getBytes());
        Files.writeString(dir.resolve("notes.txt"), "not audio, not counted");
        List<String> lines = new CopyOnWriteArrayList<>();

        ScanReport first = scanner().scan(dir, "CC0-1.0", LibraryScanner.Progress.of(f -> {}, lines::add));
        assertEquals(3, first.found());
        assertEquals(2, first.added());
        assertEquals(1, first.failed());
        assertTrue(first.failures().get(0).path().endsWith("corrupt.mp3"));
        assertFalse(first.failures().get(0).reason().isBlank());

        JsonObject one = trackByTitle("scanclickone");
        assertNotNull(one, "scanned track is listed");
        assertEquals("library", one.getString("source"));
        assertEquals("CC0-1.0", one.getString("licence"));
        JsonObject f = one.getJsonObject("features");
        assertFalse(f.getBoolean("estimated"));
        assertEquals(96, f.getDouble("tempo"), 96 * 0.04);
        assertTrue(f.getString("key").matches("[A-G]#? (major|minor)"), f.getString("key"));
        assertNotNull(f.getDouble("loudness"));
        assertEquals(132, trackByTitle("scanclicktwo").getJsonObject("features").getDouble("tempo"), 132 * 0.04, "Opus via ffprobe");

        ScanReport again = scanner().scan(dir, null, LibraryScanner.Progress.of(x -> {}, lines::add));
        assertEquals(2, again.unchanged());
        assertEquals(0, again.added() + again.updated());
        assertEquals(1, again.failed(), "a broken file stays reported");

        Files.delete(opus);
        ScanReport third = scanner().scan(dir, null, LibraryScanner.Progress.of(x -> {}, lines::add));
        assertEquals(1, third.removed());
        assertEquals(null, trackByTitle("scanclicktwo"), "a vanished file's track is hidden");
    }

    @Test
    void should_stream_with_ranges_only_to_authorised_callers() throws Exception {
        AudioFixtures.require("sox", "ffmpeg", "ffprobe");
        Path dir = Files.createTempDirectory("tunesmith-stream");
        Path wav = AudioFixtures.clicks(dir.resolve("streamclick.wav"), 120, 5);
        AudioFixtures.run("sox", wav.toString(), dir.resolve("streamaiff.aiff").toString());
        scanner().scan(dir, null, LibraryScanner.Progress.of(x -> {}, x -> {}));
        long id = trackByTitle("streamclick").getLong("id");
        String path = "/api/tracks/" + id + "/stream";
        long size = Files.size(wav);

        assertEquals(401, get(path, null, null).statusCode());
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("listener"));

        HttpResponse<Buffer> whole = get(path, token, null);
        assertEquals(200, whole.statusCode());
        assertEquals("audio/wav", whole.getHeader("Content-Type"));
        assertEquals("bytes", whole.getHeader("Accept-Ranges"));
        assertEquals(size, whole.body().length());

        HttpResponse<Buffer> part = get(path, token, "bytes=100-199");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + size, part.getHeader("Content-Range"));
        assertEquals(100, part.body().length());
        assertEquals(Buffer.buffer(Files.readAllBytes(wav)).getBuffer(100, 200), part.body());
        assertEquals(416, get(path, token, "bytes=" + (size + 10) + "-").statusCode());

        JsonObject signed = get("/api/tracks/" + id + "/stream-url", token, null).bodyAsJsonObject();
        String url = signed.getString("url");
        assertEquals(206, get(url, null, "bytes=0-9").statusCode(), "a signed URL needs no header (for <audio>)");
        // a changed first character of the signature (never the same one: replacing an 'A' by 'A' changed nothing,
        // one run in 64)
        int at = url.indexOf("sig=") + 4;
        String tampered = url.substring(0, at) + (url.charAt(at) == 'A' ? 'B' : 'A') + url.substring(at + 1);
        assertEquals(401, get(tampered, null, null).statusCode());
        assertEquals(401, get(url.replaceAll("/tracks/\\d+/", "/tracks/" + (id + 1) + "/"), null, null).statusCode(),
                "a URL signed for one track does not open another");

        long aiff = trackByTitle("streamaiff").getLong("id");
        HttpResponse<Buffer> mp3 = get("/api/tracks/" + aiff + "/stream", token, null);
        assertEquals(200, mp3.statusCode());
        assertEquals("audio/mpeg", mp3.getHeader("Content-Type"), "AIFF is transcoded for browsers");
        assertTrue(mp3.body().length() > 1000);
    }
}
