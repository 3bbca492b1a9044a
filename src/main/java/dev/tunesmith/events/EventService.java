package dev.tunesmith.events;

import dev.tunesmith.recommend.EventType;
import dev.tunesmith.platform.db.DbErrors;
import dev.tunesmith.platform.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Set;

/**
 * Records listening events and publishes each on the event bus ({@link #RECORDED}) so profiles and
 * live metrics update at once, without a retrain.
 */
public final class EventService {

    /** Event-bus address: a JSON {@code {"id","userId","trackId","type","playedSec"?}} per stored event. */
    public static final String RECORDED = dev.tunesmith.platform.bus.Addresses.EVENT_RECORDED;

    public static final Set<String> TYPES = Set.copyOf(EventType.WIRE_NAMES);

    /** A validated event to store. */
    public record NewEvent(long trackId, String type, Double playedSec, String text) {

        public static NewEvent fromJson(JsonObject body) {
            Object track = body.getValue("trackId");
            if (!(track instanceof Number n) || n.longValue() <= 0 || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw ApiError.invalid("invalid_track_id", "'trackId' must be a positive whole number");
            }
            Object type = body.getValue("type");
            if (!(type instanceof String t) || !TYPES.contains(t)) {
                throw ApiError.invalid("invalid_event_type", "'type' must be one of " + String.join(", ", EventType.WIRE_NAMES));
            }
            Object played = body.getValue("playedSec");
            Double playedSec = null;
            if (played != null) {
                if (!(played instanceof Number p) || p.doubleValue() < 0 || p.doubleValue() > 86_400) {
                    throw ApiError.invalid("invalid_played_sec", "'playedSec' must be a number of seconds between 0 and 86400");
                }
                playedSec = p.doubleValue();
            }
            Object text = body.getValue("text");
            if (text != null && !(text instanceof String)) {
                throw ApiError.invalid("invalid_text", "'text' must be a string");
            }
            String s = (String) text;
            if (s != null && s.length() > 2000) {
                throw ApiError.invalid("invalid_text", "'text' must be at most 2000 characters");
            }
            if ("comment".equals(t) && (s == null || s.isBlank())) {
                throw ApiError.invalid("invalid_text", "a comment needs a non-empty 'text'");
            }
            return new NewEvent(n.longValue(), t, playedSec, s);
        }
    }

    /** The current like/favourite state of one track for a user (latest like/unlike and favorite/unfavorite win). */
    public record Liked(long trackId, boolean liked, boolean favorite, java.time.OffsetDateTime at) {}

    private final Vertx vertx;
    private final EventRepository repository;

    public EventService(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.repository = new EventRepository(pool);
    }

    public Future<Long> record(long userId, NewEvent e) {
        return repository.insert(userId, e)
                .recover(err -> Future.failedFuture(DbErrors.isForeignKeyViolation(err) ? ApiError.notFound("track") : err))
                .onSuccess(id -> vertx.eventBus().publish(RECORDED, new JsonObject().put("id", id).put("userId", userId)
                        .put("trackId", e.trackId()).put("type", e.type()).put("playedSec", e.playedSec())));
    }

    /** The tracks the user likes or has as favourites now, newest first (at most {@code limit}). */
    public Future<java.util.List<Liked>> likes(long userId, int limit) {
        return repository.likes(userId, limit);
    }
}
