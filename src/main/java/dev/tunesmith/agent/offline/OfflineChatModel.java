package dev.tunesmith.agent.offline;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.tunesmith.agent.tools.ToolOutcome;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded agent's "model": a LangChain4j {@link StreamingChatModel} that needs no LLM server.
 * On a user message it routes the intent ({@link IntentRouter}, with what the conversation holds so
 * far) and answers with a tool-execution request, or directly for greetings, thanks, help, off-topic
 * and unclear messages; on tool results it words the answer ({@link Answers}) and streams it. A message
 * with several edits ("make it faster and transpose it to G") is taken a part at a time: each tool
 * result brings the call for the next part, routed in the conversation as the edits before it left it,
 * and the answer says for each part what was done or why not. So the
 * offline agent runs through the same AiServices, tools, memory and streaming as the LLM one.
 */
public final class OfflineChatModel implements StreamingChatModel {

    private static final Set<String> PLAYLIST_TOOLS = Set.of("rankTracks", "similarTracks", "refinePlaylist");

    private final IntentRouter router;

    public OfflineChatModel(IntentRouter router) {
        this.router = router;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        try {
            List<ChatMessage> messages = request.messages();
            ChatMessage last = messages.get(messages.size() - 1);
            Set<String> tools = request.toolSpecifications() == null || request.toolSpecifications().isEmpty() ? null
                    : request.toolSpecifications().stream().map(ToolSpecification::name).collect(java.util.stream.Collectors.toSet());
            if (last instanceof ToolExecutionResultMessage) {
                afterTools(messages, tools, handler);
                return;
            }
            if (!(last instanceof UserMessage user)) {
                answer(Answers.help(), handler);
                return;
            }
            String text = user.singleText();
            IntentRouter.Context ctx = context(messages);
            List<String> parts = router.parts(text, ctx);
            if (parts.size() > 1) {
                next(parts, 0, messages, Map.of(), tools, handler);
                return;
            }
            IntentRouter.Route route = router.route(text, ctx);
            if (route.tool() == null) {
                answer(Answers.talk(route.intent(), text), handler);
                return;
            }
            if (tools != null && !tools.contains(route.tool())) {
                answer(Answers.unavailable(text), handler);
                return;
            }
            call(route, null, handler);
        } catch (RuntimeException e) {
            handler.onError(e);
        }
    }

    /**
     * After tool results: the next part of a message with several edits (routed in the conversation as the
     * edits before it left it), or the answer, one paragraph per part, saying what was done and what could not be.
     */
    private void afterTools(List<ChatMessage> messages, Set<String> tools, StreamingChatResponseHandler handler) {
        int u = messages.size() - 1;
        while (u >= 0 && !(messages.get(u) instanceof UserMessage)) {
            u--;
        }
        List<ToolExecutionResultMessage> results = new ArrayList<>();
        for (int i = Math.max(0, u + 1); i < messages.size(); i++) {
            if (messages.get(i) instanceof ToolExecutionResultMessage r) {
                results.add(r);
            }
        }
        List<String> parts = u < 0 ? List.of() : router.parts(((UserMessage) messages.get(u)).singleText(), context(messages.subList(0, u + 1)));
        Map<Integer, ToolExecutionResultMessage> done = new LinkedHashMap<>();
        int lastPart = -1;
        for (ToolExecutionResultMessage r : results) {
            int part = partOf(r.id());
            if (part >= 0) {
                done.put(part, r);
                lastPart = Math.max(lastPart, part);
            }
        }
        if (parts.size() < 2 || done.isEmpty()) {
            answer(Answers.fromToolResults(results), handler);
            return;
        }
        next(parts, lastPart + 1, messages, done, tools, handler);
    }

    /** Calls the tool for the first part from {@code from} on that routes to an available tool, or answers for all parts. */
    private void next(List<String> parts, int from, List<ChatMessage> messages, Map<Integer, ToolExecutionResultMessage> done, Set<String> tools,
            StreamingChatResponseHandler handler) {
        IntentRouter.Context ctx = context(messages);
        for (int k = from; k < parts.size(); k++) {
            IntentRouter.Route route = router.route(parts.get(k), ctx);
            if (route.tool() != null && (tools == null || tools.contains(route.tool()))) {
                call(route, k, handler);
                return;
            }
        }
        answer(Answers.compound(parts, done), handler);
    }

