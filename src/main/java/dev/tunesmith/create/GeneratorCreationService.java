package dev.tunesmith.create;

import dev.tunesmith.music.Lyrics;
import dev.tunesmith.music.LyricsGenerator;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.lyrics.ModelLyricsGenerator;
import dev.tunesmith.music.LyricsService;
import dev.tunesmith.music.Melody;
import dev.tunesmith.music.MelodyRequest;
import dev.tunesmith.music.MelodyService;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.Tune;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creation backed by the project's DJL models (melody LSTM + harmonizer, word-level lyrics model with
 * rhyme/syllable-constrained decoding and the CMUdict checker). Each model loads on its own: when one
 * is missing, its tools explain that and the others keep working. Results are stored as artifacts.
 */
public final class GeneratorCreationService implements CreationService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratorCreationService.class);

    private final ArtifactStore artifacts;
    private final MelodyService melody;
    private final LyricsService lyrics;
    private final String melodyProblem;
    private final String lyricsProblem;

    private GeneratorCreationService(ArtifactStore artifacts, MelodyService melody, String melodyProblem, LyricsService lyrics,
            String lyricsProblem) {
        this.artifacts = artifacts;
        this.melody = melody;
        this.melodyProblem = melodyProblem;
        this.lyrics = lyrics;
        this.lyricsProblem = lyricsProblem;
    }

    /** Loads the shipped models (blocking: a few seconds on first use while DJL extracts its natives). */
    public static GeneratorCreationService loadShipped(ArtifactStore artifacts) {
        return load(artifacts, java.util.Optional.empty(), java.util.Optional.empty(), g -> g);
    }

    /**
     * Loads the shipped models; {@code lyricsWrapper} may put another generator (an LLM) in front of
     * the shipped lyrics model, which it then uses as its fallback.
     */
    public static GeneratorCreationService load(ArtifactStore artifacts, java.util.Optional<java.nio.file.Path> melodyDir,
            java.util.Optional<java.nio.file.Path> lyricsDir, java.util.function.UnaryOperator<LyricsGenerator> lyricsWrapper) {
        MelodyService m = null;
        String mProblem = null;
        LyricsService l = null;
        String lProblem = null;
        try {
            m = melodyDir.map(MelodyService::load).orElseGet(MelodyService::loadShipped);
            LOG.info("melody model loaded on {}", m.device());
        } catch (RuntimeException | LinkageError e) {
            mProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("melody model unavailable: {}", mProblem);
        }
        try {
            l = LyricsService.of(lyricsWrapper.apply(lyricsDir.map(d -> ModelLyricsGenerator.load(d, 2))
                    .orElseGet(() -> ModelLyricsGenerator.loadShipped(2))));
            LOG.info("lyrics model loaded");
        } catch (RuntimeException | LinkageError e) {
            lProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("lyrics model unavailable: {}", lProblem);
        }
        return new GeneratorCreationService(artifacts, m, mProblem, l, lProblem);
    }

    @Override
    public JsonObject lyrics(long userId, UUID conversationId, LyricsAsk r) {
        if (lyrics == null) {
            throw new CreationException("lyrics generation is unavailable (" + lyricsProblem + ")");
        }
        String theme = r.theme() == null || r.theme().isBlank() ? "a summer evening" : r.theme().trim();
        String scheme = r.scheme() == null || r.scheme().isBlank() ? "ABAB" : r.scheme().trim().toUpperCase(Locale.ROOT);
        int lines = r.lines() == null ? scheme.length() * 2 : r.lines();
        int syllables = r.syllables() == null ? 8 : r.syllables();
        Lyrics result;
        try {
            result = lyrics.generate(new LyricsRequest(theme.length() > 200 ? theme.substring(0, 200) : theme, scheme, lines, syllables, null));
        } catch (IllegalArgumentException e) {
            throw new CreationException(e.getMessage());
        }
        JsonObject json = new JsonObject().put("title", result.title()).put("text", result.text()).put("scheme", result.scheme())
                .put("checks", new JsonObject(result.checks().toMap()));
        return store(userId, conversationId, "lyrics", result.title(), json);
    }

    @Override
    public JsonObject melody(long userId, UUID conversationId, MelodyAsk r) {
        requireMelody();
        String key = r.key() == null || r.key().isBlank() ? "D" : r.key().trim();
        String meter = r.meter() == null || r.meter().isBlank() ? "4/4" : r.meter().trim();
        int bars = r.bars() == null ? 16 : r.bars();
        Melody m;
        try {
            m = melody.generate(new MelodyRequest(key, meter, bars, r.mood(), null, null, 1.0, 0.95));
        } catch (IllegalArgumentException e) {
            throw new CreationException(e.getMessage());
        }
        JsonObject json = new JsonObject(m.toMap());
        return store(userId, conversationId, "melody", title(m.abc(), "Melody in " + m.key()), json);
    }

    @Override
    public JsonObject harmonize(long userId, UUID conversationId, String abc) {
        requireMelody();
        String source = abc;
        if (source == null || source.isBlank()) {
            Optional<JsonObject> latest = await(artifacts.latest(conversationId, userId, "melody"));
            source = latest.map(j -> j.getString("abc")).orElseThrow(() -> new CreationException(
                    "there is no melody in this conversation yet — ask for one, or paste ABC notation"));
        }
        String withChords;
        Tune tune;
        try {
            withChords = melody.harmonize(source);
            tune = AbcParser.parse(withChords);
        } catch (IllegalArgumentException e) {
            throw new CreationException("that ABC could not be read: " + e.getMessage());
        }
        long bars = withChords.lines().filter(l -> !l.matches("^[A-Za-z]:.*")).mapToLong(l -> l.chars().filter(c -> c == '|').count()).sum();
        JsonObject json = new JsonObject().put("abc", withChords).put("key", tune.field('K')).put("meter", tune.field('M'))
                .put("bars", (int) Math.max(1, bars - 1));
        return store(userId, conversationId, "melody", title(withChords, "Harmonized melody"), json);
    }

    @Override
    public String device() {
        return melody == null ? "cpu" : melody.device();
    }

    private void requireMelody() {
        if (melody == null) {
            throw new CreationException("melody generation is unavailable (" + melodyProblem + ")");
        }
    }

    private JsonObject store(long userId, UUID conversationId, String kind, String title, JsonObject content) {
        long id = await(artifacts.save(userId, conversationId, kind, title, content));
        return content.copy().put("id", id);
    }

    private static String title(String abc, String fallback) {
        return abc.lines().filter(l -> l.startsWith("T:")).map(l -> l.substring(2).trim()).findFirst().filter(s -> !s.isEmpty()).orElse(fallback);
    }

    private static <T> T await(io.vertx.core.Future<T> f) {
        try {
            return f.await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new CreationException("saving took too long; please try again");
        }
    }

    @Override
    public void close() {
        if (melody != null) {
            melody.close();
        }
        if (lyrics != null) {
            lyrics.close();
        }
    }
}
