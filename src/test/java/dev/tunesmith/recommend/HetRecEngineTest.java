package dev.tunesmith.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.mood.MoodTarget;
import dev.tunesmith.recommend.rerank.ConstraintCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class HetRecEngineTest {
    @Test
    void should_recommend_artists_for_a_real_hetrec_user_with_reasons() throws Exception {
        // given
        Path dir = Path.of(System.getProperty("tunesmith.shared.data", "../shared/data"), "lastfm-hetrec2k");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("user_artists.dat")),
                "HetRec Last.fm 2K not found at " + dir.toAbsolutePath() + "; skipping");
        HetRecData d = HetRecData.load(dir);
        RecommendationEngine engine = EngineTrainer.fromHetRec(d, null,
                new EngineTrainer.Options(new dev.tunesmith.recommend.engine.ServedConfig(200, 5, 2000, 16, 1.25, 2.0, 5, 3, 50, 1.0, 0.25, 50, 10, true, true, true, 1L), EventWeights.DEFAULTS, EngineConfig.DEFAULTS));
        Map<Long, CatalogItem> byId = new HashMap<>();
        engine.items().forEach(c -> byId.put(c.trackId(), c));
        Instant now = Instant.parse("2011-05-01T00:00:00Z");
        List<UserEvent> events = new ArrayList<>();
        int u = 0;
        for (int e = d.plays().rowStart(u); e < d.plays().rowStart(u + 1) && events.size() < 400; e++) {
            long artistId = d.items().id(d.plays().colAt(e));
            for (int k = 0; k < Math.min(20, (int) Math.log1p(d.plays().valueAt(e)) * 2); k++) {
                events.add(new UserEvent(artistId, "play", null, now.minusSeconds(3600L * (k + 1))));
            }
        }
        UserProfile p = new ProfileBuilder(byId::get, EventWeights.DEFAULTS).build(events, now);
        Constraints c = Constraints.defaults().withCount(10).withMaxPerArtist(1);

        // when
        Playlist pl = engine.recommend(p, MoodTarget.NONE, c);

        // then
        assertEquals(10, pl.items().size());
        assertEquals(List.of(), ConstraintCheck.violations(pl, c, p, MoodTarget.NONE, now));
        assertTrue(pl.items().stream().anyMatch(i -> i.reasons().get(0).startsWith("you played ")),
                pl.items().get(0).reasons().toString());
        int maxPlays = p.artistPlays().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertEquals(maxPlays, p.topArtists().get(0).plays());
    }
}
