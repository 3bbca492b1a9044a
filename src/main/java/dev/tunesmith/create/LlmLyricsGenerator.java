package dev.tunesmith.create;

import dev.langchain4j.model.chat.ChatModel;
import dev.tunesmith.platform.llm.LlmHealth;
import dev.tunesmith.music.CheckReport;
import dev.tunesmith.music.LyricsGenerator;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.lyrics.LyricsChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lyrics from an LLM (Ollama) when one is configured and healthy: a structured prompt, then the
 * CMUdict checker, then up to {@code maxRepairs} rounds asking the model to rewrite only the lines
 * that miss the rhyme or are more than one syllable off. When the LLM is unavailable or fails, the
 * project's DJL lyrics model writes the draft instead.
 */
public final class LlmLyricsGenerator implements LyricsGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(LlmLyricsGenerator.class);

    private final ChatModel llm;
    private final LlmHealth health;
    private final LyricsChecker checker;
    private final LyricsGenerator fallback;
    private final int maxRepairs;

    public LlmLyricsGenerator(ChatModel llm, LlmHealth health, LyricsChecker checker, LyricsGenerator fallback, int maxRepairs) {
        this.llm = llm;
        this.health = health;
        this.checker = checker;
        this.fallback = fallback;
        this.maxRepairs = maxRepairs;
    }

    @Override
    public Draft write(LyricsRequest r) {
        if (!health.healthy()) {
            return fallback.write(r);
        }
        try {
            String answer = llm.chat(String.format(Locale.ROOT, """
                    Write song lyrics about %s.
                    Rules: exactly %d lines; rhyme scheme %s repeated (lines with the same letter rhyme); \
                    about %d syllables per line; plain words, no numbering, no quotes, no commentary.
                    First output one line "Title: <a short title>", then the %d lines of the song.""",
                    r.theme(), r.lines(), r.scheme(), r.syllablesPerLine(), r.lines()));
            String title = "Untitled";
            List<String> lines = new ArrayList<>();
            for (String raw : answer.split("\\R")) {
                String line = raw.strip();
                if (line.toLowerCase(Locale.ROOT).startsWith("title:")) {
                    title = line.substring(6).strip().replaceAll("^[\"*]+|[\"*]+$", "");
                } else if (!line.isEmpty() && lines.size() < r.lines()) {
                    lines.add(line.replaceAll("^(\\d+[.)]\\s*|[-*•]\\s*)", "").replaceAll("^[\"“]|[\"”]$", ""));
                }
            }
            if (lines.size() < r.lines()) {
                LOG.info("LLM gave {} of {} lyric lines; using the built-in model", lines.size(), r.lines());
                return fallback.write(r);
            }
            for (int round = 0; round < maxRepairs; round++) {
                CheckReport report = checker.check(String.join("\n", lines), r.scheme(), r.syllablesPerLine());
                // the first line of each rhyme group is the anchor: only later lines are rewritten to rhyme with it
                List<CheckReport.Line> bad = report.lines().stream()
                        .filter(l -> (!l.onScheme() && rhymePartner(report, l) != null)
                                || (l.deviation() != null && Math.abs(l.deviation()) > 1)).toList();
                if (bad.isEmpty()) {
                    break;
                }
                for (CheckReport.Line line : bad) {
                    String partner = rhymePartner(report, line);
                    String fixed = llm.chat(String.format(Locale.ROOT,
                            "Rewrite this song line so that it has %d syllables%s, keeping its meaning. "
                                    + "Reply with the new line only.\nLine: %s",
                            r.syllablesPerLine(), partner == null ? "" : " and ends with a word that rhymes with \"" + partner + "\"",
                            line.text())).strip().split("\\R")[0].replaceAll("^[\"“]|[\"”]$", "");
                    if (!fixed.isBlank()) {
                        lines.set(line.number() - 1, fixed);
                    }
                }
            }
            return new Draft(title, String.join("\n", lines));
        } catch (RuntimeException e) {
            LOG.warn("LLM lyrics failed ({}); using the built-in model", e.toString());
            health.markUnhealthy();
            return fallback.write(r);
        }
    }

    /** The last word of an earlier line that should rhyme with {@code line}, if any. */
    private static String rhymePartner(CheckReport report, CheckReport.Line line) {
        for (CheckReport.Line other : report.lines()) {
            if (other.number() < line.number() && line.expectedClass() != null && line.expectedClass().equals(other.expectedClass())) {
                return other.lastWord();
            }
        }
        return null;
    }

    @Override
    public void close() {
        fallback.close();
    }
}
