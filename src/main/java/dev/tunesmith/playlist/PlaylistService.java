package dev.tunesmith.playlist;

import dev.tunesmith.catalog.Track;
import dev.tunesmith.catalog.TrackRepository;
import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.Constraints;
import dev.tunesmith.recommend.Playlist;
import dev.tunesmith.recommend.PlaylistItem;
import dev.tunesmith.recommend.Range;
import dev.tunesmith.recommend.UserProfile;
import dev.tunesmith.recommend.constraint.ArtistNames;
import dev.tunesmith.recommend.constraint.CatalogIndex;
import dev.tunesmith.recommend.constraint.GenreTree;
import dev.tunesmith.recommend.constraint.ListVerifier;
import dev.tunesmith.recommend.constraint.Requirements;
import dev.tunesmith.recommend.mood.MoodModel;
import dev.tunesmith.recommend.mood.MoodTarget;
import dev.tunesmith.recommend.service.RecommenderService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Playlists for people: turns a mood and {@link Requirements} into a stored playlist (the engine
 * runs on a worker thread), refines the newest playlist of a conversation (counts, positions,
 * calmer/happier/faster/slower, exclusions, new limits, undo), finds similar tracks, and serves
 * {@code GET /api/me/recommendations}.
 *
 * <p>Exclusions are resolved against the catalogue ({@link CatalogIndex}: the genre tree, loose
 * artist names); every statement stored with a playlist ("facts") is computed from the final list
 * by {@link ListVerifier}, and a shortfall is explained with numbers ("notes").
 */
public final class PlaylistService {

    static final int DEFAULT_COUNT = 20;

    private final Vertx vertx;
    private final RecommenderService recommender;
    private final PlaylistStore store;
    private final TrackRepository tracks;
    private final AtomicReference<CachedIndex> index = new AtomicReference<>();

    private record CachedIndex(RecommenderService.Snapshot snapshot, CatalogIndex index) {}

    public PlaylistService(Vertx vertx, RecommenderService recommender, PlaylistStore store, TrackRepository tracks) {
        this.vertx = vertx;
        this.recommender = recommender;
        this.store = store;
        this.tracks = tracks;
    }

    /** How the mood's region was moved by earlier "calmer"/"happier"/"faster" edits: at most one nudge per feature. */
    record Shift(List<MoodTarget.Nudge> nudges) {
        static final Shift NONE = new Shift(List.of());

        Shift {
            nudges = List.copyOf(nudges);
        }

        /** This shift with {@code n} in place of an earlier nudge on the same feature. */
        Shift with(MoodTarget.Nudge n) {
            return new Shift(n.replacing(nudges));
        }
    }

    /** A playlist being made: its tracks, what was asked, the mood shift, notes for the listener and what changed. */
    record Draft(List<PlaylistItem> items, Requirements asked, Shift shift, List<String> notes, String change) {}

    /** Discovery for the contract's recommendations endpoint: new tracks for the mood, with scores, reasons and a summary. */
    public Future<Recommendations> recommendations(long userId, int k, String moodText) {
        return recommendations(userId, k, moodText, null);
    }

    /** Recommendations whose every track length lies in {@code durationSec} (seconds; null: any). */
    public Future<Recommendations> recommendations(long userId, int k, String moodText, Range durationSec) {
        return recommendations(userId, k, moodText, durationSec, null);
    }

    /** As above, with a release-year range too (null: any). */
    public Future<Recommendations> recommendations(long userId, int k, String moodText, Range durationSec, Range years) {
        return recommender.profile(userId).compose(profile -> vertx.executeBlocking(() -> {
            MoodTarget mood = recommender.mood(moodText);
            Requirements r = Requirements.defaults().withCount(Math.max(1, Math.min(100, k))).withDuration(durationSec).withYears(years);
            return discovery(profile, mood, merged(r, mood));
        }, false)).compose(draft -> scored(draft.items(), summary(draft)));
    }

    /** A new playlist for the conversation. */
    public Future<PlaylistView> create(long userId, UUID conversationId, PlaylistRequest request) {
        String moodText = request.mood() == null ? "" : request.mood().trim();
        Requirements asked = requirements(request);
        String title = request.title() != null && !request.title().isBlank() ? PlaylistTitles.clip(request.title())
                : PlaylistTitles.of(moodText);
        Integer minutes = request.totalMinutes();
        return recommender.profile(userId).compose(profile -> vertx.executeBlocking(() -> {
            MoodTarget mood = recommender.mood(moodText);
            if (minutes == null) {
                return fresh(profile, mood, merged(asked, mood), Shift.NONE);
            }
            // "45 minutes of running music": enough candidates (at 2½ minutes a track), then the first ones whose lengths
            // come closest to the whole
            Requirements wide = merged(asked.withCount(Math.max(1, Math.min(100, minutes * 2 / 5 + 4))), mood);
            return toLength(fresh(profile, mood, wide, Shift.NONE), minutes * 60);
        }, false)).compose(d -> save(userId, conversationId, title, moodText, d, null));
    }

    /** Length assumed for a track of unknown length when a playlist is made to a whole length. */
    private static final int UNKNOWN_LENGTH_SEC = 240;

    /**
     * The draft's first tracks whose lengths add up closest to {@code totalSec} (a track goes in while the sum stays
     * within half its own length of the whole), with a note of the length reached.
     */
    static Draft toLength(Draft d, int totalSec) {
        List<PlaylistItem> kept = new ArrayList<>();
        int sum = 0;
        int unknown = 0;
        for (PlaylistItem p : d.items()) {
            int len = p.item().durationSec() > 0 ? p.item().durationSec() : UNKNOWN_LENGTH_SEC;
            if (sum + len / 2 > totalSec && !kept.isEmpty()) {
                break;
            }
            kept.add(p);
            sum += len;
            unknown += p.item().durationSec() > 0 ? 0 : 1;
        }
        List<String> notes = new ArrayList<>();
        String reached = Overview.duration(sum) + " in all";
        if (sum < totalSec - 300 && kept.size() == d.items().size()) {
            notes.add("only " + reached + " of the " + (totalSec / 60) + " asked fit the request");
        } else {
            notes.add(kept.size() + " tracks, " + reached + (unknown > 0 ? " (" + unknown + " of unknown length counted as 4 min)" : ""));
        }
        d.notes().stream().filter(n -> !n.startsWith("only ")).forEach(notes::add);
        return new Draft(kept, d.asked().withCount(Math.max(1, kept.size())), d.shift(), notes, d.change());
    }

