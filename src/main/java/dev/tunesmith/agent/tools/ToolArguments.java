package dev.tunesmith.agent.tools;

import dev.tunesmith.playlist.PlaylistRequest;
import dev.tunesmith.playlist.RefineRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the arguments a model (or the offline router) passes to the playlist tools. What can be
 * repaired without changing the meaning is repaired (an energy of 70 means 0.7, a min above its max
 * is swapped, "less upbeat" is the action calmer); what cannot is refused with a {@link ToolFailure}
 * whose message tells the model what to send instead.
 */
final class ToolArguments {
    private ToolArguments() {}

    static final List<String> ACTIONS = List.of("set_count", "add", "remove", "swap", "shift", "exclude_artist", "exclude_genre", "exclude",
            "constrain", "refresh", "undo", "more_energetic", "less_energetic", "longer", "shorter", "calmer", "happier", "sadder", "faster", "slower",
            "replace", "more_by_artist", "order", "reduce_genre");
    static final List<String> DIRECTIONS = List.of("calmer", "more_energetic", "happier", "sadder", "faster", "slower");
    private static final Map<String, String> ACTION_SYNONYMS = Map.ofEntries(Map.entry("count", "set_count"), Map.entry("resize", "set_count"),
            Map.entry("set", "set_count"), Map.entry("total", "set_count"), Map.entry("append", "add"), Map.entry("more", "add"),
            Map.entry("delete", "remove"), Map.entry("drop", "remove"), Map.entry("change", "swap"), Map.entry("revert", "undo"),
            Map.entry("less_upbeat", "calmer"), Map.entry("more_upbeat", "more_energetic"), Map.entry("energetic", "more_energetic"),
            Map.entry("exclude_tag", "exclude_genre"), Map.entry("exclude_artists", "exclude_artist"), Map.entry("limit", "constrain"),
            Map.entry("filter", "constrain"), Map.entry("reshuffle", "refresh"), Map.entry("shuffle", "refresh"),
            Map.entry("regenerate", "refresh"), Map.entry("more_by", "more_by_artist"), Map.entry("more_from_artist", "more_by_artist"),
            Map.entry("artist", "more_by_artist"), Map.entry("same_artist", "more_by_artist"), Map.entry("sort", "order"),
            Map.entry("reorder", "order"), Map.entry("arrange", "order"), Map.entry("shuffle_order", "order"),
            Map.entry("fewer", "reduce_genre"), Map.entry("less", "reduce_genre"), Map.entry("reduce", "reduce_genre"));
    private static final Map<String, String> DIRECTION_SYNONYMS = Map.ofEntries(Map.entry("less_energetic", "calmer"),
            Map.entry("calm", "calmer"), Map.entry("more_calm", "calmer"), Map.entry("less_upbeat", "calmer"), Map.entry("energetic", "more_energetic"),
            Map.entry("more_upbeat", "more_energetic"), Map.entry("upbeat", "more_energetic"), Map.entry("happy", "happier"),
            Map.entry("sad", "sadder"), Map.entry("fast", "faster"), Map.entry("slow", "slower"), Map.entry("quicker", "faster"));

    static PlaylistRequest playlist(PlaylistRequest r) {
        if (r.mood() == null || r.mood().isBlank()) {
            throw new ToolFailure("mood is required: pass the user's words for the mood or situation");
        }
        if (r.count() != null && (r.count() < 1 || r.count() > 100)) {
            throw new ToolFailure("count must be 1-100, got " + r.count());
        }
        Double[] e = ordered(energy(r.minEnergy()), energy(r.maxEnergy()));
        Double[] t = ordered(tempo(r.minTempo()), tempo(r.maxTempo()));
        Integer[] d = orderedInt(duration(r.minDurationSec()), duration(r.maxDurationSec()));
        if (r.maxPerArtist() != null && r.maxPerArtist() < 1) {
            throw new ToolFailure("maxPerArtist must be at least 1, got " + r.maxPerArtist());
        }
        Integer[] y = orderedInt(year(r.minYear()), year(r.maxYear()));
        if (r.totalMinutes() != null && (r.totalMinutes() < 3 || r.totalMinutes() > 600)) {
            throw new ToolFailure("totalMinutes must be 3-600, got " + r.totalMinutes());
        }
        return new PlaylistRequest(r.mood().trim(), r.count(), r.excludeArtists(), r.excludeTags(), e[0], e[1], t[0], t[1], r.maxPerArtist(),
                d[0], d[1], r.title(), y[0], y[1], r.totalMinutes());
    }

