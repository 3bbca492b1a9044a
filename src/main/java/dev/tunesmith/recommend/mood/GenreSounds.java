package dev.tunesmith.recommend.mood;

import dev.tunesmith.recommend.mood.MoodModel.Axis;
import dev.tunesmith.recommend.mood.MoodModel.Feature;
import dev.tunesmith.recommend.mood.MoodModel.Region;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The typical sound of a genre as a region of the audio-feature space, for a request that names a
 * genre the catalogue cannot gate on ("some metal", "ambient music" on a catalogue imported with
 * features and no tags, or with too few tracks of that genre).
 *
 * <p>Each genre's mean Spotify features (the shipped table {@code catalog/genre-features.csv}, the
 * one that also estimates features) become quantiles among all the table's genres, so a region says
 * "metal: energy in the top 5 % of genres, acousticness in the bottom 10 %" and, like every
 * {@link MoodModel} region, is scored in the quantiles of the catalogue at hand, whatever its scale.
 * Loudness is not in the table; it follows energy (Spotify's energy definition includes loudness).
 * Spreads are wider than a mood's: a genre's mean hides a wide range of tracks.
 */
public final class GenreSounds {
    private static final String SHIPPED = "/catalog/genre-features.csv";
    private static final String[] COLUMNS = {"valence", "energy", "danceability", "acousticness", "instrumentalness", "tempo"};
    private static final Feature[] FEATURES = {Feature.VALENCE, Feature.ENERGY, Feature.DANCEABILITY, Feature.ACOUSTICNESS,
        Feature.INSTRUMENTALNESS, Feature.TEMPO};
    private static final double[] SPREADS = {0.3, 0.2, 0.3, 0.22, 0.3, 0.45};

    private final MoodModel regions;

    private GenreSounds(MoodModel regions) {
        this.regions = regions;
    }

    private static final class Shipped {
        static final GenreSounds INSTANCE = load();
    }

    /** The regions of the shipped genre table (loaded once). */
    public static GenreSounds standard() {
        return Shipped.INSTANCE;
    }

    /**
     * Regions from mean features per genre.
     *
     * @param means genre name → {valence, energy, danceability, acousticness, instrumentalness, tempo}
     */
    public static GenreSounds of(Map<String, double[]> means) {
        List<String> names = new ArrayList<>(means.keySet());
        float[][] raw = new float[MoodModel.FEATURES][names.size()];
        for (float[] row : raw) {
            java.util.Arrays.fill(row, Float.NaN);
        }
        for (int g = 0; g < names.size(); g++) {
            double[] v = means.get(names.get(g));
            for (int k = 0; k < FEATURES.length; k++) {
                raw[FEATURES[k].ordinal()][g] = (float) v[k];
            }
        }
        FeatureQuantiles q = FeatureQuantiles.of(raw);
        Map<String, Region> out = new LinkedHashMap<>();
        for (int g = 0; g < names.size(); g++) {
            List<Axis> axes = new ArrayList<>();
            for (int k = 0; k < FEATURES.length; k++) {
                int f = FEATURES[k].ordinal();
                axes.add(new Axis(FEATURES[k], q.quantile(f, raw[f][g]), SPREADS[k]));
            }
            axes.add(new Axis(Feature.LOUDNESS, q.quantile(Feature.ENERGY.ordinal(), raw[Feature.ENERGY.ordinal()][g]), 0.3));
            String key = key(names.get(g));
            out.putIfAbsent(key, new Region(names.get(g), axes));
        }
        return new GenreSounds(new MoodModel(out));
    }

    /** The region of each named genre the table knows, combined as moods are; empty when it knows none. */
    public Optional<Region> combine(List<String> genres) {
        List<String> keys = genres.stream().map(GenreSounds::key).filter(k -> regions.region(k).isPresent()).distinct().toList();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Optional<Region> r = regions.combine(keys);
        String name = String.join(", ", keys.stream().map(k -> regions.region(k).orElseThrow().mood()).toList());
        return r.map(x -> new Region(name, x.axes()));
    }

    /** Number of genres known. */
    public int size() {
        return regions.regions().size();
    }

    /**
     * How a genre is looked up, forgiving its punctuation: "Lo-Fi" and "lofi" → "lofi"; "Drum &amp; Bass",
     * "drum n bass", "drum-n-bass" and "drum and bass" → "drumandbass"; "rock 'n' roll" → "rockandroll".
     * The features importer matches the catalogue's tags to the same table with it.
     */
    public static String key(String genre) {
        return genre.toLowerCase(Locale.ROOT).replace("&", " and ").replace("'n'", " and ")
                .replaceAll("(?<![\\p{L}\\p{N}])n(?![\\p{L}\\p{N}])", "and").replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static GenreSounds load() {
        Map<String, double[]> means = new LinkedHashMap<>();
        try (InputStream in = GenreSounds.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                return of(means);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = List.of(r.readLine().split(","));
            int name = header.indexOf("genres");
            int[] at = new int[COLUMNS.length];
            for (int k = 0; k < COLUMNS.length; k++) {
                at[k] = header.indexOf(COLUMNS[k]);
            }
            for (String line; (line = r.readLine()) != null;) {
                String[] f = line.split(",");
                try {
                    double[] v = new double[COLUMNS.length];
                    for (int k = 0; k < COLUMNS.length; k++) {
                        v[k] = Double.parseDouble(f[at[k]]);
                    }
                    means.put(f[name].trim(), v);
                } catch (RuntimeException malformed) {
                    // a malformed row only loses that genre
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(means);
    }
}
