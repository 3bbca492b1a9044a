package dev.tunesmith.agent.offline;

import dev.tunesmith.recommend.mood.Language;
import dev.tunesmith.recommend.mood.MoodEntry;
import dev.tunesmith.recommend.mood.MoodVocabulary;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The words the offline router reasons with, by role. */
final class Lexicon {
    private Lexicon() {}

    /** Moods, activities, settings and qualities a playlist can be for. */
    static final Set<String> MOOD = words("chill", "chilled", "chillout", "calm", "calming", "relax", "relaxing", "relaxed", "mellow",
            "soothing", "peaceful", "serene", "gentle", "gently", "soft", "quiet", "cozy", "cosy", "comfy", "warm", "dreamy", "ambient",
            "study", "studying", "homework", "exam", "exams", "revision", "focus", "focused", "focusing", "concentrate", "concentration",
            "productive", "productivity", "work", "working", "office", "coding", "programming", "code", "reading", "writing", "deep",
            "sleep", "sleeping", "sleepy", "asleep", "nap", "bedtime", "bed", "lullaby", "insomnia", "tired", "wind", "unwind",
            "party", "parties", "partying", "club", "clubbing", "rave", "dance", "dancing", "dancefloor", "bangers", "banger", "jams",
            "hype", "hyped", "pregame", "pumped", "pump", "turn", "lit", "fiesta", "celebration", "celebrate", "birthday", "wedding",
            "workout", "gym", "exercise", "training", "train", "lifting", "weights", "cardio", "run", "running", "jog", "jogging",
            "sprint", "cycling", "bike", "spin", "yoga", "pilates", "stretching", "hiit", "crossfit", "marathon", "sweat", "leg",
            "meditation", "meditate", "mindful", "mindfulness", "breathe", "breathing", "spa", "massage", "destress", "decompress",
            "dinner", "cooking", "kitchen", "brunch", "breakfast", "lunch", "bbq", "barbecue", "picnic", "cocktail", "cocktails", "wine",
            "morning", "mornings", "evening", "evenings", "night", "nights", "tonight", "midnight", "late", "afternoon", "sunday",
            "saturday", "friday", "weekend", "monday", "dawn", "sunrise", "sunset", "dusk",
            "rainy", "rain", "raining", "storm", "stormy", "sunny", "sunshine", "summer", "summery", "winter", "wintry", "autumn", "fall",
            "spring", "snow", "snowy", "cloudy", "foggy", "grey", "gray",
            "road", "trip", "drive", "driving", "car", "commute", "commuting", "train", "flight", "travel", "travelling", "traveling",
            "beach", "pool", "poolside", "ocean", "sea", "forest", "mountains", "hike", "hiking", "camping", "campfire", "city",
            "sad", "sadness", "melancholic", "melancholy", "blue", "blues", "down", "depressed", "lonely", "heartbreak", "heartbroken",
            "breakup", "crying", "cry", "heart", "heartache", "tear", "tears", "tearjerker", "tearjerkers", "grief", "moody",
            "gloomy", "bittersweet", "nostalgic", "nostalgia", "wistful", "longing",
            "happy", "happier", "joyful", "cheerful", "cheery", "upbeat", "uplifting", "positive", "optimistic", "hopeful", "feelgood",
            "good", "fun", "funny", "playful", "silly", "bright", "sunny", "carefree", "lighthearted", "smile", "smiling",
            "energetic", "energy", "energizing", "energising", "adrenaline", "amped", "beast", "moving", "intense", "aggressive",
            "angry", "rage", "furious", "powerful", "epic",
            "heavy", "loud", "hard", "fast", "slow", "groovy", "groove", "funky", "bouncy", "driving", "dark", "darker", "brooding",
            "eerie", "spooky", "creepy", "halloween", "christmas", "xmas", "holiday", "holidays", "festive",
            "romantic", "romance", "love", "date", "sexy", "sensual", "intimate", "passionate", "crush",
            "motivation", "motivational", "motivated", "confidence", "confident", "empowering", "inspiring", "inspirational", "triumphant",
            "cinematic", "atmospheric", "ethereal", "spacey", "trippy", "psychedelic", "hypnotic", "minimal", "instrumental", "acoustic",
            "piano", "guitar", "orchestral", "vocal", "vocals", "background", "lounge", "elevator", "cafe", "coffee", "coffeeshop",
            "chores", "cleaning", "gaming", "game", "games", "wake", "waking", "rise", "shower", "getting", "ready", "vibes", "vibe",
            "mood", "moods", "vibey", "smooth", "laid", "laidback", "easygoing", "breezy", "lazy", "slowburn", "retro", "vintage",
            "oldies", "throwback", "classic", "classics", "indie", "underground", "experimental", "weird", "quirky", "emotional",
            "feelings", "reflective", "thoughtful", "introspective", "pensive", "contemplative", "stress", "stressed", "anxious",
            "anxiety", "overwhelmed", "heal", "healing", "recovery", "rainy-day", "thunderstorm", "bath", "candlelit", "candle",
            "sleepover", "roadtrip", "bonfire", "tea", "sip", "sipping", "soundtrack", "score", "boss", "battle", "fight", "victory",
            "sombre", "somber", "angsty", "rebellious", "chaotic", "frantic", "euphoric", "blissful", "bliss", "zen", "tranquil",
            "lofi", "beats", "commuter", "homesick", "missing", "miss", "summer", "cosy", "groovin", "tropical", "latin", "salsa", "surprise",
            "random", "discover", "discovery", "eclectic", "variety", "cute", "bubbly", "lullabies", "goth", "gothic", "funeral",
            "strut", "swagger");

