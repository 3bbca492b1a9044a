package dev.tunesmith.create;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Lyrics and melodies for creators, stored as artifacts of the caller. Every creating method takes
 * the {@link Creator} the server authenticated and refuses callers without the creator (or admin)
 * role with a {@link CreationException} of kind {@code FORBIDDEN}. Blocking (model inference):
 * call from worker threads only.
 */
public interface CreationService {

    /** {@code {"id","title","text","scheme","checks"}}. */
    JsonObject lyrics(Creator caller, UUID conversationId, LyricsAsk request);

    /** {@code {"id","abc","key","meter","bars"}}. */
    JsonObject melody(Creator caller, UUID conversationId, MelodyAsk request);

    /** The melody with chord symbols; without {@code abc}, the conversation's newest melody. */
    JsonObject harmonize(Creator caller, UUID conversationId, String abc);

    /** Chords for the caller's stored melody {@code melodyId}; NOT_FOUND when it is not theirs or not a melody. */
    JsonObject harmonizeStored(Creator caller, long melodyId);

    /**
     * Edits the conversation's newest melody (else the caller's newest) and stores the result as a new
     * melody; its {@code key}, {@code meter}, {@code bars} and {@code tempo} are read from its ABC, and
     * {@code edit} says what was done.
     */
    JsonObject editMelody(Creator caller, UUID conversationId, MelodyEdit edit);

    /**
     * Reviews a songwriter's own lyrics (no artifact): {@code {"schemeFound","typicalSyllables","lines":[...],
     * "weakRhymes":[...],"suggestions":[...],"schemeAdherence","syllableAdherence"}}.
     */
    JsonObject checkLyrics(String text, String scheme, Integer syllables);

    /** {@code {"word","syllables","perfect":[{"word","syllables"}],"near":[...]}}. */
    JsonObject rhymes(String word, int limit);

    /**
     * The text (or, when blank, the conversation's newest lyrics) with {@code lines} more lines in its
     * rhyme pattern and metre, stored as lyrics; {@code added} holds the new lines.
     */
    JsonObject continueLyrics(Creator caller, UUID conversationId, String text, int lines, String scheme);

    /** The text (or the newest lyrics) with line {@code line} rewritten to rhyme with {@code rhymeWith}, stored as lyrics. */
    JsonObject rewriteLine(Creator caller, UUID conversationId, String text, int line, String rhymeWith);

    /**
     * The conversation's newest lyrics (else the caller's newest) written again on the same theme,
     * scheme and metre, a stanza shorter or longer ({@code direction}) or with {@code lines} lines.
     */
    JsonObject resizeLyrics(Creator caller, UUID conversationId, String direction, Integer lines);

    /**
     * The conversation's newest lyrics (else the caller's newest) with one section edited: shortened,
     * lengthened, rewritten, dropped or added; every other stanza kept byte for byte and the chorus
     * changed wherever it is sung. Stored as new lyrics with {@code edit} (what was done) and
     * {@code changedSections} (0-based stanzas the edit wrote).
     */
    JsonObject editLyrics(Creator caller, UUID conversationId, LyricsEdit edit);

    /** "cpu" or "gpu". */
    String device();
}
