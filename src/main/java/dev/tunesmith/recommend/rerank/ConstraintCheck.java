package dev.tunesmith.recommend.rerank;

import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.Constraints;
import dev.tunesmith.recommend.Playlist;
import dev.tunesmith.recommend.PlaylistItem;
import dev.tunesmith.recommend.UserProfile;
import dev.tunesmith.recommend.mood.MoodTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Independent check of a playlist against its constraints (used as a post-condition and in tests). */
public final class ConstraintCheck {
    private ConstraintCheck() {}

    /** Every violated constraint, described; empty when the playlist satisfies all of them. */
    public static List<String> violations(Playlist p, Constraints c, UserProfile profile, MoodTarget mood, Instant now) {
        List<String> v = new ArrayList<>();
        if (p.items().size() > c.count()) {
            v.add("more items than requested");
        }
        Set<Long> ids = new HashSet<>();
        Map<String, Integer> perArtist = new HashMap<>();
        Set<String> unwantedTags = new HashSet<>(c.excludeTags());
        Set<String> unwantedArtists = new HashSet<>(c.excludeArtists());
        if (mood != null) {
            mood.unwantedTags().forEach(t -> unwantedTags.add(t.toLowerCase(Locale.ROOT)));
            mood.unwantedArtists().forEach(a -> unwantedArtists.add(a.toLowerCase(Locale.ROOT)));
        }
        for (PlaylistItem pi : p.items()) {
            CatalogItem it = pi.item();
            String artist = it.artist().toLowerCase(Locale.ROOT).trim();
            if (!ids.add(it.trackId())) {
                v.add("duplicate " + it.trackId());
            }
            if (c.excludeTrackIds().contains(it.trackId())) {
                v.add("excluded track " + it.trackId());
            }
            if (unwantedArtists.contains(artist)) {
                v.add("excluded artist " + it.artist());
            }
            if (perArtist.merge(artist, 1, Integer::sum) > c.maxPerArtist()) {
                v.add("too many by " + it.artist());
            }
            for (String t : it.tags()) {
                if (unwantedTags.contains(t.toLowerCase(Locale.ROOT).trim())) {
                    v.add("excluded tag " + t + " on " + it.trackId());
                }
            }
            if (it.genre() != null && unwantedTags.contains(it.genre().toLowerCase(Locale.ROOT).trim())) {
                v.add("excluded genre " + it.genre() + " on " + it.trackId());
            }
            if (c.skipRecentlyPlayed() && profile != null) {
                Instant last = profile.lastPlayed().get(it.trackId());
                if (last != null && last.isAfter(now.minus(c.recentWindow()))) {
                    v.add("recently played " + it.trackId());
                }
            }
            if (c.energy() != null && (it.features().energy() == null || !c.energy().contains(it.features().energy()))) {
                v.add("energy out of range on " + it.trackId());
            }
            if (c.tempo() != null && (it.features().tempo() == null || !c.tempo().contains(it.features().tempo()))) {
                v.add("tempo out of range on " + it.trackId());
            }
            if (c.durationSec() != null && (it.durationSec() <= 0 || !c.durationSec().contains(it.durationSec()))) {
                v.add("length out of range on " + it.trackId());
            }
            if (c.years() != null && (it.year() == null || !c.years().contains(it.year()))) {
                v.add("year out of range on " + it.trackId());
            }
            if (pi.reasons().isEmpty()) {
                v.add("no reason on " + it.trackId());
            }
        }
        return v;
    }
}
