package dev.tunesmith.recommend.mood;

import dev.tunesmith.recommend.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's mood vocabulary: moods, activities, settings and textures mapped to
 * valence/energy/tempo ranges and tags, plus the genre words recognised as tags.
 *
 * <p>Sources and method. Valence (pleasant ↔ unpleasant) and energy (arousal) placements follow the
 * quadrants of Russell's circumplex model of affect (J. A. Russell, "A circumplex model of affect",
 * J. Pers. Soc. Psychol. 39(6), 1980) and the direction of the valence/arousal norms of Warriner,
 * Kuperman and Brysbaert ("Norms of valence, arousal, and dominance for 13,915 English lemmas",
 * Behav. Res. Methods 45, 2013), mapped onto Spotify's 0–1 valence/energy scales. The ranges are
 * hand-set, rounded approximations chosen by the project, not values copied from those papers.
 * Tempo ranges follow common BPM conventions (e.g. 120–160 for workouts, 150–180 for running,
 * below ~95 for slow songs). Genre words are common Last.fm/Spotify genre tags.
 */
public final class MoodVocabulary {
    private final List<MoodEntry> entries;
    private final List<String> genres;

    /**
     * @param entries mood entries
     * @param genres genre/tag words recognised literally in requests
     */
    public MoodVocabulary(List<MoodEntry> entries, List<String> genres) {
        this.entries = List.copyOf(entries);
        this.genres = List.copyOf(genres);
    }

    /** Mood entries. */
    public List<MoodEntry> entries() {
        return entries;
    }

    /** Genre/tag words. */
    public List<String> genres() {
        return genres;
    }

