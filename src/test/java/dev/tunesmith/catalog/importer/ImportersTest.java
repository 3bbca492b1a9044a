package dev.tunesmith.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.TestSupport;
import dev.tunesmith.catalog.TrackRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing of the three importers on small fixtures written here and on the real files. */
class ImportersTest {

    @TempDir
    Path dir;

    private final GenreFeatures genres = GenreFeatures.shipped();

    @Test
    void should_join_freemusicc_tracks_to_releases_and_report_bad_rows_by_line() throws IOException {
        Files.writeString(dir.resolve("releases.csv"), """
                activity,album,artist,catalog,duration,genre,id,label,licenseurl,rating,style,totaldiscs,totaltracks,url,year
                2.0,Night Drive,Various Artists,X1,600,Electronic,rel1,Lbl,http://creativecommons.org/licenses/by/3.0/,3.0,"Ambient, Downtempo",1,3,http://archive.org/details/rel1,2012
                """);
        Files.writeString(dir.resolve("tracks.csv"), """
                activity,disc,duration,id,rating,title,track,trackartist,trackurl
                1,1,245,rel1,4,Orange Horizon,1,Valliam,http://www.archive.org/download/rel1/01.mp3
                3,1,abc,rel1,4,Broken Duration,2,Valliam,http://www.archive.org/download/rel1/02.mp3
                2,1,200,nope,3,Orphan,1,Someone,http://www.archive.org/download/nope/01.mp3
                0,1,180,rel1,0,Unrated,3,,http://www.archive.org/download/rel1/03.mp3
                """);
        ImportReport report = new ImportReport("freemusicc");
        List<TrackRecord> tracks = new FreeMusicImporter(genres).parse(dir, report);

        assertEquals(2, tracks.size());
        TrackRecord first = tracks.get(0);
        assertEquals("rel1/1/1", first.externalId());
        assertEquals("Orange Horizon", first.title());
        assertEquals("Night Drive", first.album());
        assertEquals(List.of("electronic", "ambient", "downtempo"), first.tags());
        assertEquals(245, first.durationSec());
        assertTrue(first.features().estimated());
        assertTrue(first.features().energy() != null && first.features().energy() < 0.6, "ambient/downtempo is calm");
        assertTrue(first.url().startsWith("https://"));
        TrackRecord unrated = tracks.get(1);
        assertNull(unrated.activity());
        assertNull(unrated.rating());
        assertEquals("Various Artists", unrated.artist());

        assertEquals(2, report.rejectedCount());
        assertEquals(3, report.rejected().get(0).line());
        assertTrue(report.rejected().get(0).reason().contains("duration"));
        assertEquals(4, report.rejected().get(1).line());
        assertTrue(report.rejected().get(1).reason().contains("unknown release"));
    }

    @Test
    void should_read_a_features_csv_in_any_column_order_ignoring_unknown_columns() throws IOException {
        Path file = dir.resolve("features.csv");
        Files.writeString(file, """
                tempo,mystery,energy,id,artists,name,valence,danceability,acousticness,duration_ms
                120.5,?,0.8,sp1,"['Daft Punk', 'Pharrell']",Get Lucky,0.9,0.8,0.04,248000
                95,?,1.7,sp2,Someone,Too Loud,0.5,0.5,0.5,1000
                90,?,0.3,,Nameless,No Id,0.2,0.3,0.9,1000
                """);
        ImportReport report = new ImportReport("features");
        List<TrackRecord> tracks = new FeaturesImporter().parse(file, report);
        assertEquals(1, tracks.size());
        TrackRecord t = tracks.get(0);
        assertEquals("Daft Punk", t.artist());
        assertEquals(0.9, t.features().valence());
        assertEquals(120.5, t.features().tempo());
        assertEquals(248, t.durationSec());
        assertFalse(t.features().estimated());
        assertEquals(2, report.rejectedCount());
        assertEquals(3, report.rejected().get(0).line());
        assertTrue(report.rejected().get(0).reason().contains("energy"));
    }

