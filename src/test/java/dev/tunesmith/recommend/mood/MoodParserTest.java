package dev.tunesmith.recommend.mood;

import dev.tunesmith.recommend.service.Embedders;
import dev.tunesmith.recommend.TextEmbedder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MoodParserTest {
    private static MoodParser parser;
    /** A catalogue like the demo one: artists named like everyday words, tags that are everyday nouns. */
    private static MoodParser wordy;
    /** Artists whose names are written with dots. */
    private static MoodParser dotted;

    @BeforeAll
    static void loadModel() {
        TextEmbedder minilm = Embedders.of(new AllMiniLmL6V2EmbeddingModel());
        parser = new MoodParser(minilm, MoodVocabulary.standard(), List.of("post-rock"), List.of("Boards of Canada", "Radiohead"));
        wordy = new MoodParser(minilm, MoodVocabulary.standard(), List.of("game", "house", "drum & bass", "hip hop"),
                List.of("Slow", "Sleepy", "Road Trip", "Stuff", "Happy Mondays", "Björk", "End.", "Queen", "Get, The"));
        dotted = new MoodParser(minilm, MoodVocabulary.standard(), List.of(), List.of("Dr. Mindflip", "R.E.M.", "A.J. Racy"));
    }

    @Test
    void should_read_misspelt_mood_words_as_the_words_meant() {
        // each found no mood at all on the REST path, while the chat corrected them
        assertTrue(parser.parse("somthing happpy for the car").moods().contains("happy"));
        assertEquals(List.of("melancholic"), parser.parse("melancolic piano").moods());
        assertEquals(List.of("relaxed"), parser.parse("relaxin tunes pls").moods());
        assertTrue(parser.parse("energtic songs for my spin class").moods().contains("energetic"));
        assertEquals(List.of("peaceful"), parser.parse("peacefull please").moods());
        assertEquals(List.of("classical"), parser.parse("something sad, no clasical").unwantedTags());
        // a real word is never "corrected" into a mood word ("parts" is one edit from "party")
        assertEquals(List.of(), parser.parse("the best parts").moods());
    }

    @Test
    void should_read_requests_in_the_languages_the_chat_reads() {
        assertTrue(parser.parse("musica triste para llorar").moods().contains("sad"));
        assertFalse(parser.parse("musique douce pour dormir").moods().isEmpty());
    }

    @Test
    void should_read_an_artist_named_like_a_word_as_the_word_unless_the_request_says_it_is_the_artist() {
        MoodTarget slow = wordy.parse("slow romantic songs for our anniversary");
        assertEquals(List.of(), slow.wantedArtists());
        assertTrue(slow.moods().contains("slow"));
        assertEquals(List.of(), wordy.parse("sleepy lofi beats").wantedArtists());
        assertEquals(List.of(), wordy.parse("bright happy acoustic stuff for a picnic").wantedArtists());
        MoodTarget trip = wordy.parse("Songs For A Road Trip With Friends");
        assertEquals(List.of(), trip.wantedArtists());
        assertEquals(List.of("driving"), trip.moods());
        // said to be the artist: "by", "like", a capital in mid-sentence; a longer name beats the mood word
        assertEquals(List.of("Sleepy"), wordy.parse("something by sleepy").wantedArtists());
        assertEquals(List.of("Sleepy"), wordy.parse("play some Sleepy tonight").wantedArtists());
        assertEquals(List.of("Happy Mondays"), wordy.parse("songs like happy mondays").wantedArtists());
        assertEquals(List.of("Björk"), wordy.parse("no bjork please, something dreamy").unwantedArtists());
        // a name that is one common word needs a looser sign: "play", "songs", a negation
        assertEquals(List.of(), wordy.parse("sad but hopeful, like the end of a movie").wantedArtists());
        assertEquals(List.of(), wordy.parse("something to get the party started").wantedArtists());
        assertEquals(List.of("Queen"), wordy.parse("queen songs for a party").wantedArtists());
        assertEquals(List.of("Queen"), wordy.parse("play queen").wantedArtists());
        assertEquals(List.of("Queen"), wordy.parse("upbeat, but no queen").unwantedArtists());
    }

    @Test
    void should_read_names_with_numbers_however_the_number_is_written() {
        MoodParser numbered = new MoodParser(Embedders.of(new AllMiniLmL6V2EmbeddingModel()), MoodVocabulary.standard(), List.of(),
                List.of("One Direction", "50 Cent", "Sum 41", "Matchbox Twenty", "Twenty One Pilots", "blink-182", "U2"));
        assertEquals(List.of("One Direction"), numbered.parse("sad songs, no one direction").unwantedArtists());
        assertEquals(List.of("50 Cent"), numbered.parse("workout mix without 50 cent").unwantedArtists());
        assertEquals(List.of("Sum 41"), numbered.parse("pop punk, no sum 41").unwantedArtists());
        assertEquals(List.of("Matchbox Twenty"), numbered.parse("road trip, no matchbox twenty").unwantedArtists(), "read as 'matchbox 20'");
        assertEquals(List.of("Twenty One Pilots"), numbered.parse("i love twenty one pilots, something upbeat").wantedArtists(), "read as '21 pilots'");
        assertEquals(List.of("blink-182"), numbered.parse("party, no blink 182").unwantedArtists());
        assertEquals(List.of("U2"), numbered.parse("no u2 tonight, something calm").unwantedArtists());
        assertEquals(List.of(), numbered.parse("i feel like no one understands me").unwantedArtists());
    }

    @Test
    void should_read_everyday_nouns_as_nouns_not_as_the_genre_of_that_name() {
        assertEquals(List.of(), wordy.parse("rock music for cleaning the house").genres().stream().filter("house"::equals).toList());
        assertEquals(List.of("house"), wordy.parse("house music for cleaning").genres());
        assertEquals(List.of(), wordy.parse("pump up songs before a football game").genres());
        assertEquals(List.of("game"), wordy.parse("chill game music").genres());
        assertEquals(List.of("drum & bass"), wordy.parse("drum and bass for running").genres());
    }

    @Test
    void should_read_dance_as_a_verb_and_words_as_vocals() {
        MoodTarget kitchen = parser.parse("can you find me something to dance to in the kitchen");
        assertEquals(List.of(), kitchen.genres());
        assertEquals(List.of("party"), kitchen.moods());
        assertEquals(List.of("dance"), parser.parse("dance music with no vocals").genres());
        // "words" was nearest the instrumental synonym "no words", so "nothing with words" avoided instrumentals
        MoodTarget words = parser.parse("what should I listen to while I study for finals? nothing with words");
        assertEquals(List.of("vocals"), words.avoidMoods());
        assertTrue(words.wantedTags().contains("instrumental"));
        assertEquals(List.of("evening"), parser.parse("give me that 2am feeling").moods());
    }

    @Test
    void should_read_the_plural_of_a_vocabulary_word_where_something_is_asked_for() {
        assertEquals(List.of("gym"), parser.parse("workouts").moods());
        assertEquals(List.of("evening", "summer"), parser.parse("summer sunsets").moods());
        assertEquals(List.of("party"), wordy.parse("house parties").moods());
        assertEquals(List.of(), wordy.parse("house parties").genres());
        // a genre stays the genre, and a negated plural still names nothing
        assertEquals(List.of("blues"), parser.parse("chicago blues").genres());
        assertEquals(List.of(), parser.parse("I hate mornings, cheer me up").unwantedTags());
    }

    @Test
    void should_read_isnt_as_a_negation_over_a_list() {
        MoodTarget t = wordy.parse("energetic music that isn't rap or hip hop");
        assertEquals(List.of(), t.genres());
        assertTrue(t.unwantedTags().contains("rap"));
        assertTrue(t.unwantedTags().stream().anyMatch(g -> g.equals("hip hop") || g.equals("hip-hop")));
    }

    @Test
    void should_take_no_mood_from_an_embedding_tie_or_a_weak_negated_match() {
        // "boring" is nearest "lively": "not boring" would have avoided lively music
        assertEquals(List.of(), parser.parse("relaxing but not boring").avoidMoods());
        // "friends" is as near "lonely" as "party": no mood is read from it
        assertEquals(List.of("driving"), parser.parse("road trip with friends").moods());
        // "guitars" says nothing of acoustic or electric: an angry request stays angry
        assertEquals(List.of("angry"), parser.parse("angry music, lots of guitars").moods());
        assertEquals(List.of("acoustic"), parser.parse("acoustic guitar").moods());
    }

    @Test
    void should_read_the_exclusion_verbs_people_use_as_exclusions_not_as_asked_genres() {
        // each once read the genre as asked, which made it the playlist's gate
        MoodTarget leaveOut = parser.parse("something melancholic, please leave out the classical");
        assertEquals(List.of("classical"), leaveOut.unwantedTags());
        assertEquals(List.of(), leaveOut.genres());
        assertEquals(List.of("metal"), parser.parse("I can't stand metal, something soothing").unwantedTags());
        assertEquals(List.of("hip-hop"), parser.parse("something dreamy, I dislike hip hop").unwantedTags());
        assertEquals(List.of("country"), parser.parse("not a fan of country, give me something upbeat").unwantedTags());
        MoodTarget instead = parser.parse("instead of rock, some jazz for the evening");
        assertEquals(List.of("rock"), instead.unwantedTags());
        assertEquals(List.of("jazz"), instead.genres());
    }

    @Test
    void should_exclude_nothing_for_a_negated_word_that_is_only_near_a_mood() {
        // "mornings" is no vocabulary word, only near "morning" (whose tag is acoustic): it may push the
        // morning region down, but excluding every acoustic track would be a constraint nobody asked for
        MoodTarget t = parser.parse("I hate mornings, cheer me up");
        assertEquals(List.of(), t.unwantedTags());
        assertTrue(t.moods().contains("hopeful"));
        // a named word still excludes
        assertEquals(List.of("sad"), parser.parse("nothing sad, something for a party").unwantedTags());
    }

    @Test
    void should_read_the_blues_idiom_as_a_low_mood_and_the_genre_as_the_genre() {
        MoodTarget idiom = parser.parse("rainy day blues");
        assertEquals(List.of(), idiom.genres());
        assertTrue(idiom.moods().contains("sad"));
        assertTrue(parser.parse("the winter blues got me").moods().contains("sad"));
        assertEquals(List.of("blues"), parser.parse("chicago blues for a bar night").genres());
    }

    @Test
    void should_read_a_mood_asked_for_and_negated_in_one_request_as_asked_with_a_nuance() {
        // "depressing" is a sad word: before, the request avoided sad and excluded the sad tag it asked for
        MoodTarget t = parser.parse("sad but not depressing");
        assertEquals(List.of("sad"), t.moods());
        assertEquals(List.of(), t.avoidMoods());
        assertEquals(List.of(), t.unwantedTags());
        assertTrue(t.wantedTags().contains("sad"));
        // a tag the request names itself stays excluded
        assertEquals(List.of("pop"), parser.parse("happy songs, no pop, nothing too cheerful").unwantedTags());
        // and the label drops the negation too, also one found by embedding ("tranquility" ~ calm)
        MoodTarget near = parser.parse("calm music, no tranquility");
        assertEquals(List.of(), near.avoidMoods());
        assertEquals("calm", near.label());
    }

    @Test
    void should_drop_an_asked_mood_whose_region_lies_inside_a_mood_the_request_rules_out() {
        // "breakup" is a sad-songs word: before, the request asked for sad songs and avoided sad at once
        MoodTarget t = parser.parse("breakup songs but angry not sad");
        assertEquals(List.of("angry"), t.moods());
        assertEquals(List.of("sad"), t.avoidMoods());
        assertFalse(t.wantedTags().contains("sad"));
        assertFalse(t.label().contains("sad songs"), t.label());
        // a mood that only overlaps the ruled-out one stays asked for: melancholic reaches above sad's valence
        assertEquals(List.of("melancholic"), parser.parse("melancholic, nothing sad").moods());
        // a soft negation is a nuance, not a contradiction
        assertEquals(List.of("sad songs"), parser.parse("breakup songs, not too sad").moods());
    }

    @Test
    void should_read_going_out_exhaustion_and_storms_as_their_moods() {
        assertEquals(List.of("party"), parser.parse("getting ready to go out tonight").moods());
        assertEquals(List.of("low energy"), parser.parse("completely drained after this week").moods());
        assertEquals(List.of("rainy"), parser.parse("music for a thunderstorm").moods());
    }

    @Test
    void should_read_everyday_phrasings_of_the_four_moods() {
        // a fifth probe: each of these found no mood (or a wrong one) and fell back to a random-like playlist
        for (String sad : List.of("broken heart", "songs about heartbreak", "missing someone", "i miss her", "in my feelings tonight")) {
            assertEquals(List.of("sad"), parser.parse(sad).moods(), sad);
        }
        for (String happy : List.of("songs that make me smile", "good vibes only", "lighthearted songs")) {
            assertEquals(List.of("happy"), parser.parse(happy).moods(), happy);
        }
        for (String energetic : List.of("adrenaline rush", "get me moving", "energizing songs", "energy boost")) {
            assertEquals(List.of("energetic"), parser.parse(energetic).moods(), energetic);
        }
        assertEquals(List.of("relaxed"), parser.parse("music to de-stress").moods());
        assertEquals(List.of("relaxed"), parser.parse("stress relief").moods());
        assertTrue(parser.parse("rainy day sadness").moods().contains("sad"));
        // "positive energy" was nearest "low energy" and asked for quiet music
        MoodTarget positive = parser.parse("positive energy, nothing sad");
        assertEquals(List.of("happy"), positive.moods());
        assertEquals(List.of("sad"), positive.avoidMoods());
    }

    @Test
    void should_read_comparatives_superlatives_and_loss_as_their_moods() {
        // a sixth probe: no mood was found in any of these
        assertEquals(List.of("happy"), parser.parse("the happiest songs you have").moods());
        assertEquals(List.of("sad"), parser.parse("the saddest music ever").moods());
        assertEquals(List.of("calm"), parser.parse("something calmer").moods());
        assertEquals(List.of("happy"), parser.parse("euphoric").moods());
        for (String sad : List.of("my dog died", "songs about losing someone", "i just want to wallow", "music for when everything sucks")) {
            assertEquals(List.of("sad"), parser.parse(sad).moods(), sad);
        }
        for (String energetic : List.of("crank it up", "music to push through the last mile", "songs to keep me awake")) {
            assertEquals(List.of("energetic"), parser.parse(energetic).moods(), energetic);
        }
        assertEquals(List.of("relaxed"), parser.parse("i want to zone out").moods());
        // an eleventh probe: cooling down after training is not a workout
        MoodTarget after = parser.parse("need to decompress after the gym");
        assertEquals(List.of("relaxed"), after.moods());
        assertEquals(List.of("gym"), parser.parse("something for the gym").moods());
        assertEquals(List.of("happy"), parser.parse("give me some serotonin").moods());
        assertEquals(List.of("sad"), parser.parse("i just got dumped").moods());
        // a twelfth probe: letters held down, chat spelling
        assertEquals(List.of("sad"), parser.parse("saaad music").moods());
        assertEquals(List.of("happy"), parser.parse("happyyyy music").moods());
        assertEquals(List.of("happy"), parser.parse("feel gud music").moods());
        assertEquals(List.of("energetic"), parser.parse("songs to get me going").moods());
        // a word that only looks like one is left alone, and "loss" alone is not grief
        assertEquals(List.of(), parser.parse("the latest hits").moods());
        assertFalse(parser.parse("weight loss workout").moods().contains("sad"));
        // a thirteenth probe: cheery, jolly, brighten, empty, downbeat, high octane, headbanging, rowdy
        for (String happy : List.of("cheery tunes", "something jolly", "music to brighten up my day", "merry songs")) {
            assertEquals(List.of("happy"), parser.parse(happy).moods(), happy);
        }
        for (String sad : List.of("feeling empty inside", "downbeat songs", "all alone tonight")) {
            assertEquals(List.of("sad"), parser.parse(sad).moods(), sad);
        }
        assertEquals(List.of("energetic"), parser.parse("high-octane tracks").moods());
        assertEquals(List.of("energetic"), parser.parse("something rowdy").moods());
        assertEquals(List.of("hard"), parser.parse("moshing music").moods());
        // alone and empty are no sadness by themselves
        assertFalse(parser.parse("studying alone").moods().contains("sad"));
        assertFalse(parser.parse("music for an empty office").moods().contains("sad"));
    }

    @Test
    void should_not_read_a_mood_from_a_part_of_a_term_or_a_tiring_day_as_hard_music() {
        // a fourteenth probe: "everything" alone was sad, the nearest term being "everything sucks"
        assertEquals(List.of(), parser.parse("music for everything").moods());
        assertEquals(List.of("romantic"), parser.parse("songs for when you're in love").moods());
        assertEquals(List.of("sad"), parser.parse("my grandpa passed").moods());
        assertEquals(List.of("sad"), parser.parse("in a bad mood").moods());
        assertEquals(List.of("happy"), parser.parse("feeling great").moods());
        for (String tired : List.of("a rough day at work", "hectic week, need to unwind")) {
            MoodTarget t = parser.parse(tired);
            assertFalse(t.moods().contains("hard") || t.moods().contains("happy"), tired + ": " + t.moods());
            assertTrue(t.moods().contains("low energy"), tired + ": " + t.moods());
        }
        assertTrue(parser.parse("hard rock for a long drive").moods().contains("hard"));
        assertEquals(List.of("gym"), parser.parse("boxing training").moods());
        assertEquals(List.of("energetic"), parser.parse("get my heart pumping").moods());
        assertTrue(parser.parse("winding down before bed").moods().contains("relaxed"));
    }

    @Test
    void should_read_slang_moods_and_doing_nothing_as_idleness() {
        // a fifteenth probe
        assertEquals(List.of("sad"), parser.parse("sad boi music").moods());
        assertEquals(List.of("sad"), parser.parse("feels like no one cares").moods());
        assertEquals(List.of("hard"), parser.parse("in my villain arc").moods());
        assertEquals(List.of("happy"), parser.parse("i need a mood boost").moods());
        assertEquals(List.of("sleep"), parser.parse("drifting off").moods());
        MoodTarget idle = parser.parse("an afternoon of doing nothing");
        assertEquals(List.of("relaxed"), idle.moods());
        assertEquals(List.of(), idle.avoidMoods());
        assertEquals(List.of("sad"), parser.parse("nothing sad, doing my homework").avoidMoods());
        // a sixteenth probe (plain, learner's English): "feel terrible" was hard music, "by the lake" nothing
        assertEquals(List.of("sad"), parser.parse("i feel awful today").moods());
        assertTrue(parser.parse("evening by the water").moods().contains("peaceful"));
        assertTrue(parser.parse("breathe with me").moods().contains("calm"));
    }

    @Test
    void should_read_without_written_as_w_slash_o() {
        MoodTarget t = parser.parse("study beats w/o lyrics");
        assertFalse(t.moods().contains("vocals"), "w/o lyrics asked for vocals: " + t.moods());
        assertTrue(t.avoidMoods().contains("vocals"));
    }

    @Test
    void should_carry_a_negation_over_a_list_of_genres() {
        // the clauses split at "and": "country" was read as asked, which made it the playlist's gate
        MoodTarget t = parser.parse("a bit of everything except metal and country");
        assertEquals(List.of("metal", "country"), t.unwantedTags());
        assertEquals(List.of(), t.genres());
        assertEquals(List.of("jazz", "blues"), parser.parse("no jazz or blues tonight").unwantedTags());
        MoodTarget mixed = parser.parse("no jazz and something happy");
        assertEquals(List.of("jazz"), mixed.unwantedTags());
        assertTrue(mixed.moods().contains("happy"));
    }

    @Test
    void should_read_mood_repair_and_mindfulness_words_as_their_moods() {
        assertTrue(parser.parse("make me feel better, I'm a bit down today").moods().contains("hopeful"));
        assertTrue(parser.parse("feeling low, need a pick me up").moods().contains("hopeful"));
        MoodTarget yoga = parser.parse("meditation and yoga");
        assertEquals(List.of("calm"), yoga.moods(), "yoga is calm, not a gym workout");
    }

    @Test
    void should_read_a_genre_named_or_used_as_an_adjective_as_asked_genres() {
        assertEquals(List.of("jazz"), parser.parse("a little jazzy").genres());
        assertEquals(List.of("folk"), parser.parse("folky songs for a rainy afternoon").genres());
        assertEquals(List.of("soul"), parser.parse("something soulful and warm").genres());
        assertEquals(List.of("blues"), parser.parse("bluesy late night").genres());
        assertEquals(List.of("pop"), parser.parse("poppy summer vibes").genres());
        assertEquals(List.of("jazz"), parser.parse("jazz for dinner").genres());
        // a vocabulary mood's own tags and a negated genre are not asked genres
        assertEquals(List.of(), parser.parse("calm, no jazz").genres());
        // "nothing with rock": the negation reaches past "with"
        MoodTarget noRock = parser.parse("could you put together 6 mellow tracks for reading? nothing with rock in it please");
        assertEquals(List.of(), noRock.genres());
        assertTrue(noRock.unwantedTags().contains("rock"), noRock.toString());
        assertTrue(parser.parse("no songs featuring jazz, something calm").unwantedTags().contains("jazz"));
        // and a negation after its word
        for (String text : List.of("something calm, jazz is a no", "rock? no thanks. just chill stuff", "calm music but keep the metal out",
                "a chill mix, rock-free please")) {
            MoodTarget m = parser.parse(text);
            assertEquals(List.of(), m.genres(), text);
            assertTrue(!m.unwantedTags().isEmpty(), text + ": " + m);
        }
        assertEquals(List.of(), parser.parse("happy songs").genres());
        assertEquals(List.of(), parser.parse("rainy day").genres());
    }

    @Test
    void should_read_idioms_of_time_and_continuation_as_what_they_mean() {
        MoodTarget late = parser.parse("i'm late, need fast music to get ready");
        assertFalse(late.moods().contains("evening"), "late for something is a hurry, not the late night: " + late.moods());
        assertTrue(late.moods().contains("energetic"), late.moods().toString());
        assertTrue(parser.parse("late night drive").moods().contains("evening"));
        assertEquals(List.of("happy"), parser.parse("i'm in such a great mood today, keep it going").moods(), "more of the same, not energy");
        assertEquals(List.of("party"), parser.parse("keep the party going").moods());
        assertEquals(List.of("relaxed"), parser.parse("it's snowing outside and i'm under a blanket").moods());
        assertTrue(parser.parse("ambient stuff to help my anxiety").moods().contains("relaxed"));
        assertEquals(List.of("sad"), parser.parse("music to feel sorry for myself").moods());
    }

    @Test
    void should_read_what_a_body_and_a_day_ask_for_as_the_mood_meant() {
        // awake, not asleep: "wake me up" and "i'm nodding off" ask for energy
        assertEquals(List.of("energetic"), parser.parse("wake me up, i'm falling asleep at my desk").moods());
        assertEquals(List.of("energetic"), parser.parse("i keep nodding off in class, help").moods());
        assertEquals(List.of("sleep"), parser.parse("songs to help me fall asleep").moods());
        assertTrue(parser.parse("gentle songs to wake up slowly").moods().contains("morning"));
        // a body to calm down
        for (String text : List.of("music to lower my heart rate", "something to slow my breathing", "bring my pulse down")) {
            assertEquals(List.of("calm"), parser.parse(text).moods(), text);
        }
        // dancing at home is joy, a night out a party; a celebration is happy unless it is a party
        assertEquals(List.of("happy"), parser.parse("songs to dance around the living room to").moods());
        assertEquals(List.of("happy"), parser.parse("celebrating our anniversary").moods());
        assertEquals(List.of("party"), parser.parse("dancing at the club tonight").moods());
        assertTrue(parser.parse("music for a birthday party").moods().contains("party"));
        assertEquals(List.of("summer"), parser.parse("music for a picnic").moods());
    }

    @Test
    void should_ask_for_the_opposite_mood_when_a_request_only_rules_moods_out() {
        MoodTarget quiet = parser.parse("nothing loud");
        assertEquals(List.of("calm"), quiet.moods());
        assertEquals(List.of("hard"), quiet.avoidMoods());
        assertEquals(List.of("happy"), parser.parse("no sad songs").moods());
        assertEquals(List.of("energetic"), parser.parse("nothing chill please").moods());
        assertEquals(List.of("energetic"), parser.parse("no slow songs").moods());
        // a nuance, a texture or a genre is no mood to turn around
        assertEquals(List.of(), parser.parse("nothing too sad").moods());
        assertEquals(List.of(), parser.parse("no vocals").moods());
        assertEquals(List.of(), parser.parse("no jazz").moods());
        // and a mood asked for stays the mood
        assertEquals(List.of("happy"), parser.parse("nothing sad, just fun stuff").moods());
        assertEquals(List.of("post-rock"), parser.parse("post-rock, nothing loud").genres());
        assertEquals(List.of(), parser.parse("post-rock, nothing loud").moods());
    }

    @Test
    void should_read_a_quiet_word_before_a_mood_and_a_mood_before_energy_as_modifiers() {
        assertEquals(List.of("low energy", "sad songs"), parser.parse("quiet sad songs").moods());
        assertEquals(List.of("calm"), parser.parse("quiet music").moods());
        assertEquals(List.of("summer"), parser.parse("songs with sunshine energy").moods());
        assertTrue(parser.parse("high energy songs").moods().contains("energetic"));
        assertEquals(List.of("happy"), parser.parse("a sunny walk to work").moods(), "the way to work, not music to work to");
        assertTrue(parser.parse("music to work to").moods().contains("focus"));
        assertTrue(parser.parse("dance till we drop").moods().contains("party"));
        assertEquals(List.of("happy"), parser.parse("songs to sing along to").moods());
        assertEquals(List.of("peaceful"), parser.parse("ocean waves kind of vibe").moods());
        assertEquals(List.of("sad"), parser.parse("music for when you're homesick").moods());
    }

    @Test
    void should_read_occasions_spent_alone_nights_kept_awake_and_a_good_mood_in_german() {
        assertEquals(List.of("sad"), parser.parse("spending the holidays alone this year").moods(), "not a holiday by the sea");
        assertEquals(List.of("summer"), parser.parse("songs for the holidays at the beach").moods());
        assertEquals(List.of("energetic"), parser.parse("pulling an all nighter, don't let me fall asleep").moods());
        assertEquals(List.of("sleep"), parser.parse("help me fall asleep").moods());
        assertEquals(List.of("happy"), parser.parse("gute laune musik").moods());
        assertEquals(List.of("happy"), parser.parse("music for a kids party").moods());
        assertEquals(List.of("calm"), parser.parse("zen").moods());
        assertTrue(parser.parse("songs for a 3am breakdown").moods().contains("sad"));
    }

    @Test
    void should_keep_counts_praise_and_clean_lyrics_out_of_the_mood() {
        assertEquals(List.of(), parser.parse("25 songs").moods(), "a count is near 'happy' by embedding, and names no mood");
        assertEquals(List.of("sad"), parser.parse("sad but beautiful").moods());
        assertEquals(List.of("sad"), parser.parse("sad and pretty songs").moods());
        MoodTarget clean = parser.parse("cheerful tunes without explicit lyrics");
        assertEquals(List.of("happy"), clean.moods());
        assertEquals(List.of(), clean.avoidMoods(), "clean lyrics, not instrumental music");
        assertEquals(List.of("happy"), parser.parse("songs that make me want to skip down the street").moods());
        assertEquals(List.of("low energy", "sad"), parser.parse("something sad and quiet").moods());
        MoodTarget workout = parser.parse("upbeat workout mix");
        assertFalse(workout.moods().contains("happy"), "upbeat is a workout's pace: " + workout.moods());
        assertTrue(workout.moods().contains("gym"));
        assertFalse(parser.parse("upbeat music for running").moods().contains("happy"));
        assertEquals(List.of("happy"), parser.parse("upbeat songs").moods());
        assertEquals(List.of("energetic"), parser.parse("upbeat and very energetic").moods());
    }

    @Test
    void should_read_a_cheering_up_as_the_lift_not_the_sadness_and_a_dismissed_mood_as_ruled_out() {
        assertEquals(List.of("hopeful"), parser.parse("my girlfriend is sad, play something to cheer her up").moods());
        assertEquals(List.of("hopeful"), parser.parse("i'm feeling down, make me feel better").moods());
        assertEquals(List.of("hopeful"), parser.parse("a playlist to make a rainy day brighter").moods());
        assertTrue(parser.parse("i'm sad and i want to stay sad").moods().contains("sad"), "no lift asked for");
        MoodTarget bored = parser.parse("calm is boring, give me energy");
        assertEquals(List.of("energetic"), bored.moods());
        assertEquals(List.of("calm"), bored.avoidMoods());
        assertEquals(List.of("sad"), parser.parse("songs for a heavy heart").moods(), "not heavy music");
        assertEquals(List.of("peaceful"), parser.parse("for my grandpa, he likes peaceful music").moods(), "not grand");
        assertTrue(parser.parse("cold rainy night alone").moods().contains("sad"));
    }

    @Test
    void should_read_what_happened_as_the_mood_it_leaves_and_other_people_as_no_mood() {
        for (String text : List.of("i didn't get the job", "my parents are getting divorced", "i failed my exam", "we broke up last night",
                "a song for my late father", "she doesn't love me anymore", "my best friend moved away")) {
            assertTrue(parser.parse(text).moods().contains("sad"), text + ": " + parser.parse(text).moods());
        }
        assertEquals(List.of("happy"), parser.parse("i aced my interview!").moods());
        assertEquals(List.of("happy"), parser.parse("it's friday!!!").moods());
        assertEquals(List.of("gym"), parser.parse("the boys and i are hitting the gym").moods(), "the boys are no 'sad boy'");
        assertEquals(List.of("morning", "happy"), parser.parse("brunch with the girls, upbeat and sunny").moods());
        MoodTarget dad = parser.parse("music for my dad's study, he hates loud stuff");
        assertEquals(List.of("hard"), dad.avoidMoods(), "someone else's dislike rules it out too");
        assertEquals(List.of("energetic"), parser.parse("i need to stay awake for a night shift").moods());
    }

    @Test
    void should_read_slang_and_a_negated_ok_as_the_moods_meant() {
        assertEquals(List.of("sad"), parser.parse("i'm not ok").moods());
        assertEquals(List.of("sad"), parser.parse("not feeling great today").moods());
        assertEquals(List.of("sad"), parser.parse("im in my flop era").moods());
        assertEquals(List.of("happy"), parser.parse("bops only").moods());
        assertEquals(List.of("peaceful"), parser.parse("cottagecore vibes").moods());
        assertEquals(List.of("energetic"), parser.parse("full send").moods());
        // events and activities: a twenty-seventh probe
        assertEquals(List.of("happy"), parser.parse("graduation day!").moods());
        assertEquals(List.of("sad"), parser.parse("my dog is sick").moods());
        assertEquals(List.of("sad"), parser.parse("the last day of summer").moods(), "summer's end, not summer");
        assertEquals(List.of("energetic"), parser.parse("skiing down the mountain").moods(), "not a snow day");
        assertEquals(List.of("sad"), parser.parse("music for an empty apartment").moods());
        assertEquals(List.of(), parser.parse("these songs are not ok").moods(), "only a person is not ok");
    }

    @Test
    void should_blend_melancholic_and_hopeful_on_a_rainy_evening() {
        // when
        MoodTarget m = parser.parse("rainy evening, melancholic but hopeful");

        // then: valence in the middle-low, energy low
        assertNotNull(m.valence());
        assertTrue(m.valence().centre() > 0.25 && m.valence().centre() < 0.55, m.valence().toString());
        assertTrue(m.energy().max() <= 0.6, m.energy().toString());
        assertTrue(m.label().contains("melancholic") && m.label().contains("hopeful"), m.label());
        assertNotNull(m.embedding());
    }

    @Test
    void should_ask_for_high_energy_and_fast_tempo_at_the_gym() {
        // when
        MoodTarget m = parser.parse("gym, hard and fast");

        // then
        assertTrue(m.energy().min() >= 0.7, m.energy().toString());
        assertTrue(m.tempo().min() >= 120, m.tempo().toString());
        assertTrue(m.wantedTags().contains("metal"));
    }

    @Test
    void should_exclude_vocals_and_want_instrumentals_when_focusing() {
        // when
        MoodTarget m = parser.parse("focus, no vocals");

        // then
        assertTrue(m.unwantedTags().contains("vocal"), m.unwantedTags().toString());
        assertTrue(m.wantedTags().contains("instrumental"));
        assertTrue(m.energy().max() <= 0.5);
        assertTrue(m.label().contains("no vocals"), m.label());
    }

    @Test
    void should_turn_no_jazz_into_an_excluded_tag() {
        // when
        MoodTarget m = parser.parse("something relaxing, no jazz");

        // then
        assertEquals(List.of("jazz"), parser.parse("anything but jazz").unwantedTags());
        assertEquals(List.of("jazz"), m.unwantedTags());
        assertFalse(m.wantedTags().contains("jazz"));
        assertTrue(m.energy().max() <= 0.45);
    }

    @Test
    void should_bound_valence_from_below_when_not_too_sad() {
        // when
        MoodTarget m = parser.parse("not too sad");

        // then: a soft negation bounds valence but excludes no tag
        assertTrue(m.valence().min() >= 0.3, m.valence().toString());
        assertTrue(m.unwantedTags().isEmpty());
        assertNull(m.embedding());
    }

    @Test
    void should_match_unlisted_words_by_embedding() {
        // when: no literal vocabulary word
        MoodTarget m = parser.parse("sweaty cardio");
        MoodTarget none = parser.parse("quarterly tax report");

        // then: the nearest entry is the gym; an unrelated phrase matches nothing
        assertEquals("gym", m.label());
        assertTrue(m.energy().min() >= 0.7, m.energy().toString());
        assertNull(none.energy());
        assertEquals("", none.label());
    }

    @Test
    void should_recognise_artists_and_excluded_artists() {
        // when
        MoodTarget m = parser.parse("like boards of canada but without radiohead");

        // then
        assertEquals(List.of("Boards of Canada"), m.wantedArtists());
        assertEquals(List.of("Radiohead"), m.unwantedArtists());
    }

    @Test
    void should_read_names_written_with_dots_as_the_artists() {
        // "songs by Dr. Mindflip" split at the title's dot and made a list called "By dr mindflip" with none of theirs
        assertEquals(List.of("Dr. Mindflip"), dotted.parse("songs by Dr. Mindflip").wantedArtists());
        assertEquals(List.of("R.E.M."), dotted.parse("songs by R.E.M.").wantedArtists());
        assertEquals(List.of("A.J. Racy"), dotted.parse("something like a.j. racy").wantedArtists());
        MoodTarget calmNoRem = dotted.parse("calm. no r.e.m. please");
        assertEquals(List.of("R.E.M."), calmNoRem.unwantedArtists());
        assertEquals(List.of("calm"), calmNoRem.moods(), "a sentence's full stop still ends its clause");
    }

    @Test
    void should_read_no_mood_and_match_no_text_for_a_request_that_asks_for_none() {
        for (String broad : List.of("surprise me", "some music please", "anything", "random songs pls", "whatever, just play something")) {
            MoodTarget t = parser.parse(broad);
            assertTrue(t.moods().isEmpty(), broad + " -> " + t.moods());
            assertTrue(t.embedding() == null, broad + " has no words to match the catalogue's text with");
        }
        MoodTarget party = parser.parse("songs for a surprise party");
        assertTrue(party.moods().contains("party"), party.moods().toString());
    }

    @Test
    void should_not_take_an_unhappy_mood_by_embedding_for_glad_words() {
        // each was read as sad: the embedding placed "got engaged" by "got dumped", "feel alive" by "feel empty"
        for (String glad : List.of("i just got engaged!!!", "songs that make me feel alive", "we won the championship!!",
                "the best day of my life")) {
            MoodTarget t = parser.parse(glad);
            assertFalse(t.moods().contains("sad") || t.moods().contains("melancholic"), glad + " -> " + t.moods());
        }
        assertEquals(List.of("happy"), parser.parse("i just got engaged").moods());
        // sad words keep their sad reading, praise alone gives no mood, unpleasant states no happy one
        assertEquals(List.of("sad"), parser.parse("i miss her").moods());
        assertEquals(List.of("sad"), parser.parse("sad but beautiful").moods());
        assertFalse(parser.parse("a stressful week").moods().contains("happy"));
        assertTrue(parser.parse("royalty free music for my video").moods().isEmpty());
    }

    @Test
    void should_read_nights_out_genre_nights_tests_passed_and_the_top_down_as_what_they_are() {
        assertEquals(List.of("party"), parser.parse("friday night").moods());
        assertEquals(List.of("party"), parser.parse("girls night out").moods());
        assertEquals(List.of("evening"), parser.parse("a friday night in").moods());
        MoodTarget emo = parser.parse("emo night");
        assertEquals(List.of("emo"), emo.genres());
        assertTrue(emo.moods().isEmpty(), "a genre's night is that genre, not a quiet evening: " + emo.moods());
        assertEquals(List.of("happy"), parser.parse("i passed my driving test").moods());
        assertEquals(List.of("driving"), parser.parse("sunday drive with the top down").moods());
    }

    @Test
    void should_read_a_cheering_up_in_either_word_order_and_excitement_as_happy() {
        // "cheer up my friend" kept the friend's rough week as low energy; "so excited" found no mood
        assertEquals(List.of("hopeful"), parser.parse("cheer up my friend, she had a rough week").moods());
        assertEquals(List.of("low energy"), parser.parse("had a rough week").moods(), "without a cheering-up the state stays");
        assertEquals(List.of("happy"), parser.parse("im so excited for the weekend").moods());
    }

    @Test
    void should_read_a_loss_chosen_solitude_motivation_for_a_run_and_dancing_around_as_what_they_mean() {
        // the thirtieth probe: "lost my cat this morning" read as morning music, "quiet evening alone" as sad,
        // "running a 5k tomorrow, need motivation" as hopeful, "dancing around in my socks" as a club night
        assertEquals(List.of("sad"), parser.parse("lost my cat this morning").moods());
        assertEquals(List.of("sad"), parser.parse("we lost our grandpa last week").moods());
        assertTrue(parser.parse("lost my keys again").moods().isEmpty(), "a lost thing is no loss of someone");
        assertFalse(parser.parse("quiet evening alone").moods().contains("sad"));
        assertEquals(List.of("sad"), parser.parse("spending christmas alone").moods(), "an occasion alone stays lonely");
        MoodTarget run = parser.parse("running a 5k tomorrow, need motivation");
        assertTrue(run.moods().contains("energetic") && !run.moods().contains("hopeful"), run.moods().toString());
        assertEquals(List.of("hopeful"), parser.parse("motivational music").moods(), "without an activity it lifts");
        assertEquals(List.of("happy"), parser.parse("dancing around in my socks").moods());
        assertEquals(List.of("party"), parser.parse("dancing around the campfire").moods());
        assertEquals(List.of("romantic"), parser.parse("head over heels for someone").moods());
    }

    @Test
    void should_read_being_ghosted_a_song_that_hurts_an_empty_flat_and_a_lie_in() {
        // the thirty-first probe: these read no mood, or only the time of day
        assertEquals(List.of("sad"), parser.parse("he ghosted me after three dates").moods());
        assertEquals(List.of("sad"), parser.parse("play me something that hurts").moods());
        assertTrue(parser.parse("empty apartment sunday evening").moods().contains("sad"));
        assertTrue(parser.parse("when you miss your ex at 2am").moods().contains("sad"));
        assertTrue(parser.parse("sunday morning lie-in").moods().contains("relaxed"));
        assertEquals(List.of("dark"), parser.parse("ghost stories").moods(), "a ghost is no ghosting");
        assertEquals(List.of("peaceful"), parser.parse("my head hurts").moods(), "a headache stays a headache");
    }
}
