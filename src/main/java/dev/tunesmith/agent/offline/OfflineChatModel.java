package dev.tunesmith.agent.offline;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded agent's "model": a LangChain4j {@link StreamingChatModel} that needs no LLM server.
 * On a user message it routes the intent ({@link IntentRouter}, with what the conversation holds so
 * far) and answers with a tool-execution request, or directly for greetings, thanks, help, off-topic
 * and unclear messages; on tool results it words the answer ({@link Answers}) and streams it. So the
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
            if (last instanceof ToolExecutionResultMessage) {
                List<ToolExecutionResultMessage> results = new ArrayList<>();
                for (int i = messages.size() - 1; i >= 0 && messages.get(i) instanceof ToolExecutionResultMessage r; i--) {
                    results.add(0, r);
                }
                answer(Answers.fromToolResults(results), handler);
                return;
            }
            if (!(last instanceof UserMessage user)) {
                answer(Answers.help(), handler);
                return;
            }
            String text = user.singleText();
            IntentRouter.Route route = router.route(text, context(messages));
            if (route.tool() == null) {
                answer(Answers.talk(route.intent(), text), handler);
                return;
            }
            ToolExecutionRequest call = ToolExecutionRequest.builder()
                    .id(UUID.randomUUID().toString())
                    .name(route.tool())
                    .arguments(route.arguments().encode())
                    .build();
            handler.onCompleteResponse(ChatResponse.builder()
                    .aiMessage(AiMessage.from(call))
                    .finishReason(FinishReason.TOOL_EXECUTION)
                    .modelName("tunesmith-offline")
                    .build());
        } catch (RuntimeException e) {
            handler.onError(e);
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
        return new IntentRouter.Context(playlist, size, melody, lastCreation(messages));
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
                    case "generateLyrics", "continueMyVerse", "rewriteLyricLine", "resizeLyrics" -> {
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
