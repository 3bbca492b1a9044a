package dev.tunesmith.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.agent.offline.OfflineChatModel;
import dev.tunesmith.conversation.ConversationStore;
import dev.tunesmith.conversation.PgChatMemoryStore;
import dev.tunesmith.platform.llm.LlmHealth;
import dev.tunesmith.recommend.constraint.GenreTree;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LLM mode over real HTTP: langchain4j's {@code OllamaStreamingChatModel} talks NDJSON to a
 * {@link FakeOllamaServer} that streams tool calls and text. Checks that the tools run with
 * validated (repaired or refused) arguments, the model sees verified facts, and the number of tool
 * calls in a turn is bounded.
 */
class LlmModeTest extends AppTestBase {

    private FakeOllamaServer ollama;
    private ChatAgent agent;
    private ConversationStore conversations;
    private long userId;

    @BeforeEach
    void setUp() {
        ollama = FakeOllamaServer.start(vertx, "fake-llm");
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("llm"));
        userId = http.get(app.port(), "127.0.0.1", "/api/me").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getLong("id");
        LlmHealth healthy = new LlmHealth() {
            @Override
            public boolean healthy() {
                return true;
            }

            @Override
            public void markUnhealthy() {
                // the fake server stays up
            }
        };
        OllamaStreamingChatModel model = OllamaStreamingChatModel.builder().baseUrl(ollama.baseUrl()).modelName(ollama.model)
                .timeout(Duration.ofSeconds(10)).build();
        conversations = new ConversationStore(app.pool());
        agent = new ChatAgent(app.musicTools(), conversations, new PgChatMemoryStore(app.pool()), new OfflineChatModel(app.intentRouter()),
                Optional.of(model), healthy, (n, t, ok) -> { }, 20_000, 4);
    }

    @AfterEach
    void tearDown() {
        ollama.close();
        agent.close();
    }

    private ChatAgentTest.Recording turn(String text) throws InterruptedException {
        UUID conversation = UUID.randomUUID();
        assertTrue(conversations.addUserMessage(conversation, userId, text).await().isPresent());
        ChatAgentTest.Recording r = new ChatAgentTest.Recording();
        agent.run(userId, conversation, text, r);
        r.await();
        return r;
    }

    @Test
    void should_run_a_streamed_tool_call_with_repaired_arguments_and_show_the_model_verified_facts() throws Exception {
        ollama.script(req -> FakeOllamaServer.toolResults(req).isEmpty()
                ? List.of(FakeOllamaServer.toolCall("rankTracks", new JsonObject().put("mood", "calm evening").put("count", 5)
                        .put("excludeTags", new JsonArray().add("rock")).put("maxEnergy", 70)), FakeOllamaServer.done("stop"))
                : List.of(FakeOllamaServer.text("Here is "), FakeOllamaServer.text("a calm mix."), FakeOllamaServer.done("stop")));
        ChatAgentTest.Recording r = turn("a calm evening, no rock, 5 songs");
        assertEquals("done", r.order.get(r.order.size() - 1), r.order.toString());
        assertTrue(r.order.contains("tool:rankTracks:start"), r.order.toString());
        assertEquals("Here is a calm mix.", r.text.toString());
        JsonObject playlist = r.artifacts.get(0);
        JsonArray items = playlist.getJsonArray("items");
        assertEquals(5, items.size());
        for (Object o : items) {
            JsonObject track = ((JsonObject) o).getJsonObject("track");
            for (Object tag : track.getJsonArray("tags")) {
                assertFalse(GenreTree.covers("rock", String.valueOf(tag)), track.encode());
            }
            Double energy = track.getJsonObject("features").getDouble("energy");
            assertTrue(energy != null && energy <= 0.7, "an energy of 70 was read as 0.7: " + energy);
        }
        assertEquals(2, ollama.requests.size());
        JsonObject first = ollama.requests.get(0);
        assertTrue(first.getBoolean("stream", false), "streaming request");
        assertTrue(first.getJsonArray("tools").encode().contains("rankTracks"), "tools are offered");
        String result = FakeOllamaServer.toolResults(ollama.requests.get(1)).get(0);
        assertTrue(result.contains("\"facts\"") && result.contains("no rock"), "the model sees the verified facts: " + result);
    }

    @Test
    void should_refuse_invalid_arguments_back_to_the_model_with_a_reason() throws Exception {
        ollama.script(req -> FakeOllamaServer.toolResults(req).isEmpty()
                ? List.of(FakeOllamaServer.toolCall("rankTracks", new JsonObject().put("mood", "party").put("count", 500)), FakeOllamaServer.done("stop"))
                : List.of(FakeOllamaServer.text("Sorry, at most 100 tracks."), FakeOllamaServer.done("stop")));
        ChatAgentTest.Recording r = turn("500 party songs");
        assertEquals("done", r.order.get(r.order.size() - 1));
        assertTrue(r.artifacts.isEmpty(), "no playlist for a refused call");
        String result = FakeOllamaServer.toolResults(ollama.requests.get(1)).get(0);
        assertTrue(result.contains("count must be 1-100"), result);

        ollama.requests.clear();
        ollama.script(req -> FakeOllamaServer.toolResults(req).isEmpty()
                ? List.of(FakeOllamaServer.toolCall("refinePlaylist", new JsonObject().put("action", "teleport")), FakeOllamaServer.done("stop"))
                : List.of(FakeOllamaServer.text("I can't do that."), FakeOllamaServer.done("stop")));
        turn("teleport the playlist");
        String refused = FakeOllamaServer.toolResults(ollama.requests.get(1)).get(0);
        assertTrue(refused.contains("unknown action 'teleport'") && refused.contains("set_count"), refused);
    }

    @Test
    void should_bound_the_tool_calls_of_one_turn() throws Exception {
        ollama.script(req -> List.of(FakeOllamaServer.toolCall("lookupMyProfile", new JsonObject()), FakeOllamaServer.done("stop")));
        ChatAgentTest.Recording r = turn("what do I like? keep checking");
        long calls = r.order.stream().filter(o -> o.equals("tool:lookupMyProfile:start")).count();
        assertTrue(calls <= ChatAgent.MAX_TOOL_CALLS_PER_TURN, calls + " tool calls");
        assertTrue(ollama.requests.size() <= ChatAgent.MAX_TOOL_CALLS_PER_TURN + 1, ollama.requests.size() + " requests");
        String last = r.order.get(r.order.size() - 1);
        assertTrue(last.equals("done") || last.startsWith("error:"), r.order.toString());
    }
}
