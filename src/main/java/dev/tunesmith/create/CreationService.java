package dev.tunesmith.create;

import dev.tunesmith.music.lyrics.Songwriter;
import java.util.UUID;

/**
 * Lyrics and melodies for creators, stored as artifacts of the caller. Every creating method takes
 * the {@link Creator} the server authenticated and refuses callers without the creator (or admin)
 * role with a {@link CreationException} of kind {@code FORBIDDEN}. Blocking (model inference):
 * call from worker threads only. Results are records; {@link CreationJson} writes them for the routes, the socket and the tools.
 */
public interface CreationService {

    /** New lyrics on the asked theme, scheme, length and metre, stored. */
    LyricsArtifact lyrics(Creator caller, UUID conversationId, LyricsAsk request);

    /** A new melody in the asked key, meter and length, stored. */
    MelodyArtifact melody(Creator caller, UUID conversationId, MelodyAsk request);

    /** The melody with chord symbols; without {@code abc}, the conversation's newest melody. */
    MelodyArtifact harmonize(Creator caller, UUID conversationId, String abc);

    /** Chords for the caller's stored melody {@code melodyId}; NOT_FOUND when it is not theirs or not a melody. */
    MelodyArtifact harmonizeStored(Creator caller, long melodyId);

    /**
     * Edits the conversation's newest melody (else the caller's newest) and stores the result as a new
     * melody; its {@code key}, {@code meter}, {@code bars} and {@code tempo} are read from its ABC, and
     * {@code edit} says what was done.
     */
    MelodyArtifact editMelody(Creator caller, UUID conversationId, MelodyEdit edit);

    /** Reviews a songwriter's own lyrics (no artifact): scheme found, syllables per line, weak rhymes, suggestions. */
    Songwriter.Review checkLyrics(String text, String scheme, Integer syllables);

    /** Perfect and near rhymes for {@code word}, with syllable counts. */
    Songwriter.Rhymes rhymes(String word, int limit);

    /**
     * The text (or, when blank, the conversation's newest lyrics) with {@code lines} more lines in its
     * rhyme pattern and metre, stored as lyrics; {@code added} holds the new lines.
     */
    LyricsArtifact continueLyrics(Creator caller, UUID conversationId, String text, int lines, String scheme);

    /** The text (or the newest lyrics) with line {@code line} rewritten to rhyme with {@code rhymeWith}, stored as lyrics. */
    LyricsArtifact rewriteLine(Creator caller, UUID conversationId, String text, int line, String rhymeWith);

    /**
     * The conversation's newest lyrics (else the caller's newest) written again on the same theme,
     * scheme and metre, a stanza shorter or longer ({@code direction}) or with {@code lines} lines.
     */
    LyricsArtifact resizeLyrics(Creator caller, UUID conversationId, String direction, Integer lines);

    /**
     * The conversation's newest lyrics (else the caller's newest) with one section edited: shortened,
     * lengthened, rewritten, dropped or added; every other stanza kept byte for byte and the chorus
     * changed wherever it is sung. Stored as new lyrics with {@code edit} (what was done) and
     * {@code changedSections} (0-based stanzas the edit wrote).
     */
    LyricsArtifact editLyrics(Creator caller, UUID conversationId, LyricsEdit edit);

    /**
     * The newest lyrics with every verse, the chorus and every bridge rewritten in {@code mood} on the song's own subject
     * ("make it sadder" of a whole song); the scheme and the line counts stay.
     */
    LyricsArtifact moodLyrics(Creator caller, UUID conversationId, String mood);

    /** "cpu" or "gpu". */
    String device();
}
