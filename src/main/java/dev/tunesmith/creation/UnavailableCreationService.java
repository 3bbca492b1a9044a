package dev.tunesmith.creation;

import dev.tunesmith.agent.MusicServices;
import dev.tunesmith.agent.ToolFailure;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Used when the generation models could not be loaded: every call explains that, nothing crashes. */
public final class UnavailableCreationService implements CreationService {

    private final String reason;

    public UnavailableCreationService(String reason) {
        this.reason = reason;
    }

    @Override
    public JsonObject lyrics(long userId, UUID conversationId, MusicServices.LyricsRequest request) {
        throw new ToolFailure("lyrics generation is unavailable: " + reason);
    }

    @Override
    public JsonObject melody(long userId, UUID conversationId, MusicServices.MelodyRequest request) {
        throw new ToolFailure("melody generation is unavailable: " + reason);
    }

    @Override
    public JsonObject harmonize(long userId, UUID conversationId, String abc) {
        throw new ToolFailure("harmonisation is unavailable: " + reason);
    }

    @Override
    public String device() {
        return "cpu";
    }
}