    static RefineRequest refine(RefineRequest r) {
        String action = r.action() == null ? "" : r.action().trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        action = ACTION_SYNONYMS.getOrDefault(action, action);
        if (!ACTIONS.contains(action)) {
            throw new ToolFailure("unknown action '" + r.action() + "'; use one of " + String.join(", ", ACTIONS.subList(0, 10)));
        }
        String direction = r.direction() == null ? null : r.direction().trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        direction = direction == null ? null : DIRECTION_SYNONYMS.getOrDefault(direction, direction);
        if (direction != null && !DIRECTIONS.contains(direction)) {
            throw new ToolFailure("unknown direction '" + r.direction() + "'; use one of " + String.join(", ", DIRECTIONS));
        }
        if (action.equals("shift") && direction == null) {
            throw new ToolFailure("shift needs a direction: " + String.join(", ", DIRECTIONS));
        }
        List<Integer> positions = new ArrayList<>();
        for (Integer p : r.positions()) {
            if (p == null || (p < 1 && p != -1) || p > 100) {
                throw new ToolFailure("positions are 1-based track numbers (or -1 for the last), got " + p);
            }
            positions.add(p);
        }
        if (r.amount() != null && (r.amount() < 0 || r.amount() > 100)) {
            throw new ToolFailure("amount must be 0-100, got " + r.amount());
        }
        if (action.equals("set_count") && r.amount() == null) {
            throw new ToolFailure("set_count needs amount, the new number of tracks");
        }
        if (action.equals("exclude_artist") && (r.artist() == null || r.artist().isBlank())) {
            throw new ToolFailure("exclude_artist needs artist");
        }
        if (action.equals("exclude_genre") && (r.genre() == null || r.genre().isBlank())) {
            throw new ToolFailure("exclude_genre needs genre");
        }
        Double[] e = ordered(energy(r.minEnergy()), energy(r.maxEnergy()));
        Double[] t = ordered(tempo(r.minTempo()), tempo(r.maxTempo()));
        Integer[] d = orderedInt(duration(r.minDurationSec()), duration(r.maxDurationSec()));
        Integer[] y = orderedInt(year(r.minYear()), year(r.maxYear()));
        return new RefineRequest(action, positions, r.amount(), r.artist(), r.genre(), direction, t[0], t[1], e[0], e[1], d[0], d[1],
                r.maxPerArtist(), y[0], y[1]);
    }

    /** A release year, 1000-3000. */
    private static Integer year(Integer v) {
        if (v != null && (v < 1000 || v > 3000)) {
            throw new ToolFailure("a year is a four-digit number such as 1999, got " + v);
        }
        return v;
    }

    /** Energy on 0-1; 1-100 is read as a percentage. */
    private static Double energy(Double v) {
        if (v == null) {
            return null;
        }
        if (v < 0 || v > 100) {
            throw new ToolFailure("energy is 0-1, got " + v);
        }
        return v > 1 ? v / 100 : v;
    }

    private static Double tempo(Double v) {
        if (v == null) {
            return null;
        }
        if (v < 20 || v > 300) {
            throw new ToolFailure("tempo is in BPM, 20-300, got " + v);
        }
        return v;
    }

    private static Integer duration(Integer v) {
        if (v == null) {
            return null;
        }
        if (v < 0 || v > 24 * 3600) {
            throw new ToolFailure("track length is in seconds, got " + v);
        }
        return v;
    }

    private static Double[] ordered(Double a, Double b) {
        return a != null && b != null && a > b ? new Double[] {b, a} : new Double[] {a, b};
    }

    private static Integer[] orderedInt(Integer a, Integer b) {
        return a != null && b != null && a > b ? new Integer[] {b, a} : new Integer[] {a, b};
    }
}
