package dev.tunesmith.agent;

import dev.tunesmith.platform.llm.LlmHealth;
import dev.tunesmith.agent.tools.MusicTools;
import dev.tunesmith.agent.tools.ToolContext;
import dev.tunesmith.agent.tools.ToolErrors;
import dev.tunesmith.agent.tools.ToolOutcome;
import dev.tunesmith.agent.offline.OfflineChatModel;
import dev.tunesmith.conversation.ConversationStore;
import dev.tunesmith.conversation.PgChatMemoryStore;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.tunesmith.platform.llm.LlmStreams;
import java.util.concurrent.atomic.AtomicReference;
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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs chat turns through LangChain4j AiServices with the {@link MusicTools}: with the Ollama model
 * when it is configured and healthy, else (or when it fails before answering) with the
 * {@link OfflineChatModel}. Turns run on virtual threads, at most {@code maxConcurrentTurns} at once.
 * Each model attempt has a hard deadline ({@code turnTimeoutMs}); a late, failed or malformed LLM attempt
 * (an error, garbage in its stream, an unknown tool, tool arguments that are not an object, an empty
 * answer) is abandoned, its HTTP stream cancelled, and the offline agent answers after a notice. A turn
 * is reported {@code cancelled} only when the user cancelled it. The answer and its artifacts are stored
 * when complete; an empty answer is never stored.
 */
