package dev.tunesmith.agent;

import dev.tunesmith.platform.llm.LlmHealth;
import dev.tunesmith.agent.tools.MusicServices;
import dev.tunesmith.agent.tools.MusicTools;
import dev.tunesmith.agent.tools.ToolContext;
import dev.tunesmith.agent.offline.OfflineChatModel;
import dev.tunesmith.conversation.ConversationStore;
import dev.tunesmith.conversation.PgChatMemoryStore;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.TokenStream;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs chat turns through LangChain4j AiServices with the {@link MusicTools}: with the Ollama model
 * when it is configured and healthy, else (or when it fails before answering) with the
 * {@link OfflineChatModel}. Turns run on virtual threads, at most {@code maxConcurrentTurns} at once;
 * each has a deadline and can be cancelled. The answer and its artifacts are stored when complete.
 */
public final class ChatAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAgent.class);

    static final String SYSTEM = """
            You are Tunesmith, a friendly music companion. Use the tools to build and refine playlists, \
            look up the user's own profile, describe tracks, write lyrics and compose melodies. \
            Never invent tracks: only mention tracks that a tool returned. Keep answers short; the app shows \
            playlists, lyrics and sheet music itself, so summarise rather than repeat them.""";

    /** The AiServices interface. */
    interface Assistant {
        TokenStream chat(@MemoryId UUID conversationId, @dev.langchain4j.service.UserMessage String text);
    }

    /** A running turn. */
    public interface TurnHandle {
        void cancel();
    }

    /** Observes tool calls (for metrics). */
    public interface ToolObserver {
        void toolFinished(String name, long nanos, boolean ok);
    }

    private final MusicServices services;
    private final ConversationStore conversations;
    private final PgChatMemoryStore memory;
    private final StreamingChatModel offline;
    private final Optional<StreamingChatModel> llm;
    private final LlmHealth probe;
    private final ToolObserver observer;
    private final long turnTimeoutMs;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public ChatAgent(MusicServices services, ConversationStore conversations, PgChatMemoryStore memory, StreamingChatModel offline,
            Optional<StreamingChatModel> llm, LlmHealth probe, ToolObserver observer, long turnTimeoutMs, int maxConcurrentTurns) {
        this.services = services;
        this.conversations = conversations;
        this.memory = memory;
        this.offline = offline;
        this.llm = llm;
        this.probe = probe;
        this.observer = observer;
        this.turnTimeoutMs = turnTimeoutMs;
        this.slots = new Semaphore(maxConcurrentTurns);
    }

    /** "llm" when an LLM is configured and answered its last probe, else "offline". */
    public String mode() {
        return llm.isPresent() && probe.healthy() ? "llm" : "offline";
    }

    /** Runs a turn whose user message is already stored. Output goes to {@code sink}, then done or error. */
    public TurnHandle run(long userId, UUID conversationId, String text, TurnSink sink) {
        return run(userId, java.util.List.of("listener"), conversationId, text, sink);
    }

    /** Runs a turn for a caller with {@code roles} (from the verified session): creation tools need creator or admin. */
    public TurnHandle run(long userId, java.util.List<String> roles, UUID conversationId, String text, TurnSink sink) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Recorder recorder = new Recorder(sink, cancelled);
        threads.submit(() -> {
            boolean acquired = false;
            try {
                acquired = slots.tryAcquire(10, TimeUnit.SECONDS);
                if (!acquired) {
                    sink.error("busy", "too many conversations at once; try again in a moment");
                    return;
                }
                execute(userId, roles, conversationId, text, recorder, cancelled);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (acquired) {
                    slots.release();
                }
            }
        });
        return () -> cancelled.set(true);
    }

    private void execute(long userId, java.util.List<String> roles, UUID conversationId, String text, Recorder recorder, AtomicBoolean cancelled) {
        ToolContext ctx = new ToolContext(userId, roles, conversationId, recorder, cancelled);
        String outcome;
        if (mode().equals("llm")) {
            outcome = attempt(llm.get(), ctx, text);
            if (outcome != null && !recorder.spokeYet() && !cancelled.get()) {
                LOG.warn("llm turn failed, falling back to the offline agent: {}", outcome);
                probe.markUnhealthy();
                dropDanglingUserMessage(conversationId, text);
                recorder.token("(The language model is unavailable right now, so the built-in assistant is answering.)\n");
                outcome = attempt(offline, ctx, text);
            }
        } else {
            outcome = attempt(offline, ctx, text);
        }
        if (outcome != null && !cancelled.get()) {
            recorder.sink.error("agent_failed", outcome);
            return;
        }
        JsonObject payload = recorder.payload();
        String answer = recorder.text();
        try {
            long id = conversations.addMessage(conversationId, "assistant", answer.isEmpty() && cancelled.get() ? "(cancelled)" : answer,
                    payload.isEmpty() ? null : payload).await(5, TimeUnit.SECONDS);
            recorder.sink.done(id, cancelled.get());
        } catch (Exception e) {
            LOG.error("could not store the answer of conversation {}", conversationId, e);
            recorder.sink.error("storage_failed", "the answer could not be saved");
        }
    }

    /** Runs one attempt; null on success (or cancel), else a message saying what went wrong. */
    private String attempt(StreamingChatModel model, ToolContext ctx, String text) {
        Assistant assistant = AiServices.builder(Assistant.class)
                .streamingChatModel(model)
                .systemMessageProvider(id -> SYSTEM)
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(24).chatMemoryStore(memory).build())
                .tools(new MusicTools(services, ctx))
                .maxSequentialToolsInvocations(6)
                .build();
        CompletableFuture<String> finished = new CompletableFuture<>();
        long[] toolStart = {0};
        assistant.chat(ctx.conversationId(), text)
                .onPartialResponse(ctx.sink()::token)
                .beforeToolExecution(b -> {
                    toolStart[0] = System.nanoTime();
                    ctx.sink().tool(b.request().name(), "start", null);
                })
                .onToolExecuted(t -> {
                    boolean ok = t.result() == null || !t.result().startsWith("{\"error\"");
                    observer.toolFinished(t.request().name(), System.nanoTime() - toolStart[0], ok);
                    ctx.sink().tool(t.request().name(), "end", ok ? "ok" : "failed");
                })
                .onCompleteResponse(r -> finished.complete(null))
                .onError(e -> finished.complete(e.getMessage() == null ? e.toString() : e.getMessage()))
                .start();
        try {
            return finished.get(turnTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            ctx.cancelled().set(true);
            return "the answer took too long (over " + turnTimeoutMs / 1000 + " s)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause().getMessage();
        }
    }

    /** After a failed LLM attempt the memory may end in our unanswered user message: drop it before retrying. */
    private void dropDanglingUserMessage(UUID conversationId, String text) {
        List<ChatMessage> messages = new ArrayList<>(memory.getMessages(conversationId));
        if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof UserMessage u && text.equals(u.singleText())) {
            messages.remove(messages.size() - 1);
            memory.updateMessages(conversationId, messages);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Passes output on (until cancelled) and remembers the answer text and artifacts to store. */
    private static final class Recorder implements TurnSink {
        private final TurnSink sink;
        private final AtomicBoolean cancelled;
        private final StringBuilder text = new StringBuilder();
        private final JsonObject payload = new JsonObject();

        Recorder(TurnSink sink, AtomicBoolean cancelled) {
            this.sink = sink;
            this.cancelled = cancelled;
        }

        synchronized boolean spokeYet() {
            return !text.isEmpty() || !payload.isEmpty();
        }

        synchronized String text() {
            return text.toString();
        }

        synchronized JsonObject payload() {
            return payload.copy();
        }

        @Override
        public synchronized void token(String t) {
            if (!cancelled.get()) {
                text.append(t);
                sink.token(t);
            }
        }

        @Override
        public void tool(String name, String status, String summary) {
            if (!cancelled.get()) {
                sink.tool(name, status, summary);
            }
        }

        @Override
        public synchronized void artifact(String type, JsonObject value) {
            if (!cancelled.get()) {
                payload.put(type, value);
                sink.artifact(type, value);
            }
        }

        @Override
        public void done(long messageId, boolean wasCancelled) {
            sink.done(messageId, wasCancelled);
        }

        @Override
        public void error(String code, String message) {
            sink.error(code, message);
        }
    }
}
