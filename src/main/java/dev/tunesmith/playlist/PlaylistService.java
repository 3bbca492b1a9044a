package dev.tunesmith.playlist;

import dev.tunesmith.recommend.service.RecommenderService;




import dev.tunesmith.catalog.Track;
import dev.tunesmith.catalog.TrackRepository;
import dev.tunesmith.recommend.Constraints;
import dev.tunesmith.recommend.Playlist;
import dev.tunesmith.recommend.PlaylistItem;
import dev.tunesmith.recommend.Range;
import dev.tunesmith.recommend.Refinement;
import dev.tunesmith.recommend.UserProfile;
import dev.tunesmith.recommend.mood.MoodTarget;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Playlists for people: turns a mood and constraints into a stored playlist (the engine runs on a
 * worker thread), refines the newest playlist of a conversation, finds similar tracks, and serves
 * {@code GET /api/me/recommendations}. Mood exclusions ("no jazz") become hard constraints.
 */
public final class PlaylistService {

    static final int DEFAULT_COUNT = 20;

    private final Vertx vertx;
    private final RecommenderService recommender;
    private final PlaylistStore store;
    private final TrackRepository tracks;

    public PlaylistService(Vertx vertx, RecommenderService recommender, PlaylistStore store, TrackRepository tracks) {
        this.vertx = vertx;
        this.recommender = recommender;
        this.store = store;
        this.tracks = tracks;
    }

    /** {@code {"items":[{"track","score","reasons"}]}} for the contract's recommendations endpoint. */
    public Future<JsonObject> recommendations(long userId, int k, String moodText) {
        return recommender.profile(userId).compose(profile -> vertx.executeBlocking(() -> {
            MoodTarget mood = recommender.mood(moodText);
            return recommender.discover(profile, mood, constraints(new PlaylistRequest(moodText, k, null, null, null, null, null, null, null), mood,
                    recommender.snapshot()));
        }, false)).compose(playlist -> tracks.findMany(playlist.trackIds()).map(found -> {
            Map<Long, Track> byId = new HashMap<>();
            found.forEach(t -> byId.put(t.id(), t));
            JsonArray items = new JsonArray();
            for (PlaylistItem item : playlist.items()) {
                Track t = byId.get(item.item().trackId());
                if (t != null) {
                    items.add(new JsonObject().put("track", t.toJson()).put("score", Math.round(item.score() * 1000) / 1000.0)
                            .put("reasons", new JsonArray(item.reasons())));
                }
            }
            return new JsonObject().put("items", items).put("constraints", new JsonObject(new HashMap<>(playlist.satisfiedConstraints())));
        }));
    }

    /** A new playlist for the conversation. */
    public Future<JsonObject> create(long userId, UUID conversationId, PlaylistRequest request) {
        String moodText = request.mood() == null ? "" : request.mood().trim();
        return recommender.profile(userId).compose(profile -> vertx.executeBlocking(() -> {
            MoodTarget mood = recommender.mood(moodText);
            Constraints c = constraints(request, mood, recommender.snapshot());
            return new Object[] {recommender.recommend(profile, mood, c), c};
        }, false)).compose(r -> save(userId, conversationId, title(moodText), moodText, (Playlist) r[0], (Constraints) r[1]));
    }

