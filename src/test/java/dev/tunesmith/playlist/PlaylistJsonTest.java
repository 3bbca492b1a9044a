package dev.tunesmith.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunesmith.catalog.Track;
import dev.tunesmith.recommend.mood.MoodModel;
import dev.tunesmith.recommend.mood.MoodTarget;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire shapes of playlists, key for key and in order (CONTRACT.md; the SPA and the agent read them). */
class PlaylistJsonTest {

    private static final Track HARBOUR = new Track(71, "Harbour Lights", "Mira Vance", null, null, List.of("folk", "acoustic"), 214,
            0.41, 0.22, null, null, null, 88.0, false, null, "CC BY", null, "freemusicc", null, null);

    @Test
    void should_write_a_stored_playlist_as_the_socket_and_routes_always_did() {
        PlaylistView view = new PlaylistView(9, "Quiet harbour evening", List.of(new PlaylistView.Entry(HARBOUR, List.of("calm", "you like folk"))),
                new PlaylistSummary(1, 3, List.of("all under 100 BPM"), List.of("only 1 of the 3 tracks you asked for fit everything"), null));

        assertEquals("{\"id\":9,\"title\":\"Quiet harbour evening\",\"items\":[{\"track\":" + HARBOUR.toJson().encode()
                + ",\"reasons\":[\"calm\",\"you like folk\"]}],\"constraints\":{\"count\":1,\"asked\":3,\"facts\":[\"all under 100 BPM\"],"
                + "\"notes\":[\"only 1 of the 3 tracks you asked for fit everything\"]}}", PlaylistJson.toJson(view).encode());
    }

    @Test
    void should_give_the_model_positions_titles_and_reasons_only() {
        PlaylistView view = new PlaylistView(12, "Less folk", List.of(new PlaylistView.Entry(HARBOUR, List.of("slow"))),
                new PlaylistSummary(1, 1, List.of(), List.of(), "left out rock"));

        assertEquals("{\"playlistId\":12,\"title\":\"Less folk\",\"constraints\":{\"count\":1,\"asked\":1,\"facts\":[],\"notes\":[],"
                + "\"change\":\"left out rock\"},\"items\":[{\"position\":1,\"title\":\"Harbour Lights\",\"artist\":\"Mira Vance\","
                + "\"reasons\":[\"slow\"]}]}", PlaylistJson.forModel(view).encode());
    }

    @Test
    void should_round_recommendation_scores_and_leave_out_absent_constraints() {
        Recommendations similar = new Recommendations(List.of(new Recommendations.Scored(HARBOUR, 0.123456, List.of("shares tags: folk"))), null);
        assertEquals("{\"items\":[{\"track\":" + HARBOUR.toJson().encode() + ",\"score\":0.123,\"reasons\":[\"shares tags: folk\"]}]}",
                PlaylistJson.toJson(similar).encode());

        Recommendations discovery = new Recommendations(List.of(), new PlaylistSummary(0, 5, List.of(), List.of("nothing new fits"), null));
        assertEquals(5, PlaylistJson.toJson(discovery).getJsonObject("constraints").getInteger("asked"));
    }

    @Test
    void should_read_back_a_stored_summary_and_mark_an_undo() {
        JsonObject stored = PlaylistJson.toJson(new PlaylistSummary(4, 6, List.of("max 2 per artist"), List.of("a note"), "added 2 tracks"));
        PlaylistSummary back = PlaylistJson.summary(stored, 4).changed("back to the version before your last change");

        assertEquals("{\"count\":4,\"asked\":6,\"facts\":[\"max 2 per artist\"],\"notes\":[],\"change\":\"back to the version before your "
                + "last change\"}", PlaylistJson.toJson(back).encode());
        // a row stored without a summary counts what it holds
        assertEquals(new PlaylistSummary(7, 7, List.of(), List.of(), null), PlaylistJson.summary(null, 7));
    }

    @Test
    void should_store_region_moves_and_read_the_deltas_of_older_playlists_as_moves_from_the_middle() {
        PlaylistService.Shift moved = PlaylistService.Shift.NONE
                .with(new MoodTarget.Nudge(MoodModel.Feature.ENERGY, 0.3, false))
                .with(new MoodTarget.Nudge(MoodModel.Feature.TEMPO, 0.7, true))
                .with(new MoodTarget.Nudge(MoodModel.Feature.ENERGY, 0.1, false));

        assertEquals("{\"nudges\":[{\"feature\":\"tempo\",\"centre\":0.7,\"up\":true},{\"feature\":\"energy\",\"centre\":0.1,\"up\":false}]}",
                PlaylistJson.toJson(moved).encode(), "one move per feature, the latest");
        assertEquals(moved, PlaylistJson.shift(PlaylistJson.toJson(moved)));
        // stored before: energy two steps down, tempo one step (15 BPM) up
        PlaylistService.Shift legacy = PlaylistJson.shift(new JsonObject().put("energy", -0.4).put("valence", 0.0).put("tempo", 15.0));
        assertEquals(List.of(new MoodTarget.Nudge(MoodModel.Feature.ENERGY, 0.1, false), new MoodTarget.Nudge(MoodModel.Feature.TEMPO, 0.7, true)),
                legacy.nudges().stream().map(n -> new MoodTarget.Nudge(n.feature(), Math.round(n.centre() * 100) / 100.0, n.up())).toList());
        assertEquals(PlaylistService.Shift.NONE, PlaylistJson.shift(null));
    }
}
