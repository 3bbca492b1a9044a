package dev.tunesmith.recommend.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.AudioFeatures;
import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.Range;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstraintCoreTest {

    private static CatalogItem item(long id, String artist, String genre, double tempo, double energy, int seconds, String... tags) {
        return new CatalogItem(id, "t" + id, artist, List.of(tags), genre, new AudioFeatures(0.5, energy, 0.5, 0.5, tempo, false), seconds);
    }

    @Test
    void should_exclude_sub_genres_and_compound_genre_fields() {
        assertTrue(GenreTree.covers("rock", "indie rock"));
        assertTrue(GenreTree.covers("rock", "soft rock"));
        assertTrue(GenreTree.covers("rock", "Electronic, Rock"));
        assertTrue(GenreTree.covers("electronic", "electronic, world"));
        assertTrue(GenreTree.covers("jazz", "future jazz"));
        assertTrue(GenreTree.covers("electronic", "deep house"), "house is electronic, deep house is house");
        assertFalse(GenreTree.covers("rock", "electronic, world"));
        assertFalse(GenreTree.covers("jazz", "pop"));
        assertEquals("hip hop", GenreTree.canonical("Hip-Hop").orElseThrow());
        assertEquals("classical", GenreTree.canonical("musique classique").orElseThrow());
        Set<String> expanded = GenreTree.expand("rock", List.of("indie rock", "pop", "electronic, rock", "rock & roll", "post rock"));
        assertTrue(expanded.containsAll(List.of("indie rock", "electronic, rock", "rock & roll", "post rock")), expanded.toString());
        assertFalse(expanded.contains("pop"));
    }

    @Test
    void should_match_artists_loosely() {
        assertTrue(ArtistNames.names("blazar", "BLAZAR!"));
        assertTrue(ArtistNames.names("bjork", "Björk"));
        assertTrue(ArtistNames.names("arturo toscanini", "Arturo Toscanini, NBC Symphony Orchestra"));
        assertTrue(ArtistNames.names("anitek", "Tab & Anitek"));
        assertTrue(ArtistNames.names("beatles", "The Beatles"));
        assertTrue(ArtistNames.names("josh woodwrd", "Josh Woodward"), "one typo");
        assertFalse(ArtistNames.names("tab", "Anitek"));
        assertFalse(ArtistNames.names("ant", "Just Plain Ant"), "a word of a name is not the name");
        assertTrue(ArtistNames.names("matchbox 20", "Matchbox Twenty"), "the chat's reader writes number words as digits");
        assertTrue(ArtistNames.names("maroon five", "Maroon 5"));
        assertTrue(ArtistNames.names("twenty-one pilots", "Twenty One Pilots"));
        assertTrue(ArtistNames.names("50 cent", "50 Cent"));
        assertTrue(ArtistNames.names("the 1975", "The 1975"), "a name that is only a number");
        assertFalse(ArtistNames.names("the 1975", "The 1957"));
        assertFalse(ArtistNames.names("maroon 6", "Maroon 5"), "a different number is a different name");
    }

    @Test
    void should_resolve_requirements_against_the_catalogue_and_count_what_fits() {
        CatalogIndex idx = new CatalogIndex(List.of(item(1, "BLAZAR!", "Rock", 90, 0.2, 200, "indie rock"),
                item(2, "Chill Carrier", "Electronic, World", 120, 0.5, 300, "electronic"),
                item(3, "Someone", "Jazz", 80, 0.3, 400, "future jazz")));
        CatalogIndex.Resolved r = idx.resolve(new Requirements(10, List.of("rock", "electronic"), List.of("blazar", "nobody at all"),
                null, null, new Range(0, 250), 2));
        assertTrue(r.excludedTags().containsAll(List.of("rock", "indie rock", "electronic, world", "electronic")), r.excludedTags().toString());
        assertEquals(Set.of("blazar!"), r.excludedArtists());
        assertEquals(Set.of(2L, 3L), r.excludedTrackIds(), "longer than 250 s");
        assertEquals(List.of("nobody at all"), r.unknownTerms());
        assertEquals(2, idx.countTempo(new Range(0, 100)));
    }

    @Test
    void should_state_only_what_the_list_bears_out() {
        List<CatalogItem> list = List.of(item(1, "A", "Pop", 90, 0.2, 200, "pop"), item(2, "B", "Jazz", 95, 0.25, 210, "future jazz"));
        ListVerifier.Report ok = ListVerifier.check(list, new Requirements(2, List.of("rock"), List.of("chill carrier"), new Range(0, 0.3),
                new Range(0, 100), null, 1));
        assertTrue(ok.ok(), ok.violations().toString());
        assertTrue(ok.facts().contains("no rock"));
        assertTrue(ok.facts().contains("nothing by chill carrier"));
        assertTrue(ok.facts().contains("all under 100 BPM (90–95)"), ok.facts().toString());
        assertTrue(ok.facts().contains("one track per artist"));
        ListVerifier.Report bad = ListVerifier.check(list, new Requirements(2, List.of("jazz"), List.of(), null, new Range(0, 92), null, 2));
        assertFalse(bad.ok());
        assertFalse(bad.facts().contains("no jazz"), "a broken requirement is never claimed");
        assertEquals(2, bad.violations().size(), bad.violations().toString());
    }

    @Test
    void should_state_a_year_range_only_when_every_track_lies_in_it() {
        AudioFeatures f = new AudioFeatures(0.5, 0.5, 0.5, 0.5, 100.0, false, 0.1, -8.0, null, 0.05);
        List<CatalogItem> list = List.of(new CatalogItem(1, "a", "x", List.of(), null, f, 200, null, 2004),
                new CatalogItem(2, "b", "y", List.of(), null, f, 200, null, 2008));
        Requirements before2010 = Requirements.defaults().withCount(2).withYears(new Range(ListVerifier.YEAR_MIN, 2009));
        assertTrue(ListVerifier.check(list, before2010).facts().contains("all from 2009 or before (2004–2008)"),
                ListVerifier.check(list, before2010).facts().toString());
        Requirements since2005 = Requirements.defaults().withCount(2).withYears(new Range(2005, ListVerifier.YEAR_MAX));
        ListVerifier.Report bad = ListVerifier.check(list, since2005);
        assertFalse(bad.ok());
        assertTrue(bad.violations().get(0).startsWith("1 track outside the year limit from 2005 or later"), bad.violations().toString());
        List<CatalogItem> unknown = List.of(new CatalogItem(3, "c", "z", List.of(), null, f, 200));
        assertFalse(ListVerifier.check(unknown, Requirements.defaults().withCount(1).withYears(new Range(2000, 2005))).ok(),
                "a track of unknown year is not claimed to be from 2000 to 2005");
    }
}
