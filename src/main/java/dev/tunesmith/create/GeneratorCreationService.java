package dev.tunesmith.create;

import dev.tunesmith.music.Lyrics;
import dev.tunesmith.music.LyricsGenerator;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.lyrics.ModelLyricsGenerator;
import dev.tunesmith.music.lyrics.ThemedLyricsGenerator;
import dev.tunesmith.music.lyrics.WordEmbedder;
import dev.tunesmith.music.LyricsService;
import dev.tunesmith.music.Melody;
import dev.tunesmith.music.MelodyRequest;
import dev.tunesmith.music.MelodyService;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.Tune;
import io.vertx.core.json.JsonObject;
import dev.tunesmith.music.abc.TuneTiming;
import java.util.List;
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
        return load(artifacts, java.util.Optional.empty(), java.util.Optional.empty(), null, g -> g);
    }

    /**
     * Loads the shipped models. Lyrics come from the themed generator (theme words and their
     * neighbours under {@code words}, which may be null), or from the word-level model in
     * {@code lyricsDir} when one is configured. {@code lyricsWrapper} may put another generator (an
     * LLM) in front, which then uses the offline one as its fallback.
     */
    public static GeneratorCreationService load(ArtifactStore artifacts, java.util.Optional<java.nio.file.Path> melodyDir,
            java.util.Optional<java.nio.file.Path> lyricsDir, WordEmbedder words, java.util.function.UnaryOperator<LyricsGenerator> lyricsWrapper) {
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
            l = LyricsService.of(lyricsWrapper.apply(lyricsDir.<LyricsGenerator>map(d -> ModelLyricsGenerator.load(d, 2))
                    .orElseGet(() -> ThemedLyricsGenerator.loadShipped(words))));
            LOG.info("lyrics model loaded");
        } catch (RuntimeException | LinkageError e) {
            lProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("lyrics model unavailable: {}", lProblem);
        }
        return new GeneratorCreationService(artifacts, m, mProblem, l, lProblem);
    }

    @Override
    public JsonObject lyrics(Creator caller, UUID conversationId, LyricsAsk r) {
        caller.requireCreator();
        long userId = caller.userId();
        if (lyrics == null) {
            throw new CreationException(CreationException.Kind.UNAVAILABLE, "lyrics generation is unavailable (" + lyricsProblem + ")");
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
    public JsonObject melody(Creator caller, UUID conversationId, MelodyAsk r) {
        caller.requireCreator();
        long userId = caller.userId();
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
    public JsonObject harmonize(Creator caller, UUID conversationId, String abc) {
        caller.requireCreator();
        requireMelody();
        String source = abc;
        if (source == null || source.isBlank()) {
            Optional<JsonObject> latest = conversationId == null ? Optional.empty()
                    : await(artifacts.latest(conversationId, caller.userId(), "melody"));
            source = latest.map(j -> j.getString("abc")).orElseThrow(() -> new CreationException(CreationException.Kind.NOT_FOUND,
                    "there is no melody in this conversation yet — ask for one, or paste ABC notation"));
        }
        return harmonizeAbc(caller.userId(), conversationId, source);
    }

    @Override
    public JsonObject harmonizeStored(Creator caller, long melodyId) {
        caller.requireCreator();
        requireMelody();
        String source = await(artifacts.find(melodyId, caller.userId(), "melody")).map(j -> j.getString("abc"))
                .orElseThrow(() -> new CreationException(CreationException.Kind.NOT_FOUND, "melody " + melodyId + " not found"));
        return harmonizeAbc(caller.userId(), null, source);
    }

    private JsonObject harmonizeAbc(long userId, UUID conversationId, String source) {
        String withChords;
        Tune tune;
        try {
            withChords = melody.harmonize(source);
            tune = AbcParser.parse(withChords);
        } catch (IllegalArgumentException e) {
            throw new CreationException("that ABC could not be read: " + e.getMessage());
        }
        JsonObject json = new JsonObject().put("abc", withChords).put("key", tune.field('K')).put("meter", tune.field('M'))
                .put("bars", barCount(tune));
        return store(userId, conversationId, "melody", title(withChords, "Harmonized melody"), json);
    }

    /** Bars as the ABC has them: complete bars, plus a trailing partial one (a pick-up at the start is not a bar). */
    static int barCount(Tune tune) {
        List<TuneTiming.Bar> bars = TuneTiming.bars(tune);
        int n = 0;
        for (int i = 0; i < bars.size(); i++) {
            TuneTiming.Bar b = bars.get(i);
            if (!b.duration().isPositive() || (i == 0 && !b.full() && bars.size() > 1)) {
                continue;
            }
            n++;
        }
        return Math.max(1, n);
    }

    @Override
    public String device() {
        return melody == null ? "cpu" : melody.device();
    }

    private void requireMelody() {
        if (melody == null) {
            throw new CreationException(CreationException.Kind.UNAVAILABLE, "melody generation is unavailable (" + melodyProblem + ")");
        }
    }

    private JsonObject store(long userId, UUID conversationId, String kind, String title, JsonObject content) {
        if (conversationId != null && !await(artifacts.ownsConversation(conversationId, userId))) {
            throw new CreationException(CreationException.Kind.NOT_FOUND, "conversation " + conversationId + " not found");
        }
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
            throw new CreationException(CreationException.Kind.UNAVAILABLE, "saving took too long; please try again");
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
