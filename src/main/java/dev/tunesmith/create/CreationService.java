package dev.tunesmith.create;


import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Lyrics and melodies for creators, stored as artifacts of the caller. Blocking (model inference):
 * call from worker threads only.
 */
public interface CreationService {

    /** {@code {"id","title","text","scheme","checks"}}. */
    JsonObject lyrics(long userId, UUID conversationId, LyricsAsk request);

    /** {@code {"id","abc","key","meter","bars"}}. */
    JsonObject melody(long userId, UUID conversationId, MelodyAsk request);

    /** The melody with chord symbols; without {@code abc}, the conversation's newest melody. */
    JsonObject harmonize(long userId, UUID conversationId, String abc);

    /** "cpu" or "gpu". */
    String device();
}
