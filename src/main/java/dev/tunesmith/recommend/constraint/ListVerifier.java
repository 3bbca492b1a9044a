package dev.tunesmith.recommend.constraint;

import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Says what is true of a final playlist, in plain words, by looking at the tracks themselves: a
 * statement is made only when every track bears it out ("no rock", "all under 100 BPM (62–98)",
 * "nothing by Chill Carrier"); a requirement the list breaks is reported as a violation, never
 * claimed. The answer the listener reads is built from these facts and nothing else.
 */
public final class ListVerifier {
    private ListVerifier() {}

    /** Facts that hold (plain words) and requirements that do not. */
    public record Report(List<String> facts, List<String> violations) {
        public Report {
            facts = List.copyOf(facts);
            violations = List.copyOf(violations);
        }

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    public static Report check(List<CatalogItem> list, Requirements r) {
        List<String> facts = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        boolean dup = false;
        Map<String, Integer> perArtist = new HashMap<>();
        for (CatalogItem it : list) {
            dup |= !ids.add(it.trackId());
            perArtist.merge(ArtistNames.key(it.artist()), 1, Integer::sum);
        }
        if (list.size() > r.count()) {
            bad.add(list.size() + " tracks, more than the " + r.count() + " asked for");
        }
        if (dup) {
            bad.add("a track appears twice");
        }
        for (String g : r.excludeGenres()) {
            long n = list.stream().filter(it -> CatalogIndex.hasGenre(it, g)).count();
            if (n == 0) {
                facts.add("no " + g);
            } else {
                bad.add(n + " " + g + " track" + (n == 1 ? "" : "s") + " left in");
            }
        }
        for (String a : r.excludeArtists()) {
            if (r.excludeGenres().contains(a)) {
                continue;
            }
            long n = list.stream().filter(it -> ArtistNames.names(a, it.artist())).count();
            if (n == 0) {
                facts.add("nothing by " + a);
            } else {
                bad.add(n + " track" + (n == 1 ? "" : "s") + " by " + a + " left in");
            }
        }
        numeric(list, r.tempo(), "tempo", it -> it.features().tempo(), facts, bad);
        numeric(list, r.energy(), "energy", it -> it.features().energy(), facts, bad);
        numeric(list, r.durationSec(), "length", it -> it.durationSec() > 0 ? (double) it.durationSec() : null, facts, bad);
        numeric(list, r.years(), "year", it -> it.year() == null ? null : (double) it.year(), facts, bad);
        int most = perArtist.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (most > r.maxPerArtist()) {
            bad.add("an artist has " + most + " tracks (limit " + r.maxPerArtist() + ")");
        } else if (!list.isEmpty() && r.maxPerArtist() == 1) {
            facts.add("one track per artist");
        } else if (!list.isEmpty() && most <= r.maxPerArtist() && r.maxPerArtist() < 100) {
            facts.add("at most " + r.maxPerArtist() + " per artist");
        }
        return new Report(facts, bad);
    }

    private static void numeric(List<CatalogItem> list, Range range, String what, java.util.function.Function<CatalogItem, Double> value,
            List<String> facts, List<String> bad) {
        if (range == null || list.isEmpty()) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int outside = 0;
        for (CatalogItem it : list) {
            Double v = value.apply(it);
            if (v == null || !range.contains(v)) {
                outside++;
                continue;
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (outside > 0) {
            bad.add(outside + " track" + (outside == 1 ? "" : "s") + " outside the " + what + " limit " + describe(what, range));
        } else {
            String span = value(what, lo).equals(value(what, hi)) ? value(what, lo) : value(what, lo) + "–" + value(what, hi);
            facts.add("all " + describe(what, range) + " (" + span + ")");
        }
    }

    /** A limit in words: "under 100 BPM", "between 150 and 170 BPM", "energy below 0.30", "under 4:00". */
    public static String describe(String what, Range r) {
        double top = switch (what) {
            case "tempo" -> 300;
            case "energy" -> 1;
            case "year" -> YEAR_MAX;
            default -> 24 * 3600;
        };
        boolean noLow = r.min() <= 0;
        boolean noHigh = r.max() >= top;
        String a = value(what, r.min());
        String b = value(what, r.max());
        return switch (what) {
            case "tempo" -> noLow ? "under " + b + " BPM" : noHigh ? a + " BPM or faster" : "between " + a + " and " + b + " BPM";
            case "energy" -> noLow ? "energy below " + b : noHigh ? "energy above " + a : "energy between " + a + " and " + b;
            case "year" -> r.min() <= YEAR_MIN ? "from " + b + " or before" : noHigh ? "from " + a + " or later" : a.equals(b) ? "from " + a
                    : "from " + a + " to " + b;
            default -> noLow ? "under " + b + " long" : noHigh ? "at least " + a + " long" : "between " + a + " and " + b + " long";
        };
    }

    static String value(String what, double v) {
        return switch (what) {
            case "tempo" -> String.valueOf(Math.round(v));
            case "energy" -> String.format(Locale.ROOT, "%.2f", v);
            case "year" -> String.valueOf(Math.round(v));
            default -> String.format(Locale.ROOT, "%d:%02d", (long) v / 60, (long) v % 60);
        };
    }

    /** The open ends of a year range: "before 2010" is 1000–2009, "after 2015" is 2016–3000. */
    public static final int YEAR_MIN = 1000;
    public static final int YEAR_MAX = 3000;
}