    @Test
    void should_read_the_column_names_of_common_exports() throws IOException {
        // a mood-labelled Kaggle export (length in milliseconds, a mood column that must not reach the engine)
        Path kaggle = dir.resolve("moods.csv");
        Files.writeString(kaggle, """
                name,album,artist,id,release_date,popularity,length,danceability,acousticness,energy,instrumentalness,liveness,valence,loudness,speechiness,tempo,key,time_signature,mood
                Weightless,Ambient,Marconi Union,4bJ,2011-01-01,50,480000,0.2,0.95,0.1,0.9,0.1,0.05,-22.5,0.04,70.1,4,4,Calm
                """);
        TrackRecord k = new FeaturesImporter().parse(kaggle, new ImportReport("features")).get(0);
        assertEquals("Marconi Union", k.artist());
        assertEquals(480, k.durationSec());
        assertEquals(0.9, k.features().instrumentalness());
        assertEquals(-22.5, k.features().loudness());
        assertEquals(List.of(), k.tags());
        // a playlist export with spaced, capitalised headers
        Path exportify = dir.resolve("playlist.csv");
        Files.writeString(exportify, """
                Track URI,Track Name,Artist Name(s),Album Name,Duration (ms),Danceability,Energy,Mode,Valence,Tempo
                spotify:track:1,Clair de Lune,Claude Debussy,Suite bergamasque,302000,0.3,0.05,1,0.1,70
                """);
        TrackRecord e = new FeaturesImporter().parse(exportify, new ImportReport("features")).get(0);
        assertEquals("Clair de Lune", e.title());
        assertEquals("Claude Debussy", e.artist());
        assertEquals("Suite bergamasque", e.album());
        assertEquals(302, e.durationSec());
        assertEquals(1.0, e.features().mode());
    }

    @Test
    void should_read_semicolons_percentages_and_files_without_ids_or_names() throws IOException {
        // a spreadsheet saved in a European locale: semicolons, decimal commas
        Path euro = dir.resolve("euro.csv");
        Files.writeString(euro, """
                id;name;artist;valence;energy;tempo;duration_ms
                x1;Nocturne;Chopin;0,12;0,08;61,5;275000
                """);
        TrackRecord e = new FeaturesImporter().parse(euro, new ImportReport("features")).get(0);
        assertEquals("Chopin", e.artist());
        assertEquals(0.12, e.features().valence());
        assertEquals(61.5, e.features().tempo());
        // the "most streamed songs" layout: no id, percent columns, bpm, Major/Minor
        Path pct = dir.resolve("streamed.csv");
        Files.writeString(pct, """
                track_name,artist(s)_name,bpm,mode,danceability_%,valence_%,energy_%,acousticness_%,instrumentalness_%,speechiness_%
                Flowers,Miley Cyrus,118,Major,71,65,68,6,0,7
                Flowers,Miley Cyrus,118,Major,71,65,68,6,0,7
                Kill Bill,SZA,89,Minor,64,43,73,5,17,4
                """);
        ImportReport report = new ImportReport("features");
        List<TrackRecord> tracks = new FeaturesImporter().parse(pct, report);
        assertEquals(2, tracks.size());
        assertEquals(1, report.rejectedCount(), "the same title by the same artist twice is one track");
        TrackRecord f = tracks.get(0);
        assertEquals("Miley Cyrus", f.artist());
        assertEquals(0.65, f.features().valence(), 1e-9);
        assertEquals(0.68, f.features().energy(), 1e-9);
        assertEquals(118.0, f.features().tempo());
        assertEquals(1.0, f.features().mode());
        assertEquals(0.0, tracks.get(1).features().mode());
        // a tab-separated feature dump with only a URI and a pandas index column
        Path tsv = dir.resolve("labelled.tsv");
        Files.writeString(tsv, "\tduration (ms)\tdanceability\tenergy\tvalence\tlabels\turi\n"
                + "0\t195000.0\t0.611\t0.614\t0.23\t0\tspotify:track:3JFL\n");
        TrackRecord u = new FeaturesImporter().parse(tsv, new ImportReport("features")).get(0);
        assertEquals("spotify:track:3JFL", u.externalId());
        assertEquals("spotify:track:3JFL", u.title());
        assertEquals(FeaturesImporter.UNKNOWN_ARTIST, u.artist());
        assertEquals(195, u.durationSec());
        assertEquals(0.23, u.features().valence());
    }

