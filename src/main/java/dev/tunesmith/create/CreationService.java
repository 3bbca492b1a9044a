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

    /** "cpu" or "gpu". */
    String device();
}
