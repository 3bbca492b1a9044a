package dev.tunesmith.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A SCRIPTED stand-in for an LLM, for orchestration tests only: each call pops the next step,
 * which sees the messages the model was given and either requests tools or streams text.
 */
final class ScriptedStreamingChatModel implements StreamingChatModel {

    /** One scripted model response. */
    interface Step extends Function<List<ChatMessage>, Reply> {}

    /** Tool calls, or text streamed in pieces, or a failure. */
    record Reply(List<ToolExecutionRequest> tools, List<String> pieces, RuntimeException failure) {

        static Reply call(String tool, String json) {
            return new Reply(List.of(ToolExecutionRequest.builder().id("call-" + tool).name(tool).arguments(json).build()), List.of(), null);
        }

        static Reply say(String... pieces) {
            return new Reply(List.of(), List.of(pieces), null);
        }

        static Reply fail(String message) {
            return new Reply(List.of(), List.of(), new IllegalStateException(message));
        }
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    final List<List<ChatMessage>> seen = new ArrayList<>();

    ScriptedStreamingChatModel then(Step step) {
        steps.add(step);
        return this;
    }

    @Override
    public synchronized void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        seen.add(List.copyOf(request.messages()));
        Step step = steps.poll();
        if (step == null) {
            handler.onError(new IllegalStateException("script exhausted"));
            return;
        }
        Reply reply = step.apply(request.messages());
        if (reply.failure() != null) {
            handler.onError(reply.failure());
            return;
        }
        if (!reply.tools().isEmpty()) {
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(reply.tools()))
                    .finishReason(FinishReason.TOOL_EXECUTION).build());
            return;
        }
        reply.pieces().forEach(handler::onPartialResponse);
        handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(String.join("", reply.pieces())))
                .finishReason(FinishReason.STOP).build());
    }
}
