package dev.tunesmith.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message with several edits runs one tool call per part, in order, and the answer reports each part. */
class OfflineChatModelCompoundTest {

    private static final OfflineChatModel MODEL = new OfflineChatModel(new IntentRouter());
    private static final List<String> TOOLS = List.of("rankTracks", "refinePlaylist", "generateMelody", "editMelody", "generateLyrics", "resizeLyrics");

    private static ChatResponse turn(List<ChatMessage> messages, List<String> tools) {
        ChatResponse[] out = new ChatResponse[1];
        Throwable[] error = new Throwable[1];
        ChatRequest request = ChatRequest.builder().messages(messages)
                .toolSpecifications(tools.stream().map(t -> ToolSpecification.builder().name(t).build()).toList()).build();
        MODEL.doChat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
            }

            @Override
            public void onCompleteResponse(ChatResponse r) {
                out[0] = r;
            }

            @Override
            public void onError(Throwable t) {
                error[0] = t;
            }
        });
        if (error[0] != null) {
            throw new AssertionError(error[0]);
        }
        return out[0];
    }

    private static List<ChatMessage> melodyConversation() {
        List<ChatMessage> m = new ArrayList<>();
        m.add(UserMessage.from("a jig in D"));
        ToolExecutionRequest gen = ToolExecutionRequest.builder().id("g1").name("generateMelody").arguments("{}").build();
        m.add(AiMessage.from(gen));
        m.add(ToolExecutionResultMessage.from(gen, new JsonObject().put("abc", "X:1").put("key", "D").put("meter", "6/8").put("bars", 16).encode()));
        m.add(AiMessage.from("A new melody"));
        return m;
    }

    @Test
    void should_apply_both_melody_edits_in_order_and_report_each() {
        List<ChatMessage> m = melodyConversation();
        m.add(UserMessage.from("speed it up a bit and put it in the key of G please"));
        ChatResponse first = turn(m, TOOLS);
        ToolExecutionRequest c1 = first.aiMessage().toolExecutionRequests().getFirst();
        assertEquals("editMelody", c1.name());
        assertEquals("tempo", new JsonObject(c1.arguments()).getString("action"), c1.arguments());
        m.add(first.aiMessage());
        m.add(ToolExecutionResultMessage.from(c1, new JsonObject().put("key", "D").put("meter", "6/8").put("bars", 16).put("tempo", 140)
                .put("edit", "tempo set to 140 BPM").encode()));

        ChatResponse second = turn(m, TOOLS);
        ToolExecutionRequest c2 = second.aiMessage().toolExecutionRequests().getFirst();
        JsonObject a2 = new JsonObject(c2.arguments());
        assertEquals("transpose", a2.getString("action"), c2.arguments());
        assertEquals("G", a2.getString("key"));
        m.add(second.aiMessage());
        m.add(ToolExecutionResultMessage.from(c2, new JsonObject().put("error", "only major and minor keys are supported").encode()));

        ChatResponse answer = turn(m, TOOLS);
        String text = answer.aiMessage().text();
        assertNotNull(text);
        assertTrue(text.contains("1 of the 2 changes"), text);
        assertTrue(text.contains("tempo set to 140 BPM"), text);
        assertTrue(text.contains("couldn't do that: only major and minor keys"), "the failed part is said honestly: " + text);
    }

    @Test
    void should_refine_a_playlist_twice_from_one_message() {
        List<ChatMessage> m = new ArrayList<>();
        m.add(UserMessage.from("chill songs"));
        ToolExecutionRequest rank = ToolExecutionRequest.builder().id("r1").name("rankTracks").arguments("{}").build();
        m.add(AiMessage.from(rank));
        JsonArray items = new JsonArray();
        for (int i = 0; i < 20; i++) {
            items.add(new JsonObject().put("position", i + 1));
        }
        m.add(ToolExecutionResultMessage.from(rank, new JsonObject().put("title", "Chill").put("items", items).encode()));
        m.add(AiMessage.from("Here"));
        m.add(UserMessage.from("fewer songs, and only one per artist"));
        ChatResponse first = turn(m, TOOLS);
        ToolExecutionRequest c1 = first.aiMessage().toolExecutionRequests().getFirst();
        assertEquals("set_count", new JsonObject(c1.arguments()).getString("action"), c1.arguments());
        m.add(first.aiMessage());
        JsonArray fewer = new JsonArray();
        for (int i = 0; i < 15; i++) {
            fewer.add(new JsonObject().put("position", i + 1));
        }
        m.add(ToolExecutionResultMessage.from(c1, new JsonObject().put("title", "Chill").put("items", fewer)
                .put("constraints", new JsonObject().put("change", "cut to 15 tracks")).encode()));
        ChatResponse second = turn(m, TOOLS);
        ToolExecutionRequest c2 = second.aiMessage().toolExecutionRequests().getFirst();
        assertEquals(1, new JsonObject(c2.arguments()).getInteger("maxPerArtist"), c2.arguments());
        m.add(second.aiMessage());
        m.add(ToolExecutionResultMessage.from(c2, new JsonObject().put("title", "Chill").put("items", fewer)
                .put("constraints", new JsonObject().put("change", "at most one track per artist")).encode()));
        String text = turn(m, TOOLS).aiMessage().text();
        assertTrue(text.contains("all 2 changes"), text);
        assertTrue(text.indexOf("cut to 15 tracks") < text.indexOf("at most one track per artist"), text);
    }

    @Test
    void should_say_so_when_the_conversation_has_no_tool_for_a_section_edit() {
        List<ChatMessage> m = new ArrayList<>();
        m.add(UserMessage.from("lyrics about rain"));
        ToolExecutionRequest gen = ToolExecutionRequest.builder().id("l1").name("generateLyrics").arguments("{}").build();
        m.add(AiMessage.from(gen));
        m.add(ToolExecutionResultMessage.from(gen, new JsonObject().put("title", "Rain").put("text", "a\nb").encode()));
        m.add(AiMessage.from("Here are lyrics"));
        m.add(UserMessage.from("drop the second verse"));
        ChatResponse r = turn(m, TOOLS);
        assertTrue(r.aiMessage().toolExecutionRequests() == null || r.aiMessage().toolExecutionRequests().isEmpty());
        assertTrue(r.aiMessage().text().contains("can't do that here yet"), r.aiMessage().text());
        ChatResponse with = turn(m, List.of("editLyrics", "resizeLyrics"));
        ToolExecutionRequest call = with.aiMessage().toolExecutionRequests().getFirst();
        assertEquals("editLyrics", call.name());
        assertEquals(new JsonObject().put("action", "drop").put("section", "verse").put("index", 2), new JsonObject(call.arguments()));
    }
}
