package dev.tunesmith.recommend.mood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.mood.MoodModel.Feature;
import dev.tunesmith.recommend.mood.MoodModel.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenreSoundsTest {

    private static double centre(Region r, Feature f) {
        return r.axis(f).orElseThrow().centre();
    }

    @Test
    void should_place_each_genre_among_the_shipped_genres_by_its_mean_features() {
        GenreSounds sounds = GenreSounds.standard();
        assertTrue(sounds.size() > 1000, "the shipped table: " + sounds.size());

        Region metal = sounds.combine(List.of("Metal")).orElseThrow();
        Region ambient = sounds.combine(List.of("ambient")).orElseThrow();
        assertEquals("metal", metal.mood());
        assertTrue(centre(metal, Feature.ENERGY) > 0.8 && centre(metal, Feature.ACOUSTICNESS) < 0.2, metal.toString());
        assertTrue(centre(ambient, Feature.ENERGY) < 0.2 && centre(ambient, Feature.INSTRUMENTALNESS) > 0.8, ambient.toString());
        assertEquals(centre(metal, Feature.ENERGY), centre(metal, Feature.LOUDNESS), 1e-9, "loudness follows energy");
        assertTrue(sounds.combine(List.of("not a genre at all")).isEmpty());
    }

    @Test
    void should_combine_genres_and_find_them_however_they_are_written() {
        GenreSounds sounds = GenreSounds.of(java.util.Map.of("Lo-Fi", new double[] {0.5, 0.6, 0.5, 0.3, 0.3, 120},
                "drum & bass", new double[] {0.4, 0.9, 0.6, 0.05, 0.4, 174}, "folk", new double[] {0.5, 0.3, 0.5, 0.8, 0.1, 110}));
        assertTrue(sounds.combine(List.of("lofi")).isPresent());
        assertTrue(sounds.combine(List.of("Drum and Bass")).isPresent());
        assertTrue(sounds.combine(List.of("drum-n-bass")).isPresent(), "the mood parser's spelling");
        assertEquals("drumandbass", GenreSounds.key("Drum 'n' Bass"));
        assertEquals("rockandroll", GenreSounds.key("rock'n'roll"));
        assertEquals("rockandroll", GenreSounds.key("Rock n Roll"));
        assertEquals("nujazz", GenreSounds.key("nu jazz"), "an n inside a word stays");
        Region both = sounds.combine(List.of("lo-fi", "folk")).orElseThrow();
        assertEquals("Lo-Fi, folk", both.mood());
        double e = centre(sounds.combine(List.of("lofi")).orElseThrow(), Feature.ENERGY);
        double f = centre(sounds.combine(List.of("folk")).orElseThrow(), Feature.ENERGY);
        assertEquals((e + f) / 2, centre(both, Feature.ENERGY), 1e-9);
    }
}
