package dev.tunesmith.agent.tools;

import dev.tunesmith.create.Creator;
import dev.tunesmith.create.LyricsAsk;
import dev.tunesmith.create.MelodyAsk;
import dev.tunesmith.create.MelodyEdit;
import dev.tunesmith.playlist.PlaylistRequest;
import dev.tunesmith.playlist.RefineRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * What the agent's tools can do, always on behalf of {@code userId} taken from the session.
 * Creation takes the {@link Creator} built from the session (id and roles), never from tool arguments.
 * Blocking (called from agent worker threads, never an event loop). Failures the user should see
 * are {@link ToolFailure}s (services throw their own exceptions, which the implementation maps). Results are JSON in the shapes of the WebSocket contract.
 */
public interface MusicServices {


    /** The caller's profile summary (top tags/artists, mood centre, counts). */
    JsonObject profile(long userId);

    /** A new playlist: {@code {"id","title","items":[{"track","reasons"}],"constraints"}}. */
    JsonObject rankTracks(long userId, UUID conversationId, PlaylistRequest request);

    JsonObject similarTracks(long userId, UUID conversationId, String trackQuery, int count);

    /** Applies {@code request} to the newest playlist of the conversation and stores the result. */
    JsonObject refinePlaylist(long userId, UUID conversationId, RefineRequest request);

    /** {@code {"id","title","text","scheme","checks"}}. */
    JsonObject generateLyrics(Creator caller, UUID conversationId, LyricsAsk request);

    /** {@code {"id","abc","key","meter","bars"}}. */
    JsonObject generateMelody(Creator caller, UUID conversationId, MelodyAsk request);

    /** Chords for {@code abc}, or for the conversation's newest melody when {@code abc} is blank. */
    JsonObject harmonizeMelody(Creator caller, UUID conversationId, String abc);

    /** Edits the newest melody (transpose, meter, tempo, length, vary, harmonize) and stores the result. */
    JsonObject editMelody(Creator caller, UUID conversationId, MelodyEdit edit);

    /** The newest lyrics written again a stanza shorter or longer, or with {@code lines} lines. */
    JsonObject resizeLyrics(Creator caller, UUID conversationId, String direction, Integer lines);

    /** Reviews the caller's own lyrics: syllables, scheme found, weak rhymes, suggestions (no artifact). */
    JsonObject checkLyrics(String text, String scheme, Integer syllables);

    /** Perfect and near rhymes with syllable counts. */
    JsonObject rhymes(String word, int limit);

    /** Continues a verse (the given text, or the newest lyrics) and stores the result. */
    JsonObject continueLyrics(Creator caller, UUID conversationId, String text, int lines, String scheme);

    /** Rewrites one line of a text (or of the newest lyrics) to rhyme with a word, and stores the result. */
    JsonObject rewriteLine(Creator caller, UUID conversationId, String text, int line, String rhymeWith);

    /** A short description of a catalog track found by title/artist words. */
    JsonObject describeTrack(String trackQuery);

    /** Tracks like the one at a 1-based position (−1 = last) of the conversation's newest playlist, stored as a playlist. */
    JsonObject similarTracksAt(long userId, UUID conversationId, int position, int count);

    /** The track at a 1-based position (−1 = last) of the conversation's newest playlist, described, with why it is there. */
    JsonObject describeTrackAt(long userId, UUID conversationId, int position);

    /** The style/mood a free text describes: tags, valence/energy/tempo ranges. */
    JsonObject classifyStyle(String text);
}
