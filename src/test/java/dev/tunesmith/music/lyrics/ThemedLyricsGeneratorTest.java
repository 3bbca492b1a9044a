package dev.tunesmith.music.lyrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.Lyrics;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.LyricsService;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The themed generator without embeddings: structure, length, scheme, metre and the theme itself. */
class ThemedLyricsGeneratorTest {

    private static final LyricsService SERVICE = LyricsService.of(ThemedLyricsGenerator.loadShipped(null));

    @Test
    void should_write_exactly_the_asked_lines_with_a_repeating_chorus_and_a_title_from_the_theme() {
        for (int lines : new int[] {4, 8, 12, 16, 6}) {
            Lyrics l = SERVICE.generate(new LyricsRequest("a lighthouse on the coast", "ABAB", lines, 8, (long) lines));
            List<String> nonBlank = l.text().lines().filter(s -> !s.isBlank()).toList();
            assertEquals(lines, nonBlank.size(), l.text());
            assertEquals("A Lighthouse on the Coast", l.title());
            List<String> stanzas = Arrays.asList(l.text().split("\n\n"));
            assertEquals(l.sections().size(), stanzas.size());
            if (lines >= 16) {
                assertEquals(List.of("verse", "chorus", "verse", "chorus"), l.sections());
                assertEquals(stanzas.get(1), stanzas.get(3), "the chorus repeats word for word");
            }
            assertTrue(l.text().toLowerCase().contains("lighthouse") || l.text().toLowerCase().contains("coast"), l.text());
        }
    }

    @Test
    void should_meet_the_rhyme_scheme_and_the_syllable_count() {
        for (String scheme : new String[] {"AABB", "ABAB", "ABCB"}) {
            for (int syl : new int[] {6, 8, 10}) {
                Lyrics l = SERVICE.generate(new LyricsRequest("summer love", scheme, 8, syl, 3L));
                assertTrue(l.checks().schemeAdherence() >= 0.99, scheme + " " + l.checks().schemeAdherence() + "\n" + l.text());
                assertTrue(l.checks().syllableAdherence() >= 0.99, syl + " " + l.checks().syllableAdherence() + "\n" + l.text());
            }
        }
    }

    @Test
    void should_read_a_theme_into_content_words_a_singable_hook_and_a_title() {
        Theme t = Theme.of("leaving a small town at dawn", Pronunciations.shared());
        assertEquals(List.of("leaving", "small", "town", "dawn"), t.contentWords());
        assertEquals("small town at dawn", t.hook());
        assertEquals("Leaving a Small Town at Dawn", t.title());
        Theme dog = Theme.of("a song about my dog Max", Pronunciations.shared());
        assertEquals("my dog Max", dog.hook());
        assertTrue(dog.names().contains("max"));
        assertEquals("My Dog Max", dog.title());
    }

    @Test
    void should_read_the_mood_before_song_apart_from_what_the_song_is_about() {
        Pronunciations dict = Pronunciations.shared();
        Theme sad = Theme.of("sad song about leaving home", dict);
        assertEquals(List.of("sad"), sad.moods());
        assertEquals("leaving home", sad.text());
        assertEquals("Leaving Home", sad.title());
        assertEquals(List.of("angry", "bitter"), Theme.of("an angry, bitter ballad about my ex", dict).moods());
        Theme counted = Theme.of("eight line song about the sea", dict);
        assertEquals(List.of(), counted.moods());
        assertEquals("the sea", counted.text());
        assertEquals("the song of the sea", Theme.of("the song of the sea", dict).text(), "a title that names a song keeps it");
        assertEquals("hopeful song about starting over", Theme.withMood("hopeful", "starting over"));
        // a mood said after the subject, behind a word that says a feel follows
        Theme warm = Theme.of("my grandmother's garden, something warm", dict);
        assertEquals(List.of("warm"), warm.moods());
        assertEquals("my grandmother's garden", warm.text());
        assertEquals(List.of("hopeful"), Theme.of("moving to a new city - kind of hopeful", dict).moods());
        assertEquals(List.of("sad"), Theme.of("my old dog, make it sad", dict).moods());
        assertEquals(List.of(), Theme.of("cats, dogs and rabbits", dict).moods(), "a list of subjects is no mood");
        assertEquals("starting over", Theme.withMood(" ", "starting over"));
    }

