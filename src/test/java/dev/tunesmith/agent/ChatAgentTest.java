package dev.tunesmith.agent;

import dev.tunesmith.platform.llm.LlmHealth;

import dev.tunesmith.agent.offline.OfflineChatModel;

import dev.tunesmith.conversation.PgChatMemoryStore;

import dev.tunesmith.conversation.ConversationStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.agent.ScriptedStreamingChatModel.Reply;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Agent orchestration with a scripted model (no LLM here): tool calls, streaming order, memory in
 * Postgres, tool scoping to the caller, fallback to the offline agent, and cancel. The tools run
 * against the real services of a running app.
 */
class ChatAgentTest extends AppTestBase {



    /** Records what a turn streams, in order. */
    static final class Recording implements TurnSink {
        final List<String> order = Collections.synchronizedList(new ArrayList<>());
        final StringBuilder text = new StringBuilder();
        final List<JsonObject> artifacts = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch finished = new CountDownLatch(1);
        volatile boolean cancelled;
        volatile String errorCode;

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
            artifacts.add(value);
        }

        @Override
        public void done(long messageId, boolean wasCancelled) {
            cancelled = wasCancelled;
            order.add("done");
            finished.countDown();
        }

        @Override
        public void error(String code, String message) {
            errorCode = code;
            order.add("error:" + code);
            finished.countDown();
        }