    /** The built-in vocabulary (see the class comment for sources). */
    public static MoodVocabulary standard() {
        List<MoodEntry> e = new ArrayList<>();
        add(e, "calm", "meditative, calm down, calmness, calming, tranquil, serene, quiet, meditation, meditating, mindfulness, yoga, spa, massage, stretching, breathing, breathwork, breathe, zen", r(0.4, 0.7), r(0.0, 0.35), r(60, 100), "ambient, chillout");
        add(e, "relaxed", "relax, relaxation, chill out, relaxing, chill, chilled, laid back, easy, mellow, lazy, unwind, wind down, cozy, cosy, de-stress, destress, destressing, stress relief, stress free, stress-free, decompress, take the edge off, zone out, zoning out, cool down, cooldown, cooling down, winding down, bath, bubble bath, bath time, bathtime, by the fire, fireplace, hammock, tea, cup of tea, anxiety, anxious, anxiety relief, calm my nerves, nervous, overwhelmed, blanket, blankets, under a blanket, snowing, snowy, snowfall, snow day, slow morning, slow mornings, lazy morning, lazy mornings, lie-in, lie in, sleep in, sleeping in, slept in, slow sunday, slow start, gardening, in the garden, slow afternoon, lazy afternoon, winter, wintertime, winter evening, winter night", r(0.5, 0.8), r(0.1, 0.4), null, "chillout, downtempo, lounge");
        add(e, "peaceful", "peace, gentle, soothing, soft, lake, lakeside, by the lake, by the water, riverside, ocean, ocean waves, waves, the sea, seaside, by the sea, headache, migraine, my head hurts, my ears hurt, ears hurt, hungover, hangover, sparse, minimalist, minimal piano, solo piano, piano solo, quietly, softly, gently, cottagecore", r(0.5, 0.8), r(0.0, 0.3), null, "ambient, acoustic");
        add(e, "melancholic", "melancholy, wistful, bittersweet, blue, somber, pensive, emotional, touching, moody, minor key, in a minor key, ballad, ballads, piano ballad, piano ballads, dark academia", r(0.1, 0.35), r(0.1, 0.45), null, "melancholic, sad");
        add(e, "sad", "dumped, got dumped, mournful, unhappy, depressing, depressed, heartbroken, heartache, crying, tearful, lonely, loneliness, grieving, funeral, mourning, memorial, feeling down, feeling low, bit down, down in the dumps, sadness, cry, heartbreak, heartbreaks, broken heart, broken hearted, broken-hearted, miss her, miss him, miss you, missing her, missing him, missing you, missing someone, in my feelings, in my feels, wallow, wallowing, sorrow, sorrowful, died, passed away, losing someone, lost someone, everything sucks, life sucks, feel empty, feeling empty, emptiness, downbeat, all alone, feeling alone, so alone, my ex, over my ex, miss my ex, missing my ex, bad mood, foul mood, regret, regrets, left me, sadboi, sad boi, sad boy, sadgirl, sad girl, nobody cares, nobody loves me, nobody understands me, feel terrible, feeling terrible, feel awful, feeling awful, feel horrible, feeling horrible, miserable, lost my job, feel sorry for myself, feeling sorry for myself, self pity, self-pity, pity party, falls apart, falling apart, fell apart, fall apart, homesick, homesickness, miss home, missing home, breakdown, mental breakdown, breaking down, gutted, crushed, alone again, lonely holidays, weepy, teary, weep, weeping, sob, sobbing, heavy heart, heavy hearted, heavy-hearted, moved away, didn't get the job, did not get the job, got rejected, rejected, rejection, in hospital, in the hospital, divorce, divorced, getting divorced, failed, failed my exam, failed my exams, failed the test, flunked, my late, broke up, we broke up, broken up, breaking up, nobody came, no one came, let down, disappointed, disappointment, tired of everything, sick of everything, fed up, done with everything, doesn't love me, doesnt love me, does not love me, don't love me, dont love me, no longer loves me, stopped loving me, fell out of love, falling out of love, doesn't want me, doesnt want me, does not want me, flop era, in my flop era, graveside, grave, cemetery, is sick, got sick, fell ill, is ill, end of a friendship, lost a friend, old videos, old photos, watching old videos, looking at old photos, last day of summer, summer is over, long distance, long distance relationship, tears, in tears, tears in the shower, crying in the shower, got ghosted, ghosted me, been ghosted, ghosted by, that hurts, it hurts, something that hurts, songs that hurt, music that hurts, hurts so much, hurting, empty apartment, empty house, empty flat, empty room, miss your ex, missing your ex", r(0.0, 0.3), r(0.05, 0.4), null, "sad");
        add(e, "hopeful", "uplifting, optimistic, inspiring, cheer me up, feel better, pick me up, lift my spirits, motivational, motivating, empowering, confident, confidence, swagger, strut, main character", r(0.55, 0.85), r(0.35, 0.7), null, "");
        add(e, "happy", "good time, good times, cheerful, joyful, fun, feel good, feel-good, sunny, upbeat, barn dance, ceilidh, hoedown, cleaning, chores, housework, cute, bubbly, giddy, playful, christmas, xmas, festive, happiness, lighthearted, light-hearted, carefree, good vibes, positive vibes, good energy, positive energy, good mood, great mood, smile, smiling, euphoric, euphoria, blissful, bliss, ecstatic, elated, overjoyed, jubilant, gleeful, serotonin, dopamine, feeling great, feel great, feeling amazing, feel amazing, everything is great, life is good, life is great, excited, so excited, excitement, can't wait, cant wait, best day ever, best day, best day of my life, top of my lungs, at the top of my lungs, good news, promoted, got promoted, promotion, got the job, passed my exam, passed my exams, spring, springtime, mood booster, mood boost, boost my mood, lift my mood, sing in the shower, shower songs, karaoke, cheery, jolly, merry, sugary, brighten my day, brighten up my day, brighten up, bright, celebrate, celebrating, celebration, celebratory, birthday, anniversary, congratulations, sing along, singalong, sing-along, singalongs, sing-alongs, whistle while you work, whistling, clean the home, clean my room, tidy up, tidying, tidying up, wonderful, kids party, kids' party, kid's party, children's party, childrens party, kids birthday, kids birthday party, kids' birthday, for kids, for the kids, kids songs, children's songs, childrens songs, major key, in a major key, bouncy, aced, aced it, aced my, nailed it, crushed it, killed it, smashed it, tgif, friday feeling, friday vibes, bop, bops, bopping, graduation, graduation day, graduated, my graduation, moving in, moving into, housewarming, baking, baking cookies, wedding day, my wedding day, ice cream, ice cream truck", r(0.7, 1.0), r(0.5, 0.9), null, "happy, pop");
        add(e, "energetic", "electrifying, energy, high energy, lively, pumped, pumped up, pump up, pump me up, hype, hyped, hyped up, powerful, energizing, energising, energize, energise, energized, energised, energy boost, adrenaline, adrenaline rush, get me moving, get moving, get me going, amped, amped up, crank it up, push through, keep me awake, stay awake, power hour, max energy, maximum energy, high octane, high-octane, rowdy, fierce, unstoppable, invincible, heart pumping, get my heart pumping, heart racing, blood pumping, in a hurry, hurry, rushing, banging, bangin, till we drop, until we drop, till i drop, until i drop, let's go, lets go, all nighter, all-nighter, allnighter, keep me going, keeps me going, anthemic, anthem, anthems, stadium, arena rock, get the crowd going, get the crowd moving, hype the crowd, hype up the crowd, rave, raves, raving, night shift, graveyard shift, late shift, full send, send it, demon time, skiing, snowboarding, final lap, last lap, gaming, paintball, new pr, a new pr, personal best, personal record, zumba, aerobics, trampoline", r(0.4, 0.9), r(0.7, 1.0), r(115, 180), "");
        add(e, "low energy", "low-energy, low key, lowkey, quiet energy, exhausted, drained, burnt out, burned out, stare at the ceiling, staring at the ceiling, lie on the floor, lying on the floor", null, r(0.0, 0.35), null, "");
        add(e, "hard", "heavy, aggressive, brutal, intense, loud, raw, riffs, electric guitar, electric guitars, shredding, distortion, headbanging, headbang, mosh, moshing, mosh pit, villain era, villain arc", r(0.0, 0.5), r(0.8, 1.0), null, "metal, hard rock, punk");
        add(e, "angry", "rage, furious, mad", r(0.0, 0.3), r(0.75, 1.0), null, "metal, punk");
        add(e, "fast", "quick, rapid, high tempo, uptempo, high bpm, fast bpm, fast paced, fast-paced, up tempo, up-tempo", null, r(0.6, 1.0), r(130, 200), "");
        add(e, "slow", "slow tempo, downtempo, unhurried", null, r(0.0, 0.5), r(50, 95), "downtempo");
        add(e, "gym", "workout, exercise, training, lifting, fitness, cardio, spin class, spinning, hiit, crossfit, beast mode, cycling, biking, high intensity, boxing, kickboxing, martial arts, mma, sparring, weightlifting, powerlifting, bodybuilding", r(0.4, 0.9), r(0.75, 1.0), r(120, 160), "electronic, hip-hop");
        add(e, "running", "run, jogging, jog, sprint, race, race day, marathon, half marathon, 5k, 10k", r(0.5, 0.9), r(0.7, 1.0), r(150, 180), "electronic");
        add(e, "focus", "concentration, study, studying, work, working, office, reading, coding, homework, revision, revising", r(0.3, 0.7), r(0.1, 0.45), null, "instrumental, ambient, classical, post-rock");
        add(e, "sleep", "sleepytime, sleeping, sleepy, asleep, bedtime, fall asleep, falling asleep, nap, lullaby, lullabies, before bed, in bed, going to bed, off to bed, drift off, drifting off", r(0.3, 0.7), r(0.0, 0.2), r(50, 80), "ambient");
        add(e, "party", "dancing, club, dance floor, birthday party, bangers, banger, going out, go out, night out, pregame, pre-game, pre-drinks, turn up, turnt, get the party started", r(0.6, 1.0), r(0.7, 1.0), r(115, 135), "dance, electronic, pop");
        add(e, "romantic", "romance, tender, intimate, date night, love songs, sexy, sensual, seductive, slow dance, slow dancing, first dance, in love, falling in love, fell in love, head over heels, smitten, lovestruck, love struck, crush on, have a crush, new crush", r(0.5, 0.85), r(0.2, 0.55), null, "love, soul, rnb");
        add(e, "dark", "gloomy, sinister, brooding, haunting, eerie, spooky, creepy, halloween, goth, gothic, ghost, ghosts, ghost stories, haunted, haunted house", r(0.0, 0.3), r(0.3, 0.7), null, "dark, gothic");
        add(e, "dreamy", "ethereal, hazy, floating, atmospheric, stargazing, foggy, fog, misty, mist", r(0.4, 0.7), r(0.05, 0.4), null, "dream pop, shoegaze, ambient");
        add(e, "rainy", "rain, grey, cloudy, stormy, storm, thunderstorm, drizzle, autumn, autumnal", r(0.2, 0.5), r(0.1, 0.45), null, "acoustic, melancholic");
        add(e, "evening", "night, late night, sunset, dusk, midnight, after midnight, small hours, wee hours, 1am, 2am, 3am, 4am", null, r(0.15, 0.5), null, "");
        add(e, "morning", "sunrise, wake up, breakfast, brunch, coffee", r(0.55, 0.85), r(0.3, 0.6), null, "acoustic");
        add(e, "summer", "beach, sunshine, holiday, vacation, hot, picnic, picnics, barbecue, bbq, cookout, pool day, poolside", r(0.7, 1.0), r(0.55, 0.9), null, "pop, reggae");
        add(e, "driving", "road trip, drive, car, highway, windows down, with the windows down, top down, with the top down, roof down, with the roof down", r(0.5, 0.85), r(0.55, 0.85), r(100, 140), "rock");
        add(e, "background", "dinner, dinner party, cooking, ambience, cafe", r(0.5, 0.8), r(0.1, 0.4), null, "jazz, lounge");
        add(e, "nostalgic", "nostalgia, memories, old times, retro, throwback, throwbacks, 60s, 70s, 80s, 90s", r(0.3, 0.6), r(0.2, 0.5), null, "oldies, 80s");
        add(e, "epic", "cinematic, grand, triumphant, heroic, car chase, chase scene, action scene, action movie, heist", r(0.4, 0.8), r(0.6, 1.0), null, "soundtrack, epic");
        add(e, "groovy", "funky, danceable, groove", r(0.6, 0.9), r(0.55, 0.85), null, "funk, disco, dance");
        add(e, "acoustic", "unplugged, acoustic guitar, acoustic guitars, stripped down", null, r(0.1, 0.5), null, "acoustic, folk, singer-songwriter");
        add(e, "instrumental", "no words, wordless, without lyrics", null, null, null, "instrumental");
        add(e, "vocals", "vocal, singing, singer, lyrics, words, voice", null, null, null, "vocal", "instrumental");
        add(e, "sad songs", "tearjerker, breakup", r(0.0, 0.3), r(0.1, 0.4), null, "sad");
        List<String> genres = List.of("jazz", "rock", "metal", "pop", "hip-hop", "hip hop", "rap", "classical",
                "electronic", "techno", "house", "ambient", "folk", "country", "blues", "soul", "funk", "reggae",
                "punk", "indie", "rnb", "r&b", "disco", "edm", "lo-fi", "lofi", "dubstep", "trance", "drum and bass",
                "gospel", "latin", "k-pop", "opera", "grunge", "emo", "ska", "swing", "bossa nova", "post-rock",
                "shoegaze", "synthpop", "new wave", "industrial", "hardcore", "trap", "dance", "new age", "trip hop", "trip-hop",
                "reggaeton", "afrobeat", "afrobeats", "bluegrass", "jungle", "grime", "chillhop");
        return new MoodVocabulary(e, genres);
    }

    private static Range r(double a, double b) {
        return new Range(a, b);
    }

    private static void add(List<MoodEntry> e, String name, String syn, Range v, Range en, Range t, String tags) {
        add(e, name, syn, v, en, t, tags, "");
    }

    private static void add(List<MoodEntry> e, String name, String syn, Range v, Range en, Range t, String tags,
            String opposite) {
        e.add(new MoodEntry(name, split(syn), v, en, t, split(tags), split(opposite)));
    }

    private static List<String> split(String s) {
        return s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*"));
    }
}