    /** Applies a refinement to the conversation's newest playlist and stores the result as a new playlist. */
    public Future<PlaylistView> refine(long userId, UUID conversationId, RefineRequest request) {
        return store.latest(conversationId, userId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new PlaylistException("there is no playlist in this conversation yet — ask for one first"));
            }
            PlaylistStore.Stored s = found.get();
            String action = request.action() == null ? "" : request.action().toLowerCase(Locale.ROOT).trim();
            if (action.equals("undo")) {
                return undo(userId, conversationId, s);
            }
            if (action.equals("more_by_artist")) {
                return recommender.profile(userId).compose(profile -> vertx.executeBlocking(() -> moreByArtist(s, request, profile), false))
                        .compose(m -> save(userId, conversationId, PlaylistTitles.clip("More by " + m.artist()), "songs by " + m.artist(),
                                m.draft(), s.id()));
            }
            return recommender.profile(userId).compose(profile -> vertx.executeBlocking(() -> refineNow(s, action, request, profile), false))
                    .compose(d -> save(userId, conversationId, s.title(), s.mood(), d, s.id()));
        });
    }

    private Future<PlaylistView> undo(long userId, UUID conversationId, PlaylistStore.Stored s) {
        Long previous = s.constraints().getLong("previous");
        if (previous == null) {
            return Future.failedFuture(new PlaylistException("there is nothing to undo: this is the first version of the playlist"));
        }
        return store.find(previous, userId).compose(p -> {
            if (p.isEmpty()) {
                return Future.failedFuture(new PlaylistException("the earlier version of this playlist is gone"));
            }
            PlaylistStore.Stored old = p.get();
            JsonObject constraints = old.constraints().copy();
            PlaylistSummary back = PlaylistJson.summary(constraints.getJsonObject("satisfied"), old.trackIds().size())
                    .changed("back to the version before your last change");
            constraints.put("satisfied", PlaylistJson.toJson(back));
            return store.save(userId, conversationId, old.title(), old.mood(), constraints, old.trackIds(), old.scores(), old.reasons())
                    .compose(id -> store.view(new PlaylistStore.Stored(id, userId, conversationId, old.title(), old.mood(), constraints,
                            old.trackIds(), old.scores(), old.reasons())));
        });
    }

    /** A list of one artist's tracks made from a playlist: which artist, and the draft. */
    private record ArtistDraft(String artist, Draft draft) {}

    /**
     * "More by this artist", "other songs by the artist of track 2": the artist named, else the one of the first position,
     * else the list's own main artist (the only one, or one with half the list or more);
     * otherwise a question naming the list's artists. Their tracks not in the list come first, then tracks like them.
     */
    private ArtistDraft moreByArtist(PlaylistStore.Stored s, RefineRequest r, UserProfile profile) {
        var engine = recommender.snapshot().engine();
        List<CatalogItem> list = new ArrayList<>();
        s.trackIds().forEach(id -> engine.item(id).ifPresent(list::add));
        String artist;
        if (r.artist() != null && !r.artist().isBlank()) {
            artist = engine.artistNamed(r.artist().trim())
                    .orElseThrow(() -> new PlaylistException("I don't know " + r.artist().trim() + " as an artist in the catalogue"));
        } else if (!r.positions().isEmpty()) {
            artist = list.get(positions(r.positions().subList(0, 1), list.size()).get(0)).artist();
        } else {
            Map<String, Integer> per = new java.util.LinkedHashMap<>();
            list.forEach(it -> per.merge(it.artist(), 1, Integer::sum));
            List<Map.Entry<String, Integer>> ranked = per.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
            // the list's own artist: the only one, or one with half the list or more ("songs by X" and its fill)
            boolean one = ranked.size() == 1 || ranked.size() > 1 && ranked.get(0).getValue() * 2 >= list.size()
                    && ranked.get(0).getValue() > ranked.get(1).getValue();
            if (ranked.isEmpty() || !one) {
                List<String> names = ranked.stream().map(Map.Entry::getKey).limit(3).toList();
                throw new PlaylistException("which artist? Say \"more by the artist of track 2\": this list has " + String.join(", ", names)
                        + (ranked.size() > 3 ? " and " + (ranked.size() - 3) + " more" : ""));
            }
            artist = ranked.get(0).getKey();
        }
        Set<Long> inList = new HashSet<>();
        list.stream().filter(it -> it.artist().equals(artist)).forEach(it -> inList.add(it.trackId()));
        MoodTarget mood = recommender.mood("songs by " + artist);
        int count = Math.max(1, s.trackIds().size());
        Requirements asked = Requirements.defaults().withCount(count);
        // none of the list's own tracks again, theirs or the others'
        Constraints c = engineConstraints(asked, count).withExcludedTracks(Set.copyOf(s.trackIds()));
        Playlist p = recommender.byArtists(profile, mood, c)
                .orElseGet(() -> engine.similarToArtist(artist, count, c).orElseThrow());
        long theirs = p.items().stream().filter(i -> i.item().artist().equals(artist)).count();
        List<String> notes = new ArrayList<>();
        if (theirs == 0) {
            notes.add("the catalogue has no other tracks by " + artist + (inList.isEmpty() ? "" : " than the " + inList.size()
                    + " in the list") + ", so these are like them");
        } else if (theirs < p.items().size()) {
            notes.add(theirs + " other track" + (theirs == 1 ? "" : "s") + " by " + artist + (theirs == 1 ? " is" : " are")
                    + " all the catalogue has besides the list's; the rest are like them");
        }
        return new ArtistDraft(artist, new Draft(p.items(), asked.withMaxPerArtist(100), Shift.NONE, notes,
                "made a list of more by " + artist));
    }

    private Draft refineNow(PlaylistStore.Stored s, String action, RefineRequest r, UserProfile profile) {
        var engine = recommender.snapshot().engine();
        JsonObject saved = s.constraints();
        Requirements asked = saved.containsKey("ask") ? PlaylistJson.requirements(saved.getJsonObject("ask"), s.trackIds().size())
                : PlaylistJson.legacy(saved.getJsonObject("request", new JsonObject()), s.trackIds().size());
        Shift shift = PlaylistJson.shift(saved.getJsonObject("shift"));
        MoodTarget base = recommender.mood(s.mood());
        List<PlaylistItem> items = new ArrayList<>();
        for (int i = 0; i < s.trackIds().size(); i++) {
            int at = i;
            engine.item(s.trackIds().get(i)).ifPresent(item -> items.add(new PlaylistItem(item, s.scores().get(at), s.reasons().get(at))));
        }
        int size = items.size();
        String direction = r.direction() == null ? null : r.direction().toLowerCase(Locale.ROOT).trim();
        switch (action) {
            case "more_energetic" -> {
                return shiftAll(items, asked, shift, "more_energetic", profile, base);
            }
            case "less_energetic", "calmer" -> {
                return shiftAll(items, asked, shift, "calmer", profile, base);
            }
            case "happier", "sadder", "faster", "slower" -> {
                return r.positions().isEmpty() ? shiftAll(items, asked, shift, action, profile, base)
                        : swap(items, positions(r.positions(), size), action, asked, shift, profile, base);
            }
            case "shift" -> {
                if (direction == null) {
                    throw new PlaylistException("calmer, more energetic, happier, sadder, faster or slower?");
                }
                return r.positions().isEmpty() ? shiftAll(items, asked, shift, direction, profile, base)
                        : swap(items, positions(r.positions(), size), direction, asked, shift, profile, base);
            }
            case "swap", "replace" -> {
                List<Integer> at = positions(r.positions().isEmpty() ? List.of(1) : r.positions(), size);
                return swap(items, at, direction, asked, shift, profile, base);
            }
            case "remove" -> {
                List<Integer> at;
                if (r.positions().isEmpty()) {
                    int n = r.amount() == null ? 1 : r.amount();
                    if (n >= size) {
                        throw new PlaylistException("that would leave the playlist empty; it has " + size + " tracks");
                    }
                    at = new ArrayList<>();
                    for (int i = size - n; i < size; i++) {
                        at.add(i);
                    }
                } else {
                    at = positions(r.positions(), size);
                }
                if (at.size() >= size) {
                    throw new PlaylistException("that would leave the playlist empty");
                }
                List<PlaylistItem> kept = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    if (!at.contains(i)) {
                        kept.add(items.get(i));
                    }
                }
                String which = r.positions().isEmpty() ? "the last " + at.size() : "track" + (at.size() == 1 ? " " : "s ") + numbers(at);
                return new Draft(kept, asked.withCount(kept.size()), shift, List.of(), "removed " + which);
            }
            case "refresh" -> {
                return refresh(items, asked, shift, profile, base);
            }
            case "order" -> {
                return order(items, asked, shift, direction, s.id());
            }
            case "reduce_genre" -> {
                if (r.genre() == null || r.genre().isBlank()) {
                    throw new PlaylistException("which genre should there be less of?");
                }
                return reduce(items, r.genre(), asked, shift, profile, base);
            }
            case "set_count" -> {
                if (r.amount() == null) {
                    throw new PlaylistException("how many tracks should it have?");
                }
                return resize(items, clamp(r.amount()), asked, shift, profile, base);
            }
            case "add" -> {
                int n = r.amount() == null ? 5 : r.amount();
                return resize(items, clamp(size + Math.max(1, n)), asked, shift, profile, base);
            }
            case "longer" -> {
                int target = r.amount() == null ? size + 5 : r.amount() > size ? r.amount() : size + r.amount();
                return resize(items, clamp(target), asked, shift, profile, base);
            }
            case "shorter" -> {
                int target = r.amount() == null ? Math.max(1, size - Math.max(1, size / 4))
                        : r.amount() < size && r.amount() <= size / 2 ? r.amount() : Math.max(1, size - r.amount());
                return resize(items, clamp(target), asked, shift, profile, base);
            }
            case "exclude_artist", "exclude_genre", "exclude" -> {
                String term = action.equals("exclude_genre") ? r.genre() : r.artist() != null ? r.artist() : r.genre();
                if (term == null || term.isBlank()) {
                    throw new PlaylistException(action.equals("exclude_genre") ? "which genre should I leave out?"
                            : "which artist should I leave out?");
                }
                CatalogIndex idx = index();
                boolean genre = action.equals("exclude_genre") || (!action.equals("exclude_artist") && idx.isGenre(term)
                        && idx.artistsNamed(term).isEmpty()) || (action.equals("exclude") && idx.isGenre(term));
                if (genre) {
                    // "remixes, demos": each genre (or kind of version) of a list
                    Requirements next = asked;
                    List<String> left = new ArrayList<>();
                    for (String g : term.split("\\s*,\\s*")) {
                        if (!g.isBlank()) {
                            String canonical = GenreTree.canonical(g).orElse(g.trim());
                            next = next.withoutGenre(canonical);
                            left.add(canonical);
                        }
                    }
                    return refilter(items, next, shift, profile, base, "left out " + String.join(" and ", left));
                }
                return refilter(items, asked.withoutArtist(term.trim()), shift, profile, base, "left out " + term.trim());
            }
            case "constrain" -> {
                Requirements next = asked;
                if (r.minTempo() != null || r.maxTempo() != null) {
                    next = next.withTempo(range(r.minTempo(), r.maxTempo(), 0, 300));
                }
                if (r.minEnergy() != null || r.maxEnergy() != null) {
                    next = next.withEnergy(range(r.minEnergy(), r.maxEnergy(), 0, 1));
                }
                if (r.minDurationSec() != null || r.maxDurationSec() != null) {
                    next = next.withDuration(range(r.minDurationSec(), r.maxDurationSec(), 0, 24 * 3600));
                }
                if (r.minYear() != null || r.maxYear() != null) {
                    next = next.withYears(range(r.minYear(), r.maxYear(), ListVerifier.YEAR_MIN, ListVerifier.YEAR_MAX));
                }
                if (r.maxPerArtist() != null) {
                    next = next.withMaxPerArtist(Math.max(1, r.maxPerArtist()));
                }
                if (next.equals(asked)) {
                    throw new PlaylistException("which limit should I apply — a tempo, an energy level, a track length, release years or a"
                            + " per-artist cap?");
                }
                return refilter(items, next, shift, profile, base, "applied the new limits");
            }
            default -> throw new PlaylistException("I can change the number of tracks, swap or remove tracks, make it calmer, happier, "
                    + "faster or slower, put it in order, leave out an artist or genre, refresh the list, find more by one of its artists, or undo the last change");
        }
    }

    private static int clamp(int n) {
        if (n < 1 || n > 100) {
            throw new PlaylistException("a playlist can have 1 to 100 tracks");
        }
        return n;
    }

    /** Grows (best new candidates at the end) or shrinks (keeps the best-scored, in order) to {@code target}. */
    private Draft resize(List<PlaylistItem> items, int target, Requirements asked, Shift shift, UserProfile profile, MoodTarget base) {
        int size = items.size();
        Requirements next = asked.withCount(target);
        if (target == size) {
            return new Draft(items, next, shift, List.of(), "it already has " + size + " tracks");
        }
        if (target < size) {
            List<PlaylistItem> sorted = new ArrayList<>(items);
            sorted.sort(Comparator.comparingDouble(PlaylistItem::score).reversed());
            Set<Long> keep = new HashSet<>();
            sorted.subList(0, target).forEach(p -> keep.add(p.item().trackId()));
            List<PlaylistItem> out = items.stream().filter(p -> keep.contains(p.item().trackId())).toList();
            return new Draft(out, next, shift, List.of(), "trimmed from " + size + " to " + target + " tracks");
        }
        List<PlaylistItem> out = new ArrayList<>(items);
        out.addAll(candidates(out, target - size, next, shift, profile, base, null));
        List<String> notes = new ArrayList<>();
        if (out.size() < target) {
            notes.add(shortfall(out.size(), next, base));
        }
        return new Draft(out, next, shift, notes, "added " + (out.size() - size) + " track" + (out.size() - size == 1 ? "" : "s"));
    }

    /** Drops tracks the new requirements rule out and refills the gaps. */
    private Draft refilter(List<PlaylistItem> items, Requirements next, Shift shift, UserProfile profile, MoodTarget base, String change) {
        List<CatalogItem> list = new ArrayList<>();
        List<PlaylistItem> kept = new ArrayList<>();
        for (PlaylistItem p : items) {
            list.clear();
            list.add(p.item());
            if (ListVerifier.check(list, next.withCount(100).withMaxPerArtist(100)).ok() && allowed(p.item(), next)) {
                kept.add(p);
            }
        }
        int removed = items.size() - kept.size();
        List<PlaylistItem> out = new ArrayList<>(kept);
        out.addAll(candidates(out, next.count() - out.size(), next, shift, profile, base, null));
        // the per-artist cap may have tightened: keep the first ones of each artist
        out = capped(out, next.maxPerArtist());
        if (out.size() < next.count()) {
            out.addAll(candidates(out, next.count() - out.size(), next, shift, profile, base, null));
        }
        List<String> notes = new ArrayList<>();
        if (out.size() < next.count()) {
            notes.add(shortfall(out.size(), next, base));
        }
        String what = change + (removed == 0 ? " (nothing in the list had to go)" : "; " + removed + " track" + (removed == 1 ? "" : "s")
                + " replaced");
        return new Draft(out, next, shift, notes, what);
    }

    private boolean allowed(CatalogItem it, Requirements r) {
        CatalogIndex.Resolved res = index().resolve(r);
        return !res.excludedTrackIds().contains(it.trackId()) && !res.excludedArtists().contains(it.artist().toLowerCase(Locale.ROOT).trim());
    }

    private static List<PlaylistItem> capped(List<PlaylistItem> items, int cap) {
        Map<String, Integer> per = new HashMap<>();
        List<PlaylistItem> out = new ArrayList<>();
        for (PlaylistItem p : items) {
            if (per.merge(p.item().artist().toLowerCase(Locale.ROOT).trim(), 1, Integer::sum) <= cap) {
                out.add(p);
            }
        }
        return out;
    }

    /** Replaces the tracks at {@code at} (0-based), in a direction relative to each replaced track when one is given. */
    private Draft swap(List<PlaylistItem> items, List<Integer> at, String direction, Requirements asked, Shift shift, UserProfile profile,
            MoodTarget base) {
        List<PlaylistItem> out = new ArrayList<>(items);
        List<String> notes = new ArrayList<>();
        int replaced = 0;
        for (int p : at) {
            PlaylistItem old = out.get(p);
            List<PlaylistItem> others = new ArrayList<>(out);
            others.remove(p);
            java.util.function.Predicate<CatalogItem> better = direction == null ? c -> true : c -> moves(old.item(), c, direction);
            Set<Long> avoid = new HashSet<>();
            items.forEach(i -> avoid.add(i.item().trackId()));
            out.forEach(i -> avoid.add(i.item().trackId()));
            // "something calmer" for #4: the region's centre a step calmer than the track it replaces
            Shift towards = direction == null ? shift : shift.with(MoodTarget.Nudge.step(featureOf(direction),
                    recommender.snapshot().engine().meanQuantile(List.of(old.item().trackId()), featureOf(direction)), up(direction)));
            List<PlaylistItem> repl = candidates(others, 1, asked, towards, profile, base, better, avoid);
            if (repl.isEmpty()) {
                notes.add("I found no " + (direction == null ? "other" : word(direction)) + " track than #" + (p + 1)
                        + " that fits everything else, so it stays");
            } else {
                out.set(p, repl.get(0));
                replaced++;
            }
        }
        String change = replaced == 0 ? "nothing changed" : "replaced track" + (at.size() == 1 ? " " : "s ") + numbers(at)
                + (direction == null ? "" : " with " + word(direction) + (at.size() == 1 ? " one" : " ones"));
        return new Draft(out, asked, shift, notes, change);
    }

    /**
     * "less electronic": of the list's tracks of that genre (or genres, comma-separated), the first half stay and the rest
     * are replaced by tracks of none of them; the genre is not left out for later edits (that is {@code exclude_genre}).
     */
    private Draft reduce(List<PlaylistItem> items, String genres, Requirements asked, Shift shift, UserProfile profile, MoodTarget base) {
        List<String> gs = java.util.Arrays.stream(genres.split("\\s*,\\s*")).filter(g -> !g.isBlank())
                .map(g -> GenreTree.canonical(g).orElse(g.trim())).toList();
        java.util.function.Predicate<CatalogItem> of = c -> gs.stream().anyMatch(g -> CatalogIndex.hasGenre(c, g));
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (of.test(items.get(i).item())) {
                at.add(i);
            }
        }
        String what = String.join(" and ", gs);
        if (at.isEmpty()) {
            return new Draft(items, asked, shift, List.of(), "nothing to make fewer: the list has no " + what);
        }
        List<Integer> go = at.subList((at.size() + 1) / 2 - (at.size() == 1 ? 1 : 0), at.size());
        List<PlaylistItem> out = new ArrayList<>(items);
        Set<Long> avoid = new HashSet<>();
        items.forEach(i -> avoid.add(i.item().trackId()));
        int replaced = 0;
        // the replacements are searched with the genres left out (a dance list's best fits are all electronic)
        Requirements without = asked;
        for (String g : gs) {
            without = without.excludeGenres().contains(g) ? without : without.withoutGenre(g);
        }
        for (int p : go) {
            List<PlaylistItem> others = new ArrayList<>(out);
            others.remove(p);
            List<PlaylistItem> repl = candidates(others, 1, without, shift, profile, base, of.negate(), avoid);
            if (!repl.isEmpty()) {
                out.set(p, repl.get(0));
                avoid.add(repl.get(0).item().trackId());
                replaced++;
            }
        }
        long left = out.stream().filter(p -> of.test(p.item())).count();
        return new Draft(out, asked, shift, replaced < go.size() ? List.of("the catalogue had too few other tracks that fit to replace "
                + (go.size() - replaced) + " more") : List.of(), "fewer " + what + ": " + at.size() + " → " + left + " of " + out.size());
    }

    /**
     * The same tracks in another order: {@code direction} is the way the list moves from its first track to its last
     * ("more_energetic": calm to energetic, the most energetic at the end; "calmer" the other way; "faster", "happier", …),
     * tracks of unknown value last in their old order; with no direction, a shuffled order (seeded by the playlist, so
     * the same edit gives the same order). The answer reports the feature at the first and last track.
     */
    private Draft order(List<PlaylistItem> items, Requirements asked, Shift shift, String direction, long seed) {
        List<PlaylistItem> out = new ArrayList<>(items);
        if (direction == null) {
            java.util.Collections.shuffle(out, new java.util.Random(seed));
            return new Draft(out, asked, shift, List.of(), "shuffled the order");
        }
        ToDoubleFunction<CatalogItem> f = feature(direction);
        boolean up = up(direction);
        Comparator<PlaylistItem> by = Comparator.comparingDouble(p -> {
            double v = f.applyAsDouble(p.item());
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : up ? v : -v;
        });
        out.sort(by);
        List<PlaylistItem> known = out.stream().filter(p -> !Double.isNaN(f.applyAsDouble(p.item()))).toList();
        String what = switch (direction) {
            case "calmer", "more_energetic" -> "energy";
            case "happier", "sadder" -> "brightness (valence)";
            default -> "tempo";
        };
        String change = known.size() < 2 ? "kept the order: too few tracks have a known " + what
                : "put in order, " + what + " from " + fmt(direction, f.applyAsDouble(known.get(0).item())) + " at the start to "
                        + fmt(direction, f.applyAsDouble(known.get(known.size() - 1).item())) + " at the end";
        return new Draft(out, asked, shift, List.of(), change);
    }

    /**
     * "mix it up", "these all sound the same": a new list of the same length for the same request, with none of the
     * tracks of this one and, where the catalogue allows, none of its artists; where the catalogue has too few others, the best of the old ones fill the rest, and the
     * answer says how many.
     */
    private Draft refresh(List<PlaylistItem> items, Requirements asked, Shift shift, UserProfile profile, MoodTarget base) {
        Set<Long> avoid = new HashSet<>();
        items.forEach(i -> avoid.add(i.item().trackId()));
        // other artists first ("they all sound the same" is often the same few artists), then any other track
        Set<String> artists = new HashSet<>();
        items.forEach(i -> artists.add(i.item().artist().toLowerCase(Locale.ROOT).trim()));
        List<PlaylistItem> fresh = new ArrayList<>(candidates(List.of(), items.size(), asked, shift, profile, base,
                c -> !artists.contains(c.artist().toLowerCase(Locale.ROOT).trim()), avoid));
        if (fresh.size() < items.size()) {
            fresh.forEach(i -> avoid.add(i.item().trackId()));
            fresh.addAll(candidates(fresh, items.size() - fresh.size(), asked, shift, profile, base, null, avoid));
        }
        int found = fresh.size();
        if (found == 0) {
            return new Draft(items, asked, shift, List.of("the catalogue has no other tracks that fit this request"), "nothing changed");
        }
        List<String> notes = new ArrayList<>();
        for (PlaylistItem old : items) {
            if (fresh.size() >= items.size()) {
                break;
            }
            fresh.add(old);
        }
        if (found < items.size()) {
            notes.add("only " + found + " other tracks fit this request, so " + (items.size() - found) + " of the earlier ones stay");
        }
        boolean otherArtists = fresh.stream().noneMatch(i -> artists.contains(i.item().artist().toLowerCase(Locale.ROOT).trim()));
        return new Draft(fresh, asked, shift, notes, "a fresh list: " + found + " new track" + (found == 1 ? "" : "s")
                + (otherArtists ? ", none by an artist of the last one," : "") + " for the same request");
    }

    /** Rebuilds the whole list one step calmer/more energetic/happier/sadder/faster/slower, and checks it moved. */
    private Draft shiftAll(List<PlaylistItem> items, Requirements asked, Shift shift, String direction, UserProfile profile, MoodTarget base) {
        // one step from where the list stands now on that feature, in the catalogue's quantiles
        MoodModel.Feature moved = featureOf(direction);
        Shift next = shift.with(MoodTarget.Nudge.step(moved, recommender.snapshot().engine()
                .meanQuantile(items.stream().map(i -> i.item().trackId()).toList(), moved), up(direction)));
        ToDoubleFunction<CatalogItem> f = feature(direction);
        double before = mean(items, f);
        int n = items.size();
        List<PlaylistItem> pool = candidates(List.of(), Math.min(100, n * 3), asked.withCount(Math.min(100, n * 3)), next, profile, base, null);
        boolean up = up(direction);
        List<PlaylistItem> chosen = new ArrayList<>();
        for (PlaylistItem p : pool) {
            double v = f.applyAsDouble(p.item());
            if (chosen.size() < n && !Double.isNaN(v) && !Double.isNaN(before) && (up ? v > before : v < before)) {
                chosen.add(p);
            }
        }
        for (PlaylistItem p : pool) {
            if (chosen.size() >= n) {
                break;
            }
            if (!chosen.contains(p) && (Double.isNaN(before) || Double.isNaN(f.applyAsDouble(p.item())))) {
                chosen.add(p);
            }
        }
        chosen = capped(chosen, asked.maxPerArtist());
        double after = mean(chosen, f);
        List<String> notes = new ArrayList<>();
        String what = switch (direction) {
            case "calmer", "more_energetic" -> "energy";
            case "happier", "sadder" -> "brightness (valence)";
            default -> "tempo";
        };
        String change;
        if (!Double.isNaN(before) && !Double.isNaN(after) && (up ? after > before : after < before)) {
            change = "made it " + word(direction) + ": average " + what + " " + fmt(direction, before) + " → " + fmt(direction, after);
        } else {
            change = "tried to make it " + word(direction);
            notes.add("the catalogue has little that is " + word(direction) + " and still fits the rest of your request");
        }
        if (chosen.size() < n) {
            notes.add("only " + chosen.size() + " of " + n + " tracks could be kept " + word(direction));
        }
        return new Draft(chosen, asked.withCount(Math.max(1, Math.min(asked.count(), Math.max(chosen.size(), 1)))), next, notes, change);
    }

    private static String fmt(String direction, double v) {
        return direction.equals("faster") || direction.equals("slower") ? Math.round(v) + " BPM" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static boolean up(String direction) {
        return direction.equals("more_energetic") || direction.equals("happier") || direction.equals("faster");
    }

    private static MoodModel.Feature featureOf(String direction) {
        return switch (direction) {
            case "calmer", "less_energetic", "more_energetic" -> MoodModel.Feature.ENERGY;
            case "happier", "sadder" -> MoodModel.Feature.VALENCE;
            case "faster", "slower" -> MoodModel.Feature.TEMPO;
            default -> throw new PlaylistException("I can make it calmer, more energetic, happier, sadder, faster or slower");
        };
    }

    private static ToDoubleFunction<CatalogItem> feature(String direction) {
        return switch (direction) {
            case "calmer", "less_energetic", "more_energetic" -> c -> c.features().energy() == null ? Double.NaN : c.features().energy();
            case "happier", "sadder" -> c -> c.features().valence() == null ? Double.NaN : c.features().valence();
            default -> c -> c.features().tempo() == null ? Double.NaN : c.features().tempo();
        };
    }

    private static boolean moves(CatalogItem from, CatalogItem to, String direction) {
        ToDoubleFunction<CatalogItem> f = feature(direction);
        double a = f.applyAsDouble(from);
        double b = f.applyAsDouble(to);
        if (Double.isNaN(a)) {
            return true;
        }
        return !Double.isNaN(b) && (up(direction) ? b > a : b < a);
    }

    private static String word(String direction) {
        return switch (direction) {
            case "calmer", "less_energetic" -> "calmer";
            case "more_energetic" -> "more energetic";
            default -> direction;
        };
    }

    private static double mean(List<PlaylistItem> items, ToDoubleFunction<CatalogItem> f) {
        double s = 0;
        int n = 0;
        for (PlaylistItem p : items) {
            double v = f.applyAsDouble(p.item());
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private List<PlaylistItem> candidates(List<PlaylistItem> current, int n, Requirements r, Shift shift, UserProfile profile,
            MoodTarget base, java.util.function.Predicate<CatalogItem> accept) {
        Set<Long> avoid = new HashSet<>();
        current.forEach(i -> avoid.add(i.item().trackId()));
        return candidates(current, n, r, shift, profile, base, accept, avoid);
    }

    /**
     * Up to {@code n} new tracks that fit the requirements and, with {@code current}, keep the
     * per-artist cap; none of {@code avoid}.
     */
    private List<PlaylistItem> candidates(List<PlaylistItem> current, int n, Requirements r, Shift shift, UserProfile profile,
            MoodTarget base, java.util.function.Predicate<CatalogItem> accept, Set<Long> avoid) {
        if (n <= 0) {
            return List.of();
        }
        MoodTarget mood = shifted(base, shift);
        int want = Math.min(400, n * 3 + 20 + current.size());
        Constraints c = engineConstraints(merged(r, base), want).withExcludedTracks(avoid);
        var engine = recommender.snapshot().engine();
        Constraints capped = c.withMaxPerArtist(Math.max(1, r.maxPerArtist()));
        // a list of an artist's own tracks ("songs by Brad Sucks") takes more of theirs first, then tracks like them
        Optional<Playlist> own = base.asksForArtistsOwn()
                ? engine.byArtists(profile, mood, capped, dev.tunesmith.recommend.ColdExposure.NONE) : Optional.empty();
        Playlist pool = own.orElseGet(() -> engine.recommend(profile, mood, capped));
        Map<String, Integer> per = new HashMap<>();
        current.forEach(p -> per.merge(p.item().artist().toLowerCase(Locale.ROOT).trim(), 1, Integer::sum));
        List<PlaylistItem> sorted = new ArrayList<>(pool.items());
        if (own.isEmpty()) {
            sorted.sort(Comparator.comparingDouble(PlaylistItem::score).reversed());
        }
        List<PlaylistItem> out = new ArrayList<>();
        for (PlaylistItem p : sorted) {
            if (out.size() == n) {
                break;
            }
            String a = p.item().artist().toLowerCase(Locale.ROOT).trim();
            if (per.getOrDefault(a, 0) >= r.maxPerArtist() || (accept != null && !accept.test(p.item()))) {
                continue;
            }
            per.merge(a, 1, Integer::sum);
            out.add(p);
        }
        return out;
    }

    /** A new list for the mood under the requirements. */
    /** Discovery: like a fresh list, but without what the listener already liked, favourited or played. */
    private Draft discovery(UserProfile profile, MoodTarget mood, Requirements r) {
        Playlist p = recommender.discover(profile, mood, engineConstraints(r, r.count()));
        return new Draft(p.items(), r, Shift.NONE, List.of(), null);
    }

    private Draft fresh(UserProfile profile, MoodTarget mood, Requirements r, Shift shift) {
        Constraints c = engineConstraints(r, r.count());
        if (mood.asksForArtistsOwn()) {
            // "songs by Brad Sucks": their own tracks with no per-artist cap, then (when they have fewer) tracks like them
            Optional<Playlist> own = recommender.byArtists(profile, shifted(mood, shift), c);
            if (own.isPresent()) {
                List<PlaylistItem> items = own.get().items();
                long theirs = items.stream().filter(i -> mood.wantedArtists().stream()
                        .anyMatch(a -> ArtistNames.names(a, i.item().artist()))).count();
                List<String> notes = new ArrayList<>();
                if (theirs < items.size()) {
                    String who = String.join(" or ", mood.wantedArtists());
                    long rest = items.size() - theirs;
                    notes.add((theirs == 1 ? "the one track by " + who + " that fits is here" : "all " + theirs + " tracks by " + who
                            + " that fit are here") + "; the other " + rest + (rest == 1 ? " is" : " are") + " like "
                            + mood.wantedArtists().get(0));
                }
                return new Draft(items, r.withMaxPerArtist(Math.max(r.maxPerArtist(), 100)), shift, notes, null);
            }
        }
        Playlist p = recommender.recommend(profile, shifted(mood, shift), c);
        List<String> notes = new ArrayList<>();
        if (p.items().size() < r.count()) {
            notes.add(shortfall(p.items().size(), r, mood));
        }
        List<String> unknown = index().resolve(r).unknownTerms();
        for (String u : unknown) {
            notes.add("I don't know \"" + u + "\" as an artist or genre in the catalogue, so nothing had to be left out for it");
        }
        return new Draft(p.items(), r, shift, notes, null);
    }

    /** The engine's constraints for the requirements, resolved against the catalogue. */
    private Constraints engineConstraints(Requirements r, int count) {
        CatalogIndex.Resolved res = index().resolve(r);
        Constraints c = Constraints.defaults().withCount(Math.max(1, count)).withExclusions(res.excludedArtists(), res.excludedTags())
                .withMaxPerArtist(r.maxPerArtist()).withExcludedTracks(res.excludedTrackIds()).withDuration(r.durationSec());
        c = r.years() == null ? c : c.withYears(r.years());
        return (r.energy() != null || r.tempo() != null) ? c.withRanges(r.energy(), r.tempo()) : c;
    }

    /**
     * The mood's own exclusions ("no jazz" read by the mood parser) join the requirements, so the verifier checks them
     * too. A tag that only comes with an avoided mood ("nothing sad" avoids the tag sad) joins only where it is a genre
     * or a tag of this catalogue: elsewhere the mood's region keeps such tracks out, and a tag no track can carry would
     * be a check that says nothing.
     */
    private Requirements merged(Requirements r, MoodTarget mood) {
        Requirements out = r;
        CatalogIndex idx = index();
        for (String t : mood.unwantedTags().stream().filter(idx::isGenre).toList()) {
            out = out.excludeGenres().contains(GenreTree.canonical(t).orElse(t)) ? out : out.withoutGenre(GenreTree.canonical(t).orElse(t));
        }
        for (String a : mood.unwantedArtists()) {
            out = out.excludeArtists().contains(a.toLowerCase(Locale.ROOT)) ? out : out.withoutArtist(a);
        }
        return out;
    }

    /** The mood target with the region moves of the edits so far ({@link MoodModel#nudged}). */
    private static MoodTarget shifted(MoodTarget m, Shift s) {
        MoodTarget out = m;
        for (MoodTarget.Nudge n : s.nudges()) {
            out = out.nudged(n);
        }
        return out;
    }

    /** "Only 6 of the 20 tracks you asked for fit: the catalogue has 6 tracks under 100 BPM." */
    private String shortfall(int got, Requirements r, MoodTarget mood) {
        CatalogIndex idx = index();
        List<String> why = new ArrayList<>();
        if (r.tempo() != null) {
            why.add(idx.countTempo(r.tempo()) + " " + ListVerifier.describe("tempo", r.tempo()));
        }
        if (r.energy() != null) {
            why.add(idx.countEnergy(r.energy()) + " with " + ListVerifier.describe("energy", r.energy()));
        }
        if (r.durationSec() != null) {
            why.add(idx.countDuration(r.durationSec()) + " " + ListVerifier.describe("length", r.durationSec()));
        }
        String label = mood == null || mood.text() == null || mood.text().isBlank() ? "" : " for \"" + PlaylistTitles.of(mood.text()) + "\"";
        return "only " + got + " of the " + r.count() + " tracks you asked for fit everything" + label
                + (why.isEmpty() ? "" : " — the catalogue has " + String.join(", ", why)) + (r.maxPerArtist() <= 1 ? ", one per artist" : "");
    }

    /**
     * The conversation's newest playlist in numbers, read from its tracks: "how long is this playlist?", "what genre is most
     * of this?". {@code genres}: the commonest genres (a track's genre, else its first tag) and their counts, most first.
     */
    public record Overview(String title, int tracks, int totalSec, int unknownLength, int artists, List<Map.Entry<String, Integer>> genres,
            Double meanEnergy, Double minTempo, Double maxTempo, int estimated) {

        /** The overview in a listener's words. */
        public String describe() {
            StringBuilder b = new StringBuilder("\"" + title + "\": " + tracks + " track" + (tracks == 1 ? "" : "s"));
            if (tracks > unknownLength) {
                b.append(", ").append(duration(totalSec)).append(unknownLength > 0 ? " in all for the " + (tracks - unknownLength)
                        + " of known length" : " in all");
            }
            b.append(", by ").append(artists).append(artists == 1 ? " artist" : " artists").append('.');
            if (!genres.isEmpty()) {
                b.append(genres.get(0).getValue() * 2 > tracks ? " Mostly " : " Mainly ").append(String.join(", ",
                        genres.stream().limit(3).map(e -> e.getKey() + " (" + e.getValue() + ")").toList())).append('.');
            }
            if (meanEnergy != null) {
                b.append(String.format(Locale.ROOT, " Average energy %.2f", meanEnergy));
                b.append(minTempo != null ? String.format(Locale.ROOT, ", tempo %d–%d BPM", Math.round(minTempo), Math.round(maxTempo)) : "");
                b.append(estimated > 0 ? " (" + (estimated == tracks ? "all" : estimated + " of them") + " estimated from genre)" : "").append('.');
            }
            return b.toString();
        }

        /** A whole length to the nearest minute: "51 min", "1 h 31 min" (rounded first, so 7,199 s is "2 h 0 min"). */
        static String duration(int sec) {
            int minutes = (sec + 30) / 60;
            return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
        }
    }

    /** The conversation's newest playlist in numbers ({@link Overview}). */
    public Future<Overview> overview(long userId, UUID conversationId) {
        return store.latest(conversationId, userId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new PlaylistException("there is no playlist in this conversation yet — ask for one first"));
            }
            PlaylistStore.Stored s = found.get();
            return tracks.findMany(s.trackIds()).map(list -> {
                int total = 0;
                int unknown = 0;
                int estimated = 0;
                Set<String> artists = new HashSet<>();
                Map<String, Integer> genres = new HashMap<>();
                double energy = 0;
                int withEnergy = 0;
                Double lo = null;
                Double hi = null;
                for (Track t : list) {
                    if (t.durationSec() == null || t.durationSec() <= 0) {
                        unknown++;
                    } else {
                        total += t.durationSec();
                    }
                    artists.add(t.artist().toLowerCase(Locale.ROOT));
                    String g = t.genre() != null && !t.genre().isBlank() ? t.genre() : t.tags().isEmpty() ? null : t.tags().get(0);
                    if (g != null) {
                        genres.merge(g.toLowerCase(Locale.ROOT), 1, Integer::sum);
                    }
                    if (t.energy() != null) {
                        energy += t.energy();
                        withEnergy++;
                    }
                    if (t.tempo() != null) {
                        lo = lo == null ? t.tempo() : Math.min(lo, t.tempo());
                        hi = hi == null ? t.tempo() : Math.max(hi, t.tempo());
                    }
                    estimated += t.featuresEstimated() ? 1 : 0;
                }
                List<Map.Entry<String, Integer>> ranked = genres.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
                return new Overview(s.title(), list.size(), total, unknown, artists.size(), ranked,
                        withEnergy == 0 ? null : energy / withEnergy, lo, hi, withEnergy == 0 ? 0 : estimated);
            });
        });
    }

    /** A track of the conversation's newest playlist and why it is there. */
    public record TrackInPlaylist(int position, int size, Track track, List<String> reasons) {}

    /** The track at 1-based {@code position} (−1 = the last) of the conversation's newest playlist. */
    public Future<TrackInPlaylist> trackAt(long userId, UUID conversationId, int position) {
        return store.latest(conversationId, userId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new PlaylistException("there is no playlist in this conversation yet"));
            }
            PlaylistStore.Stored s = found.get();
            int size = s.trackIds().size();
            int p = position == -1 ? size : position;
            if (p < 1 || p > size) {
                return Future.failedFuture(new PlaylistException("the playlist has " + size + " tracks; there is no track " + position));
            }
            return tracks.findMany(List.of(s.trackIds().get(p - 1))).compose(list -> list.isEmpty()
                    ? Future.failedFuture(new PlaylistException("that track is no longer in the catalogue"))
                    : Future.succeededFuture(new TrackInPlaylist(p, size, list.get(0), s.reasons().get(p - 1))));
        });
    }

    /** Up to {@code k} tracks like {@code trackId}, with reasons, not stored (the track page's "more like this"). */
    public Future<Recommendations> similarTo(long trackId, int k) {
        Constraints c = Constraints.defaults().withCount(k).withExcludedTracks(Set.of(trackId));
        return vertx.executeBlocking(() -> recommender.snapshot().engine().similarTracks(trackId, k, c), false)
                .compose(playlist -> scored(playlist.items(), null));
    }

    /** The items with their catalogue tracks (those still there), in order. */
    private Future<Recommendations> scored(List<PlaylistItem> items, PlaylistSummary summary) {
        return tracks.findMany(items.stream().map(p -> p.item().trackId()).toList()).map(found -> {
            Map<Long, Track> byId = new HashMap<>();
            found.forEach(t -> byId.put(t.id(), t));
            List<Recommendations.Scored> out = new ArrayList<>();
            for (PlaylistItem item : items) {
                Track t = byId.get(item.item().trackId());
                if (t != null) {
                    out.add(new Recommendations.Scored(t, item.score(), item.reasons()));
                }
            }
            return new Recommendations(out, summary);
        });
    }

    /** Tracks like the one {@code query} names, stored as a playlist of the conversation. */
    public Future<PlaylistView> similar(long userId, UUID conversationId, String query, int count) {
        String q = query == null ? "" : query.strip();
        var engine = recommender.snapshot().engine();
        Optional<String> artist = engine.artistNamed(q);
        if (artist.isPresent()) {
            // "something like Brad Sucks": the artist's tracks as the seed, not the first track a search finds
            int k = Math.max(1, Math.min(100, count));
            Constraints c = Constraints.defaults().withCount(k);
            return vertx.executeBlocking(() -> {
                Playlist p = engine.similarToArtist(q, k, c).orElseThrow();
                return new Draft(p.items(), Requirements.defaults().withCount(k), Shift.NONE, List.of(), null);
            }, false).compose(d -> save(userId, conversationId, PlaylistTitles.clip("Like " + artist.get()), "like " + artist.get(), d, null));
        }
        return tracks.search(query, null, 1, 0).compose(page -> {
            if (page.items().isEmpty()) {
                return Future.failedFuture(new PlaylistException("I couldn't find a track matching '" + query + "' in the catalog"));
            }
            return similarTo(userId, conversationId, page.items().get(0), count);
        });
    }

    /** Tracks like the one at {@code position} of the conversation's newest playlist. */
    public Future<PlaylistView> similarAt(long userId, UUID conversationId, int position, int count) {
        return trackAt(userId, conversationId, position).compose(at -> similarTo(userId, conversationId, at.track(), count));
    }

    private Future<PlaylistView> similarTo(long userId, UUID conversationId, Track seed, int count) {
        int k = Math.max(1, Math.min(100, count));
        Constraints c = Constraints.defaults().withCount(k).withExcludedTracks(Set.of(seed.id()));
        return vertx.executeBlocking(() -> {
            Playlist p = recommender.snapshot().engine().similarTracks(seed.id(), c.count(), c);
            return new Draft(p.items(), Requirements.defaults().withCount(k), Shift.NONE, List.of(), null);
        }, false).compose(d -> save(userId, conversationId, PlaylistTitles.clip("Like " + seed.title()),
                "like " + seed.title() + " by " + seed.artist(), d, null));
    }

    private Future<PlaylistView> save(long userId, UUID conversationId, String title, String mood, Draft d, Long previous) {
        List<Long> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<List<String>> reasons = new ArrayList<>();
        for (PlaylistItem item : d.items()) {
            ids.add(item.item().trackId());
            scores.add(item.score());
            reasons.add(item.reasons());
        }
        JsonObject constraints = new JsonObject().put("ask", PlaylistJson.toJson(d.asked()))
                .put("shift", PlaylistJson.toJson(d.shift())).put("satisfied", PlaylistJson.toJson(summary(d)));
        if (previous != null) {
            constraints.put("previous", previous);
        }
        return store.save(userId, conversationId, title, mood, constraints, ids, scores, reasons)
                .compose(id -> store.view(new PlaylistStore.Stored(id, userId, conversationId, title, mood, constraints, ids, scores, reasons)));
    }

    private PlaylistSummary summary(Draft d) {
        return summary(d, index().resolve(d.asked()).unknownTerms());
    }

    /**
     * What the answer may say about the list: verified facts, notes, the change made, counts. A term the catalogue
     * does not know ({@code unknown}: "without saxophone") gets no fact: "nothing by saxophone" would be true of any
     * list, and the note on it says why nothing was left out.
     */
    static PlaylistSummary summary(Draft d, Collection<String> unknown) {
        List<CatalogItem> list = d.items().stream().map(PlaylistItem::item).toList();
        Requirements checked = d.asked().withoutTerms(unknown);
        ListVerifier.Report report = ListVerifier.check(list, checked.withCount(Math.max(checked.count(), Math.max(1, list.size()))));
        List<String> notes = new ArrayList<>(d.notes());
        // never claim what is false: a requirement the list breaks is said, not hidden
        report.violations().forEach(v -> notes.add("heads-up: " + v));
        return new PlaylistSummary(list.size(), d.asked().count(), new ArrayList<>(new LinkedHashSet<>(report.facts())), notes, d.change());
    }

    /** The listener's request as requirements; the range checks name the problem. */
    static Requirements requirements(PlaylistRequest r) {
        int count = r.count() == null ? DEFAULT_COUNT : r.count();
        if (count < 1 || count > 100) {
            throw new PlaylistException("a playlist can have 1 to 100 tracks");
        }
        List<String> genres = new ArrayList<>();
        if (r.excludeTags() != null) {
            r.excludeTags().stream().filter(t -> t != null && !t.isBlank()).forEach(t -> genres.add(GenreTree.canonical(t).orElse(t.trim())));
        }
        List<String> artists = new ArrayList<>();
        if (r.excludeArtists() != null) {
            r.excludeArtists().stream().filter(a -> a != null && !a.isBlank() && !genres.contains(GenreTree.canonical(a).orElse(a.trim())))
                    .forEach(a -> artists.add(a.trim()));
        }
        Range energy = range(r.minEnergy(), r.maxEnergy(), 0, 1);
        Range tempo = range(r.minTempo(), r.maxTempo(), 0, 300);
        Range length = range(r.minDurationSec(), r.maxDurationSec(), 0, 24 * 3600);
        Range years = range(r.minYear(), r.maxYear(), ListVerifier.YEAR_MIN, ListVerifier.YEAR_MAX);
        return new Requirements(count, genres, artists, energy, tempo, length, r.maxPerArtist() == null ? 2 : Math.max(1, r.maxPerArtist()),
                years);
    }

    /** As {@link #range(Double, Double, double, double)} for whole numbers (seconds, years). */
    private static Range range(Integer min, Integer max, double lo, double hi) {
        return range(min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue(), lo, hi);
    }

    private static Range range(Double min, Double max, double lo, double hi) {
        if (min == null && max == null) {
            return null;
        }
        double a = min == null ? lo : Math.max(lo, min);
        double b = max == null ? hi : Math.min(hi, max);
        if (a > b) {
            throw new PlaylistException("the range " + (min == null ? "" : min) + "–" + (max == null ? "" : max) + " is empty");
        }
        return new Range(a, b);
    }

    private static List<Integer> positions(List<Integer> asked, int size) {
        if (size == 0) {
            throw new PlaylistException("the playlist is empty");
        }
        List<Integer> out = new ArrayList<>();
        for (Integer p : asked) {
            int q = p == null ? 1 : p;
            if (q == -1) {
                q = size;
            }
            if (q < 1 || q > size) {
                throw new PlaylistException("the playlist has " + size + " tracks; there is no track " + q);
            }
            if (!out.contains(q - 1)) {
                out.add(q - 1);
            }
        }
        return out;
    }

    private static String numbers(List<Integer> zeroBased) {
        List<String> s = zeroBased.stream().sorted().map(i -> String.valueOf(i + 1)).toList();
        return s.size() == 1 ? s.get(0) : String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1);
    }

    private CatalogIndex index() {
        var snapshot = recommender.snapshot();
        CachedIndex cached = index.get();
        if (cached != null && cached.snapshot() == snapshot) {
            return cached.index();
        }
        CatalogIndex built = new CatalogIndex(snapshot.engine().items());
        index.set(new CachedIndex(snapshot, built));
        return built;
    }
}