    private static final String PART = "part-";

    private static void call(IntentRouter.Route route, Integer part, StreamingChatResponseHandler handler) {
        ToolExecutionRequest call = ToolExecutionRequest.builder()
                .id((part == null ? "" : PART + part + "-") + UUID.randomUUID())
                .name(route.tool())
                .arguments(route.arguments().encode())
                .build();
        handler.onCompleteResponse(ChatResponse.builder()
                .aiMessage(AiMessage.from(call))
                .finishReason(FinishReason.TOOL_EXECUTION)
                .modelName("tunesmith-offline")
                .build());
    }

    /** The part of a compound request a tool call was made for (from its id), or -1. */
    private static int partOf(String id) {
        if (id == null || !id.startsWith(PART)) {
            return -1;
        }
        int dash = id.indexOf('-', PART.length());
        try {
            return Integer.parseInt(id.substring(PART.length(), dash));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Whether the conversation has a playlist (and how long the newest is) or a melody, from the tool results it remembers. */
    static IntentRouter.Context context(List<ChatMessage> messages) {
        boolean playlist = false;
        int size = 0;
        boolean melody = false;
        for (ChatMessage m : messages) {
            if (m instanceof ToolExecutionResultMessage r && r.text() != null && ToolOutcome.of(r).ok()) {
                if (PLAYLIST_TOOLS.contains(r.toolName())) {
                    try {
                        int n = new JsonObject(r.text()).getJsonArray("items", new io.vertx.core.json.JsonArray()).size();
                        if (n > 0) {
                            playlist = true;
                            size = n;
                        }
                    } catch (DecodeException | ClassCastException e) {
                        playlist = true;
                    }
                } else if (r.toolName().equals("generateMelody") || r.toolName().equals("harmonizeMelody")) {
                    melody = true;
                }
            }
        }
        return new IntentRouter.Context(playlist, size, melody, lastCreation(messages), lastPosition(messages));
    }

    /**
     * The one position the newest tool call about a track of the playlist named ("what's track 4?", "swap the 3rd"), or 0;
     * a new playlist since then resets it.
     */
    private static int lastPosition(List<ChatMessage> messages) {
        int last = 0;
        for (ChatMessage m : messages) {
            if (m instanceof dev.langchain4j.data.message.AiMessage ai && ai.hasToolExecutionRequests()) {
                for (var r : ai.toolExecutionRequests()) {
                    try {
                        JsonObject a = new JsonObject(r.arguments() == null || r.arguments().isBlank() ? "{}" : r.arguments());
                        switch (r.name()) {
                            case "describeTrack" -> last = a.getInteger("position", last);
                            case "refinePlaylist" -> {
                                var ps = a.getJsonArray("positions");
                                last = ps != null && ps.size() == 1 ? ps.getInteger(0) : last;
                            }
                            case "rankTracks", "similarTracks" -> last = 0;
                            default -> { }
                        }
                    } catch (DecodeException | ClassCastException e) {
                        // arguments an LLM wrote badly say nothing about a position
                    }
                }
            }
        }
        return Math.max(0, last);
    }

    /**
     * "melody" or "lyrics" when the conversation's newest artifact (the newest successful tool result that
     * made one) is a creation, else null: after a playlist, "faster" refines the playlist, not an older melody.
     */
    private static String lastCreation(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ToolExecutionResultMessage r && r.text() != null && ToolOutcome.of(r).ok()) {
                switch (r.toolName()) {
                    case "generateMelody", "harmonizeMelody", "editMelody" -> {
                        return "melody";
                    }
                    case "generateLyrics", "continueMyVerse", "rewriteLyricLine", "resizeLyrics", "editLyrics", "moodLyrics" -> {
                        return "lyrics";
                    }
                    default -> {
                        if (PLAYLIST_TOOLS.contains(r.toolName())) {
                            return null;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Streams the answer a line (or a few words) at a time, then completes. */
    private static void answer(String text, StreamingChatResponseHandler handler) {
        for (String chunk : Answers.chunks(text)) {
            handler.onPartialResponse(chunk);
        }
        handler.onCompleteResponse(ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .finishReason(FinishReason.STOP)
                .modelName("tunesmith-offline")
                .build());
    }
}
