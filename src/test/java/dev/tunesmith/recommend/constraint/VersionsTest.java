package dev.tunesmith.recommend.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.AudioFeatures;
import dev.tunesmith.recommend.CatalogItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionsTest {

    private static CatalogItem titled(long id, String title) {
        return new CatalogItem(id, title, "Someone", List.of("pop"), "pop", new AudioFeatures(0.5, 0.5, 0.5, 0.5, 120.0, false), 200);
    }

    @Test
    void should_tell_a_version_by_the_brackets_or_dash_of_its_title() {
        assertTrue(Versions.is(titled(1, "Hold [Remix by Bear Rocks Moon]"), "remixes"));
        assertTrue(Versions.is(titled(2, "Dirtbag (Alexander Deeley mix)"), "remixes"));
        assertTrue(Versions.is(titled(3, "They Seem To Be Intelligent (Tastes So Intelligent Mixx)"), "remixes"));
        assertTrue(Versions.is(titled(4, "Song - Live at Wembley"), "live versions"));
        assertTrue(Versions.is(titled(5, "Landlocked (Radio Edit)"), "edits"));
        assertTrue(Versions.is(titled(6, "Intro (Demo)"), "demos"));
        assertFalse(Versions.is(titled(7, "Mix It Up"), "remixes"), "a song called so is no remix");
        assertFalse(Versions.is(titled(8, "Live Forever"), "live versions"));
        assertFalse(Versions.is(titled(9, "Landlocked (Album Version)"), "remixes"));
        assertEquals("remixes", GenreTree.canonical("remix").orElseThrow());
        assertEquals("live versions", GenreTree.canonical("live recordings").orElseThrow());
        assertTrue(Versions.kind("live").isEmpty(), "'live' alone is no kind: 'live music' stays a mood");
    }

    @Test
    void should_leave_versions_out_and_say_so_only_when_the_list_has_none() {
        List<CatalogItem> catalogue = List.of(titled(1, "Hold"), titled(2, "Hold [Remix by Bear Rocks Moon]"), titled(3, "Sea (Live)"));
        CatalogIndex idx = new CatalogIndex(catalogue);
        Requirements noRemix = Requirements.defaults().withoutGenre("remixes");
        assertEquals(java.util.Set.of(2L), idx.resolve(noRemix).excludedTrackIds());
        assertTrue(idx.resolve(noRemix).unknownTerms().isEmpty());
        assertTrue(ListVerifier.check(List.of(catalogue.get(0), catalogue.get(2)), noRemix).facts().contains("no remixes"));
        assertFalse(ListVerifier.check(List.of(catalogue.get(1)), noRemix).violations().isEmpty(), "a remix left in is reported");
    }
}
