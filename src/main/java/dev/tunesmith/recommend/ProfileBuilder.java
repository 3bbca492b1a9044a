package dev.tunesmith.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Builds {@link UserProfile}s from events with the weights of {@link EventWeights}, and updates
 * them incrementally: {@link #apply} costs O(profile size) and needs no retraining, so a new event
 * changes the next recommendation immediately.
 */
public final class ProfileBuilder {
    private static final int TOP = 10;
    private final LongFunction<CatalogItem> catalog;
    private final EventWeights weights;

    /**
     * @param catalog looks a track up by id (null when unknown)
     * @param weights event weights and recency half-life
     */
    public ProfileBuilder(LongFunction<CatalogItem> catalog, EventWeights weights) {
        this.catalog = catalog;
        this.weights = weights;
    }

    /** Profile from all of a user's events, decayed to {@code now}. */
    public UserProfile build(List<UserEvent> events, Instant now) {
        Instant start = events.stream().map(UserEvent::at).min(Comparator.naturalOrder()).orElse(now);
        Acc a = new Acc(UserProfile.empty(start));
        events.stream().sorted(Comparator.comparing(UserEvent::at)).forEach(a::add);
        a.advance(now);
        return a.toProfile(Map.of(), Map.of());
    }

    /** Profile from the user's events plus friends' profiles as a weak prior. */
    public UserProfile build(List<UserEvent> events, List<UserProfile> friends, Instant now) {
        return withFriends(build(events, now), friends);
    }

    /** Profile from the user's events plus friends' raw events (each friend's list is one profile). */
    public UserProfile buildWithFriendEvents(List<UserEvent> events, List<List<UserEvent>> friendsEvents, Instant now) {
        List<UserProfile> friends = new ArrayList<>();
        for (List<UserEvent> f : friendsEvents) {
            friends.add(build(f, now));
        }
        return withFriends(build(events, now), friends);
    }

    /** Adds one event to a profile (events older than {@code asOf} are decayed by their age). */
    public UserProfile apply(UserProfile profile, UserEvent event) {
        Acc a = new Acc(profile);
        a.add(event);
        return a.toProfile(profile.friendWeights(), profile.friendLikes());
    }

    /** Replaces the friends' prior: each friend's positive weights, scaled to max 1, × friendPrior. */
    public UserProfile withFriends(UserProfile profile, List<UserProfile> friends) {
        Map<Long, Double> fw = new HashMap<>();
        Map<Long, Integer> likes = new HashMap<>();
        for (UserProfile f : friends) {
            double max = f.itemWeights().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (max <= 0) {
                continue;
            }
            for (var e : f.itemWeights().entrySet()) {
                if (e.getValue() > 0) {
                    fw.merge(e.getKey(), weights.friendPrior() * e.getValue() / max, Double::sum);
                    likes.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        return new Acc(profile).toProfile(fw, likes);
    }

    private final class Acc {
        Instant asOf;
        final long listener;
        final Map<Long, Double> w;
        final Map<String, Integer> artistPlays;
        final Map<Long, Instant> lastPlayed;
        final Map<String, Integer> counts;

        Acc(UserProfile p) {
            asOf = p.asOf();
            listener = p.listener();
            w = new HashMap<>(p.itemWeights());
            artistPlays = new HashMap<>(p.artistPlays());
            lastPlayed = new HashMap<>(p.lastPlayed());
            counts = new HashMap<>(p.eventCounts());
        }

        void advance(Instant to) {
            if (to.isAfter(asOf)) {
                double f = weights.decay(Duration.between(asOf, to));
                w.replaceAll((k, v) -> v * f);
                asOf = to;
            }
        }

        void add(UserEvent e) {
            advance(e.at());
            CatalogItem item = catalog.apply(e.trackId());
            int duration = item == null ? 0 : item.durationSec();
            double v = weights.weight(e, duration) * weights.decay(Duration.between(e.at(), asOf));
            w.merge(e.trackId(), v, Double::sum);
            counts.merge(e.type(), 1, Integer::sum);
            if (e.type().equals("play")) {
                lastPlayed.merge(e.trackId(), e.at(), (x, y) -> x.isAfter(y) ? x : y);
                if (item != null && !item.artist().isEmpty()) {
                    artistPlays.merge(item.artist(), 1, Integer::sum);
                }
            }
        }

        UserProfile toProfile(Map<Long, Double> friendWeights, Map<Long, Integer> friendLikes) {
            Map<String, Double> tagW = new HashMap<>();
            Map<String, Double> artistW = new HashMap<>();
            double vs = 0;
            double es = 0;
            double vw = 0;
            double ew = 0;
            for (var e : w.entrySet()) {
                double x = e.getValue();
                CatalogItem item = catalog.apply(e.getKey());
                if (x <= 0 || item == null) {
                    continue;
                }
                for (String t : item.tags()) {
                    tagW.merge(t.toLowerCase(java.util.Locale.ROOT), x, Double::sum);
                }
                if (item.genre() != null && !item.genre().isBlank()) {
                    tagW.merge(item.genre().toLowerCase(java.util.Locale.ROOT), x, Double::sum);
                }
                if (!item.artist().isEmpty()) {
                    artistW.merge(item.artist(), x, Double::sum);
                }
                if (item.features().valence() != null) {
                    vs += x * item.features().valence();
                    vw += x;
                }
                if (item.features().energy() != null) {
                    es += x * item.features().energy();
                    ew += x;
                }
            }
            List<UserProfile.TagWeight> tags = new ArrayList<>();
            tagW.forEach((t, x) -> tags.add(new UserProfile.TagWeight(t, x)));
            tags.sort(Comparator.comparingDouble(UserProfile.TagWeight::weight).reversed()
                    .thenComparing(UserProfile.TagWeight::tag));
            List<UserProfile.ArtistWeight> artists = new ArrayList<>();
            artistW.forEach((a, x) -> artists.add(new UserProfile.ArtistWeight(a, artistPlays.getOrDefault(a, 0), x)));
            artists.sort(Comparator.comparingDouble(UserProfile.ArtistWeight::weight).reversed()
                    .thenComparing(UserProfile.ArtistWeight::artist));
            return new UserProfile(asOf, w, friendWeights, friendLikes, artistPlays, lastPlayed, counts,
                    tags.subList(0, Math.min(TOP, tags.size())), artists.subList(0, Math.min(TOP, artists.size())),
                    vw > 0 ? vs / vw : null, ew > 0 ? es / ew : null, listener);
        }
    }
}