    @Test
    void should_refuse_a_features_csv_without_required_columns() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "foo,bar\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> new FeaturesImporter().parse(file, new ImportReport("features")));
        assertTrue(e.getMessage().contains("name"));
    }

    @Test
    void should_estimate_calm_ambient_and_energetic_metal() {
        var ambient = genres.estimate("Electronic", List.of("ambient"));
        var metal = genres.estimate("Rock", List.of("metal", "thrash metal"));
        assertTrue(ambient.estimated());
        assertTrue(ambient.energy() < metal.energy(), "ambient " + ambient.energy() + " vs metal " + metal.energy());
        assertEquals(TrackRecord.Features.NONE, genres.estimate(null, List.of("zzzz-unknown")));
    }

    @Test
    void should_find_a_genre_spelt_otherwise_than_in_the_table() {
        // the catalogue files "drum & bass", "post rock" and "synth pop"; the table "drum and bass", "post-rock", "synthpop"
        var dnb = genres.estimate(null, List.of("drum & bass"));
        assertEquals(dnb, genres.estimate(null, List.of("drum and bass")));
        assertEquals(dnb, genres.estimate(null, List.of("Drum n Bass")));
        assertTrue(dnb.tempo() > 130 && dnb.energy() > 0.75, "d&b's own row, not 'electronic': " + dnb);
        assertEquals(genres.estimate(null, List.of("post-rock")), genres.estimate(null, List.of("post rock")));
        assertEquals(genres.estimate(null, List.of("synthpop")), genres.estimate(null, List.of("synth pop")));
        // the shipped subset keeps the rows a catalogue tag finds this way
        String subset = genres.subsetCsv(java.util.Set.of("drum & bass"));
        assertTrue(subset.contains("\ndrum and bass,"), subset);
    }

    @Test
    void should_parse_the_real_freemusicc_database() throws IOException {
        Path data = TestSupport.sharedData();
        ImportReport report = new ImportReport("freemusicc");
        List<TrackRecord> tracks = new FreeMusicImporter(genres).parse(data.resolve("freemusicc"), report);
        assertEquals(21_502, report.rowsRead());
        assertTrue(tracks.size() > 21_000, "tracks " + tracks.size());
        assertTrue(report.rejectedCount() < 200);
        assertTrue(tracks.stream().filter(t -> t.features().energy() != null).count() > 20_000);
    }

    @Test
    void should_parse_the_real_hetrec_lastfm_data() throws IOException {
        Path data = TestSupport.sharedData();
        ImportReport report = new ImportReport("lastfm");
        LastfmImporter.Data parsed = new LastfmImporter().parse(data.resolve("lastfm-hetrec2k"), report);
        assertEquals(92_834, parsed.plays().size());
        assertEquals(1_892, parsed.plays().stream().map(p -> p[0]).distinct().count());
        assertEquals(17_632, parsed.artists().size());
        assertEquals(25_434, parsed.friends().size());
        assertTrue(parsed.tags().size() > 180_000);
        // each tagging names a known artist and a tag; a few impossible dates are kept without a day
        assertTrue(parsed.tags().stream().allMatch(t -> parsed.artists().containsKey(t.artist()) && !t.tag().isBlank()));
        assertTrue(parsed.tags().stream().filter(t -> t.day() != null).count() > 180_000);
        assertTrue(parsed.artists().values().stream().noneMatch(x -> x.name().isBlank()));
    }
}
