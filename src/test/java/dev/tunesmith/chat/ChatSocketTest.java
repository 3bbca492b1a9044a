package dev.tunesmith.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.app.Server;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chat over a real socket against the real server, offline agent and Postgres. */
class ChatSocketTest extends AppTestBase {

    private static String origin;

    @BeforeAll
    static void setUp() {
        origin = "http://127.0.0.1:" + app.port();
    }

    private ChatClient authed(String token) throws InterruptedException {
        ChatClient c = ChatClient.connect(vertx, app.port(), origin);
        c.send(new JsonObject().put("type", "auth").put("token", token));
        JsonObject ready = c.next(5000);
        assertEquals("ready", ready.getString("type"), ready.encode());
        return c;
    }

    private String user() {
        return TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("chat"));
    }

    private String creator() {
        return TestSupport.registerCreator(http, app.port(), TestSupport.uniqueUser("maker"));
    }

    @Test
    void should_answer_ready_with_a_conversation_and_the_offline_mode() throws Exception {
        try (ChatClient c = ChatClient.connect(vertx, app.port(), origin)) {
            c.send(new JsonObject().put("type", "auth").put("token", user()));
            JsonObject ready = c.next(5000);
            assertEquals("ready", ready.getString("type"));
            assertEquals("offline", ready.getString("mode"));
            assertNotNull(UUID.fromString(ready.getString("conversationId")));
        }
    }

    @Test
    void should_close_with_4401_on_a_bad_token_or_a_first_frame_that_is_not_auth() throws Exception {
        try (ChatClient c = ChatClient.connect(vertx, app.port(), origin)) {
            c.send(new JsonObject().put("type", "auth").put("token", "nope"));
            assertEquals((short) 4401, c.awaitClose(5000));
        }
        try (ChatClient c = ChatClient.connect(vertx, app.port(), origin)) {
            c.send(new JsonObject().put("type", "message").put("text", "hi"));
            assertEquals((short) 4401, c.awaitClose(5000));
        }
    }

    @Test
    void should_close_with_4401_when_no_auth_frame_arrives_in_time() throws Exception {
        Vertx other = Vertx.vertx();
        Server quick = Server.start(other, TestSupport.config(java.util.Map.of("TUNESMITH_WS_AUTH_TIMEOUT_MS", "500")))
                .await(2, TimeUnit.MINUTES);
        try (ChatClient c = ChatClient.connect(other, quick.port(), "http://127.0.0.1:" + quick.port())) {
            long start = System.nanoTime();
            assertEquals((short) 4401, c.awaitClose(5000));
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 400, "closed only after the timeout");
        } finally {
            quick.close().await();
            other.close().await();
        }
    }

    @Test
    void should_refuse_a_foreign_origin_at_the_handshake_with_403() {
        var client = vertx.createWebSocketClient();
        try {
            Exception e = assertThrows(Exception.class, () -> client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                    .setPort(app.port()).setURI("/ws/chat").addHeader("Origin", "http://evil.example")).await(5, TimeUnit.SECONDS));
            Throwable cause = e instanceof UpgradeRejectedException ? e : e.getCause();
            assertTrue(cause instanceof UpgradeRejectedException, e.toString());
            assertEquals(403, ((UpgradeRejectedException) cause).getStatus());
        } finally {
            client.close();
        }
    }

    @Test
    void should_answer_malformed_oversized_and_unknown_frames_with_errors_and_stay_usable() throws Exception {
        try (ChatClient c = authed(user())) {
            c.sendText("{not json");
            assertEquals("malformed_json", c.next(5000).getString("code"));
            c.sendText("{\"type\":\"message\",\"text\":\"" + "a".repeat(17 * 1024) + "\"}");
            assertEquals("frame_too_large", c.next(5000).getString("code"));
            c.send(new JsonObject().put("type", "dance"));
            assertEquals("unknown_type", c.next(5000).getString("code"));
            c.send(new JsonObject().put("type", "cancel"));
            assertEquals("no_turn", c.next(5000).getString("code"));
            c.send(new JsonObject().put("type", "message").put("text", "hello"));
            List<JsonObject> turn = c.until("done", 20_000);
            assertTrue(turn.stream().anyMatch(f -> "token".equals(f.getString("type"))), "the socket still answers: " + turn);
        }
    }

    @Test
    void should_close_a_flooding_client_with_1008_after_an_error_frame() throws Exception {
        try (ChatClient c = authed(user())) {
            for (int i = 0; i < 60; i++) {
                c.send(new JsonObject().put("type", "ping-" + i));
            }
            assertEquals((short) 1008, c.awaitClose(10_000));
            assertTrue(c.frames.stream().anyMatch(f -> "rate_limited".equals(f.getString("code"))), c.frames.toString());
        }
    }

    @Test
    void should_stream_a_playlist_turn_that_honours_constraints_and_store_it() throws Exception {
        String token = user();
        try (ChatClient c = authed(token)) {
            c.send(new JsonObject().put("type", "message").put("text", "rainy Sunday, a bit melancholic but hopeful, no jazz, 12 songs"));
            List<JsonObject> turn = c.until("done", 30_000);
            List<String> types = turn.stream().map(f -> f.getString("type")).toList();
            assertTrue(types.indexOf("tool") < types.indexOf("playlist"), types.toString());
            assertTrue(types.indexOf("playlist") < types.lastIndexOf("token"), types.toString());
            assertEquals("done", types.get(types.size() - 1));
            JsonObject tool = turn.stream().filter(f -> "tool".equals(f.getString("type"))).findFirst().orElseThrow();
            assertEquals("rankTracks", tool.getString("name"));
            assertEquals("start", tool.getString("status"));

            JsonObject playlist = turn.stream().filter(f -> "playlist".equals(f.getString("type"))).findFirst().orElseThrow()
                    .getJsonObject("playlist");
            JsonArray items = playlist.getJsonArray("items");
            assertEquals(12, items.size());
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.getJsonObject(i);
                assertFalse(item.getJsonObject("track").getJsonArray("tags").contains("jazz"), "no jazz: " + item.encode());
                assertFalse(item.getJsonArray("reasons").isEmpty(), "every item has a reason");
                assertTrue(ids.add(item.getJsonObject("track").getLong("id")), "no duplicates");
            }
            assertNotNull(playlist.getLong("id"));
            assertFalse(playlist.getJsonObject("constraints").isEmpty());

            long messageId = turn.get(turn.size() - 1).getLong("messageId");
            long stored = app.pool().preparedQuery("SELECT count(*) FROM messages WHERE id = $1 AND role = 'assistant' AND payload ? 'playlist'")
                    .execute(io.vertx.sqlclient.Tuple.of(messageId)).await().iterator().next().getLong(0);
            assertEquals(1, stored);

            // export of the stored playlist
            var m3u = http.get(app.port(), "127.0.0.1", "/api/playlists/" + playlist.getLong("id") + "/export?format=m3u")
                    .putHeader("Authorization", "Bearer " + token).send().await();
            assertEquals(200, m3u.statusCode());
            assertTrue(m3u.bodyAsString().startsWith("#EXTM3U"));
            assertEquals(12, m3u.bodyAsString().lines().filter(l -> l.startsWith("#EXTINF")).count());
        }
    }

    @Test
    void should_refine_the_last_playlist_swap_and_exclude_an_artist() throws Exception {
        try (ChatClient c = authed(user())) {
            c.send(new JsonObject().put("type", "message").put("text", "music for a focused evening of work, 8 songs"));
            JsonArray first = playlistOf(c.until("done", 30_000));
            assertEquals(8, first.size());

            c.send(new JsonObject().put("type", "message").put("text", "swap the third one"));
            JsonArray swapped = playlistOf(c.until("done", 30_000));
            assertEquals(8, swapped.size());
            assertNotEquals(trackId(first, 2), trackId(swapped, 2));
            assertEquals(trackId(first, 0), trackId(swapped, 0));
            assertEquals(trackId(first, 7), trackId(swapped, 7));

            String artist = swapped.getJsonObject(0).getJsonObject("track").getString("artist");
            c.send(new JsonObject().put("type", "message").put("text", "no more " + artist));
            JsonArray without = playlistOf(c.until("done", 30_000));
            assertFalse(without.isEmpty());
            for (int i = 0; i < without.size(); i++) {
                assertNotEquals(artist.toLowerCase(), without.getJsonObject(i).getJsonObject("track").getString("artist").toLowerCase());
            }

            c.send(new JsonObject().put("type", "message").put("text", "make it 12 songs"));
            assertEquals(12, playlistOf(c.until("done", 30_000)).size());
        }
    }

    @Test
    void should_claim_no_check_for_a_term_it_does_not_know_and_take_an_exclusion_and_a_mood_as_two_edits() throws Exception {
        try (ChatClient c = authed(user())) {
            c.send(new JsonObject().put("type", "message").put("text", "chill music, nothing sad, no saxophone"));
            JsonObject first = lastPlaylist(c.until("done", 30_000));
            JsonObject constraints = first.getJsonObject("constraints");
            // "sad" is a mood, not a tag of this catalogue, and no track names saxophone: neither is a checked fact
            assertFalse(constraints.getJsonArray("facts").encode().contains("sad"), constraints.encode());
            assertFalse(constraints.getJsonArray("facts").encode().contains("saxophone"), constraints.encode());
            assertFalse(constraints.getJsonArray("notes").encode().contains("\"sad\""), constraints.encode());
            assertTrue(constraints.getJsonArray("notes").encode().contains("saxophone"), constraints.encode());
            assertEquals("Chill", first.getString("title"));

            double before = meanEnergy(first.getJsonArray("items"));
            c.send(new JsonObject().put("type", "message").put("text", "no piano please, something upbeat"));
            JsonArray edited = playlistOf(c.until("done", 30_000));
            assertFalse(edited.isEmpty());
            for (int i = 0; i < edited.size(); i++) {
                assertFalse(edited.getJsonObject(i).getJsonObject("track").getJsonArray("tags").contains("piano"), edited.encode());
            }
            assertTrue(meanEnergy(edited) > before, "upbeat raises the list's energy: " + before + " → " + meanEnergy(edited));
        }
    }

    private static JsonObject lastPlaylist(List<JsonObject> turn) {
        return turn.stream().filter(f -> "playlist".equals(f.getString("type"))).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no playlist in " + turn)).getJsonObject("playlist");
    }

    private static double meanEnergy(JsonArray items) {
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += items.getJsonObject(i).getJsonObject("track").getJsonObject("features").getDouble("energy", 0.5);
        }
        return sum / Math.max(1, items.size());
    }

    @Test
    void should_start_a_fresh_conversation_on_new_chat() throws Exception {
        try (ChatClient c = authed(user())) {
            c.send(new JsonObject().put("type", "message").put("text", "hi"));
            List<JsonObject> first = c.until("done", 20_000);
            String before = first.get(first.size() - 1).getString("conversationId");
            c.send(new JsonObject().put("type", "new"));
            List<JsonObject> fresh = c.until("conversation", 5_000);
            String next = fresh.get(fresh.size() - 1).getString("conversationId");
            assertNotEquals(before, next);
            c.send(new JsonObject().put("type", "message").put("text", "hello again"));
            List<JsonObject> second = c.until("done", 20_000);
            assertEquals(next, second.get(second.size() - 1).getString("conversationId"), "the next turn lands in the new conversation");
        }
    }

    @Test
    void should_list_conversations_and_reload_their_messages() throws Exception {
        String token = user();
        try (ChatClient c = authed(token)) {
            c.send(new JsonObject().put("type", "message").put("text", "what can you do?"));
            c.until("done", 20_000);
        }
        var list = http.get(app.port(), "127.0.0.1", "/api/conversations").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getJsonArray("items");
        assertEquals(1, list.size());
        String conversation = list.getJsonObject(0).getString("id");
        var messages = http.get(app.port(), "127.0.0.1", "/api/conversations/" + conversation + "/messages")
                .putHeader("Authorization", "Bearer " + token).send().await().bodyAsJsonObject().getJsonArray("items");
        assertEquals(2, messages.size());
        assertEquals("user", messages.getJsonObject(0).getString("role"));
        assertEquals("what can you do?", messages.getJsonObject(0).getString("content"));
        assertEquals("assistant", messages.getJsonObject(1).getString("role"));
        // another user cannot read it
        String other = user();
        assertEquals(404, http.get(app.port(), "127.0.0.1", "/api/conversations/" + conversation + "/messages")
                .putHeader("Authorization", "Bearer " + other).send().await().statusCode());
    }

    @Test
    void should_compose_a_melody_then_add_chords_and_store_both() throws Exception {
        String token = creator();
        try (ChatClient c = authed(token)) {
            c.send(new JsonObject().put("type", "message").put("text", "compose a jig in D, 16 bars"));
            List<JsonObject> turn = c.until("done", 60_000);
            JsonObject melody = turn.stream().filter(f -> "melody".equals(f.getString("type"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no melody in " + turn)).getJsonObject("melody");
            assertEquals("6/8", melody.getString("meter"));
            assertEquals(16, melody.getInteger("bars"));
            assertTrue(melody.getString("key").startsWith("D"), melody.encode());
            assertTrue(melody.getString("abc").contains("K:"), melody.getString("abc"));

            c.send(new JsonObject().put("type", "message").put("text", "now harmonize it with chords"));
            List<JsonObject> second = c.until("done", 60_000);
            JsonObject harmonized = second.stream().filter(f -> "melody".equals(f.getString("type"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no melody in " + second)).getJsonObject("melody");
            assertTrue(harmonized.getString("abc").matches("(?s).*\"[A-G][#b]?(m|7|maj7|m7|dim)?\".*"), harmonized.getString("abc"));
            assertEquals(16, harmonized.getInteger("bars"), "a harmonised 16-bar tune reports 16 bars");
        }
        var artifacts = http.get(app.port(), "127.0.0.1", "/api/me/artifacts").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getJsonArray("items");
        assertEquals(2, artifacts.size());
        assertEquals("melody", artifacts.getJsonObject(0).getString("kind"));
    }

    @Test
    void should_answer_a_listener_who_asks_for_lyrics_or_a_melody_without_creating_anything() throws Exception {
        String token = user();
        try (ChatClient c = authed(token)) {
            for (String ask : List.of("write lyrics about the sea, ABAB, 8 lines", "compose a 8-bar melody in G, 3/4", "harmonize the tune")) {
                c.send(new JsonObject().put("type", "message").put("text", ask));
                List<JsonObject> turn = c.until("done", 60_000);
                assertTrue(turn.stream().noneMatch(f -> "lyrics".equals(f.getString("type")) || "melody".equals(f.getString("type"))),
                        "no artifact for a listener: " + turn);
                String said = String.join("", turn.stream().filter(f -> "token".equals(f.getString("type")))
                        .map(f -> f.getString("text", "")).toList());
                assertTrue(said.contains("creator role") && said.contains("administrator"), said);
            }
        }
        var artifacts = http.get(app.port(), "127.0.0.1", "/api/me/artifacts").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getJsonArray("items");
        assertEquals(0, artifacts.size());
    }

    private static JsonObject artifact(List<JsonObject> turn, String type) {
        return turn.stream().filter(f -> type.equals(f.getString("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + turn)).getJsonObject(type);
    }

    private static String said(List<JsonObject> turn) {
        return String.join("", turn.stream().filter(f -> "token".equals(f.getString("type"))).map(f -> f.getString("text", "")).toList());
    }

    @Test
    void should_honour_lengths_in_words_and_edit_the_melody_in_conversation() throws Exception {
        try (ChatClient c = authed(creator())) {
            c.send(new JsonObject().put("type", "message").put("text", "write a twelve-line song about my dog Max"));
            JsonObject lyrics = artifact(c.until("done", 60_000), "lyrics");
            assertEquals(12, lyrics.getString("text").lines().filter(l -> !l.isBlank()).count(), lyrics.getString("text"));
            assertEquals("My Dog Max", lyrics.getString("title"));
            c.send(new JsonObject().put("type", "message").put("text", "a 4-line verse about rain, AABB"));
            assertEquals(4, artifact(c.until("done", 60_000), "lyrics").getString("text").lines().filter(l -> !l.isBlank()).count());
            c.send(new JsonObject().put("type", "message").put("text", "make it longer"));
            JsonObject longer = artifact(c.until("done", 60_000), "lyrics");
            assertEquals(8, longer.getString("text").lines().filter(l -> !l.isBlank()).count(), longer.encode());
            assertEquals("AABB", longer.getString("scheme"));

            c.send(new JsonObject().put("type", "message").put("text", "compose a sixteen-bar melody in D"));
            JsonObject melody = artifact(c.until("done", 60_000), "melody");
            assertEquals(16, melody.getInteger("bars"));
            c.send(new JsonObject().put("type", "message").put("text", "transpose to A minor"));
            JsonObject am = artifact(c.until("done", 60_000), "melody");
            assertEquals("Am", am.getString("key"), am.encode());
            assertEquals(16, am.getInteger("bars"));
            c.send(new JsonObject().put("type", "message").put("text", "make the chorus shorter"));
            JsonObject shorter = artifact(c.until("done", 60_000), "melody");
            assertEquals(12, shorter.getInteger("bars"), shorter.encode());
            assertEquals("Am", shorter.getString("key"));

            c.send(new JsonObject().put("type", "message").put("text", "rhymes for night"));
            String answer = said(c.until("done", 30_000));
            assertTrue(answer.contains("light") && answer.contains("perfect"), answer);
        }
    }

    @Test
    void should_edit_one_section_of_the_lyrics_in_the_chat_and_keep_the_rest() throws Exception {
        try (ChatClient c = authed(creator())) {
            c.send(new JsonObject().put("type", "message").put("text", "write me a song about a lighthouse keeper, with a chorus"));
            JsonObject song = artifact(c.until("done", 60_000), "lyrics");
            List<String> before = List.of(song.getString("text").split("\\n\\s*\\n"));
            assertTrue(song.getJsonArray("sections").contains("verse"), song.encode());

            c.send(new JsonObject().put("type", "message").put("text", "can you rewrite the first verse so it's about a storm at sea"));
            List<JsonObject> turn = c.until("done", 60_000);
            JsonObject edited = artifact(turn, "lyrics");
            List<String> after = List.of(edited.getString("text").split("\\n\\s*\\n"));
            var changed = edited.getJsonArray("changedSections");
            assertEquals(1, changed.size(), edited.encode());
            int stanza = changed.getInteger(0);
            assertEquals("verse", edited.getJsonArray("sections").getString(stanza));
            assertEquals(before.size(), after.size(), edited.getString("text"));
            for (int i = 0; i < after.size(); i++) {
                if (i != stanza) {
                    assertEquals(before.get(i), after.get(i), "stanza " + i + " kept as it was");
                }
            }
            assertNotEquals(before.get(stanza), after.get(stanza));
            assertTrue(said(turn).startsWith("Done"), said(turn));
        }
    }

    @Test
    void should_rewrite_the_whole_song_in_a_mood_when_asked_without_a_section() throws Exception {
        // "make it sadder" after lyrics made a playlist called "Sadder"
        try (ChatClient c = authed(creator())) {
            c.send(new JsonObject().put("type", "message").put("text", "write a song about the sea at night, ABAB, 8 lines"));
            JsonObject song = artifact(c.until("done", 60_000), "lyrics");
            c.send(new JsonObject().put("type", "message").put("text", "make it sadder"));
            List<JsonObject> turn = c.until("done", 60_000);
            assertTrue(turn.stream().noneMatch(f -> "playlist".equals(f.getString("type"))), "no playlist: " + turn);
            JsonObject sad = artifact(turn, "lyrics");
            assertEquals(song.getString("title"), sad.getString("title"));
            assertEquals(song.getString("scheme"), sad.getString("scheme"));
            assertEquals(song.getString("text").strip().lines().count(), sad.getString("text").strip().lines().count(), sad.getString("text"));
            assertNotEquals(song.getString("text"), sad.getString("text"));
            assertEquals(sad.getJsonArray("sections").size(), sad.getJsonArray("changedSections").size(), "every stanza rewritten: " + sad.encode());
            assertTrue(said(turn).startsWith("Done — rewrote the whole song sad"), said(turn));
        }
    }

    @Test
    void should_write_lyrics_with_a_checked_rhyme_scheme() throws Exception {
        try (ChatClient c = authed(creator())) {
            c.send(new JsonObject().put("type", "message").put("text", "write lyrics about the sea, ABAB, 8 lines, 8 syllables"));
            List<JsonObject> turn = c.until("done", 60_000);
            JsonObject lyrics = turn.stream().filter(f -> "lyrics".equals(f.getString("type"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no lyrics in " + turn)).getJsonObject("lyrics");
            assertEquals("ABAB", lyrics.getString("scheme"));
            assertEquals(8, lyrics.getString("text").strip().lines().filter(l -> !l.isBlank()).count());
            JsonObject checks = lyrics.getJsonObject("checks");
            assertTrue(checks.containsKey("schemeAdherence") && checks.containsKey("syllableAdherence"), checks.encode());
            assertNotNull(lyrics.getLong("id"));
        }
    }

    @Test
    void should_refuse_to_post_into_another_users_conversation() throws Exception {
        String owner = user();
        String conversation;
        try (ChatClient c = authed(owner)) {
            c.send(new JsonObject().put("type", "message").put("text", "hello"));
            c.until("done", 20_000);
            conversation = http.get(app.port(), "127.0.0.1", "/api/conversations").putHeader("Authorization", "Bearer " + owner).send().await()
                            .bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("id");
        }
        try (ChatClient intruder = authed(user())) {
            intruder.send(new JsonObject().put("type", "message").put("text", "let me in").put("conversationId", conversation));
            JsonObject error = intruder.next(5000);
            assertEquals("not_found", error.getString("code"), error.encode());
        }
        long messages = app.pool().preparedQuery("SELECT count(*) FROM messages WHERE conversation_id = $1")
                .execute(io.vertx.sqlclient.Tuple.of(UUID.fromString(conversation))).await().iterator().next().getLong(0);
        assertEquals(2, messages, "nothing was added to the owner's conversation");
    }

    private static JsonArray playlistOf(List<JsonObject> turn) {
        return turn.stream().filter(f -> "playlist".equals(f.getString("type"))).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no playlist in " + turn)).getJsonObject("playlist").getJsonArray("items");
    }

    private static long trackId(JsonArray items, int i) {
        return items.getJsonObject(i).getJsonObject("track").getLong("id");
    }
}
