package dev.tunesmith.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.agent.offline.OfflineChatModel;
import dev.tunesmith.conversation.ConversationStore;
import dev.tunesmith.conversation.PgChatMemoryStore;
import dev.tunesmith.platform.llm.LlmHealth;
import dev.tunesmith.recommend.constraint.GenreTree;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The offline agent end to end, as a listener meets it: real routing, tools, PostgreSQL and the demo
 * catalogue. Checks that constraints hold on the returned tracks, refinements do what was asked, and
 * the answer says only what the list bears out, in plain words.
 */
class OfflineConversationTest extends AppTestBase {

    private record Turn(String text, JsonObject playlist, List<String> order) {
        JsonArray items() {
            return playlist == null ? new JsonArray() : playlist.getJsonArray("items");
        }
    }

    private ChatAgent agent;
    private ConversationStore conversations;
    private long userId;

    private void start() {
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("offline"));
        userId = http.get(app.port(), "127.0.0.1", "/api/me").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getLong("id");
        LlmHealth none = new LlmHealth() {
            @Override
            public boolean healthy() {
                return false;
            }

            @Override
            public void markUnhealthy() {
                // no LLM in this test
            }
        };
        conversations = new ConversationStore(app.pool());
        agent = new ChatAgent(app.musicTools(), conversations, new PgChatMemoryStore(app.pool()), new OfflineChatModel(app.intentRouter()),
                Optional.empty(), none, (n, t, ok) -> { }, 20_000, 4);
    }

    private Turn say(UUID conversation, String text) throws InterruptedException {
        assertTrue(conversations.addUserMessage(conversation, userId, text).await().isPresent());
        ChatAgentTest.Recording r = new ChatAgentTest.Recording();
        agent.run(userId, conversation, text, r);
        r.await();
        String answer = r.text.toString();
        for (String jargon : List.of("λ", "lambda", "diversity", "moodExcluded", "excludeTags", "kept from the original", "MMR")) {
            assertFalse(answer.contains(jargon), "jargon '" + jargon + "' in: " + answer);
        }
        return new Turn(answer, r.artifacts.isEmpty() ? null : r.artifacts.get(r.artifacts.size() - 1), r.order);
    }

    private static List<Long> ids(Turn t) {
        List<Long> out = new ArrayList<>();
        t.items().forEach(o -> out.add(((JsonObject) o).getJsonObject("track").getLong("id")));
        return out;
    }

    private static JsonObject track(Turn t, int i) {
        return t.items().getJsonObject(i).getJsonObject("track");
    }

    private static boolean hasGenre(JsonObject track, String genre) {
        if (track.getString("genre") != null && GenreTree.covers(genre, track.getString("genre"))) {
            return true;
        }
        for (Object tag : track.getJsonArray("tags")) {
            if (GenreTree.covers(genre, String.valueOf(tag))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void should_honour_counts_exclusions_and_ranges_and_say_so_truthfully() throws Exception {
        start();
        Turn rock = say(UUID.randomUUID(), "focus music for coding, no rock, 9 songs");
        assertEquals(9, rock.items().size(), rock.text());
        for (int i = 0; i < 9; i++) {
            assertFalse(hasGenre(track(rock, i), "rock"), "rock left in: " + track(rock, i).encode());
        }
        assertTrue(rock.text().contains("no rock"), rock.text());

        Turn electronic = say(UUID.randomUUID(), "a dozen songs for dinner, no electronic");
        assertEquals(12, electronic.items().size(), electronic.text());
        for (int i = 0; i < 12; i++) {
            String genre = track(electronic, i).getString("genre", "").toLowerCase(Locale.ROOT);
            assertFalse(genre.contains("electronic"), "electronic left in: " + track(electronic, i).encode());
        }

        Turn slow = say(UUID.randomUUID(), "calm music under 100 bpm");
        for (Object o : slow.items()) {
            Double tempo = ((JsonObject) o).getJsonObject("track").getJsonObject("features").getDouble("tempo");
            assertTrue(tempo != null && tempo <= 100, "tempo " + tempo);
        }
        if (slow.items().size() < 20) {
            assertTrue(slow.text().toLowerCase(Locale.ROOT).contains("only " + slow.items().size()), "the shortfall is explained with numbers: " + slow.text() + " :: " + slow.playlist().getJsonObject("constraints"));
        }

        Turn old = say(UUID.randomUUID(), "chill songs from before 2010, 8 songs");
        assertEquals(8, old.items().size(), old.text());
        for (Object o : old.items()) {
            Integer y = ((JsonObject) o).getJsonObject("track").getInteger("year");
            assertTrue(y != null && y <= 2009, "a track of " + y + " in a list from before 2010");
        }
        assertTrue(old.text().contains("all from 2009 or before"), old.text());

        Turn capped = say(UUID.randomUUID(), "party mix, max one song per artist, 15 tracks");
        Set<String> artists = new HashSet<>();
        for (Object o : capped.items()) {
            assertTrue(artists.add(((JsonObject) o).getJsonObject("track").getString("artist").toLowerCase(Locale.ROOT)), "artist twice");
        }
        assertEquals(15, capped.items().size());
    }

    @Test
    void should_refine_counts_positions_directions_exclusions_and_undo() throws Exception {
        start();
        UUID c = UUID.randomUUID();
        Turn first = say(c, "chill songs for studying, 10 songs");
        assertEquals(10, first.items().size());
        assertFalse(first.playlist().getString("title").toLowerCase(Locale.ROOT).startsWith("chill songs for studying, 10"),
                "the title summarises: " + first.playlist().getString("title"));

        Turn about = say(c, "tell me about track 2");
        assertTrue(about.text().contains(track(first, 1).getString("title")) && about.text().contains("because"), about.text());

        Turn more = say(c, "add 3 more");
        assertEquals(13, more.items().size(), more.text());
        assertEquals(ids(first), ids(more).subList(0, 10), "the first ten stay");

        Turn removed = say(c, "remove songs 2 and 3");
        assertEquals(11, removed.items().size());
        assertFalse(ids(removed).contains(ids(more).get(1)));
        assertFalse(ids(removed).contains(ids(more).get(2)));

        Turn same = say(c, "make it 11 songs");
        assertEquals(11, same.items().size(), "a list already of 11 stays 11");

        Turn five = say(c, "shorter, just 5");
        assertEquals(5, five.items().size());

        Double before = track(five, 3).getJsonObject("features").getDouble("energy");
        Turn calmer = say(c, "replace track 4 with something calmer");
        assertEquals(5, calmer.items().size());
        Double after = track(calmer, 3).getJsonObject("features").getDouble("energy");
        assertNotEquals(ids(five).get(3), ids(calmer).get(3));
        if (before != null && after != null) {
            assertTrue(after < before, "calmer: " + before + " → " + after);
        }

        Turn undone = say(c, "undo");
        assertEquals(ids(five), ids(undone), "undo restores the previous list");

        Turn norock = say(c, "no more rock");
        for (int i = 0; i < norock.items().size(); i++) {
            assertFalse(hasGenre(track(norock, i), "rock"), track(norock, i).encode());
        }
        String artist = track(norock, 0).getString("artist");
        Turn without = say(c, "without " + artist);
        for (Object o : without.items()) {
            assertNotEquals(artist, ((JsonObject) o).getJsonObject("track").getString("artist"));
        }

        Long seed = ids(without).get(0);
        Turn like = say(c, "more like track 1");
        assertFalse(like.items().isEmpty(), like.text());
        assertFalse(ids(like).contains(seed), "similar tracks leave out the seed");

        Turn gym = say(c, "another playlist for the gym");
        assertEquals(20, gym.items().size(), "a new playlist, not an edit: " + gym.text());
    }

    private static double mean(Turn t, String feature) {
        return t.items().stream().map(o -> ((JsonObject) o).getJsonObject("track").getJsonObject("features").getDouble(feature))
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static long reasonsNaming(Turn t, String words) {
        return t.items().stream().filter(o -> ((JsonObject) o).getJsonArray("reasons").stream()
                .anyMatch(r -> String.valueOf(r).contains(words))).count();
    }

    @Test
    void should_keep_the_mood_and_the_genre_when_a_playlist_is_made_calmer_or_happier() throws Exception {
        start();
        UUID c = UUID.randomUUID();
        Turn sad = say(c, "sad songs for a rainy night");
        Turn calmer = say(c, "less upbeat please");
        assertEquals(sad.items().size(), calmer.items().size(), calmer.text());
        assertTrue(mean(calmer, "energy") < mean(sad, "energy") - 0.03, "calmer: " + mean(sad, "energy") + " → " + mean(calmer, "energy"));
        assertTrue(mean(calmer, "valence") <= mean(sad, "valence") + 0.05,
                "still sad: valence " + mean(sad, "valence") + " → " + mean(calmer, "valence"));
        assertTrue(reasonsNaming(calmer, "calmer") >= calmer.items().size() / 2, "the reasons name the mood and the move: " + calmer.items());
        Turn happier = say(c, "a bit happier");
        assertTrue(mean(happier, "valence") > mean(calmer, "valence"), "happier: " + mean(calmer, "valence") + " → " + mean(happier, "valence"));
        assertTrue(mean(happier, "energy") < mean(sad, "energy"), "still calmer than at first: " + mean(happier, "energy"));

        UUID j = UUID.randomUUID();
        Turn jazz = say(j, "some jazz");
        Turn calmJazz = say(j, "calmer");
        assertTrue(mean(calmJazz, "energy") < mean(jazz, "energy") - 0.03, "calmer jazz: " + mean(jazz, "energy") + " → " + mean(calmJazz, "energy"));
        long stillJazz = java.util.stream.IntStream.range(0, calmJazz.items().size()).filter(i -> hasGenre(track(calmJazz, i), "jazz")).count();
        assertTrue(stillJazz >= calmJazz.items().size() * 0.8, "still jazz: " + stillJazz + " of " + calmJazz.items().size());
    }

    @Test
    void should_refresh_a_samey_list_with_other_tracks_for_the_same_mood_and_read_praise_before_an_edit() throws Exception {
        start();
        UUID c = UUID.randomUUID();
        Turn sad = say(c, "sad songs for a rainy night, 10 songs");
        assertEquals(10, sad.items().size());
        Turn fresh = say(c, "these are all kinda samey, mix it up");
        assertEquals(10, fresh.items().size(), fresh.text());
        Set<Long> before = new HashSet<>(ids(sad));
        assertTrue(ids(fresh).stream().noneMatch(before::contains), "none of the earlier tracks: " + fresh.text());
        assertTrue(mean(fresh, "valence") <= mean(sad, "valence") + 0.1, "still sad: valence " + mean(sad, "valence") + " → "
                + mean(fresh, "valence"));
        assertTrue(fresh.text().contains("new track"), fresh.text());
        Set<String> earlierArtists = new HashSet<>();
        sad.items().forEach(o -> earlierArtists.add(((JsonObject) o).getJsonObject("track").getString("artist")));
        assertTrue(fresh.items().stream().noneMatch(o -> earlierArtists.contains(((JsonObject) o).getJsonObject("track").getString("artist"))),
                "other artists where the catalogue has them: " + fresh.items());
        assertTrue(fresh.text().contains("none by an artist of the last one"), "the answer says so because it is so: " + fresh.text());

        Turn slower = say(c, "i love it but a tad slower");
        assertEquals(10, slower.items().size(), "an edit, not a new list for 'love': " + slower.text());
        assertTrue(mean(slower, "tempo") < mean(fresh, "tempo"), "slower: " + mean(fresh, "tempo") + " → " + mean(slower, "tempo"));

        Turn swapped = say(c, "the second one doesnt fit, replace it with something calmer");
        assertNotEquals(ids(slower).get(1), ids(swapped).get(1), swapped.text());
        assertEquals(ids(slower).get(9), ids(swapped).get(9), "\"it\" is the second track, not the last: " + swapped.text());
    }

    private static String artist(Turn t, int i) {
        return track(t, i).getString("artist");
    }

    private static String firstReason(Turn t, int i) {
        return t.items().getJsonObject(i).getJsonArray("reasons").getString(0);
    }

    @Test
    void should_give_an_artists_own_songs_and_more_by_an_artist_of_the_list() throws Exception {
        start();
        // "songs by X" is X's songs: the shipped catalogue has more than 10 by Brad Sucks, so all 10 are theirs
        Turn brad = say(UUID.randomUUID(), "songs by Brad Sucks, 10 songs");
        assertEquals(10, brad.items().size(), brad.text());
        for (int i = 0; i < 10; i++) {
            assertEquals("Brad Sucks", artist(brad, i), brad.text());
            assertEquals("by Brad Sucks", firstReason(brad, i));
        }
        // an artist with few tracks: all of theirs first, then tracks like them, and the answer counts them
        Turn few = say(UUID.randomUUID(), "songs by Dr. Mindflip");
        int theirs = 0;
        while (theirs < few.items().size() && artist(few, theirs).equals("Dr. Mindflip")) {
            theirs++;
        }
        assertTrue(theirs > 0, "theirs lead: " + few.items());
        for (int i = theirs; i < few.items().size(); i++) {
            assertNotEquals("Dr. Mindflip", artist(few, i));
            assertTrue(firstReason(few, i).startsWith("like Dr. Mindflip"), firstReason(few, i));
        }
        if (theirs < few.items().size()) {
            assertTrue(few.text().contains(theirs == 1 ? "The one track by Dr. Mindflip" : "All " + theirs + " tracks by Dr. Mindflip"),
                    few.text());
        }

        // more by one artist of a list of many: that artist's other tracks, none of the list's, undo goes back
        UUID c = UUID.randomUUID();
        Turn road = say(c, "upbeat indie songs for a road trip, 10 songs");
        Turn ask = say(c, "other songs by this artist");
        assertTrue(ask.playlist() == null && ask.text().contains("which artist?"), "a list of many artists asks which: " + ask.text());
        Turn more = say(c, "more by the artist of the second one");
        String second = artist(road, 1);
        assertEquals("More by " + second, more.playlist().getString("title"));
        Set<Long> earlier = new HashSet<>(ids(road));
        assertTrue(ids(more).stream().noneMatch(earlier::contains), "none of the list's own: " + more.text());
        long byThem = java.util.stream.IntStream.range(0, more.items().size()).filter(i -> artist(more, i).equals(second)).count();
        for (int i = 0; i < more.items().size(); i++) {
            assertEquals(i < byThem, artist(more, i).equals(second), "theirs first, then like them: " + more.items());
            assertTrue(firstReason(more, i).startsWith(i < byThem ? "by " + second : "like " + second), firstReason(more, i));
        }
        if (byThem < more.items().size()) {
            assertTrue(more.text().contains(byThem == 0 ? "no other tracks by " + second : byThem + " other track"), more.text());
        }
        assertEquals(ids(road), ids(say(c, "undo")));

        // praise of a track is not an edit of it
        Turn praise = say(c, "i love track 5");
        assertTrue(praise.order().stream().noneMatch(o -> o.startsWith("tool:")), praise.order().toString());
    }

    @Test
    void should_reorder_the_same_tracks_and_describe_the_list_from_its_tracks() throws Exception {
        start();
        UUID c = UUID.randomUUID();
        Turn party = say(c, "upbeat party songs, 12 songs");
        assertEquals(12, party.items().size(), party.text());
        Turn ordered = say(c, "can you put the most energetic ones at the end");
        assertEquals(new HashSet<>(ids(party)), new HashSet<>(ids(ordered)), "the same tracks: " + ordered.text());
        List<Double> energy = new ArrayList<>();
        ordered.items().forEach(o -> {
            Double e = ((JsonObject) o).getJsonObject("track").getJsonObject("features").getDouble("energy");
            if (e != null) {
                energy.add(e);
            }
        });
        for (int i = 1; i < energy.size(); i++) {
            assertTrue(energy.get(i) >= energy.get(i - 1), "energy rises to the end: " + energy);
        }
        assertTrue(ordered.text().contains("at the start to"), ordered.text());

        Turn howLong = say(c, "how long is this playlist?");
        assertTrue(howLong.playlist() == null, "a question, not a new list: " + howLong.text());
        int total = 0;
        for (Object o : ordered.items()) {
            total += ((JsonObject) o).getJsonObject("track").getInteger("durationSec", 0);
        }
        int rounded = (total + 30) / 60;
        String minutes = rounded >= 60 ? rounded / 60 + " h " + rounded % 60 + " min" : rounded + " min";
        assertTrue(howLong.text().contains("12 tracks, " + minutes), "the length is the tracks' own: " + minutes + " :: " + howLong.text());

        // a whole length: the tracks add up to it within half a track (the mood lists keep tracks under 12 minutes)
        Turn run = say(UUID.randomUUID(), "45 minutes of running music");
        int sum = 0;
        for (Object o : run.items()) {
            sum += ((JsonObject) o).getJsonObject("track").getInteger("durationSec", 0);
        }
        assertTrue(Math.abs(sum - 45 * 60) <= 6 * 60, "45 minutes: " + sum + " s in " + run.items().size() + " tracks");
        assertTrue(run.text().contains(run.items().size() + " tracks, " + ((sum + 30) / 60) + " min in all"), run.text());

        // "less electronic" makes it fewer, not none: of n electronic tracks, the first half stay
        UUID e = UUID.randomUUID();
        Turn dance = say(e, "dance music for a party, 10 songs");
        long before = java.util.stream.IntStream.range(0, dance.items().size()).filter(i -> hasGenre(track(dance, i), "electronic")).count();
        Turn fewer = say(e, "less electronic");
        long after = java.util.stream.IntStream.range(0, fewer.items().size()).filter(i -> hasGenre(track(fewer, i), "electronic")).count();
        if (before > 1) {
            assertTrue(after < before && after > 0, "fewer electronic, not none: " + before + " → " + after + " :: " + fewer.text());
            assertTrue(fewer.text().contains("fewer electronic: " + before + " → " + after), fewer.text());
        }

        Turn shuffled = say(c, "shuffle the order");
        assertEquals(new HashSet<>(ids(party)), new HashSet<>(ids(shuffled)), shuffled.text());
    }

    @Test
    void should_answer_greetings_thanks_and_off_topic_without_tools() throws Exception {
        start();
        UUID c = UUID.randomUUID();
        Set<String> answers = new HashSet<>();
        for (String s : List.of("hi", "thanks, that's perfect!", "what's the weather like?", "asdfgh")) {
            Turn t = say(c, s);
            assertTrue(t.order().stream().noneMatch(o -> o.startsWith("tool:")), s + " → " + t.order());
            answers.add(t.text());
        }
        assertEquals(4, answers.size(), "different answers: " + answers);
    }
}
