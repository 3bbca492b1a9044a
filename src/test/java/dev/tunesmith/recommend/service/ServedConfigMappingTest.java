package dev.tunesmith.recommend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunesmith.config.AppConfig;
import dev.tunesmith.recommend.engine.ServedConfig;
import org.junit.jupiter.api.Test;

class ServedConfigMappingTest {
    @Test
    void should_serve_with_the_same_defaults_the_evaluation_documents() {
        assertEquals(ServedConfig.DEFAULTS, RecommenderService.served(AppConfig.Recommender.DEFAULTS));
    }
}