    /** Applies a refinement to the conversation's newest playlist and stores the result as a new playlist. */
    public Future<JsonObject> refine(long userId, UUID conversationId, RefineRequest request) {
        return store.latest(conversationId, userId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new PlaylistException("there is no playlist in this conversation yet — ask for one first"));
            }
            PlaylistStore.Stored s = found.get();
            return recommender.profile(userId).compose(profile -> vertx.executeBlocking(() -> refineNow(s, request, profile), false))
                    .compose(r -> save(userId, conversationId, s.title(), s.mood(), (Playlist) r[0], (Constraints) r[1]));
        });
    }

    private Object[] refineNow(PlaylistStore.Stored s, RefineRequest request, UserProfile profile) {
        var snapshot = recommender.snapshot();
        MoodTarget mood = recommender.mood(s.mood());
        Constraints c = fromJson(s.constraints().getJsonObject("request", new JsonObject()), s.trackIds().size());
        List<PlaylistItem> items = new ArrayList<>();
        for (int i = 0; i < s.trackIds().size(); i++) {
            int at = i;
            snapshot.engine().item(s.trackIds().get(i)).ifPresent(item -> items.add(new PlaylistItem(item, s.scores().get(at), s.reasons().get(at))));
        }
        Playlist current = new Playlist(items, Map.of(), s.title());
        String action = request.action() == null ? "" : request.action().toLowerCase(Locale.ROOT);
        int size = items.size();
        return switch (action) {
            case "swap" -> new Object[] {snapshot.engine().refine(current, new Refinement.Swap(position(request.position(), size)), profile, mood, c), c};
            case "remove" -> {
                int p = position(request.position(), size);
                List<PlaylistItem> kept = new ArrayList<>(items);
                kept.remove(p);
                Constraints ck = c.withCount(Math.max(1, kept.size()));
                Map<String, Object> satisfied = new HashMap<>(s.constraints().getJsonObject("satisfied", new JsonObject()).getMap());
                satisfied.put("count", kept.size());
                yield new Object[] {new Playlist(kept, satisfied, s.title()), ck};
            }
            case "more_energetic" -> new Object[] {snapshot.engine().refine(current, new Refinement.MoreEnergetic(0.15), profile, mood, c), c};
            case "less_energetic" -> new Object[] {snapshot.engine().refine(current, new Refinement.LessEnergetic(0.15), profile, mood, c), c};
            case "longer" -> {
                int by = request.amount() == null ? 5 : request.amount() > size ? request.amount() - size : request.amount();
                Constraints ck = c.withCount(Math.min(100, size + Math.max(1, by)));
                yield new Object[] {snapshot.engine().refine(current, new Refinement.Longer(ck.count() - size), profile, mood, c), ck};
            }
            case "shorter" -> {
                int by = request.amount() == null ? Math.max(1, size / 4) : request.amount() < size && request.amount() > size / 2
                        ? size - request.amount() : request.amount();
                Constraints ck = c.withCount(Math.max(1, size - by));
                yield new Object[] {snapshot.engine().refine(current, new Refinement.Shorter(Math.min(size - 1, by)), profile, mood, c), ck};
            }
            case "exclude_artist" -> {
                if (request.artist() == null || request.artist().isBlank()) {
                    throw new PlaylistException("which artist should I leave out?");
                }
                Set<String> artists = new HashSet<>(c.excludeArtists());
                artists.add(request.artist().trim());
                Constraints ck = c.withExclusions(artists, c.excludeTags());
                yield new Object[] {recommender.recommend(profile, mood, ck), ck};
            }
            default -> throw new PlaylistException("I can swap, remove, make it more or less energetic, longer or shorter, or leave out an artist");
        };
    }

    /** Tracks like the one {@code query} names, stored as a playlist of the conversation. */
    public Future<JsonObject> similar(long userId, UUID conversationId, String query, int count) {
        return tracks.search(query, null, 1, 0).compose(page -> {
            if (page.items().isEmpty()) {
                return Future.failedFuture(new PlaylistException("I couldn't find a track matching '" + query + "' in the catalog"));
            }
            Track seed = page.items().get(0);
            Constraints c = Constraints.defaults().withCount(Math.max(1, Math.min(100, count)))
                    .withExcludedTracks(Set.of(seed.id()));
            return vertx.executeBlocking(() -> recommender.snapshot().engine().similarTracks(seed.id(), c.count(), c), false)
                    .compose(p -> save(userId, conversationId, "Like " + seed.title(), "like " + seed.title() + " by " + seed.artist(), p, c));
        });
    }

    private Future<JsonObject> save(long userId, UUID conversationId, String title, String mood, Playlist playlist, Constraints c) {
        List<Long> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<List<String>> reasons = new ArrayList<>();
        for (PlaylistItem item : playlist.items()) {
            ids.add(item.item().trackId());
            scores.add(item.score());
            reasons.add(item.reasons());
        }
        JsonObject constraints = new JsonObject().put("request", toJson(c)).put("satisfied", satisfied(playlist.satisfiedConstraints()));
        return store.save(userId, conversationId, title, mood, constraints, ids, scores, reasons)
                .compose(id -> store.toJson(new PlaylistStore.Stored(id, userId, conversationId, title, mood, constraints, ids, scores, reasons)));
    }

    /**
     * The hard constraints of a request: explicit values, then the mood's exclusions. Each excluded
     * term goes where the catalog knows it (a "no jazz" meant as an artist becomes a tag exclusion);
     * a term the catalog knows as neither is kept as asked.
     */
    static Constraints constraints(PlaylistRequest r, MoodTarget mood, RecommenderService.Snapshot catalog) {
        int count = r.count() == null ? DEFAULT_COUNT : Math.max(1, Math.min(100, r.count()));
        Set<String> artists = new HashSet<>(mood.unwantedArtists());
        Set<String> tags = new HashSet<>(mood.unwantedTags());
        List<String> asked = new ArrayList<>();
        if (r.excludeArtists() != null) {
            r.excludeArtists().stream().filter(a -> a != null && !a.isBlank()).forEach(a -> {
                asked.add(a.trim());
                sort(a.trim(), false, catalog, artists, tags);
            });
        }
        if (r.excludeTags() != null) {
            r.excludeTags().stream().filter(t -> t != null && !t.isBlank() && !asked.contains(t.trim()))
                    .forEach(t -> sort(t.trim(), true, catalog, artists, tags));
        }
        Constraints c = Constraints.defaults().withCount(count).withExclusions(artists, tags)
                .withMaxPerArtist(r.maxPerArtist() == null ? 2 : Math.max(1, r.maxPerArtist()));
        Range energy = range(r.minEnergy(), r.maxEnergy(), 0, 1);
        Range tempo = range(r.minTempo(), r.maxTempo(), 0, 300);
        return (energy != null || tempo != null) ? c.withRanges(energy, tempo) : c;
    }

    private static void sort(String term, boolean askedAsTag, RecommenderService.Snapshot catalog, Set<String> artists, Set<String> tags) {
        String key = term.toLowerCase(Locale.ROOT);
        boolean isTag = catalog.knownTags().contains(key);
        boolean isArtist = catalog.knownArtists().contains(key);
        if (isTag) {
            tags.add(term);
        }
        if (isArtist) {
            artists.add(term);
        }
        if (!isTag && !isArtist) {
            (askedAsTag ? tags : artists).add(term);
        }
    }

    private static Range range(Double min, Double max, double lo, double hi) {
        if (min == null && max == null) {
            return null;
        }
        double a = min == null ? lo : Math.max(lo, min);
        double b = max == null ? hi : Math.min(hi, max);
        if (a > b) {
            throw new PlaylistException("the range " + min + "–" + max + " is empty");
        }
        return new Range(a, b);
    }

    static JsonObject toJson(Constraints c) {
        JsonObject o = new JsonObject().put("count", c.count()).put("excludeArtists", new JsonArray(new ArrayList<>(c.excludeArtists())))
                .put("excludeTags", new JsonArray(new ArrayList<>(c.excludeTags())))
                .put("excludeTrackIds", new JsonArray(new ArrayList<>(c.excludeTrackIds())))
                .put("maxPerArtist", c.maxPerArtist()).put("diversity", c.diversity())
                .put("skipRecentlyPlayed", c.skipRecentlyPlayed());
        if (c.energy() != null) {
            o.put("energy", new JsonArray().add(c.energy().min()).add(c.energy().max()));
        }
        if (c.tempo() != null) {
            o.put("tempo", new JsonArray().add(c.tempo().min()).add(c.tempo().max()));
        }
        return o;
    }

    static Constraints fromJson(JsonObject o, int fallbackCount) {
        Set<String> artists = new HashSet<>();
        o.getJsonArray("excludeArtists", new JsonArray()).forEach(a -> artists.add(String.valueOf(a)));
        Set<String> tags = new HashSet<>();
        o.getJsonArray("excludeTags", new JsonArray()).forEach(t -> tags.add(String.valueOf(t)));
        Set<Long> ids = new HashSet<>();
        o.getJsonArray("excludeTrackIds", new JsonArray()).forEach(i -> ids.add(((Number) i).longValue()));
        JsonArray e = o.getJsonArray("energy");
        JsonArray t = o.getJsonArray("tempo");
        return new Constraints(o.getInteger("count", fallbackCount), artists, tags, ids, o.getInteger("maxPerArtist", 2),
                e == null ? null : new Range(e.getDouble(0), e.getDouble(1)), t == null ? null : new Range(t.getDouble(0), t.getDouble(1)),
                o.getBoolean("skipRecentlyPlayed", false), Duration.ofHours(24), o.getDouble("diversity", Constraints.defaults().diversity()));
    }

    private static JsonObject satisfied(Map<String, Object> map) {
        JsonObject o = new JsonObject();
        map.forEach((k, v) -> o.put(k, v instanceof Number || v instanceof Boolean || v instanceof String ? v : String.valueOf(v)));
        return o;
    }

    private static int position(Integer position, int size) {
        if (size == 0) {
            throw new PlaylistException("the playlist is empty");
        }
        int p = position == null ? 1 : position;
        if (p == -1) {
            return size - 1;
        }
        if (p < 1 || p > size) {
            throw new PlaylistException("the playlist has " + size + " tracks; there is no track " + p);
        }
        return p - 1;
    }

    /** "rainy sunday, a bit melancholic" → "Rainy sunday, a bit melancholic" (at most 48 characters). */
    static String title(String mood) {
        String t = mood == null || mood.isBlank() ? "Your mix" : mood.trim().replaceAll("\\s+", " ");
        t = t.replaceAll("(?i)^(make|give|build|create|play)( me)?( a)?( playlist)?( for| of)?\\s+", "");
        if (t.length() > 48) {
            t = t.substring(0, 47).replaceAll("\\s+\\S*$", "") + "…";
        }
        return t.isEmpty() ? "Your mix" : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
