package dev.tunesmith.music;

import dev.tunesmith.music.lyrics.LyricsChecker;
import dev.tunesmith.music.lyrics.ThemedLyricsGenerator;
import dev.tunesmith.music.lyrics.Pronunciations;

/**
 * Lyrics generation and checking. Thread-safe; generation runs inference on the calling thread
 * (call it from a worker, never from an event loop).
 */
public final class LyricsService implements AutoCloseable {

    private final LyricsGenerator generator;
    private final LyricsChecker checker;

    private LyricsService(LyricsGenerator generator) {
        this.generator = generator;
        this.checker = new LyricsChecker(Pronunciations.shared());
    }

    /** A service around any generator (the service closes it). */
    public static LyricsService of(LyricsGenerator generator) {
        return new LyricsService(generator);
    }

    /** The service with the shipped themed generator (no embedding neighbours). */
    public static LyricsService loadShipped() {
        return of(ThemedLyricsGenerator.loadShipped(null));
    }

    /** Generates lyrics and attaches the checker's report. */
    public Lyrics generate(LyricsRequest req) {
        LyricsGenerator.Draft d = generator.write(req);
        return new Lyrics(d.title(), d.text(), req.scheme(), check(d.text(), req.scheme(), req.syllablesPerLine()), d.sections());
    }

    /**
     * Checks any text: syllables per line, rhyme classes, adherence to {@code scheme} (may be null)
     * and to {@code syllablesPerLine} (may be null).
     */
    public CheckReport check(String text, String scheme, Integer syllablesPerLine) {
        return checker.check(text, scheme, syllablesPerLine);
    }

    @Override
    public void close() {
        generator.close();
    }
}
