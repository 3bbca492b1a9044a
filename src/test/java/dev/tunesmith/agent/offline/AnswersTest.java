package dev.tunesmith.agent.offline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AnswersTest {

    private static JsonObject playlist(int n, JsonObject constraints) {
        JsonArray items = new JsonArray();
        for (int i = 0; i < n; i++) {
            items.add(new JsonObject().put("position", i + 1).put("title", "T" + i).put("artist", "A" + i));
        }
        return new JsonObject().put("title", "Calm").put("items", items).put("constraints", constraints);
    }

    @Test
    void should_say_verified_facts_and_notes_and_not_list_the_tracks() {
        JsonObject c = new JsonObject().put("facts", new JsonArray().add("no rock").add("all under 100 BPM (62–98)"))
                .put("notes", new JsonArray().add("only 2 of the 20 tracks you asked for fit everything"));
        String text = Answers.playlist("rankTracks", playlist(2, c));
        assertTrue(text.contains("no rock, all under 100 BPM (62–98)"), text);
        assertTrue(text.contains("Only 2 of the 20"), text);
        assertFalse(text.contains("T0"), "the cards show the tracks; the text does not repeat them: " + text);
    }

    @Test
    void should_vary_conversation_answers() {
        assertNotEquals(Answers.talk(IntentRouter.Intent.GREETING, "hi"), Answers.talk(IntentRouter.Intent.THANKS, "hi"));
        assertNotEquals(Answers.talk(IntentRouter.Intent.OFF_TOPIC, "x"), Answers.talk(IntentRouter.Intent.GIBBERISH, "x"));
    }
}
