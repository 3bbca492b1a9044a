package dev.tunesmith.agent.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.tunesmith.create.CreationException;
import dev.tunesmith.playlist.PlaylistException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tool failures as types: what the model reads, and how a remembered call is read back. */
class ToolOutcomeTest {

    @Test
    void should_word_domain_failures_as_json_with_their_code() {
        JsonObject missing = new JsonObject(ToolErrors.text(new CreationException(CreationException.Kind.NOT_FOUND, "melody 41 not found")));
        assertEquals("melody 41 not found", missing.getString("error"));
        assertEquals("not_found", missing.getString("code"));

        JsonObject playlist = new JsonObject(ToolErrors.text(new RuntimeException(new PlaylistException("there is no playlist yet"))));
        assertEquals("there is no playlist yet", playlist.getString("error"));
        assertEquals("invalid", playlist.getString("code"));

        assertEquals("invalid", new JsonObject(ToolErrors.text(new IllegalArgumentException("count must be 1-100"))).getString("code"));
    }

    @Test
    void should_leave_unexpected_failures_in_langchain4js_words() {
        assertEquals("pool closed", ToolErrors.text(new IllegalStateException("pool closed")));
        assertTrue(ToolErrors.failure(new IllegalStateException("pool closed")).isEmpty());
    }

    @Test
    void should_keep_a_failed_call_failed_through_the_memory_store_codec() {
        ToolExecutionResultMessage failed = ToolExecutionResultMessage.builder().id("call-7").toolName("editMelody")
                .text(ToolErrors.text(new ToolFailure(ToolFailure.Code.FORBIDDEN, "needs the creator role"))).isError(true).build();
        ToolExecutionResultMessage fine = ToolExecutionResultMessage.builder().id("call-8").toolName("rhymesFor")
                .text("{\"word\":\"rain\",\"perfect\":[]}").isError(false).build();

        List<ChatMessage> back = ChatMessageDeserializer.messagesFromJson(ChatMessageSerializer.messagesToJson(List.of(failed, fine)));
        ToolOutcome first = ToolOutcome.of((ToolExecutionResultMessage) back.get(0));
        ToolOutcome second = ToolOutcome.of((ToolExecutionResultMessage) back.get(1));

        assertFalse(first.ok());
        assertEquals(ToolFailure.Code.FORBIDDEN, first.code());
        assertEquals("needs the creator role", first.message());
        assertTrue(second.ok());
        assertNull(second.code());
        assertEquals("rain", second.json().getString("word"));
    }

    @Test
    void should_read_memory_stored_before_calls_were_marked() {
        ToolOutcome old = ToolOutcome.of(ToolExecutionResultMessage.from("c1", "rankTracks", "{\"error\":\"a playlist can have 1 to 100 tracks\"}"));
        assertFalse(old.ok());
        assertEquals(ToolFailure.Code.INVALID, old.code());
        assertTrue(ToolOutcome.of(ToolExecutionResultMessage.from("c2", "rankTracks", "{\"id\":3,\"items\":[]}")).ok());
    }

    @Test
    void should_not_take_a_text_that_mentions_an_error_for_a_failure() {
        // a successful answer that merely talks about errors is a success: the outcome is the mark, not the wording
        ToolExecutionResultMessage ok = ToolExecutionResultMessage.builder().id("c3").toolName("describeTrack")
                .text("{\"error\":\"Error\",\"description\":\"a song called Error\"}").isError(false).build();
        assertTrue(ToolOutcome.of(ok).ok());
    }
}
