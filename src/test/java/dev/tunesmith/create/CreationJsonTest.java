package dev.tunesmith.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tunesmith.music.CheckReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire and stored shapes of lyrics and melodies, key for key and in order. */
class CreationJsonTest {

    private static final CheckReport CHECKS = new CheckReport(List.of(new CheckReport.Line(1, "salt on the window", 5, -1, "A", "A", true, "window")),
            "AABB", "AABB", 6, 1.0, 0.75, List.of());

    @Test
    void should_write_new_lyrics_with_their_theme_and_metre_before_the_id() {
        LyricsArtifact made = new LyricsArtifact(31, "Salt", "salt on the window", "AABB", CHECKS, List.of("verse"), "the sea at night", 6, null,
                null, null, null);

        String json = CreationJson.toJson(made).encode();

        assertEquals("{\"title\":\"Salt\",\"text\":\"salt on the window\",\"scheme\":\"AABB\",\"checks\":" + new io.vertx.core.json.JsonObject(
                CHECKS.toMap()).encode() + ",\"sections\":[\"verse\"],\"theme\":\"the sea at night\",\"syllables\":6,\"id\":31}", json);
    }

    @Test
    void should_put_what_an_edit_did_after_the_id_and_keep_it_out_of_the_stored_lyrics() {
        LyricsArtifact resized = new LyricsArtifact(32, "Salt", "salt on the window", null, CHECKS, List.of(), null, null, null, null, null, null)
                .withEdit("written again with 8 lines instead of 4").withAdded(List.of("and tide in the door")).withRewrittenLine(1);

        var wire = CreationJson.toJson(resized);
        assertEquals(List.of("title", "text", "scheme", "checks", "id", "edit", "added", "rewrittenLine"), List.copyOf(wire.fieldNames()));
        assertEquals(null, wire.getValue("scheme"));
        var stored = CreationJson.content(resized);
        assertFalse(stored.containsKey("id") || stored.containsKey("edit") || stored.containsKey("added"));
    }

    @Test
    void should_write_a_melody_with_tempo_and_edit_only_when_known() {
        assertEquals("{\"abc\":\"X:1\",\"key\":\"Em\",\"meter\":\"6/8\",\"bars\":12,\"id\":5}",
                CreationJson.toJson(new MelodyArtifact(5, "X:1", "Em", "6/8", 12, null, null)).encode());
        assertEquals("{\"abc\":\"X:1\",\"key\":\"G\",\"meter\":\"3/4\",\"bars\":8,\"tempo\":96,\"edit\":\"tempo set to 96 BPM\",\"id\":6}",
                CreationJson.toJson(new MelodyArtifact(6, "X:1", "G", "3/4", 8, 96, "tempo set to 96 BPM")).encode());
    }
}