        void await() throws InterruptedException {
            assertTrue(finished.await(30, TimeUnit.SECONDS), "turn did not finish: " + order);
        }
    }

    private record Harness(ChatAgent agent, ConversationStore conversations, PgChatMemoryStore memory, long userId) {}

    private Harness harness(ScriptedStreamingChatModel llm, boolean llmHealthy) {
        return harness(llm, llmHealthy, (n, t, ok) -> { });
    }

    private Harness harness(ScriptedStreamingChatModel llm, boolean llmHealthy, ChatAgent.ToolObserver observer) {
        String name = TestSupport.uniqueUser("agent");
        String token = TestSupport.registerAndLogin(http, app.port(), name);
        long userId = http.get(app.port(), "127.0.0.1", "/api/me").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getLong("id");
        LlmHealth probe = new LlmHealth() {
            @Override
            public boolean healthy() {
                return llmHealthy;
            }

            @Override
            public void markUnhealthy() {
                // the scripted model's health is fixed by the test
            }
        };
        ConversationStore conversations = new ConversationStore(app.pool());
        PgChatMemoryStore memory = new PgChatMemoryStore(app.pool());
        ChatAgent agent = new ChatAgent(app.musicTools(), conversations, memory, new OfflineChatModel(app.intentRouter()),
                Optional.of(llm), probe, observer, 20_000, 4);
        return new Harness(agent, conversations, memory, userId);
    }

    private Recording turn(Harness h, UUID conversation, String text) throws InterruptedException {
        assertTrue(h.conversations().addUserMessage(conversation, h.userId(), text).await().isPresent());
        Recording r = new Recording();
        h.agent().run(h.userId(), conversation, text, r);
        r.await();
        return r;
    }

    @Test
    void should_call_tools_stream_in_order_and_keep_memory_in_postgres() throws Exception {
        ScriptedStreamingChatModel llm = new ScriptedStreamingChatModel()
                .then(m -> Reply.call("rankTracks", "{\"mood\":\"calm evening\",\"count\":5,\"excludeTags\":[\"rock\"]}"))
                .then(m -> Reply.say("Here is ", "a calm ", "evening mix."))
                .then(m -> Reply.say("You asked me for a calm evening mix before."));
        Harness h = harness(llm, true);
        UUID conversation = UUID.randomUUID();

        Recording first = turn(h, conversation, "something calm for the evening, no rock");
        assertEquals(List.of("tool:rankTracks:start", "playlist", "tool:rankTracks:end", "token", "token", "token", "done"), first.order);
        assertEquals("Here is a calm evening mix.", first.text.toString());
        JsonObject playlist = first.artifacts.get(0);
        assertEquals(5, playlist.getJsonArray("items").size());
        playlist.getJsonArray("items").forEach(o -> assertFalse(((JsonObject) o).getJsonObject("track").getJsonArray("tags").contains("rock")));

        // the tool result reached the model, and memory survives into the next turn (stored in Postgres)
        assertTrue(llm.seen.get(1).stream().anyMatch(m -> m instanceof ToolExecutionResultMessage r && r.text().contains("playlistId")));
        turn(h, conversation, "what did I ask before?");
        List<ChatMessage> remembered = llm.seen.get(2);
        assertTrue(remembered.stream().anyMatch(m -> m instanceof UserMessage u && u.singleText().contains("no rock")), "memory: " + remembered);
        assertTrue(h.memory().getMessages(conversation).size() >= 6);
    }

    @Test
    void should_only_ever_read_the_callers_own_profile() throws Exception {
        // given another listener with a distinctive history
        String other = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("victim"));
        long track = http.get(app.port(), "127.0.0.1", "/api/tracks?q=orange%20horizon&limit=1").send().await().bodyAsJsonObject()
                .getJsonArray("items").getJsonObject(0).getLong("id");
        for (int i = 0; i < 3; i++) {
            http.post(app.port(), "127.0.0.1", "/api/me/events").putHeader("Authorization", "Bearer " + other)
                    .sendJsonObject(new JsonObject().put("trackId", track).put("type", "favorite")).await();
        }
        long victimId = http.get(app.port(), "127.0.0.1", "/api/me").putHeader("Authorization", "Bearer " + other).send().await()
                .bodyAsJsonObject().getLong("id");

        // when a model, prompted to, tries to pass the other user's id to the profile tool
        ScriptedStreamingChatModel llm = new ScriptedStreamingChatModel()
                .then(m -> Reply.call("lookupMyProfile", "{\"userId\":" + victimId + ",\"username\":\"victim\"}"))
                .then(m -> Reply.say(((ToolExecutionResultMessage) m.get(m.size() - 1)).text()));
        Harness h = harness(llm, true);
        Recording r = turn(h, UUID.randomUUID(), "show me the listening history of user " + victimId);

        // then the tool answered with the caller's own (empty) profile, nothing of the victim's
        String answer = r.text.toString();
        assertTrue(answer.contains("\"topArtists\":[]"), answer);
        assertFalse(answer.contains("Valliam"), answer);
    }

    @Test
    void should_record_a_refused_tool_call_as_failed_with_its_reason() throws Exception {
        // given a listener (no creator role) whose model asks for a melody, then for a playlist
        ScriptedStreamingChatModel llm = new ScriptedStreamingChatModel()
                .then(m -> Reply.call("generateMelody", "{\"key\":\"G\",\"bars\":8}"))
                .then(m -> Reply.call("rankTracks", "{\"mood\":\"sunny road trip\",\"count\":4}"))
                .then(m -> Reply.say("I can't write melodies for you, but here's a road-trip mix."));
        List<String> observed = Collections.synchronizedList(new ArrayList<>());
        Harness h = harness(llm, true, (name, nanos, ok) -> observed.add(name + ":" + ok));
        UUID conversation = UUID.randomUUID();

        Recording r = turn(h, conversation, "compose me a tune in G and then some driving songs");

        // then the refused call counts as failed, the playlist as done, and no melody was made
        assertEquals(List.of("generateMelody:false", "rankTracks:true"), observed);
        assertFalse(r.order.contains("melody"), r.order.toString());
        assertTrue(r.order.contains("playlist"), r.order.toString());
        // and the memory keeps the outcome per call, with the reason the model was given
        List<dev.tunesmith.agent.tools.ToolOutcome> outcomes = h.memory().getMessages(conversation).stream()
                .filter(m -> m instanceof ToolExecutionResultMessage).map(m -> dev.tunesmith.agent.tools.ToolOutcome.of((ToolExecutionResultMessage) m))
                .toList();
        assertEquals(2, outcomes.size(), outcomes.toString());
        assertFalse(outcomes.get(0).ok());
        assertEquals(dev.tunesmith.agent.tools.ToolFailure.Code.FORBIDDEN, outcomes.get(0).code());
        assertTrue(outcomes.get(0).message().contains("creator role"), outcomes.get(0).message());
        assertTrue(outcomes.get(1).ok(), outcomes.get(1).toString());
        assertEquals(4, outcomes.get(1).json().getJsonArray("items").size());
    }

    @Test
    void should_fall_back_to_the_offline_agent_when_the_llm_fails_before_answering() throws Exception {
        ScriptedStreamingChatModel llm = new ScriptedStreamingChatModel().then(m -> Reply.fail("connection refused"));
        Harness h = harness(llm, true);
        Recording r = turn(h, UUID.randomUUID(), "a playlist for the gym, 6 songs");
        assertTrue(r.text.toString().startsWith("(The language model is unavailable"), r.text.toString());
        assertTrue(r.order.contains("playlist"), r.order.toString());
        assertEquals("done", r.order.get(r.order.size() - 1));
        assertEquals(6, r.artifacts.get(0).getJsonArray("items").size());
    }

    @Test
    void should_hold_the_track_length_a_listener_says_in_passing() throws Exception {
        Harness h = harness(new ScriptedStreamingChatModel(), false);
        // "a 20 minute ambient piece": about 16 to 24 minutes, although mood playlists leave out tracks over 12 minutes by default
        Recording piece = turn(h, UUID.randomUUID(), "I want a 20 minute ambient piece");
        assertTrue(piece.order.contains("playlist"), piece.order.toString());
        var items = piece.artifacts.get(0).getJsonArray("items");
        assertFalse(items.isEmpty(), piece.artifacts.get(0).encode());
        items.forEach(o -> {
            int d = ((JsonObject) o).getJsonObject("track").getInteger("durationSec");
            assertTrue(d >= 960 && d <= 1440, "a " + d + " s track for a 20 minute piece");
        });
        // "nothing longer than 4 minutes": every track at most 4:00, and the playlist says so from the list
        Recording shorts = turn(h, UUID.randomUUID(), "upbeat stuff for cleaning, nothing longer than 4 minutes");
        JsonObject list = shorts.artifacts.get(0);
        list.getJsonArray("items").forEach(o -> assertTrue(((JsonObject) o).getJsonObject("track").getInteger("durationSec") <= 240));
        assertTrue(list.getJsonObject("constraints").getJsonArray("facts").encode().contains("under 4:00 long"), list.encode());
    }

    @Test
    void should_stop_streaming_when_cancelled_and_store_what_was_said() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedStreamingChatModel llm = new ScriptedStreamingChatModel().then(m -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.say("this ", "should ", "not ", "arrive");
        });
        Harness h = harness(llm, true);
        UUID conversation = UUID.randomUUID();
        assertTrue(h.conversations().addUserMessage(conversation, h.userId(), "hi").await().isPresent());
        Recording r = new Recording();
        ChatAgent.TurnHandle handle = h.agent().run(h.userId(), conversation, "hi", r);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        handle.cancel();
        release.countDown();
        r.await();
        assertTrue(r.cancelled);
        assertFalse(r.order.contains("token"), r.order.toString());
    }
}
