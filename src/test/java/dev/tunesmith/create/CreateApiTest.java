package dev.tunesmith.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.TuneTiming;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Create page's structured routes against the real server and database: roles, validation, exact lengths. */
class CreateApiTest extends AppTestBase {

    private static String listener;
    private static String creator;
    private static String admin;

    @BeforeAll
    static void users() {
        listener = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("listener"));
        creator = TestSupport.registerCreator(http, app.port(), TestSupport.uniqueUser("creator"));
        admin = TestSupport.login(http, app.port(), "admin", TestSupport.ADMIN_PASSWORD);
    }

    private static HttpResponse<Buffer> post(String path, String token, JsonObject body) {
        return http.post(app.port(), "127.0.0.1", "/api/create/" + path).putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(body).await();
    }

    private static int artifacts(String token) {
        return http.get(app.port(), "127.0.0.1", "/api/me/artifacts").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getJsonArray("items").size();
    }

    @Test
    void should_refuse_a_listener_with_403_and_the_error_shape_and_store_nothing() {
        for (var c : java.util.List.of(
                new Object[] {"lyrics", new JsonObject().put("theme", "rain").put("lines", 4)},
                new Object[] {"melody", new JsonObject().put("bars", 8)},
                new Object[] {"harmony", new JsonObject().put("melodyId", 1)})) {
            HttpResponse<Buffer> res = post((String) c[0], listener, (JsonObject) c[1]);
            assertEquals(403, res.statusCode(), res.bodyAsString());
            JsonObject error = res.bodyAsJsonObject().getJsonObject("error");
            assertEquals("forbidden", error.getString("code"));
            assertTrue(error.getString("message").contains("creator"), error.encode());
        }
        assertEquals(0, artifacts(listener));
    }

    @Test
    void should_give_a_creator_exactly_the_bars_asked_and_harmonise_them_without_losing_a_bar() {
        for (int bars : new int[] {8, 12}) {
            HttpResponse<Buffer> res = post("melody", creator, new JsonObject().put("key", "G").put("meter", "3/4").put("bars", bars)
                    .put("mood", "calm"));
            assertEquals(200, res.statusCode(), res.bodyAsString());
            JsonObject m = res.bodyAsJsonObject();
            assertEquals(bars, m.getInteger("bars"));
            assertEquals("3/4", m.getString("meter"));
            assertEquals(bars, TuneTiming.bars(AbcParser.parse(m.getString("abc"))).size(), m.getString("abc"));
            HttpResponse<Buffer> h = post("harmony", creator, new JsonObject().put("melodyId", m.getLong("id")));
            assertEquals(200, h.statusCode(), h.bodyAsString());
            assertEquals(bars, h.bodyAsJsonObject().getInteger("bars"));
            assertTrue(h.bodyAsJsonObject().getString("abc").contains("\""), "chord symbols");
        }
    }

    @Test
    void should_give_a_creator_and_an_admin_exactly_the_lines_asked() {
        for (String token : new String[] {creator, admin}) {
            HttpResponse<Buffer> res = post("lyrics", token, new JsonObject().put("theme", "a lighthouse keeper").put("scheme", "ABAB")
                    .put("lines", 12).put("syllables", 8));
            assertEquals(200, res.statusCode(), res.bodyAsString());
            JsonObject l = res.bodyAsJsonObject();
            assertNotNull(l.getLong("id"));
            assertEquals("ABAB", l.getString("scheme"));
            assertEquals(12, l.getString("text").lines().filter(s -> !s.isBlank()).count(), l.getString("text"));
        }
    }

    @Test
    void should_pick_a_minor_key_for_a_sad_tune_asked_with_no_key() {
        // "give me a chord progression for a sad song" came out in D major
        JsonObject sad = post("melody", creator, new JsonObject().put("mood", "a slow, sad tune").put("bars", 8)).bodyAsJsonObject();
        assertEquals("Dm", sad.getString("key"), sad.encode());
        JsonObject bright = post("melody", creator, new JsonObject().put("mood", "a bright jig").put("bars", 8)).bodyAsJsonObject();
        assertEquals("D", bright.getString("key"), bright.encode());
        assertEquals("Dm", GeneratorCreationService.keyFor("something melancholic"));
        assertEquals("D", GeneratorCreationService.keyFor(null));
    }

    @Test
    void should_edit_the_newest_melody_with_fields_that_match_its_abc() {
        HttpResponse<Buffer> made = post("melody", creator, new JsonObject().put("key", "D").put("meter", "4/4").put("bars", 16));
        assertEquals(200, made.statusCode(), made.bodyAsString());
        JsonObject t = post("melody/edit", creator, new JsonObject().put("action", "transpose").put("key", "Am")).bodyAsJsonObject();
        assertEquals("Am", t.getString("key"), t.encode());
        assertEquals(16, t.getInteger("bars"));
        assertTrue(t.getString("abc").contains("K:Am"), t.getString("abc"));
        assertTrue(t.getString("abc").contains("T:Melody in A minor"), "the generated title names the new key: " + t.getString("abc"));
        assertEquals(16, TuneTiming.bars(AbcParser.parse(t.getString("abc"))).size());
        JsonObject shorter = post("melody/edit", creator, new JsonObject().put("action", "length").put("bars", 8)).bodyAsJsonObject();
        assertEquals(8, shorter.getInteger("bars"), shorter.encode());
        assertEquals(8, TuneTiming.bars(AbcParser.parse(shorter.getString("abc"))).size());
        JsonObject longer = post("melody/edit", creator, new JsonObject().put("action", "length").put("bars", 12)).bodyAsJsonObject();
        assertEquals(12, longer.getInteger("bars"), longer.encode());
        assertTrue(TuneTiming.strictlyValid(AbcParser.parse(longer.getString("abc"))), longer.getString("abc"));
        JsonObject varied = post("melody/edit", creator, new JsonObject().put("action", "vary").put("fromBar", 5).put("toBar", 8)).bodyAsJsonObject();
        assertEquals(12, varied.getInteger("bars"), varied.encode());
        assertTrue(TuneTiming.strictlyValid(AbcParser.parse(varied.getString("abc"))), varied.getString("abc"));
        JsonObject tempo = post("melody/edit", creator, new JsonObject().put("action", "tempo").put("tempo", 96)).bodyAsJsonObject();
        assertEquals(96, tempo.getInteger("tempo"), tempo.encode());
        JsonObject waltz = post("melody/edit", creator, new JsonObject().put("action", "meter").put("meter", "3/4")).bodyAsJsonObject();
        assertEquals("3/4", waltz.getString("meter"));
        assertEquals(12, waltz.getInteger("bars"));
        var before = AbcParser.parse(tempo.getString("abc"));
        var after = AbcParser.parse(waltz.getString("abc"));
        assertEquals(before.field('K'), after.field('K'), "a meter change keeps the key");
        assertTrue(TuneTiming.strictlyValid(after), "every bar sums to 3/4: " + waltz.getString("abc"));
        java.util.List<Integer> was = dev.tunesmith.music.MelodyEditor.pitches(before);
        java.util.List<Integer> now = dev.tunesmith.music.MelodyEditor.pitches(after);
        int j = 0;
        for (int p : was) {
            j += j < now.size() && now.get(j) == p ? 1 : 0;
        }
        assertEquals(now.size(), j, "the re-timed tune plays the old notes in their order: " + waltz.getString("edit"));
        assertTrue(now.size() >= was.size() * 3 / 4, "most notes stay: " + now.size() + " of " + was.size());
        assertTrue(waltz.getString("edit").startsWith("re-timed from 4/4 to 3/4"), waltz.getString("edit"));
        assertTrue(waltz.getString("abc").contains("\""), "chords proposed again");
        JsonObject chords = post("melody/edit", creator, new JsonObject().put("action", "harmonize")).bodyAsJsonObject();
        assertEquals(12, chords.getInteger("bars"), "a harmonised tune keeps its bar count");
        assertEquals(403, post("melody/edit", listener, new JsonObject().put("action", "harmonize")).statusCode());
    }

    @Test
    void should_edit_one_section_of_the_newest_lyrics_and_keep_the_rest_byte_for_byte() {
        String who = TestSupport.registerCreator(http, app.port(), TestSupport.uniqueUser("sections"));
        JsonObject song = post("lyrics", who, new JsonObject().put("theme", "a harbour town in winter").put("scheme", "ABAB").put("lines", 16))
                .bodyAsJsonObject();
        java.util.List<String> stanzas = java.util.List.of(song.getString("text").split("\n\n"));
        assertEquals(4, stanzas.size(), song.getString("text"));
        JsonObject shorter = post("lyrics/edit", who, new JsonObject().put("action", "shorten").put("section", "chorus")).bodyAsJsonObject();
        java.util.List<String> s1 = java.util.List.of(shorter.getString("text").split("\n\n"));
        assertEquals(stanzas.get(0), s1.get(0));
        assertEquals(stanzas.get(2), s1.get(2));
        assertEquals(s1.get(1), s1.get(3), "the chorus repeats");
        assertEquals(2, s1.get(1).lines().count());
        assertTrue(shorter.getString("edit").contains("from 4 to 2 lines"), shorter.encode());
        JsonObject sea = post("lyrics/edit", who, new JsonObject().put("action", "rewrite").put("section", "verse").put("index", 2)
                .put("theme", "the sea")).bodyAsJsonObject();
        java.util.List<String> s2 = java.util.List.of(sea.getString("text").split("\n\n"));
        assertEquals(java.util.List.of(s1.get(0), s1.get(1), s1.get(3)), java.util.List.of(s2.get(0), s2.get(1), s2.get(3)));
        assertTrue(s2.get(2).toLowerCase().contains("sea"), s2.get(2));
        assertEquals(new io.vertx.core.json.JsonArray().add(2), sea.getJsonArray("changedSections"));
        HttpResponse<Buffer> bridge = post("lyrics/edit", who, new JsonObject().put("action", "drop").put("section", "bridge"));
        assertEquals(400, bridge.statusCode(), bridge.bodyAsString());
        assertTrue(bridge.bodyAsString().contains("no bridge"), bridge.bodyAsString());
        assertEquals(400, post("lyrics/edit", who, new JsonObject().put("action", "explode").put("section", "verse")).statusCode());
        JsonObject sadder = post("lyrics/edit", who, new JsonObject().put("action", "rewrite").put("section", "verse").put("index", 1)
                .put("mood", "sad")).bodyAsJsonObject();
        assertTrue(sadder.containsKey("text"), sadder.encode());
        java.util.List<String> s3 = java.util.List.of(sadder.getString("text").split("\n\n"));
        assertEquals(java.util.List.of(s2.get(1), s2.get(2), s2.get(3)), java.util.List.of(s3.get(1), s3.get(2), s3.get(3)));
        assertTrue(sadder.getString("edit").contains("about a harbour town in winter, sad"), sadder.encode());
        HttpResponse<Buffer> badMood = post("lyrics/edit", who, new JsonObject().put("action", "rewrite").put("section", "verse")
                .put("index", 1).put("mood", "sad; DROP TABLE"));
        assertEquals(400, badMood.statusCode(), badMood.bodyAsString());
        assertTrue(badMood.bodyAsJson(JsonObject.class).containsKey("error"), badMood.bodyAsString());
        assertEquals(403, post("lyrics/edit", listener, new JsonObject().put("action", "drop").put("section", "verse")).statusCode());
    }

    @Test
    void should_review_lyrics_and_find_rhymes_for_anyone_signed_in() {
        HttpResponse<Buffer> res = post("check", listener, new JsonObject().put("text",
                "The morning sun is on the hill\nI walk the road to find my way\nThe river runs so cold and still\nI wait for you another night"));
        assertEquals(200, res.statusCode(), res.bodyAsString());
        JsonObject r = res.bodyAsJsonObject();
        assertEquals("ABAB", r.getString("schemeFound"));
        assertEquals(4, r.getJsonArray("lines").size());
        assertEquals(4, r.getJsonArray("weakRhymes").getJsonObject(0).getInteger("line"));
        assertTrue(r.getJsonArray("suggestions").encode().contains("way"), r.encode());
        JsonObject rhymes = post("rhymes", listener, new JsonObject().put("word", "night")).bodyAsJsonObject();
        assertTrue(rhymes.getJsonArray("perfect").encode().contains("\"light\""), rhymes.encode());
        assertEquals(1, rhymes.getJsonArray("perfect").getJsonObject(0).getInteger("syllables"));
        assertTrue(rhymes.getJsonArray("near").size() > 0);
        assertEquals(400, post("rhymes", listener, new JsonObject().put("word", "two words")).statusCode());
    }

    @Test
    void should_continue_a_verse_and_rewrite_a_line_to_rhyme() {
        String verse = "The morning sun is on the hill\nI walk the road to find my way";
        JsonObject c = post("continue", creator, new JsonObject().put("text", verse).put("lines", 2)).bodyAsJsonObject();
        assertEquals(2, c.getJsonArray("added").size(), c.encode());
        assertEquals(4, c.getString("text").lines().filter(l -> !l.isBlank()).count());
        assertEquals(1.0, c.getJsonObject("checks").getDouble("schemeAdherence"), 1e-9, c.encode());
        JsonObject w = post("rewrite", creator, new JsonObject().put("text", verse + "\nThe river runs so cold and still\nI wait for you another day")
                .put("line", 3).put("rhymeWith", "night")).bodyAsJsonObject();
        String third = w.getString("text").lines().toList().get(2);
        assertTrue(dev.tunesmith.music.lyrics.Pronunciations.shared().rhymes(third.replaceAll(".*\\s", ""), "night"), third);
        assertEquals(403, post("continue", listener, new JsonObject().put("text", verse)).statusCode());
    }

    @Test
    void should_reject_each_bad_field_by_name() {
        record Bad(String path, JsonObject body, String code) {}
        for (Bad b : java.util.List.of(
                new Bad("lyrics", new JsonObject().put("lines", 4), "invalid_theme"),
                new Bad("lyrics", new JsonObject().put("theme", "x").put("lines", 0), "invalid_lines"),
                new Bad("lyrics", new JsonObject().put("theme", "x").put("lines", "eight"), "invalid_lines"),
                new Bad("lyrics", new JsonObject().put("theme", "x").put("syllables", 40), "invalid_syllables"),
                new Bad("lyrics", new JsonObject().put("theme", "x").put("scheme", "AB-B"), "invalid_scheme"),
                new Bad("melody", new JsonObject().put("key", "H"), "invalid_key"),
                new Bad("melody", new JsonObject().put("meter", "4-4"), "invalid_meter"),
                new Bad("melody", new JsonObject().put("bars", 65), "invalid_bars"),
                new Bad("melody", new JsonObject().put("bars", 8.5), "invalid_bars"),
                new Bad("melody", new JsonObject().put("tempo", 90), "invalid_tempo"),
                new Bad("harmony", new JsonObject(), "invalid_melody_id"),
                new Bad("melody", new JsonObject().put("conversationId", "nope"), "invalid_conversation_id"),
                new Bad("harmony", new JsonObject().put("melodyId", "7"), "invalid_melody_id"))) {
            HttpResponse<Buffer> res = post(b.path(), creator, b.body());
            assertEquals(400, res.statusCode(), b + " -> " + res.bodyAsString());
            assertEquals(b.code(), res.bodyAsJsonObject().getJsonObject("error").getString("code"), b.toString());
        }
        assertEquals(404, post("harmony", creator, new JsonObject().put("melodyId", 999_999_999)).statusCode());
        assertEquals(404, post("melody", creator, new JsonObject().put("conversationId", java.util.UUID.randomUUID().toString())).statusCode(),
                "someone else's (or no) conversation");
    }
}