    /** Words that say the message is about listening to music. */
    static final Set<String> MUSIC = words("playlist", "playlists", "songs", "song", "tracks", "track", "music", "tunes", "mix", "mixtape",
            "listen", "listening", "play", "recommend", "recommendation", "recommendations", "suggest", "suggestions", "queue", "artists",
            "album", "albums", "soundtrack", "bangers", "jams", "hits", "setlist", "station", "radio", "records", "dj");

    /** Genre words (English; the genre tree knows more). */
    static final Set<String> GENRE = words("rock", "pop", "jazz", "classical", "electronic", "electronica", "techno", "house", "trance",
            "ambient", "idm", "dubstep", "hip", "hop", "rap", "metal", "punk", "folk", "country", "blues", "soul", "funk", "disco",
            "reggae", "ska", "world", "indie", "alternative", "grunge", "emo", "synthwave", "synth", "chiptune", "downtempo", "trip",
            "lofi", "edm", "dnb", "drum", "bass", "orchestral", "piano", "acoustic", "opera", "gospel", "latin", "salsa", "bossa",
            "samba", "tango", "flamenco", "kpop", "jpop", "r&b", "rnb", "trap", "drill", "grime", "garage", "shoegaze", "swing",
            "bebop", "fusion", "lounge", "noise", "industrial", "electro", "breakbeat", "jungle", "glitch", "minimal", "experimental",
            "psychedelic", "progressive", "symphonic", "baroque", "soundtrack", "new", "wave", "hardcore", "chillwave", "vaporwave",
            "ragtime", "bluegrass", "americana", "motown", "neofolk", "darkwave", "ebm", "reggaeton", "afrobeat", "afrobeats");

    /** Verbs that edit a list. */
    static final Set<String> EDIT = words("swap", "replace", "change", "switch", "remove", "drop", "delete", "ditch", "lose", "cut", "nix",
            "toss", "kick", "exclude", "ban", "skip", "trim", "shorten", "extend", "add", "undo", "revert", "restore", "shuffle",
            "calmer", "chiller", "mellower", "softer", "quieter", "gentler", "happier", "sadder", "faster", "slower", "quicker",
            "livelier", "longer", "shorter", "fewer", "darker", "brighter", "louder", "heavier", "lighter", "upbeat", "tone", "dial");

