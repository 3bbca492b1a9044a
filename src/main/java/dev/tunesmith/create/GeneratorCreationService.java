package dev.tunesmith.create;

import dev.tunesmith.music.Lyrics;
import dev.tunesmith.music.LyricsGenerator;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.lyrics.ModelLyricsGenerator;
import dev.tunesmith.music.lyrics.ThemedLyricsGenerator;
import dev.tunesmith.recommend.mood.Sentiment;
import dev.tunesmith.music.lyrics.WordEmbedder;
import dev.tunesmith.music.LyricsService;
import dev.tunesmith.music.Melody;
import dev.tunesmith.music.MelodyRequest;
import dev.tunesmith.music.MelodyService;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.Tune;
import io.vertx.core.json.JsonObject;
import dev.tunesmith.music.MelodyEditor;
import dev.tunesmith.music.abc.AbcSerializer;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.lyrics.Pronunciations;
import dev.tunesmith.music.lyrics.SectionEditor;
import dev.tunesmith.music.lyrics.Songwriter;
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
    private final Songwriter songwriter;
    private final SectionEditor sections;

    private GeneratorCreationService(ArtifactStore artifacts, MelodyService melody, String melodyProblem, LyricsService lyrics,
            String lyricsProblem, Songwriter songwriter, SectionEditor sections) {
        this.songwriter = songwriter;
        this.sections = sections;
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
        ThemedLyricsGenerator themed = ThemedLyricsGenerator.loadShipped(words, Sentiment::word);
        Songwriter songwriter = new Songwriter(Pronunciations.shared(), themed);
        try {
            l = LyricsService.of(lyricsWrapper.apply(lyricsDir.<LyricsGenerator>map(d -> ModelLyricsGenerator.load(d, 2))
                    .orElse(themed)));
            LOG.info("lyrics model loaded");
        } catch (RuntimeException | LinkageError e) {
            lProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("lyrics model unavailable: {}", lProblem);
        }
        return new GeneratorCreationService(artifacts, m, mProblem, l, lProblem, songwriter, new SectionEditor(Pronunciations.shared(), themed));
    }

    @Override
    public LyricsArtifact lyrics(Creator caller, UUID conversationId, LyricsAsk r) {
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
        LyricsArtifact made = new LyricsArtifact(0, result.title(), result.text(), result.scheme(), result.checks(), result.sections(), theme,
                syllables, null, null, null, null);
        return withId(made, store(userId, conversationId, "lyrics", result.title(), CreationJson.content(made)));
    }

    @Override
    public MelodyArtifact melody(Creator caller, UUID conversationId, MelodyAsk r) {
        caller.requireCreator();
        long userId = caller.userId();
        requireMelody();
        String key = r.key() == null || r.key().isBlank() ? keyFor(r.mood()) : r.key().trim();
        String meter = r.meter() == null || r.meter().isBlank() ? "4/4" : r.meter().trim();
        int bars = r.bars() == null ? 16 : r.bars();
        Melody m;
        try {
            m = melody.generate(new MelodyRequest(key, meter, bars, r.mood(), null, null, 1.0, 0.95));
        } catch (IllegalArgumentException e) {
            throw new CreationException(e.getMessage());
        }
        if (r.withChords()) {
            // "a chord progression for a sad song": the tune and its chords, one artifact
            return harmonizeAbc(userId, conversationId, m.abc(), "with its chords");
        }
        MelodyArtifact made = new MelodyArtifact(0, m.abc(), m.key(), m.meter(), m.bars(), null, null);
        return withId(made, store(userId, conversationId, "melody", title(m.abc(), "Melody in " + m.key()), CreationJson.content(made)));
    }

    /** Words that ask for a minor key, besides those the sentiment lexicon rates clearly unhappy. */
    private static final java.util.regex.Pattern MINOR_MOOD = java.util.regex.Pattern.compile("(?i)\\b(?:sad|sadder|melanchol\\w*|dark|"
            + "gloomy|lonely|somber|sombre|mournful|haunting|eerie|mysterious|tragic|grief|grieving|heartbreak\\w*|wistful|minor|"
            + "brooding|ominous|spooky|bittersweet|longing|lament)\\b");

    /**
     * The key of a tune asked for with no key: D minor for a sad, dark or wistful mood (its words, or a text VADER reads
     * as clearly unhappy), D major otherwise. "A chord progression for a sad song" came out in D major.
     */
    static String keyFor(String mood) {
        if (mood == null || mood.isBlank()) {
            return "D";
        }
        return MINOR_MOOD.matcher(mood).find() || Sentiment.of(mood) <= -0.3 ? "Dm" : "D";
    }

    @Override
    public MelodyArtifact harmonize(Creator caller, UUID conversationId, String abc) {
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
    public MelodyArtifact harmonizeStored(Creator caller, long melodyId) {
        caller.requireCreator();
        requireMelody();
        String source = await(artifacts.find(melodyId, caller.userId(), "melody")).map(j -> j.getString("abc"))
                .orElseThrow(() -> new CreationException(CreationException.Kind.NOT_FOUND, "melody " + melodyId + " not found"));
        return harmonizeAbc(caller.userId(), null, source);
    }

    private MelodyArtifact harmonizeAbc(long userId, UUID conversationId, String source) {
        return harmonizeAbc(userId, conversationId, source, null);
    }

    /** {@code edit}: what the artifact says was done ("with its chords" for a new tune asked with them), or null. */
    private MelodyArtifact harmonizeAbc(long userId, UUID conversationId, String source, String edit) {
        String withChords;
        Tune tune;
        try {
            withChords = melody.harmonize(source);
            tune = AbcParser.parse(withChords);
        } catch (IllegalArgumentException e) {
            throw new CreationException("that ABC could not be read: " + e.getMessage());
        }
        MelodyArtifact made = melodyOf(withChords, tune, edit);
        return withId(made, store(userId, conversationId, "melody", title(withChords, "Harmonized melody"), CreationJson.content(made)));
    }

    /** A melody whose key, meter, bars and tempo are all read from its ABC. */
    static MelodyArtifact melodyOf(String abc, Tune tune, String edit) {
        String q = tune.field('Q');
        Integer tempo = q != null && q.matches(".*=\\s*\\d+\\s*") ? Integer.parseInt(q.replaceAll(".*=\\s*", "").strip()) : null;
        return new MelodyArtifact(0, abc, tune.field('K'), tune.field('M'), MelodyEditor.barCount(tune), tempo, edit);
    }

    @Override
    public MelodyArtifact editMelody(Creator caller, UUID conversationId, MelodyEdit e) {
        caller.requireCreator();
        requireMelody();
        String source = newest(caller.userId(), conversationId, "melody").map(j -> j.getString("abc")).orElseThrow(() -> new CreationException(
                CreationException.Kind.NOT_FOUND, "there is no melody to edit yet — ask for one first"));
        Tune tune;
        try {
            tune = AbcParser.parse(source);
        } catch (IllegalArgumentException ex) {
            throw new CreationException("the newest melody could not be read: " + ex.getMessage());
        }
        int bars = MelodyEditor.barCount(tune);
        String key = tune.field('K');
        String meter = tune.field('M');
        Tune out;
        String did;
        try {
            switch (e.action()) {
                case "transpose" -> {
                    if (e.key() == null || e.key().isBlank()) {
                        throw new CreationException("which key should I transpose to? e.g. A minor, G, Bb");
                    }
                    Key target = Key.parse(e.key().strip());
                    if (!target.mode().equals("maj") && !target.mode().equals("m")) {
                        throw new CreationException("only major and minor keys are supported");
                    }
                    out = MelodyEditor.transpose(tune, target);
                    boolean modeChanged = target.minor() != tune.key().minor();
                    if (modeChanged) {
                        out = AbcParser.parse(melody.harmonize(AbcSerializer.serialize(out)));
                    }
                    did = "transposed from " + key + " to " + target + (modeChanged ? " (mode changed, chords proposed again)" : "");
                }
                case "tempo" -> {
                    if (e.tempo() == null) {
                        throw new CreationException("which tempo? e.g. 90 BPM");
                    }
                    out = MelodyEditor.tempo(tune, e.tempo());
                    did = "tempo set to " + e.tempo() + " BPM";
                }
                case "meter" -> {
                    if (e.meter() == null || e.meter().isBlank()) {
                        throw new CreationException("which meter? e.g. 3/4 or 6/8");
                    }
                    dev.tunesmith.music.abc.Meter target = dev.tunesmith.music.abc.Meter.parse(e.meter().strip());
                    if (target.toString().equals(tune.meter().toString())) {
                        throw new CreationException("the melody is already in " + target);
                    }
                    boolean hadChords = tune.body().stream().anyMatch(x -> x instanceof dev.tunesmith.music.abc.AbcElement.ChordSymbol);
                    out = MelodyEditor.retime(tune, target);
                    if (hadChords) {
                        out = AbcParser.parse(melody.harmonize(AbcSerializer.serialize(out)));
                    }
                    long before = MelodyEditor.pitches(tune).size();
                    long kept = MelodyEditor.pitches(out).size();
                    did = "re-timed from " + tune.meter() + " to " + target + ": " + (kept == before ? "the same " + kept + " notes"
                            : kept + " of the " + before + " notes (the shortest ones did not fit the shorter bars)") + " in the same order, in "
                            + out.field('K') + ", " + MelodyEditor.barCount(out) + " bars, the rhythm fitted to the new bar"
                            + (hadChords ? ", chords proposed again" : "");
                }
                case "length" -> {
                    int wanted = e.bars() != null ? e.bars() : "shorter".equals(e.direction()) ? Math.max(4, bars * 3 / 4 / 4 * 4)
                            : Math.min(64, bars + 8);
                    if (wanted < 1 || wanted > 64) {
                        throw new CreationException("a melody has 1 to 64 bars");
                    }
                    if (wanted == bars) {
                        throw new CreationException("the melody already has " + bars + " bars");
                    }
                    if (wanted < bars) {
                        out = MelodyEditor.firstBars(tune, wanted);
                        did = "shortened from " + bars + " to " + wanted + " bars";
                    } else {
                        Melody more = melody.generate(new MelodyRequest(key, meter, wanted - bars, null, null, null, 1.0, 0.95));
                        out = MelodyEditor.append(tune, AbcParser.parse(more.abc()));
                        did = "lengthened from " + bars + " to " + wanted + " bars (" + (wanted - bars) + " new bars)";
                    }
                }
                case "vary" -> {
                    int from = e.fromBar() == null ? 1 : e.fromBar();
                    int to = e.toBar() == null ? Math.min(bars, from + 3) : e.toBar();
                    if (from < 1 || to < from || to > bars) {
                        throw new CreationException("bars " + from + "–" + to + " are not in this " + bars + "-bar melody");
                    }
                    Melody fresh = melody.generate(new MelodyRequest(key, meter, to - from + 1, null, null, null, 1.1, 0.95));
                    out = MelodyEditor.replaceBars(tune, from, to, AbcParser.parse(fresh.abc()));
                    did = "a variation of bars " + from + "–" + to;
                }
                default -> {
                    out = AbcParser.parse(melody.harmonize(source));
                    did = "chords proposed again";
                }
            }
        } catch (IllegalArgumentException ex) {
            throw new CreationException(ex.getMessage());
        }
        String abc = AbcSerializer.serialize(out);
        Tune stored = AbcParser.parse(abc);
        MelodyArtifact made = melodyOf(abc, stored, did);
        return withId(made, store(caller.userId(), conversationId, "melody", title(abc, "Melody in " + stored.field('K')), CreationJson.content(made)));
    }

    /** The conversation's newest artifact of a kind, else the caller's newest anywhere. */
    private Optional<JsonObject> newest(long userId, UUID conversationId, String kind) {
        Optional<JsonObject> here = conversationId == null ? Optional.empty() : await(artifacts.latest(conversationId, userId, kind));
        return here.isPresent() ? here : await(artifacts.newest(userId, kind));
    }

    @Override
    public LyricsArtifact resizeLyrics(Creator caller, UUID conversationId, String direction, Integer lines) {
        caller.requireCreator();
        JsonObject previous = newest(caller.userId(), conversationId, "lyrics").orElseThrow(() -> new CreationException(
                CreationException.Kind.NOT_FOUND, "there are no lyrics to change yet — ask for some first"));
        String scheme = previous.getString("scheme", "ABAB");
        int now = (int) previous.getString("text", "").lines().filter(l -> !l.isBlank()).count();
        int wanted = lines != null ? lines : "shorter".equals(direction) ? Math.max(scheme.length(), now - scheme.length())
                : Math.min(64, now + scheme.length());
        if (wanted == now) {
            throw new CreationException("the lyrics already have " + now + " lines");
        }
        Object target = previous.getJsonObject("checks", new JsonObject()).getValue("targetSyllables");
        Integer syllables = previous.getInteger("syllables", target instanceof Number n ? n.intValue() : null);
        LyricsArtifact out = lyrics(caller, conversationId, new LyricsAsk(previous.getString("theme", previous.getString("title")), scheme, wanted,
                syllables));
        return out.withEdit("written again with " + wanted + " lines instead of " + now + " (same theme, scheme and metre)");
    }

    /** The newest lyrics as the section editor reads them: text, section kinds, syllables per line and theme. */
    private record Song(JsonObject stored, String text, List<String> kinds, Integer syllables, String theme) {}

    private Song newestSong(Creator caller, UUID conversationId) {
        JsonObject previous = newest(caller.userId(), conversationId, "lyrics").orElseThrow(() -> new CreationException(
                CreationException.Kind.NOT_FOUND, "there are no lyrics to change yet — ask for some first"));
        List<String> kinds = new java.util.ArrayList<>();
        previous.getJsonArray("sections", new io.vertx.core.json.JsonArray()).forEach(k -> kinds.add(String.valueOf(k)));
        Object target = previous.getJsonObject("checks", new JsonObject()).getValue("targetSyllables");
        Integer syllables = previous.getInteger("syllables", target instanceof Number n ? n.intValue() : null);
        return new Song(previous, previous.getString("text", ""), kinds, syllables, previous.getString("theme", previous.getString("title")));
    }

    /** The edited song, checked and stored as new lyrics under the old title, with what was done and the stanzas written. */
    private LyricsArtifact storeEdited(Creator caller, UUID conversationId, Song before, String text, List<String> kinds, String change,
            List<Integer> changed) {
        String scheme = before.stored().getString("scheme");
        String title = before.stored().getString("title", "Lyrics");
        LyricsArtifact made = new LyricsArtifact(0, title, text, scheme, songwriter.check(text, scheme, before.syllables()).report(), kinds,
                before.stored().getString("theme"), before.syllables(), null, null, null, null);
        return withId(made, store(caller.userId(), conversationId, "lyrics", title, CreationJson.content(made)))
                .withChangedSections(change, changed);
    }

    @Override
    public LyricsArtifact editLyrics(Creator caller, UUID conversationId, LyricsEdit edit) {
        caller.requireCreator();
        Song song = newestSong(caller, conversationId);
        SectionEditor.Result r;
        try {
            r = sections.apply(song.text(), song.kinds(), song.theme(), song.syllables(), edit.toEdit(), null);
        } catch (IllegalArgumentException ex) {
            throw new CreationException(ex.getMessage());
        }
        return storeEdited(caller, conversationId, song, r.text(), r.sections(), r.change(), r.changed());
    }

    @Override
    public LyricsArtifact moodLyrics(Creator caller, UUID conversationId, String mood) {
        caller.requireCreator();
        if (mood == null || mood.isBlank() || !LyricsEdit.isMood(mood)) {
            throw new CreationException("how should the song feel? e.g. sad, hopeful, angry");
        }
        String feel = mood.strip().toLowerCase(java.util.Locale.ROOT);
        Song song = newestSong(caller, conversationId);
        // each verse and bridge by its number, the chorus once (its repeats change with it)
        List<SectionEditor.Edit> edits = new java.util.ArrayList<>();
        for (String kind : List.of("verse", "chorus", "bridge")) {
            long n = song.kinds().stream().filter(kind::equals).count();
            if (kind.equals("chorus")) {
                n = Math.min(1, n);
            }
            for (int i = 1; i <= n; i++) {
                edits.add(new SectionEditor.Edit("rewrite", kind, kind.equals("chorus") ? null : i, null, null, null, feel));
            }
        }
        if (edits.isEmpty()) {
            edits.add(new SectionEditor.Edit("rewrite", "verse", null, null, null, null, feel));
        }
        String text = song.text();
        List<String> kinds = song.kinds();
        java.util.Set<Integer> changed = new java.util.TreeSet<>();
        try {
            for (SectionEditor.Edit e : edits) {
                SectionEditor.Result r = sections.apply(text, kinds, song.theme(), song.syllables(), e, null);
                text = r.text();
                kinds = r.sections();
                changed.addAll(r.changed());
            }
        } catch (IllegalArgumentException ex) {
            throw new CreationException(ex.getMessage());
        }
        String change = "rewrote the whole song " + feel + " (" + edits.size() + " section" + (edits.size() == 1 ? "" : "s")
                + ", on the song's own subject)";
        return storeEdited(caller, conversationId, song, text, kinds, change, List.copyOf(changed));
    }

    @Override
    public Songwriter.Review checkLyrics(String text, String scheme, Integer syllables) {
        try {
            return songwriter.check(text, scheme, syllables);
        } catch (IllegalArgumentException ex) {
            throw new CreationException(ex.getMessage());
        }
    }

    @Override
    public Songwriter.Rhymes rhymes(String word, int limit) {
        try {
            return songwriter.rhymes(word, limit);
        } catch (IllegalArgumentException ex) {
            throw new CreationException(ex.getMessage());
        }
    }

    @Override
    public LyricsArtifact continueLyrics(Creator caller, UUID conversationId, String text, int lines, String scheme) {
        caller.requireCreator();
        Optional<JsonObject> previous = text == null || text.isBlank() ? newest(caller.userId(), conversationId, "lyrics") : Optional.empty();
        String source = text == null || text.isBlank() ? previous.map(j -> j.getString("text")).orElseThrow(() -> new CreationException(
                CreationException.Kind.NOT_FOUND, "paste the verse to continue, or ask for lyrics first")) : text.strip();
        List<String> added;
        try {
            added = songwriter.continueVerse(source, lines, scheme, null);
        } catch (IllegalArgumentException ex) {
            throw new CreationException(ex.getMessage());
        }
        String joined = source + "\n" + String.join("\n", added);
        String title = previous.map(j -> j.getString("title")).orElse("My verse, continued");
        return storeLyrics(caller.userId(), conversationId, title, joined, scheme).withAdded(added);
    }

    @Override
    public LyricsArtifact rewriteLine(Creator caller, UUID conversationId, String text, int line, String rhymeWith) {
        caller.requireCreator();
        Optional<JsonObject> previous = text == null || text.isBlank() ? newest(caller.userId(), conversationId, "lyrics") : Optional.empty();
        String source = text == null || text.isBlank() ? previous.map(j -> j.getString("text")).orElseThrow(() -> new CreationException(
                CreationException.Kind.NOT_FOUND, "paste the lyrics with the line to rewrite, or ask for lyrics first")) : text.strip();
        String rewritten;
        try {
            rewritten = songwriter.rewriteLine(source, line, rhymeWith, null);
        } catch (IllegalArgumentException ex) {
            throw new CreationException(ex.getMessage());
        }
        String title = previous.map(j -> j.getString("title")).orElse("My lyrics, revised");
        String scheme = previous.map(j -> j.getString("scheme")).orElse(null);
        return storeLyrics(caller.userId(), conversationId, title, rewritten, scheme).withRewrittenLine(line);
    }

    private LyricsArtifact storeLyrics(long userId, UUID conversationId, String title, String text, String scheme) {
        Songwriter.Review r = songwriter.check(text, scheme, null);
        LyricsArtifact made = new LyricsArtifact(0, title, text, r.schemeFound(), r.report(), List.of(), null, null, null, null, null, null);
        return withId(made, store(userId, conversationId, "lyrics", title, CreationJson.content(made)));
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

    /** Stores {@code content} as an artifact of the caller's conversation (or of no conversation); its id. */
    private long store(long userId, UUID conversationId, String kind, String title, JsonObject content) {
        if (conversationId != null && !await(artifacts.ownsConversation(conversationId, userId))) {
            throw new CreationException(CreationException.Kind.NOT_FOUND, "conversation " + conversationId + " not found");
        }
        return await(artifacts.save(userId, conversationId, kind, title, content));
    }

    private static LyricsArtifact withId(LyricsArtifact a, long id) {
        return new LyricsArtifact(id, a.title(), a.text(), a.scheme(), a.checks(), a.sections(), a.theme(), a.syllables(), a.edit(), a.added(),
                a.rewrittenLine(), a.changedSections());
    }

    private static MelodyArtifact withId(MelodyArtifact m, long id) {
        return new MelodyArtifact(id, m.abc(), m.key(), m.meter(), m.bars(), m.tempo(), m.edit());
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