    @Test
    void should_let_the_asked_mood_change_the_words_and_keep_the_subject() {
        dev.langchain4j.model.embedding.EmbeddingModel minilm = new dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel();
        WordEmbedder words = text -> minilm.embed(text).content().vector();
        LyricsService service = LyricsService.of(ThemedLyricsGenerator.loadShipped(words));
        float[] grief = words.embed("grief, sorrow, tears and loss");
        float[] joy = words.embed("joy, delight, laughter and celebration");
        List<String> subjects = List.of("a train journey", "my first car", "the harbour at dawn", "a letter from home", "winter in the city",
                "my brother", "an old guitar", "the county fair");
        int right = 0;
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            Lyrics sad = service.generate(new LyricsRequest(Theme.withMood("sad", subject), "ABAB", 8, 8, 40L + i));
            Lyrics glad = service.generate(new LyricsRequest(Theme.withMood("joyful", subject), "ABAB", 8, 8, 40L + i));
            assertTrue(!sad.text().equals(glad.text()), "the mood changed nothing: " + sad.text());
            assertEquals(Theme.of(subject, Pronunciations.shared()).title(), sad.title(), "the title stays the subject's");
            assertTrue(sad.checks().schemeAdherence() >= 0.99 && glad.checks().schemeAdherence() >= 0.99, sad.text() + "\n\n" + glad.text());
            double sadLean = WordEmbedder.cosine(words.embed(sad.text()), grief) - WordEmbedder.cosine(words.embed(sad.text()), joy);
            double gladLean = WordEmbedder.cosine(words.embed(glad.text()), grief) - WordEmbedder.cosine(words.embed(glad.text()), joy);
            right += sadLean > gladLean ? 1 : 0;
        }
        assertTrue(right >= 6, "the sad text leans further to grief for " + right + " of " + subjects.size() + " subjects");
    }

    @Test
    void should_keep_gloomy_words_out_of_a_glad_song_when_words_are_rated() {
        // "make the chorus happier" once gave "And every grandma felt dark": the rhyme with "park" took any adjective
        ThemedLyricsGenerator rated = ThemedLyricsGenerator.loadShipped(null, dev.tunesmith.recommend.mood.Sentiment::word);
        LyricsService unrated = SERVICE;
        int gloomyRated = 0;
        int gloomyUnrated = 0;
        int lines = 0;
        try (LyricsService withFeeling = LyricsService.of(rated)) {
            for (long seed = 1; seed <= 12; seed++) {
                for (LyricsService s : List.of(withFeeling, unrated)) {
                    Lyrics l = s.generate(new LyricsRequest("happy song about my grandma's garden in the park", "AABB", 8, 8, seed));
                    long g = l.text().lines().filter(line -> LyricsChecker.words(line).stream().map(Pronunciations::normalise)
                            .anyMatch(rated::gloomy)).count();
                    if (s == withFeeling) {
                        gloomyRated += (int) g;
                        lines += 8;
                    } else {
                        gloomyUnrated += (int) g;
                    }
                }
            }
        }
        assertTrue(gloomyRated < gloomyUnrated, "rated " + gloomyRated + " vs unrated " + gloomyUnrated + " gloomy lines");
        assertTrue(gloomyRated <= lines / 10, gloomyRated + " of " + lines + " lines gloomy in a happy song");
    }

    @Test
    void should_read_warm_and_tender_moods_as_glad_though_the_lexicon_rates_them_low() {
        // "something warm about my grandmother's garden" wrote "And every garden felt dark": VADER rates "warm" 0.9
        ThemedLyricsGenerator rated = ThemedLyricsGenerator.loadShipped(null, dev.tunesmith.recommend.mood.Sentiment::word);
        assertTrue(rated.gladness("warm") > 1 && rated.gladness("tender") > 1 && rated.gladness("cozy") > 1);
        assertTrue(rated.gladness("sad") < 0);
        int gloomy = 0;
        int lines = 0;
        try (LyricsService s = LyricsService.of(rated)) {
            for (long seed = 1; seed <= 12; seed++) {
                Lyrics l = s.generate(new LyricsRequest(Theme.withMood("warm", "my grandmother's garden"), "ABAB", 8, 8, seed));
                gloomy += (int) l.text().lines().filter(line -> LyricsChecker.words(line).stream().map(Pronunciations::normalise)
                        .anyMatch(rated::gloomy)).count();
                lines += 8;
            }
        }
        assertTrue(gloomy <= lines / 10, gloomy + " of " + lines + " lines gloomy in a warm song");
    }
}