    /** Words for creating songs, melodies and chords. */
    static final Set<String> CREATE = words("lyrics", "lyric", "verse", "verses", "chorus", "rhyme", "rhymes", "rhyming", "poem", "syllables",
            "melody", "melodies", "tune", "jig", "reel", "waltz", "hornpipe", "polka", "compose", "composition", "harmonize", "harmonise",
            "harmony", "harmonies", "chords", "chord", "notation", "abc", "bars", "measures", "songwriting", "write", "writing", "sheet",
            "accompaniment", "scheme", "stanza", "stanzas", "couplet", "bridge");

    /** Conversation words. */
    static final Set<String> TALK = words("hello", "hi", "hey", "heya", "hiya", "howdy", "greetings", "morning", "thanks", "thank",
            "thx", "cheers", "perfect", "great", "awesome", "amazing", "cool", "nice", "sweet", "lovely", "brilliant", "excellent",
            "fantastic", "wonderful", "help", "please", "another", "instead", "undo", "previous", "version", "again", "tempo", "bpm",
            "energy", "minutes", "minute", "mins", "min", "secs", "seconds", "long", "longer", "artist", "per", "genre", "genres", "something", "anything", "nothing", "except", "without",
            "weather", "forecast", "news", "joke", "recipe", "capital", "president", "math", "translate", "stock", "football",
            "soccer", "score", "homework", "profile", "taste", "describe", "similar", "sounds", "style", "classify", "penultimate");

    /**
     * The mood parser's own words ({@link MoodVocabulary#standard()}: every mood's name and synonyms), so that what
     * the playlist tool would read as a mood is a mood cue here too ({@link #namesMood}).
     */
    private static final Set<String> VOCABULARY_WORDS;
    private static final List<String> VOCABULARY_PHRASES;

    static {
        Set<String> words = new HashSet<>();
        Set<String> phrases = new HashSet<>();
        for (MoodEntry e : MoodVocabulary.standard().entries()) {
            for (String term : java.util.stream.Stream.concat(java.util.stream.Stream.of(e.name()), e.synonyms().stream()).toList()) {
                String t = term.toLowerCase(Locale.ROOT).replace('-', ' ').trim();
                (t.contains(" ") ? phrases : words).add(t);
            }
        }
        VOCABULARY_WORDS = Set.copyOf(words);
        VOCABULARY_PHRASES = List.copyOf(phrases);
    }

    static final Set<String> ALL;
    /** Messages as the router reads them: misspellings corrected to the router's own words. */
    static final Language LANGUAGE;

    static {
        Set<String> all = new HashSet<>();
        all.addAll(MOOD);
        all.addAll(VOCABULARY_WORDS);
        // the words of the vocabulary's phrases too ("lets gooo" shortens to "lets go", a phrase, not "goo")
        VOCABULARY_PHRASES.forEach(p -> all.addAll(List.of(p.split(" "))));
        all.addAll(MUSIC);
        all.addAll(GENRE);
        all.addAll(EDIT);
        all.addAll(CREATE);
        all.addAll(TALK);
        ALL = Set.copyOf(all);
        LANGUAGE = new Language(ALL, Set.of());
    }

    private static Set<String> words(String... w) {
        return Set.copyOf(new HashSet<>(List.of(w)));
    }

    static boolean isMood(String w) {
        return MOOD.contains(w);
    }

    /**
     * Whether a message names a mood: one of the router's mood words, or a term of the mood parser's vocabulary
     * ("mournful", "crank it up"). Only for telling a request from small talk: an edit's mood words are {@link #isMood}.
     */
    static boolean namesMood(List<String> tokens, String text) {
        if (tokens.stream().anyMatch(w -> MOOD.contains(w) || VOCABULARY_WORDS.contains(w))) {
            return true;
        }
        String t = " " + text.replaceAll("[^a-z0-9']+", " ") + " ";
        for (String p : VOCABULARY_PHRASES) {
            if (t.contains(" " + p + " ")) {
                return true;
            }
        }
        return false;
    }
}
