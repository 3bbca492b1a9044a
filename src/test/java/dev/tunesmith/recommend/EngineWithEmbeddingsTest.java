package dev.tunesmith.recommend;

import dev.tunesmith.recommend.service.Embedders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.tunesmith.recommend.mood.MoodParser;
import dev.tunesmith.recommend.mood.MoodTarget;
import dev.tunesmith.recommend.mood.MoodVocabulary;
import dev.tunesmith.recommend.rerank.ConstraintCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineWithEmbeddingsTest {
    private static RecommendationEngine engine;
    private static MoodParser parser;

    @BeforeAll
    static void build() {
        TextEmbedder minilm = Embedders.of(new AllMiniLmL6V2EmbeddingModel());
        List<CatalogItem> catalog = Fixtures.catalog();
        engine = EngineTrainer.train(catalog, Fixtures.community(), minilm, Fixtures.T0.plus(Duration.ofDays(1)),
                new EngineTrainer.Options(Fixtures.SMALL_SERVED, EventWeights.DEFAULTS, EngineConfig.DEFAULTS));
        parser = new MoodParser(minilm, MoodVocabulary.standard(),
                catalog.stream().flatMap(c -> c.tags().stream()).distinct().toList(),
                catalog.stream().map(CatalogItem::artist).distinct().toList());
    }

    @Test
    void should_serve_a_new_user_from_a_parsed_mood_alone() {
        // given
        MoodTarget mood = parser.parse("gym, hard and fast, no jazz");

        // when
        Playlist pl = engine.recommend(UserProfile.empty(Fixtures.T0), mood, Constraints.defaults().withCount(6));

        // then: loud tracks only, no jazz, explained by the mood
        assertEquals(6, pl.items().size());
        assertTrue(pl.trackIds().stream().allMatch(id -> id >= 13 && id <= 24), pl.trackIds().toString());
        assertEquals(List.of(), ConstraintCheck.violations(pl, Constraints.defaults().withCount(6), null, mood, Fixtures.T0));
        assertTrue(pl.items().get(0).reasons().stream().anyMatch(r -> r.startsWith("gym, hard, fast: ") && r.contains("fast")),
                pl.items().get(0).reasons().toString());
        assertTrue(pl.satisfiedConstraints().moodExcludedTags().contains("jazz"), pl.satisfiedConstraints().toString());
    }

    @Test
    void should_keep_vocals_out_when_focusing() {
        // given
        MoodTarget mood = parser.parse("focus, no vocals");

        // when
        Playlist pl = engine.recommend(UserProfile.empty(Fixtures.T0), mood, Constraints.defaults().withCount(8));

        // then
        assertTrue(pl.items().stream().noneMatch(i -> i.item().tags().contains("vocal")));
        assertTrue(pl.items().stream().allMatch(i -> i.item().features().energy() < 0.6), pl.trackIds().toString());
    }

    @Test
    void should_rank_similar_texts_close_with_embeddings() {
        // when
        Playlist pl = engine.similarTracks(25, 3, Constraints.defaults().withMaxPerArtist(3));

        // then: jazz neighbours first
        assertTrue(pl.trackIds().stream().allMatch(id -> id >= 25 && id <= 30), pl.trackIds().toString());
    }
}
