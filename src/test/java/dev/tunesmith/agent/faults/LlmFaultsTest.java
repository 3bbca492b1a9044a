package dev.tunesmith.agent.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.agent.ChatAgent;
import dev.tunesmith.agent.TurnSink;
import dev.tunesmith.agent.faults.MisbehavingOllamaServer.Mode;
import dev.tunesmith.agent.offline.OfflineChatModel;
import dev.tunesmith.conversation.ConversationStore;
import dev.tunesmith.conversation.PgChatMemoryStore;
import dev.tunesmith.platform.llm.LlmHealth;
import dev.tunesmith.platform.llm.LlmStreams;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat agent against a misbehaving Ollama (a fake server on a raw socket), through the real
 * LangChain4j Ollama client and {@link LlmStreams}: every fault ends the turn with the offline agent's
 * answer after a notice, well before (or at) the hard deadline, never as {@code cancelled}, never with
 * an empty stored message, and with the model's connection released.
 */
class LlmFaultsTest extends AppTestBase {

    private static final long DEADLINE_MS = 3_000;
    private static MisbehavingOllamaServer ollama;

    @BeforeAll
    static void startFake() throws Exception {
        ollama = new MisbehavingOllamaServer();
    }

    @AfterAll
    static void stopFake() throws Exception {
        ollama.close();
    }

    /** Records a turn. */
    static final class Turn implements TurnSink {
        final List<String> order = Collections.synchronizedList(new ArrayList<>());
        final StringBuilder text = new StringBuilder();
        final CountDownLatch finished = new CountDownLatch(1);
        volatile Boolean cancelled;
        volatile String errorCode;
        volatile long messageId;

        @Override
        public synchronized void token(String t) {
            order.add("token");
            text.append(t);
        }

        @Override
        public void tool(String name, String status, String summary) {
            order.add("tool:" + name + ":" + status);
        }

        @Override
        public void artifact(String type, JsonObject value) {
            order.add(type);
        }

        @Override
        public void done(long id, boolean wasCancelled) {
            messageId = id;
            cancelled = wasCancelled;
            order.add("done");
            finished.countDown();
        }

        @Override
        public void error(String code, String message) {
            errorCode = code;
            order.add("error:" + code + ":" + message);
            finished.countDown();
        }
    }

    private record Run(Turn turn, long millis, String stored) {}