public final class ChatAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAgent.class);

    /** At most this many tool calls in one turn; then the turn ends with what it has. */
    public static final int MAX_TOOL_CALLS_PER_TURN = 6;

    static final String SYSTEM = """
            You are Tunesmith, a friendly music companion. Use the tools to build and refine playlists, \
            look up the user's own profile, describe tracks, write lyrics and compose melodies. \
            Never invent tracks: only mention tracks that a tool returned. About a playlist, claim only the \
            "facts" the tool returned (they were checked on the final list) and pass on its "notes". Keep answers \
            short; the app shows playlists, lyrics and sheet music itself, so summarise rather than repeat them. \
            If a tool answers with an error, fix the arguments as it says or tell the user plainly.""";

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

    private final Function<ToolContext, MusicTools> tools;
    private final ConversationStore conversations;
    private final PgChatMemoryStore memory;
    private final StreamingChatModel offline;
    private final Optional<StreamingChatModel> llm;
    private final LlmHealth probe;
    private final ToolObserver observer;
    private final long turnTimeoutMs;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public ChatAgent(Function<ToolContext, MusicTools> tools, ConversationStore conversations, PgChatMemoryStore memory, StreamingChatModel offline,
            Optional<StreamingChatModel> llm, LlmHealth probe, ToolObserver observer, long turnTimeoutMs, int maxConcurrentTurns) {
        this.tools = tools;
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
        AtomicReference<Attempt> current = new AtomicReference<>();
        threads.submit(() -> {
            boolean acquired = false;
            try {
                acquired = slots.tryAcquire(10, TimeUnit.SECONDS);
                if (!acquired) {
                    sink.error("busy", "too many conversations at once; try again in a moment");
                    return;
                }
                execute(userId, roles, conversationId, text, recorder, cancelled, current);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("chat turn of conversation {} failed", conversationId, e);
                sink.error("agent_failed", "the answer could not be produced");
            } finally {
                if (acquired) {
                    slots.release();
                }
            }
        });
        return () -> {
            cancelled.set(true);
            Attempt a = current.get();
            if (a != null) {
                a.abandon(null); // stops the model's HTTP stream too
            }
        };
    }

    private void execute(long userId, java.util.List<String> roles, UUID conversationId, String text, Recorder recorder, AtomicBoolean cancelled,
            AtomicReference<Attempt> current) {
        String outcome;
        if (mode().equals("llm")) {
            List<ChatMessage> before = memorySnapshot(conversationId);
            outcome = attempt(llm.get(), userId, roles, conversationId, text, recorder, cancelled, current);
            if (outcome != null && !cancelled.get()) {
                // any model failure (error, garbage, bad tool call, empty answer, deadline): the offline agent answers
                LOG.warn("llm turn failed, falling back to the offline agent: {}", outcome);
                probe.markUnhealthy();
                restoreMemory(conversationId, before, text);
                recorder.token((recorder.spokeYet() ? "\n\n" : "") + (outcome.startsWith(TOO_SLOW)
                        ? "(The language model took too long, so the built-in assistant is answering.)\n"
                        : "(The language model is unavailable right now, so the built-in assistant is answering.)\n"));
                outcome = attempt(offline, userId, roles, conversationId, text, recorder, cancelled, current);
            }
        } else {
            outcome = attempt(offline, userId, roles, conversationId, text, recorder, cancelled, current);
        }
        if (outcome != null && !cancelled.get()) {
            recorder.sink.error("agent_failed", outcome);
            return;
        }
        JsonObject payload = recorder.payload();
        String answer = recorder.text();
        boolean wasCancelled = cancelled.get();
        if (answer.isBlank() && payload.isEmpty() && !wasCancelled) {
            recorder.sink.error("agent_failed", "no answer was produced"); // never store an empty assistant message
            return;
        }
        try {
            long id = conversations.addMessage(conversationId, "assistant", answer.isBlank() ? "(cancelled)" : answer,
                    payload.isEmpty() ? null : payload).await(5, TimeUnit.SECONDS);
            recorder.sink.done(id, wasCancelled);
        } catch (Exception e) {
            LOG.error("could not store the answer of conversation {}", conversationId, e);
            recorder.sink.error("storage_failed", "the answer could not be saved");
        }
    }

    private static final String TOO_SLOW = "the answer took too long";
    private static final java.util.Set<String> TOOL_NAMES = dev.langchain4j.agent.tool.ToolSpecifications
            .toolSpecificationsFrom(MusicTools.class).stream().map(dev.langchain4j.agent.tool.ToolSpecification::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Runs one attempt under the hard deadline; null on success (or user cancel), else what went wrong.
     * A failed or late attempt is abandoned: its HTTP streams are cancelled and its late output dropped.
     */
    private String attempt(StreamingChatModel model, long userId, java.util.List<String> roles, UUID conversationId, String text, Recorder recorder,
            AtomicBoolean cancelled, AtomicReference<Attempt> current) {
        Attempt a = new Attempt(recorder);
        current.set(a);
        if (cancelled.get()) {
            return null;
        }
        ToolContext ctx = new ToolContext(userId, roles, conversationId, a, a.stop);
        Assistant assistant = AiServices.builder(Assistant.class)
                .streamingChatModel(model)
                .systemMessageProvider(id -> SYSTEM)
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(24).chatMemoryStore(memory).build())
                .tools(tools.apply(ctx))
                .maxSequentialToolsInvocations(MAX_TOOL_CALLS_PER_TURN)
                .hallucinatedToolNameStrategy(req -> {
                    a.abandon("the model asked for a tool that does not exist ('" + req.name() + "')");
                    return ToolExecutionResultMessage.from(req, "Error: there is no tool called '" + req.name() + "'");
                })
                .toolExecutionErrorHandler(ToolErrors::handle)
                .toolArgumentsErrorHandler((error, c) -> {
                    a.abandon("the model gave tool '" + c.toolExecutionRequest().name() + "' arguments it cannot take: " + error.getMessage());
                    return ToolErrorHandlerResult.text("Error: the arguments could not be read");
                })
                .build();
        long[] toolStart = {0};
        try {
            a.scope.run(() -> assistant.chat(conversationId, text)
                    .onPartialResponse(a::token)
                    .beforeToolExecution(b -> {
                        if (!TOOL_NAMES.contains(b.request().name())) {
                            a.abandon("the model asked for a tool that does not exist ('" + b.request().name() + "')");
                            return;
                        }
                        toolStart[0] = System.nanoTime();
                        a.tool(b.request().name(), "start", null);
                    })
                    .onToolExecuted(t -> {
                        boolean ok = ToolOutcome.of(t).ok();
                        observer.toolFinished(t.request().name(), System.nanoTime() - toolStart[0], ok);
                        a.tool(t.request().name(), "end", ok ? "ok" : "failed");
                    })
                    .onCompleteResponse(r -> a.finished.complete(a.spoke() ? null : "the model returned an empty answer"))
                    .onError(e -> a.finished.complete(describe(e)))
                    .start());
        } catch (RuntimeException e) {
            a.finished.complete(describe(e));
        }
        String outcome;
        try {
            outcome = a.finished.get(turnTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            outcome = TOO_SLOW + " (over " + Math.max(1, turnTimeoutMs / 1000) + " s)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            outcome = describe(e.getCause());
        }
        if (outcome != null) {
            a.abandon(outcome);
        }
        return cancelled.get() ? null : outcome;
    }

    private static String describe(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null || c instanceof RuntimeException && c.getCause() instanceof java.io.IOException)) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private List<ChatMessage> memorySnapshot(UUID conversationId) {
        try {
            return new ArrayList<>(memory.getMessages(conversationId));
        } catch (RuntimeException e) {
            LOG.warn("could not read the memory of conversation {} before the LLM attempt: {}", conversationId, e.toString());
            return null;
        }
    }

    /** After a failed LLM attempt the memory may hold its partial work (our user message, tool calls): put it back. */
    private void restoreMemory(UUID conversationId, List<ChatMessage> before, String text) {
        try {
            if (before != null) {
                memory.updateMessages(conversationId, before);
            } else {
                dropDanglingUserMessage(conversationId, text);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not restore the memory of conversation {}: {}", conversationId, e.toString());
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

    /**
     * One model attempt of a turn: passes its output on until it is abandoned (failed, late or cancelled);
     * its HTTP requests belong to {@link #scope}, so abandoning it cancels them.
     */
    private static final class Attempt implements TurnSink {
        final LlmStreams.Scope scope = new LlmStreams.Scope();
        final AtomicBoolean stop = new AtomicBoolean();
        final CompletableFuture<String> finished = new CompletableFuture<>();
        private final Recorder recorder;
        private volatile boolean spoke;

        Attempt(Recorder recorder) {
            this.recorder = recorder;
        }

        /** Stops the attempt: {@code reason} is its failure, or null when the user cancelled. */
        void abandon(String reason) {
            stop.set(true);
            finished.complete(reason);
            scope.cancel();
        }

        boolean spoke() {
            return spoke;
        }

        @Override
        public void token(String t) {
            if (!stop.get() && t != null && !t.isEmpty()) {
                spoke = true;
                recorder.token(t);
            }
        }

        @Override
        public void tool(String name, String status, String summary) {
            if (!stop.get()) {
                recorder.tool(name, status, summary);
            }
        }

        @Override
        public void artifact(String type, JsonObject value) {
            if (!stop.get()) {
                spoke = true;
                recorder.artifact(type, value);
            }
        }

        @Override
        public void done(long messageId, boolean cancelled) {
            recorder.done(messageId, cancelled);
        }

        @Override
        public void error(String code, String message) {
            recorder.error(code, message);
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
