package dev.tunesmith.recommend.mood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SentimentTest {
    @Test
    void should_rate_words_from_the_vader_lexicon() {
        assertEquals(2.7, Sentiment.word("happy"), 1e-9);
        assertEquals(-2.5, Sentiment.word("bad"), 1e-9);
        assertEquals(0, Sentiment.word("tuesday"), 1e-9);
    }

    @Test
    void should_score_a_phrase_with_vaders_compound_normalisation_and_negation() {
        // one word rated 1.7: 1.7 / sqrt(1.7^2 + 15)
        assertEquals(1.7 / Math.sqrt(1.7 * 1.7 + 15), Sentiment.of("got engaged"), 1e-9);
        assertTrue(Sentiment.of("i feel so empty and lonely") < -0.3);
        assertTrue(Sentiment.of("not happy") < 0, "a negated glad word is unpleasant");
        assertTrue(Sentiment.of("I don't feel alive") < 0);
        assertEquals(0, Sentiment.of("tuesday at the office"), 1e-9);
        assertEquals(0, Sentiment.of(""), 1e-9);
        assertEquals(0, Sentiment.of(null), 1e-9);
    }
}
