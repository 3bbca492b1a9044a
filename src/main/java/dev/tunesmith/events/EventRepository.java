package dev.tunesmith.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** All SQL of {@code events}: storing one and reading a user's current likes and favourites. */
final class EventRepository {

    private final Pool pool;

    EventRepository(Pool pool) {
        this.pool = pool;
    }

    Future<Long> insert(long userId, EventService.NewEvent e) {
        return pool.preparedQuery("INSERT INTO events (user_id, track_id, type, played_sec, text) VALUES ($1, $2, $3, $4, $5) RETURNING id")
                .execute(Tuple.of(userId, e.trackId(), e.type(), e.playedSec() == null ? null : e.playedSec().floatValue(), e.text()))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** The tracks the user likes or has as favourites now, newest first (at most {@code limit}). */
    Future<java.util.List<EventService.Liked>> likes(long userId, int limit) {
        return pool.preparedQuery("""
                WITH l AS (SELECT DISTINCT ON (track_id) track_id, type, created_at FROM events
                           WHERE user_id = $1 AND type IN ('like', 'unlike') ORDER BY track_id, id DESC),
                     f AS (SELECT DISTINCT ON (track_id) track_id, type, created_at FROM events
                           WHERE user_id = $1 AND type IN ('favorite', 'unfavorite') ORDER BY track_id, id DESC)
                SELECT track_id, coalesce(l.type = 'like', false) AS liked, coalesce(f.type = 'favorite', false) AS favorite,
                       greatest(CASE WHEN l.type = 'like' THEN l.created_at END, CASE WHEN f.type = 'favorite' THEN f.created_at END) AS at
                FROM l FULL JOIN f USING (track_id)
                WHERE l.type = 'like' OR f.type = 'favorite'
                ORDER BY at DESC, track_id LIMIT $2""").execute(Tuple.of(userId, limit)).map(rows -> {
                    java.util.List<EventService.Liked> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(new EventService.Liked(r.getLong("track_id"), r.getBoolean("liked"), r.getBoolean("favorite"),
                            r.getOffsetDateTime("at"))));
                    return out;
                });
    }
}
