package dev.tunesmith.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.tunesmith.platform.llm.LlmHealth;
import dev.tunesmith.music.CheckReport;
import dev.tunesmith.music.LyricsGenerator;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.lyrics.LyricsChecker;
import dev.tunesmith.music.lyrics.Pronunciations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LLM lyrics path with a SCRIPTED chat model (no Ollama here) and the real CMUdict checker. */
class LlmLyricsGeneratorTest {

    /** Answers prompts from a script and remembers them. */
    static final class ScriptedChatModel implements ChatModel {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> prompts = new ArrayList<>();
        RuntimeException failure;

        @Override
        public ChatResponse doChat(ChatRequest request) {
            prompts.add(((UserMessage) request.messages().get(request.messages().size() - 1)).singleText());
            if (failure != null) {
                throw failure;
            }
            return ChatResponse.builder().aiMessage(AiMessage.from(answers.poll())).build();
        }
    }

    static final class Health implements LlmHealth {
        boolean healthy = true;

        @Override
        public boolean healthy() {
            return healthy;
        }

        @Override
        public void markUnhealthy() {
            healthy = false;
        }
    }

    private static final LyricsGenerator FALLBACK = new LyricsGenerator() {
        @Override
        public Draft write(LyricsRequest request) {
            return new Draft("From the built-in model", "one\ntwo\nthree\nfour");
        }

        @Override
        public void close() {
            // nothing to release
        }
    };

    private final LyricsChecker checker = new LyricsChecker(Pronunciations.shared());

    @Test
    void should_repair_the_line_that_misses_the_rhyme_and_keep_the_rest() {
        ScriptedChatModel llm = new ScriptedChatModel();
        llm.answers.add("""
                Title: Salt and Light
                1. The waves are rolling to the shore
                2. The gulls are crying in the night
                3. I hear the ocean's distant roar
                4. The sailors vanish into blue""");
        llm.answers.add("The lighthouse shines its silver light");
        LlmLyricsGenerator generator = new LlmLyricsGenerator(llm, new Health(), checker, FALLBACK, 2);

        LyricsGenerator.Draft draft = generator.write(new LyricsRequest("the sea", "ABAB", 4, 8, null));

        assertEquals("Salt and Light", draft.title());
        List<String> lines = draft.text().lines().toList();
        assertEquals("The waves are rolling to the shore", lines.get(0), "numbering is stripped");
        assertEquals("The lighthouse shines its silver light", lines.get(3));
        assertEquals(2, llm.prompts.size(), "only the failing line was sent back");
        assertTrue(llm.prompts.get(1).contains("night"), "the repair asks for a rhyme with line 2: " + llm.prompts.get(1));
        CheckReport report = checker.check(draft.text(), "ABAB", 8);
        assertEquals(1.0, report.schemeAdherence());
    }

    @Test
    void should_fall_back_to_the_built_in_model_when_the_llm_fails_or_is_down() {
        ScriptedChatModel llm = new ScriptedChatModel();
        llm.failure = new IllegalStateException("connection refused");
        Health health = new Health();
        LlmLyricsGenerator generator = new LlmLyricsGenerator(llm, health, checker, FALLBACK, 2);

        assertEquals("From the built-in model", generator.write(new LyricsRequest("rain", "AABB", 4, 8, null)).title());
        assertFalse(health.healthy(), "a failure marks the LLM down");
        int calls = llm.prompts.size();
        generator.write(new LyricsRequest("rain", "AABB", 4, 8, null));
        assertEquals(calls, llm.prompts.size(), "no LLM call while it is down");
    }
}
