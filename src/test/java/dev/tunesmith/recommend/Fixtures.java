package dev.tunesmith.recommend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small hand-made catalogue: calm ambient, energetic rock/metal, jazz and a duplicate. */
final class Fixtures {
    /** Small served-blend settings for the tiny fixture catalogue (4 ALS factors, few neighbours). */
    public static final dev.tunesmith.recommend.engine.ServedConfig SMALL_SERVED =
            new dev.tunesmith.recommend.engine.ServedConfig(5, 1, 2000, 4, 5, 1.0, 10, 0, 20, 1.0, 0.25, 20, 2, true, true,
                    true, 1L);

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {}

    static CatalogItem track(long id, String title, String artist, String genre, double valence, double energy,
            double tempo, String... tags) {
        return new CatalogItem(id, title, artist, List.of(tags), genre,
                new AudioFeatures(valence, energy, 0.5, 0.5, tempo, false), 240);
    }

    static List<CatalogItem> catalog() {
        List<CatalogItem> c = new ArrayList<>();
        // ambient 1..12 (Boards of Canada 1..4, Brian Eno 5..8, Stars of the Lid 9..12)
        String[] calm = {"Boards of Canada", "Brian Eno", "Stars of the Lid"};
        for (int a = 0; a < 3; a++) {
            for (int t = 0; t < 4; t++) {
                long id = 1 + a * 4 + t;
                c.add(track(id, "Calm " + id, calm[a], "ambient", 0.4 + 0.05 * t, 0.1 + 0.05 * t + 0.01 * a,
                        70 + 5 * t, "ambient", "chillout", "instrumental"));
            }
        }
        // rock/metal 13..24
        String[] loud = {"Metallica", "Slayer", "Foo Fighters"};
        for (int a = 0; a < 3; a++) {
            for (int t = 0; t < 4; t++) {
                long id = 13 + a * 4 + t;
                c.add(track(id, "Loud " + id, loud[a], a < 2 ? "metal" : "rock", 0.3 + 0.1 * t, 0.8 + 0.04 * t,
                        130 + 10 * t, a < 2 ? "metal" : "rock", "hard rock", "vocal"));
            }
        }
        // jazz 25..30
        for (int t = 0; t < 6; t++) {
            long id = 25 + t;
            c.add(track(id, "Jazz " + id, t < 3 ? "Miles Davis" : "Bill Evans", "jazz", 0.5, 0.3 + 0.05 * t, 100,
                    "jazz", "instrumental"));
        }
        // a duplicate of track 1 under another id, and a track with unknown features
        c.add(track(31, "Calm 1", "Boards of Canada", "ambient", 0.4, 0.1, 70, "ambient", "chillout", "instrumental"));
        c.add(new CatalogItem(32, "Mystery", "Unknown Artist", List.of("ambient"), "ambient", null, 200));
        return c;
    }

    static Map<Long, CatalogItem> byId(List<CatalogItem> c) {
        Map<Long, CatalogItem> m = new HashMap<>();
        c.forEach(i -> m.put(i.trackId(), i));
        return m;
    }

    static UserEvent play(long id, long minutes) {
        return new UserEvent(id, "play", 240.0, T0.plusSeconds(60 * minutes));
    }

    static UserEvent event(long id, String type, long minutes) {
        return new UserEvent(id, type, null, T0.plusSeconds(60 * minutes));
    }

    /** 20 users: 10 ambient listeners, 10 metal/rock listeners. */
    static Map<Long, List<UserEvent>> community() {
        Map<Long, List<UserEvent>> m = new HashMap<>();
        for (long u = 0; u < 20; u++) {
            List<UserEvent> e = new ArrayList<>();
            long base = u < 10 ? 1 : 13;
            for (long t = 0; t < 12; t++) {
                if ((t + u) % 3 != 0) {
                    for (int k = 0; k < 1 + (t % 3); k++) {
                        e.add(play(base + t, t * 10 + k));
                    }
                }
            }
            m.put(1000 + u, e);
        }
        return m;
    }
}