    private Run run(Mode mode, String text) throws Exception {
        ollama.mode(mode);
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("llmfault"));
        long userId = http.get(app.port(), "127.0.0.1", "/api/me").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getLong("id");
        OllamaStreamingChatModel llm = OllamaStreamingChatModel.builder().baseUrl(ollama.baseUrl()).modelName(MisbehavingOllamaServer.MODEL)
                .timeout(Duration.ofSeconds(30)).httpClientBuilder(LlmStreams.builder(Duration.ofMillis(1_500))).build();
        LlmHealth healthy = new LlmHealth() {
            @Override
            public boolean healthy() {
                return true;
            }

            @Override
            public void markUnhealthy() {
                // the fake stays "up" so every test reaches it
            }
        };
        ConversationStore conversations = new ConversationStore(app.pool());
        ChatAgent agent = new ChatAgent(app.musicTools(), conversations, new PgChatMemoryStore(app.pool()),
                new OfflineChatModel(app.intentRouter()), Optional.of(llm), healthy, (n, t, ok) -> { }, DEADLINE_MS, 4);
        try {
            UUID conversation = UUID.randomUUID();
            assertTrue(conversations.addUserMessage(conversation, userId, text).await().isPresent());
            Turn turn = new Turn();
            long start = System.nanoTime();
            agent.run(userId, conversation, text, turn);
            assertTrue(turn.finished.await(30, TimeUnit.SECONDS), "turn did not finish: " + turn.order);
            long millis = (System.nanoTime() - start) / 1_000_000;
            var rows = app.pool().preparedQuery("SELECT content FROM messages WHERE conversation_id = $1 AND role = 'assistant'")
                    .execute(Tuple.of(conversation)).await();
            String stored = rows.size() == 0 ? null : rows.iterator().next().getString("content");
            return new Run(turn, millis, stored);
        } finally {
            agent.close();
        }
    }

    private static void assertFellBack(Run r, String notice) {
        String text = r.turn().text.toString();
        assertEquals("done", r.turn().order.get(r.turn().order.size() - 1), r.turn().order.toString());
        assertEquals(Boolean.FALSE, r.turn().cancelled, "nobody cancelled");
        assertTrue(text.contains(notice), text);
        assertTrue(r.turn().order.contains("playlist"), "the offline agent answered: " + r.turn().order);
        assertTrue(r.stored() != null && !r.stored().isBlank() && r.stored().contains(notice), "stored: " + r.stored());
    }

    private static void assertReleased() throws InterruptedException {
        for (int i = 0; i < 40 && ollama.activeStreams() > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(0, ollama.activeStreams(), "the model's stream is cancelled and its connection released after the turn");
    }

    @Test
    void should_stream_a_healthy_models_answer_without_a_notice() throws Exception {
        Run r = run(Mode.OK, "hello there");
        assertEquals("Hello from the fake model.", r.turn().text.toString());
        assertEquals(Boolean.FALSE, r.turn().cancelled);
        assertEquals("Hello from the fake model.", r.stored());
    }

    @Test
    void should_fall_back_at_once_on_a_garbage_stream() throws Exception {
        Run r = run(Mode.GARBAGE, "a playlist for the gym, 6 songs");
        assertFellBack(r, "(The language model is unavailable right now");
        assertTrue(r.millis() < DEADLINE_MS, "garbage is a model failure, not a wait for the deadline: " + r.millis() + " ms");
        assertReleased();
    }

    @Test
    void should_fall_back_on_a_500() throws Exception {
        Run r = run(Mode.ERROR_500, "a playlist for the gym, 6 songs");
        assertFellBack(r, "(The language model is unavailable right now");
        assertTrue(r.millis() < DEADLINE_MS, r.millis() + " ms");
    }

    @Test
    void should_fall_back_when_the_connection_drops_mid_stream() throws Exception {
        Run r = run(Mode.DROP, "a playlist for the gym, 6 songs");
        assertFellBack(r, "(The language model is unavailable right now");
        assertTrue(r.millis() < DEADLINE_MS, r.millis() + " ms");
    }

    @Test
    void should_fall_back_when_the_model_calls_a_tool_that_does_not_exist() throws Exception {
        Run r = run(Mode.UNKNOWN_TOOL, "a playlist for the gym, 6 songs");
        assertFellBack(r, "(The language model is unavailable right now");
        assertFalse(r.turn().order.contains("tool:launchRockets:start"), r.turn().order.toString());
    }

    @Test
    void should_fall_back_when_tool_arguments_are_not_a_json_object() throws Exception {
        Run r = run(Mode.BAD_ARGUMENTS, "a playlist for the gym, 6 songs");
        assertFellBack(r, "(The language model is unavailable right now");
        assertTrue(r.millis() < DEADLINE_MS, r.millis() + " ms");
    }

    @Test
    void should_cancel_a_hanging_model_at_the_deadline_and_release_its_connection() throws Exception {
        Run r = run(Mode.HANG, "a playlist for the gym, 6 songs");
        assertFellBack(r, "(The language model took too long");
        assertTrue(r.millis() >= DEADLINE_MS - 100 && r.millis() < DEADLINE_MS + 8_000, r.millis() + " ms");
        assertReleased();
    }

    @Test
    void should_cut_a_slow_stream_at_the_deadline_and_release_its_connection() throws Exception {
        Run r = run(Mode.SLOW, "a playlist for the gym, 6 songs");
        assertFellBack(r, "(The language model took too long");
        assertTrue(r.millis() >= DEADLINE_MS - 100 && r.millis() < DEADLINE_MS + 8_000, r.millis() + " ms");
        assertReleased();
        int before = r.turn().text.length();
        Thread.sleep(700);
        assertEquals(before, r.turn().text.length(), "nothing of the abandoned stream arrives after the turn");
    }
}
