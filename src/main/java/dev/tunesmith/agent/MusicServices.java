package dev.tunesmith.agent;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * What the agent's tools can do, always on behalf of {@code userId} taken from the session.
 * Blocking (called from agent worker threads, never an event loop). Failures the user should see
 * are {@link ToolFailure}s. Results are JSON in the shapes of the WebSocket contract.
 */
public interface MusicServices {

    /** Constraints a listener can put on a playlist; nulls mean "no preference". */
    record PlaylistRequest(String mood, Integer count, List<String> excludeArtists, List<String> excludeTags,
            Double minEnergy, Double maxEnergy, Double minTempo, Double maxTempo, Integer maxPerArtist) {}

    /** An edit of the conversation's current playlist. */
    record RefineRequest(String action, Integer position, Integer amount, String artist) {}

    record LyricsRequest(String theme, String scheme, Integer lines, Integer syllables) {}

    record MelodyRequest(String key, String meter, Integer bars, String mood) {}

    /** The caller's profile summary (top tags/artists, mood centre, counts). */
    JsonObject profile(long userId);

    /** A new playlist: {@code {"id","title","items":[{"track","reasons"}],"constraints"}}. */
    JsonObject rankTracks(long userId, UUID conversationId, PlaylistRequest request);

    JsonObject similarTracks(long userId, UUID conversationId, String trackQuery, int count);

    /** Applies {@code request} to the newest playlist of the conversation and stores the result. */
    JsonObject refinePlaylist(long userId, UUID conversationId, RefineRequest request);

    /** {@code {"id","title","text","scheme","checks"}}. */
    JsonObject generateLyrics(long userId, UUID conversationId, LyricsRequest request);

    /** {@code {"id","abc","key","meter","bars"}}. */
    JsonObject generateMelody(long userId, UUID conversationId, MelodyRequest request);

    /** Chords for {@code abc}, or for the conversation's newest melody when {@code abc} is blank. */
    JsonObject harmonizeMelody(long userId, UUID conversationId, String abc);

    /** A short description of a catalog track found by title/artist words. */
    JsonObject describeTrack(String trackQuery);

    /** The style/mood a free text describes: tags, valence/energy/tempo ranges. */
    JsonObject classifyStyle(String text);
}
