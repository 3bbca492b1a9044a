package dev.tunesmith.recommend.mood;

import dev.tunesmith.recommend.TextEmbedder;

import dev.tunesmith.recommend.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a free-text request ("rainy evening, melancholic but hopeful", "gym, hard and fast",
 * "focus, no vocals", "no jazz", "not too sad") into a {@link MoodTarget}.
 *
 * <p>The text is split into clauses (commas, "but", "and", "with", …); a negation word ("no",
 * "not", "without", "avoid", …) turns the rest of its clause negative, and "not too"/"less" make
 * it a soft negation. Each phrase is matched literally against genre words, known tags and
 * artists, and the {@link MoodVocabulary} (longest match first); phrases with no literal match
 * fall back to the vocabulary entry whose name or synonym is nearest by embedding cosine
 * (≥ {@value #THRESHOLD}; every name and synonym is embedded separately once).
 * Positive entries average into a target range per dimension; negated entries bound it from the
 * opposite side ("not too sad" → valence ≥ 0.3) and negated tags/artists become exclusions.
 * Thread-safe once built.
 */
public final class MoodParser {
    /** Minimum cosine for an embedding match against the vocabulary. */
    public static final double THRESHOLD = 0.5;
    /**
     * Minimum cosine for a negated phrase's embedding match: a wrong one turns the request around ("not
     * boring" is nearest "lively", and would avoid lively music).
     */
    public static final double NEGATED_THRESHOLD = 0.6;
    /**
     * How much nearer the best vocabulary entry must be than the best other entry: "friends" is about as near
     * "lonely" (0.54) as "party" (0.53), and such a tie means nothing.
     */
    public static final double MARGIN = 0.03;
    /**
     * Sentiment ({@link Sentiment#of}, VADER's compound score) from which the words of a phrase count as pleasant: a
     * single word rated 1.3 of 4 or more ("calm", "engaged", "alive").
     */
    static final double PLEASANT = 0.3;
    /** Sentiment up to which the words count as clearly unpleasant ("stressful", "awful"; not "crazy" or "miss"). */
    static final double UNPLEASANT = -0.45;
    /** Sentiment from which a phrase with no mood word is read as happy: one word rated 1.6 of 4 or more. */
    static final double GLAD = 0.38;

    private static final Pattern CLAUSES =
            Pattern.compile("\\s*(?:,|;|\\.(?![a-z0-9])|!|\\?|/|\\bbut\\b|\\band\\b|\\bwith\\b|\\bplus\\b|\\bthough\\b)\\s*");
    /**
     * The dot of a title or an initial inside a name ("Dr. Mindflip", "St. Vincent", "A.J. Racy"): not the end of a
     * clause, so the name reads as the catalogue's artist ({@link Language#words} drops the dot there too).
     */
    private static final Pattern NAME_DOT = Pattern.compile("\\b(dr|mr|mrs|ms|st|jr|sr|mt|ft|feat|vs|prof|sgt|lt|capt|rev|"
            + "[a-z](?:\\.[a-z])+|[a-z])\\.(?=\\s+[a-z0-9])");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(not too|not overly|not very|not so|nothing too|too little|less|no more|none of|no|"
                    + "(?:i'?m |i am )?not (?:a |really a |much of a |the biggest )?fan of|not into|not|without|avoid|never|"
                    + "don'?t want|do not want|don'?t play|do not play|don'?t like|do not like|dislikes|dislike|hates|hated|hate|doesn'?t like|does not like|"
                    + "can'?t stand|cannot stand|isn'?t|aren'?t|ain'?t|skip|minus|anything but|except|excluding|exclude|ban|"
                    + "leave out|leave off|keep out|hold the|lose the|ditch|rather than|instead of|nothing)\\b\\s*");
    private static final Pattern NEGATED_WITH = Pattern.compile(
            "\\b(?:nothing|none|no (?:songs?|tracks?|music|stuff|anything))\\s+(?:with|that has|that have|having|featuring|containing)\\s+");
    /**
     * A negation after its word, group 1 the word: "jazz is a no", "rock? no thanks", "keep the metal
     * out", "rock-free", "jazz not welcome", "spare me the country". The offline agent's slots read
     * the same list for their exclusions.
     */
    public static final List<Pattern> NEGATED_AFTER = List.of(
            Pattern.compile("\\b([a-z][a-z&'-]{1,25})\\s+(?:is|are)\\s+(?:a\\s+)?(?:hard\\s+)?(?:no|no-go)\\b"),
            Pattern.compile("\\b([a-z][a-z&'-]{1,25})\\s*[?,.!]?\\s*no thanks\\b"),
            Pattern.compile("\\bkeep\\s+(?:the\\s+|any\\s+|all\\s+)?([a-z][a-z&'-]{1,25})\\s+out\\b"),
            Pattern.compile("\\b([a-z][a-z&']{1,25})-free\\b"),
            Pattern.compile("\\b([a-z][a-z&'-]{1,25})\\s+(?:is\\s+|are\\s+)?(?:not welcome|not allowed|not wanted|banned|forbidden)\\b"),
            Pattern.compile("\\bspare me\\s+(?:the\\s+|any\\s+|all\\s+)?([a-z][a-z&'-]{1,25})\\b"),
            Pattern.compile("\\b([a-z][a-z&'-]{1,25})\\s+(?:is|are|'s)\\s+(?:so\\s+|too\\s+|just\\s+|kinda\\s+)?(?:boring|lame|overrated|dull|"
                    + "not it|not for me|not my thing|not my vibe)\\b"));
    private static final Pattern BLUES_IDIOM = Pattern.compile(
            "\\b((?:monday|sunday|sunday night|rainy day|rainy-day|winter|january|february|november|holiday|"
                    + "post-holiday|morning|back to school|back-to-school|weekday|work|office)(?:\\s+morning)?)\\s+blues\\b");
    /** "cleaning the house", "a haunted house", "my house": the building ("house music", "a house track" stay the genre). */
    private static final Pattern HOUSE_IDIOM = Pattern.compile("\\b(the|my|our|your|his|her|their|a|haunted|whole|empty|"
            + "clean|big|tiny|open|beach|tree|full)\\s+house\\b(?!\\s+(?:music|tracks?|songs?|sets?|mix(?:es)?|beats|tunes|dj))");
    /** "dance till we drop", "dance all night": the verb. */
    private static final Pattern DANCE_ALL_NIGHT = Pattern.compile("\\bdance(?=\\s+(?:till|until|all night|the night away)\\b)");
    /** "music to dance to", "let's dance", "dance in the kitchen": the verb ("dance music", "dance songs" stay the genre). */
    private static final Pattern DANCE_VERB = Pattern.compile("\\b(to|can|could|let's|lets|let us|wanna|gonna|i|we|and)\\s+dance\\b"
            + "(?!\\s+(?:music|tracks?|songs?|tunes|beats|hits|classics|anthems|pop|punk|rock))");
    /** "a long day at work", "rough day", "after a busy day": a tiring day, over ("hard" and "long" are no sound here). */
    private static final Pattern LONG_DAY = Pattern.compile(
            "\\b(?:long|rough|hard|busy|stressful|tough|exhausting|tiring|hectic)\\s+(?:day|week|shift)(?:\\s+(?:at|of)\\s+work)?\\b");
    /** "i'm late", "running late for work": in a hurry, not the late night ("late night drive" stays). */
    private static final Pattern LATE = Pattern.compile("\\b(?:i'm|im|i am|we're|were|we are|running|so|already)\\s+(?:\\w+\\s+)?late\\b(?!\\s+(?:night|evening|nights|hours))");
    /** "keep it going", "keep the vibe going": more of the same, not "get me going" (energy). */
    private static final Pattern KEEP_GOING = Pattern.compile("\\bkeep\\s+(it|this|that|the\\s+(?:vibe|vibes|mood|feeling|party|good times))\\s+going\\b");
    /**
     * "wake me up", "i'm falling asleep at my desk", "keep nodding off": music to stay awake to, not sleep or a
     * gentle morning ("wake up slowly", "songs to fall asleep to" and "help me fall asleep" stay).
     */
    private static final Pattern STAY_AWAKE = Pattern.compile("\\bwake me up\\b(?!\\s+(?:gently|slowly|softly|easy|easily|nicely))"
            + "|\\b(?:i'm|im|i am|i keep|keep|i'm always|been)\\s+(?:falling asleep|nodding off|dozing off|dozing)\\b(?!\\s+to\\b)"
            + "|\\b(?:don'?t|doesn'?t|do not|does not|won'?t|will not|never)\\s+let\\s+me\\s+(?:fall asleep|sleep|doze off|nod off)\\b"
            + "|\\b(?:without|not)\\s+(?:falling asleep|dozing off|nodding off)\\b");
    /**
     * "my girlfriend is sad, cheer her up", "i'm down, make me feel better": the sadness is how someone is, the
     * request is to lift it. The state is dropped where a cheering-up is asked for (see {@link #cheeringUp}).
     */
    private static final Pattern CHEER_UP = Pattern.compile("\\bcheer\\s+(?:me|her|him|them|us|you|everyone|my\\s+\\w+)\\s+up\\b"
            + "|\\bcheer\\s+up\\b"
            + "|\\b(?:make|help)\\s+(?:me|her|him|them|us)\\s+(?:feel\\s+)?(?:better|happy|happier)\\b"
            + "|\\bmake\\s+(?:a|the|my|this|her|his)\\s+(?:\\w+\\s+){0,2}day\\s+(?:brighter|better|happier)\\b");
    private static final Pattern SAD_STATE = Pattern.compile("\\b(?:i'm|im|i am|i feel|i've been|feeling|she's|she is|he's|he is|"
            + "they're|they are|is|are|been|was|were)\\s+(?:so\\s+|really\\s+|very\\s+|a bit\\s+|kinda\\s+|a little\\s+|feeling\\s+)?"
            + "(?:sad|down|low|blue|depressed|upset|miserable|gloomy|heartbroken|lonely|stressed)\\b"
            + "|\\b(?:had|has|having|been having|is having|after)\\s+(?:such\\s+)?(?:a|an|the)\\s+(?:really\\s+|very\\s+|pretty\\s+)?"
            + "(?:rough|bad|hard|tough|terrible|awful|horrible|long|crappy|crap|rubbish|stressful|exhausting|shitty)\\s+"
            + "(?:day|week|month|year|time|night|shift|morning)\\b"
            + "|\\b(?:rainy|grey|gray|gloomy|sad|bad|dull|cloudy)\\s+(?=day\\s+(?:brighter|better|happier)\\b)");
    /**
     * "warm me up", "a warm-up before the gym": getting going, read as such and not as vocabulary terms, whose
     * embeddings would pull "a warm hug" towards energy.
     */
    private static final Pattern WARM_UP = Pattern.compile("\\bwarm(?:ing)?[ -]?(?:me\\s+|us\\s+)?up\\b");
    /** "it's friday", "finally friday": the week is over (a term "it's friday" would pull "it's been a bad week" to it). */
    private static final Pattern FRIDAY = Pattern.compile("\\b(?:it'?s|finally|happy)\\s+(?:finally\\s+)?friday\\b");
    /** "i'm not ok", "not feeling great", "not doing well": feeling down, not a negated "ok". */
    private static final Pattern NOT_OK = Pattern.compile("\\b(?:(?:i'?m|i am|im|feeling|i feel|i'm feeling)\\s+not\\s+(?:ok|okay|fine|alright|good|great)"
            + "|not\\s+feeling\\s+(?:ok|okay|good|great|well|it|myself)|not\\s+doing\\s+(?:well|good|great|ok|okay))\\b");
    /** "my grandpa passed", "our dog passed": died ("passed my exam" and "passed the test" stay). */
    private static final Pattern PASSED = Pattern.compile("\\b((?:my|our|her|his|their)\\s+[a-z]+)\\s+passed\\b(?!\\s+(?:my|the|an?|her|his|their|our|it)\\b)");
    /** "spending the holidays alone", "on my birthday alone": an occasion spent alone is lonely, not festive. */
    private static final Pattern ALONE_ON = Pattern.compile("\\b(?:(?:spending|spend|spent|on|for|at|over)\\s+)?(?:the\\s+|my\\s+)?"
            + "(?:holidays?|christmas|xmas|new year'?s?(?:\\s+eve)?|thanksgiving|birthday|valentine'?s?(?:\\s+day)?|weekend|sunday|"
            + "saturday night|friday night|night|evening|day)\\s+(?:all\\s+)?(?:alone|by myself|on my own)\\b");
    /** "lower my heart rate", "slow my breathing", "bring my pulse down": calming down. */
    private static final Pattern SLOW_BODY = Pattern.compile("\\b(?:lower|slow|slow down|bring down|reduce|calm|steady|ease|(?:bring|get)(?=\\s+\\w+\\s+\\w+(?:\\s+\\w+)?\\s+down))\\s+"
            + "(?:down\\s+)?(?:my|your|the)\\s+(?:heart ?rate|heartbeat|heart beat|pulse|breathing|blood pressure|nerves)"
            + "(?:\\s+down)?\\b");
    /**
     * "lofi beats", "lo-fi hip hop", "lofi vibes": the chill, mostly instrumental beats of study playlists (the
     * Spotify genre "lo-fi beats" sits in the calm quadrant), not any lo-fi recording; the genre stays asked for.
     */
    private static final Pattern LOFI_BEATS = Pattern.compile("\\b(lo-?fi|lo fi)(?=\\s+(?:beats|hip-hop|vibes|radio|study|jazz|chill)\\b)");
    /**
     * "dance around the kitchen", "dancing round my room", "dancing around in my socks": carefree joy, not a club
     * night ("dancing around the fire" stays festive).
     */
    private static final Pattern DANCE_AROUND = Pattern.compile("\\b(?:dance|dancing)\\s+(?:a)?round\\b"
            + "(?!\\s+(?:the|a|an)\\s+(?:club|clubs|fire|bonfire|campfire|pole|maypole|dancefloor|dance floor|stage)\\b)");
    /** "after work", "a long day at work", "home from work": the working day is over. */
    private static final Pattern WORK_IDIOM = Pattern.compile("\\b(after|from|day at|day of|back from)\\s+work\\b");
    /** "a sunny walk to work", "my commute to work", "on the way to work": the way there, not music to work to. */
    private static final Pattern TO_WORK = Pattern.compile("\\b(walk|walking|way|drive|driving|ride|commute|cycle|cycling|bike|biking|"
            + "trip|going|heading|train|bus)\\s+(?:in\\s+)?to\\s+work\\b");
    /**
     * "sunshine energy", "party energy", "chill energy": the word's own mood, "energy" meaning a vibe ("high
     * energy", "good energy" and "low energy" are terms of their own and read first).
     */
    private static final Pattern WORD_ENERGY = Pattern.compile("\\b([a-z]+)\\s+energy\\b");
    /**
     * "quiet sad songs", "soft romantic music", "gentle happy tunes", "sparse and sad": a quiet word before another
     * mood asks for less energy in that mood, not for calm music as well.
     */
    private static final Pattern QUIET_MOOD = Pattern.compile("\\b(?:quiet|soft|gentle|hushed|calm|mellow|low-key|lowkey|sparse)"
            + "\\s*(?:,|and|&)?\\s+"
            + "(?=(?:sad|sadder|melancholic|melancholy|romantic|love|dark|happy|cheerful|hopeful|uplifting|nostalgic|emotional|"
            + "heartbreak|breakup|bittersweet|moody|gloomy|somber|sombre|lonely|wistful)\\b)");
    /** "after the gym", "post-workout": cooling down, not music to train to ("before the gym" stays). */
    private static final Pattern AFTER_WORKOUT = Pattern.compile(
            "\\b(?:after|post)[ -](?:the |my |a |an |our )?(?:gym|workout|work out|run|training|exercise|exercising|session)\\b");
    /** "a football game", "game day", "board game night": a match, not game music ("video game music" stays). */
    private static final Pattern GAME_IDIOM = Pattern.compile("\\b(football|soccer|basketball|baseball|hockey|rugby|tennis|"
            + "cricket|board|card|ball|big|home|away|playoff|championship)\\s+game\\b|\\bgame(?=\\s+(?:day|night)\\b)");
    /**
     * "friday night", "girls' night", "a big night": a night out, not the quiet hours that "night" alone means ("late
     * night", "a friday night in" and "date night" stay theirs).
     */
    private static final Pattern NIGHT_OUT = Pattern.compile("\\b(?:friday|saturday|girls'?|ladies'?|lads'?|boys'?|crazy|wild|"
            + "big|fun|party)\\s+nights?\\b(?!\\s+in\\b)");
    /** "i passed my driving test", "we passed the exam": a success ("passed my exam"), not a drive. */
    private static final Pattern PASSED_TEST = Pattern.compile("\\bpass(?:ed)?\\s+(?:my|the|our|her|his|their|a)\\s+(?:[a-z]+\\s+){0,2}"
            + "(?:test|tests|exam|exams|interview|course|finals|audition|assessment|inspection|probation)\\b");
    /** "a house party", "house parties": a party at home. */
    private static final Pattern HOUSE_PARTY = Pattern.compile("\\bhouse\\s+part(?:y|ies)\\b");
    /** A negation followed by a list of words: "except metal and country", "no jazz or blues". */
    private static final Pattern NEGATED_LIST = Pattern.compile("\\b(no|not|without|except|excluding|minus|skip|avoid|"
            + "ban|leave out|hold the|ditch|hate|dislike|can'?t stand|isn'?t|aren'?t)\\s+((?:the\\s+|any\\s+)?[a-z][a-z&'-]*)"
            + "((?:\\s*(?:,|\\band\\b|\\bor\\b|\\bnor\\b|&)\\s*(?:no\\s+|the\\s+|any\\s+)?[a-z][a-z&'-]*)+)");
    private static final Pattern LIST_ITEM = Pattern.compile(
            "\\s*(,|\\band\\b|\\bor\\b|\\bnor\\b|&)\\s*(?:no\\s+|the\\s+|any\\s+)?([a-z][a-z&'-]*)");

    private static final Pattern DNB = Pattern.compile("\\b(?:dnb|d&b|d'n'b|d n b)\\b");

    /** "without explicit lyrics", "no swearing": clean lyrics, not instrumental music (the lyrics are not the point). */
    private static final Pattern EXPLICIT = Pattern.compile("\\b(?:explicit|dirty|bad|offensive|rude)\\s+(?:lyrics|words|language|content)\\b"
            + "|\\bswear(?:ing|\\s+words)\\b|\\bcurse\\s+words\\b|\\bcursing\\b|\\bprofanity\\b");
    /** "skip down the street", "skipping along": carefree, not "skip" (leave out). */
    private static final Pattern SKIP_ALONG = Pattern.compile("\\bskip(?:ping)?\\s+(?:down|along|around|through|up)\\b");
    /** "sad and quiet", "melancholic, soft": a quiet word after a mood lowers its energy, as before it. */
    private static final Pattern MOOD_QUIET = Pattern.compile("\\b(sad|sadder|melancholic|melancholy|romantic|dark|gloomy|lonely|"
            + "wistful|emotional|moody|bittersweet)\\s*(?:,|and|but|yet|&)?\\s+(?:quiet|soft|gentle|hushed|mellow|calm|sparse)\\b");
    /**
     * "upbeat workout mix", "upbeat music for running", "upbeat and very energetic": with an activity or a word
     * that asks for energy, "upbeat" is its pace, not happiness.
     */
    private static final Pattern UPBEAT_ACTIVITY = Pattern.compile("\\bupbeat\\b(?=.*\\b(?:workout|work out|gym|running|run|"
            + "jogging|jog|cardio|spin|cycling|hiit|training|lifting|sprint|sprints|race|energetic|energy|hype|hyped|pumped|intense)\\b)"
            + "|(?<=\\b(?:workout|gym|running|cardio|spin|cycling|hiit|training|lifting|energetic|hype|hyped|pumped|intense)\\b.{0,40})"
            + "\\bupbeat\\b");
    /**
     * "running a 5k tomorrow, need motivation", "gym motivation": with an activity that asks for energy, motivation is
     * the push to keep going, not the hopeful lift it means on its own ("motivational quotes music").
     */
    private static final Pattern MOTIVATION_ACTIVITY = Pattern.compile("\\b(?:motivation|motivational|motivating|motivated|motivate me)\\b"
            + "(?=.*\\b(?:workout|work out|gym|running|run|5k|10k|marathon|jogging|jog|cardio|spin|cycling|hiit|training|lifting|"
            + "sprint|sprints|race|match|game|squats|deadlifts|leg day)\\b)"
            + "|(?<=\\b(?:workout|gym|running|run|5k|10k|marathon|cardio|spin|cycling|hiit|training|lifting|race|match|leg day)\\b.{0,40})"
            + "\\b(?:motivation|motivational|motivating|motivated|motivate me)\\b");
    /**
     * "a quiet evening alone", "a lazy sunday by myself": time alone that is chosen and calm, not the lonely
     * occasion {@link #ALONE_ON} reads ("spending the holidays alone").
     */
    private static final Pattern QUIET_ALONE = Pattern.compile("\\b(quiet|peaceful|relaxing|relaxed|cozy|cosy|chill|chilled|lazy|calm|"
            + "slow|restful|mellow)\\s+((?:[a-z]+\\s+)?(?:evening|night|day|sunday|saturday|weekend|morning|afternoon|time))"
            + "\\s+(?:all\\s+)?(?:alone|by myself|on my own)\\b");
    /**
     * "lost my cat this morning", "we lost our grandpa last week": a death, not the morning ("lost my keys" and "lost my
     * voice" stay theirs); the time the loss happened is not the music's time of day.
     */
    private static final Pattern LOST_ONE = Pattern.compile("\\b(?:lost|losing|lose)\\s+(?:my|our|her|his|their)\\s+(?:[a-z]+\\s+)?"
            + "(?:cat|dog|pet|puppy|kitten|bunny|rabbit|hamster|horse|bird|parrot|mom|mum|mother|mama|dad|father|papa|"
            + "grandma|grandpa|grandmother|grandfather|granny|gran|nan|nana|grandad|granddad|friend|brother|sister|son|"
            + "daughter|husband|wife|partner|uncle|aunt|auntie|cousin|baby|boyfriend|girlfriend|fiance|fiancee|child)\\b"
            + "(?:\\s+(?:this|last|yesterday)\\s+(?:morning|evening|night|afternoon|week|month|year))?"
            + "(?:\\s+(?:today|yesterday|tonight))?");
    /** An idiom and the words that say what it means, read before the clauses. */
    private record Idiom(Pattern pattern, String meaning) {}

    /**
     * The idioms, in the order they are read: each pattern's matches become the words that say what it means
     * (each pattern's comment gives its examples). The order matters where one reads another's output: "to
     * dance" becomes "to dancing" before "dancing round the kitchen" is read.
     */
    private static final List<Idiom> IDIOMS = List.of(
            new Idiom(BLUES_IDIOM, "$1 sad"),
            new Idiom(HOUSE_IDIOM, "$1 home"),
            new Idiom(HOUSE_PARTY, "home party"),
            new Idiom(NIGHT_OUT, "night out"),
            new Idiom(DANCE_VERB, "$1 dancing"),
            new Idiom(DANCE_ALL_NIGHT, "dancing"),
            new Idiom(LONG_DAY, "exhausted"),
            new Idiom(LATE, "in a hurry"),
            new Idiom(STAY_AWAKE, "keep me awake"),
            new Idiom(QUIET_ALONE, "$1 $2"),
            new Idiom(ALONE_ON, "lonely"),
            new Idiom(LOST_ONE, "lost someone"),
            new Idiom(PASSED_TEST, "passed my exam"),
            new Idiom(PASSED, "$1 passed away"),
            new Idiom(NOT_OK, "feeling down"),
            new Idiom(WARM_UP, "get me going"),
            new Idiom(FRIDAY, "friday feeling"),
            new Idiom(SLOW_BODY, "calm down"),
            new Idiom(DANCE_AROUND, "carefree"),
            new Idiom(LOFI_BEATS, "$1 chill"),
            new Idiom(KEEP_GOING, "$1"),
            new Idiom(WORK_IDIOM, "$1 the day"),
            new Idiom(TO_WORK, "$1 to the day"),
            new Idiom(QUIET_MOOD, "low-energy "),
            new Idiom(AFTER_WORKOUT, "cool down"),
            new Idiom(GAME_IDIOM, "$1 match"),
            new Idiom(EXPLICIT, "explicit"),
            new Idiom(SKIP_ALONG, "carefree"),
            new Idiom(MOOD_QUIET, "$1 low-energy"),
            new Idiom(UPBEAT_ACTIVITY, "energetic"),
            new Idiom(MOTIVATION_ACTIVITY, "pumped"));
    private static final Set<String> SOFT = Set.of("not too", "not overly", "not very", "not so", "nothing too", "less");
    private static final Set<String> STOP = Set.of("a", "an", "the", "some", "something", "music", "songs", "song",
            "tracks", "playlist", "for", "to", "of", "my", "me", "i", "want", "like", "play", "please", "in", "on",
            "at", "it", "its", "bit", "little", "kind", "sort", "mood", "vibe", "vibes", "feeling", "feel", "very",
            "really", "quite", "more", "much", "any", "stuff", "but", "yet", "so", "lots", "lot", "tunes", "sounds", "beats",
            "guitar", "guitars", "drums", "pls", "plz", "thanks", "thank", "thx", "ty", "help");

    /**
     * Words that praise or count but name no mood, left out of the embedding match: "25 songs" is near "happy"
     * by embedding, and so are "beautiful" and "pretty", which would make "sad but beautiful" half happy.
     */
    private static final Set<String> UNMOODED = Set.of("beautiful", "pretty", "lovely", "nice", "cool", "best", "awesome",
            "amazing", "great", "good", "gorgeous", "fine", "decent", "top", "new", "mix", "list", "minutes", "mins", "min",
            "bpm", "hours", "hour", "long", "short", "total", "beat", "grandpa", "grandma", "grandad", "granddad",
            "grandmother", "grandfather", "grandparents", "granny", "nan", "nana", "flight", "plane", "airplane", "airport", "train",
            "girls", "boys", "guys", "friends", "kids", "family", "team", "crew", "squad", "gang", "girl", "boy", "guy", "friend",
            "kid", "hospital", "waiting", "room", "hitting", "hit", "are", "is", "we", "we're", "they", "he", "she",
            // asks for no mood in particular: "surprise me" was matched to a sad term
            "surprise", "surprising", "random", "randomly", "anything", "whatever", "shuffle", "shuffled", "variety", "mixed", "eclectic",
            "just",
            // "royalty free music for my video": a licence, not a feeling (the lexicon rates "free" glad)
            "free", "royalty", "copyright");
    private final TextEmbedder model;
    private final MoodVocabulary vocabulary;
    /** The vocabulary's "happy" entry (null when it has none), for glad words without a mood word. */
    private final MoodEntry happy;
    private final float[][] entryVectors;
    private final int[] termEntry;
    // the words of each embedded term but stop words ("love songs": love), in the order of entryVectors
    private final List<Set<String>> termWordSets;
    private final List<String[]> terms;
    /** The vocabulary's one-word terms ("sunshine", "party"), for "sunshine energy". */
    private final Set<String> oneWordTerms;
    /** The vocabulary's terms, whole ("calm", "late night"). */
    private final Set<String> wholeTerms;
    // {words a normalised request names the tag with, the tag}, longest first; a catalogue tag before a vocabulary genre
    private final List<String[]> tagWords;
    private final Set<String> tagKeys;
    // adjective forms of the vocabulary's one-word genres ("jazzy", "bluesy", "poppy", "soulful", "rockish") → the genre
    private final java.util.Map<String, String> genreAdjectives = new java.util.LinkedHashMap<>();
    // artists by the words a normalised request names them with; those whose name is a common word need a signal
    private final List<Artist> artists;
    private final Language language;
    // every word of the vocabulary's terms, for reading plurals ("workouts", "sunsets", "road trips")
    private final Set<String> termWords;

    /**
     * A catalogue artist: its name, the words that name it, and whether those words are also a mood word
     * ("Slow") or one common English word ("End.", "Queen"): then the request must say it means the artist.
     */
    private record Artist(String name, String key, List<String> spellings, boolean moodWord, boolean commonWord) {}

    /**
     * The ways a request may write an artist's name once normalised: as {@link Language#words} leaves it,
     * with a dash as a space ("blink 182") and with number words as the digits the reader writes them in
     * ("matchbox 20" for "Matchbox Twenty").
     */
    private static List<String> spellings(String key) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : List.of(key, key.replace('-', ' '))) {
            out.add(k);
            out.add(Language.digits(k));
        }
        return List.copyOf(out);
    }

    /** Parser with the standard vocabulary and no catalogue-specific tags or artists. */
    public MoodParser(TextEmbedder model) {
        this(model, MoodVocabulary.standard(), List.of(), List.of());
    }

    /**
     * @param model embedding model (e.g. in-process MiniLM); the vocabulary is embedded once here
     * @param vocabulary mood vocabulary
     * @param knownTags catalogue tags recognised literally (in addition to the vocabulary genres)
     * @param knownArtists catalogue artists recognised literally
     */
    public MoodParser(TextEmbedder model, MoodVocabulary vocabulary, Collection<String> knownTags,
            Collection<String> knownArtists) {
        this.model = model;
        this.vocabulary = vocabulary;
        happy = vocabulary.entries().stream().filter(e -> e.name().equals("happy")).findFirst().orElse(null);
        terms = new ArrayList<>();
        for (int i = 0; i < vocabulary.entries().size(); i++) {
            MoodEntry e = vocabulary.entries().get(i);
            terms.add(new String[] {e.name(), Integer.toString(i)});
            for (String s : e.synonyms()) {
                terms.add(new String[] {s.toLowerCase(Locale.ROOT), Integer.toString(i)});
            }
        }
        List<float[]> emb = model.embedAll(terms.stream().map(t -> t[0]).toList());
        entryVectors = new float[emb.size()][];
        termEntry = new int[emb.size()];
        List<Set<String>> wordSets = new ArrayList<>();
        for (int i = 0; i < emb.size(); i++) {
            entryVectors[i] = normalised(emb.get(i));
            termEntry[i] = Integer.parseInt(terms.get(i)[1]);
            wordSets.add(java.util.Arrays.stream(terms.get(i)[0].split(" ")).filter(w -> !STOP.contains(w))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }
        termWordSets = List.copyOf(wordSets);
        oneWordTerms = terms.stream().map(term -> term[0]).filter(term -> term.matches("[a-z]+")).collect(java.util.stream.Collectors.toUnmodifiableSet());
        terms.sort(Comparator.comparingInt((String[] t) -> -t[0].length()));
        java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String t : knownTags) {
            if (t != null && t.trim().length() >= 3) {
                byKey.putIfAbsent(canonical(Language.words(t)), t.toLowerCase(Locale.ROOT).trim());
            }
        }
        for (String g : vocabulary.genres()) {
            byKey.putIfAbsent(canonical(Language.words(g)), g);
        }
        byKey.remove("");
        List<String[]> tags = new ArrayList<>();
        byKey.forEach((k, t) -> tags.add(new String[] {k, t}));
        tags.sort(Comparator.comparingInt((String[] kt) -> kt[0].length()).reversed());
        tagWords = List.copyOf(tags);
        tagKeys = Set.copyOf(byKey.keySet());
        Set<String> tw = new LinkedHashSet<>(byKey.values());
        for (String g : vocabulary.genres()) {
            if (g.matches("[a-z]{3,}")) {
                for (String form : List.of(g + "y", g + g.charAt(g.length() - 1) + "y", g + "ish", g + "-ish", g + "ful",
                        g + "-like", g + "-y")) {
                    if (!tw.contains(form)) {
                        genreAdjectives.putIfAbsent(form, g);
                    }
                }
            }
        }
        Set<String> words = new LinkedHashSet<>(STOP);
        words.addAll(READER_WORDS);
        for (String[] term : terms) {
            words.addAll(List.of(term[0].split("[ -]")));
        }
        for (String key : tagKeys) {
            words.addAll(List.of(key.split("[ -]")));
        }
        words.addAll(genreAdjectives.keySet());
        Set<String> vocabularyKeys = new LinkedHashSet<>(STOP);
        terms.forEach(term -> vocabularyKeys.add(term[0]));
        vocabularyKeys.addAll(tagKeys);
        Set<String> dictionary = Language.dictionary(); // loaded here, with the vocabulary's embeddings, not on a request
        Set<String> nameWords = new LinkedHashSet<>();
        List<Artist> named = new ArrayList<>();
        for (String a : knownArtists) {
            // "Get, The" is how catalogues file "The Get"
            String key = a == null ? "" : Language.words(a.replaceFirst("(?i)^(.+),\\s*the$", "the $1"));
            if (key.length() < 3 && !key.matches(".*\\d.*")) { // "U2" is a name, "ok" is not
                continue;
            }
            nameWords.addAll(List.of(key.split(" ")));
            // an artist called "Slow", "Stuff", "Road Trip" or "Sleepy" is read as the mood word unless the request
            // says it means the artist ("by", "like", capitals); one called "End." or "Queen" needs a looser
            // sign ("play queen", "queen songs", "no queen"): the dictionary holds famous names too ("adele")
            named.add(new Artist(a, key, spellings(key), vocabularyKeys.contains(key), key.matches("[a-z]+") && dictionary.contains(key)));
        }
        named.sort(Comparator.comparingInt((Artist a) -> a.key().length()).reversed());
        artists = List.copyOf(named);
        language = new Language(words, nameWords);
        termWords = terms.stream().flatMap(term -> java.util.Arrays.stream(term[0].split(" ")))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        wholeTerms = terms.stream().map(term -> term[0]).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Words a request is read with besides the vocabulary, so that a misspelling of them is corrected too. */
    private static final Set<String> READER_WORDS = Set.of("without", "except", "excluding", "avoid", "never", "nothing",
            "please", "something", "anything", "instead", "rather", "songs", "tracks", "music", "playlist");

    /**
     * "by Sleepy", "like Outside", "songs from Tea": the words before an artist whose name is a common
     * English word that say the word is the name (so are capitals in mid-sentence, "some Sleepy tonight").
     */
    private static final Pattern NAME_SIGNAL = Pattern.compile("(?:\\bby|\\blike|\\bfrom|\\bartist|\\bband|\\bthan|\\bsimilar to|\\bfans? of)\\s+$");
    /** Looser signs for a name that is one common word: "play queen", "some adele", "adele songs". */
    private static final Pattern LOOSE_BEFORE = Pattern.compile("(?:\\bplay|\\bmore|\\bsome|\\blove|\\bjust|\\bonly)\\s+$");
    private static final Pattern LOOSE_AFTER = Pattern.compile("\\s*(?:songs?|tracks?|albums?|records?|discography)\\b");

    private static final Pattern MID_CAPITAL = Pattern.compile("(?<=[^.!?\\s]\\s{1,3})\\p{Lu}[\\p{L}'’]*");

    /** The words written with a capital in mid-sentence ("play Sleepy" → sleepy), unless the request is all capitals. */
    static Set<String> capitalised(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text.chars().noneMatch(Character::isLowerCase)) {
            return out;
        }
        Matcher m = MID_CAPITAL.matcher(text);
        while (m.find()) {
            out.add(Language.words(m.group()));
        }
        // "Songs For A Road Trip": in title case a capital says nothing
        int words = text.trim().split("\\s+").length;
        return out.size() * 2 > words ? Set.of() : out;
    }

    /** A cheering-up asked for ({@link #CHEER_UP}): the sad state dropped, the lift kept as "cheer me up" (hopeful). */
    private static String cheeringUp(String t) {
        if (!CHEER_UP.matcher(t).find()) {
            return t;
        }
        return CHEER_UP.matcher(SAD_STATE.matcher(t).replaceAll(" ")).replaceAll("cheer me up");
    }

    /** "emo night", "an 80s disco night", "jazz nights": an evening of that genre, not a quiet one: the genre alone. */
    private String genreNights(String t) {
        Matcher m = GENRE_NIGHT.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(isGenreWord(m.group(1)) ? m.group(1) : m.group()));
        }
        return m.appendTail(out).toString();
    }

    private static final Pattern GENRE_NIGHT = Pattern.compile("\\b([a-z][a-z&'-]*)\\s+nights?\\b");

    /** "sunshine energy" → "sunshine": see {@link #WORD_ENERGY}. */
    private String wordEnergy(String t) {
        Matcher m = WORD_ENERGY.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(oneWordTerms.contains(m.group(1)) ? m.group(1) : m.group()));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The mood across the centre of the circumplex from those ruled out (Russell 1980: a mood's antonym
     * lies opposite it, "loud" opposite "calm", "sad" opposite "happy"): one of the four quadrant moods,
     * nearest the mirror image of the ruled-out moods' mean valence and energy (a missing valence is
     * neutral). Only moods with an energy and a valence or tempo count; textures ("acoustic", "vocals") have
     * no opposite.
     */
    private Optional<MoodEntry> opposite(List<Hit> ruledOut) {
        double v = 0;
        double e = 0;
        int n = 0;
        for (Hit h : ruledOut) {
            MoodEntry m = h.entry();
            if (m.energy() == null || m.valence() == null && m.tempo() == null) {
                continue;
            }
            v += m.valence() == null ? 0.5 : (m.valence().min() + m.valence().max()) / 2;
            e += (m.energy().min() + m.energy().max()) / 2;
            n++;
        }
        if (n == 0) {
            return Optional.empty();
        }
        double mv = 1 - v / n;
        double me = 1 - e / n;
        return vocabulary.entries().stream().filter(m -> MoodModel.QUADRANTS.contains(m.name()) && m.valence() != null && m.energy() != null)
                .min(Comparator.comparingDouble(m -> Math.hypot((m.valence().min() + m.valence().max()) / 2 - mv,
                        (m.energy().min() + m.energy().max()) / 2 - me)));
    }

    /**
     * "except metal and country" → "except metal, no country": the clauses split at "and", so a
     * negation would not reach the genres after the first. Only genre or tag words are carried on;
     * the list stops at the first other word ("no jazz and something happy" keeps "something happy").
     */
    private String negatedLists(String t) {
        Matcher m = NEGATED_LIST.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String first = m.group(2).replaceFirst("^(?:the|any)\\s+", "");
            if (!isGenreWord(first)) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            StringBuilder r = new StringBuilder(m.group(1)).append(' ').append(m.group(2));
            Matcher item = LIST_ITEM.matcher(m.group(3));
            int end = 0;
            while (item.find() && item.start() == end && isGenreWord(item.group(2))) {
                r.append(", no ").append(item.group(2));
                end = item.end();
            }
            r.append(m.group(3).substring(end));
            m.appendReplacement(out, Matcher.quoteReplacement(r.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private boolean isGenreWord(String w) {
        return tagKeys.contains(w) || genreAdjectives.containsKey(w);
    }

    /** One vocabulary entry the request names, with the label it added. */
    private record Hit(MoodEntry entry, boolean negated, boolean soft, String label) {}

    /**
     * The text with invisible characters (format, control, unassigned, lone surrogates, fillers) removed and
     * every kind of space made a plain space, so a request made only of them is an empty request, not
     * text the embedding model refuses.
     */
    static String readable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x3164 || cp == 0x115F || cp == 0x1160
                    || cp == 0xFFA0 || cp == 0x2800) {
                sb.append(' ');
            } else if (type != Character.FORMAT && type != Character.CONTROL && type != Character.UNASSIGNED
                    && type != Character.SURROGATE && type != Character.PRIVATE_USE) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /**
     * Genre names with a space or a sign inside written one way, in requests and tags alike ("drum & bass",
     * "drum and bass" → "drum-n-bass", whose "and" would split the clause).
     */
    private static String canonical(String words) {
        return DNB.matcher(words).replaceAll("drum-n-bass").replace("drum & bass", "drum-n-bass").replace("drum and bass", "drum-n-bass").replace("r&b", "rnb")
                .replace("hip hop", "hip-hop");
    }

    /** What one request names, gathered clause by clause. */
    private static final class Reading {
        final Set<String> capitalised;
        final List<Hit> hits = new ArrayList<>();
        final Set<String> wantedTags = new LinkedHashSet<>();
        final Set<String> unwantedTags = new LinkedHashSet<>();
        final Set<String> wantedArtists = new LinkedHashSet<>();
        final Set<String> unwantedArtists = new LinkedHashSet<>();
        final List<String> labels = new ArrayList<>();
        final List<String> positiveText = new ArrayList<>();
        final Set<String> genres = new LinkedHashSet<>();
        final Set<String> namedUnwanted = new LinkedHashSet<>();

        Reading(Set<String> capitalised) {
            this.capitalised = capitalised;
        }

        void label(String l) {
            if (!labels.contains(l)) {
                labels.add(l);
            }
        }
    }

    /**
     * Parses a request; never null (an empty or unknown request gives an empty target). The request is
     * first read by {@link Language} like the chat's: misspellings of the vocabulary's words corrected,
     * the common music words of Spanish, French, German and Portuguese translated, emoji made words.
     */
    public MoodTarget parse(String text) {
        String raw = text == null ? "" : readable(text);
        String t = raw.toLowerCase(Locale.ROOT).replaceAll("\\bw/o\\b", "without").replaceAll("\\bw/(?=\\s)", "with");
        t = canonical(language.normalise(t).text()).replace("anything but ", "except ");
        t = NAME_DOT.matcher(t).replaceAll("$1");
        // "nothing with rock", "no songs featuring vocals": the negation reaches past "with", a clause separator
        t = NEGATED_WITH.matcher(t).replaceAll("without ");
        t = negatedLists(t);
        t = cheeringUp(t);
        for (Idiom idiom : IDIOMS) {
            t = idiom.pattern().matcher(t).replaceAll(idiom.meaning());
        }
        t = wordEnergy(t);
        t = genreNights(t);
        // a negation after its word: "jazz is a no", "rock? no thanks", "keep the metal out", "rock-free"
        for (Pattern p : NEGATED_AFTER) {
            t = p.matcher(t).replaceAll("no $1");
        }
        Reading r = new Reading(capitalised(raw));
        for (String clause : CLAUSES.split(t)) {
            if (clause.isBlank()) {
                continue;
            }
            Matcher m = NEGATION.matcher(clause);
            if (m.find()) {
                phrase(clause.substring(0, m.start()), false, false, r);
                phrase(clause.substring(m.end()), true, SOFT.contains(m.group(1)), r);
            } else {
                phrase(clause, false, false, r);
            }
        }
        // "sad but not depressing": a mood asked for and negated in one request is asked for, the negation
        // only a nuance, so it neither avoids that mood nor excludes its tags (unless a tag is named itself)
        Set<String> asked = new LinkedHashSet<>();
        r.hits.stream().filter(h -> !h.negated()).forEach(h -> asked.add(h.entry().name()));
        List<Hit> nuances = r.hits.stream().filter(h -> h.negated() && asked.contains(h.entry().name())).toList();
        if (!nuances.isEmpty()) {
            r.hits.removeAll(nuances);
            for (Hit h : nuances) {
                r.unwantedTags.removeAll(h.entry().tags());
                if (r.hits.stream().noneMatch(k -> k.label().equals(h.label()))) {
                    r.labels.remove(h.label());
                }
            }
            r.unwantedTags.addAll(r.namedUnwanted);
        }
        // "breakup songs, angry not sad": a mood asked for whose region lies wholly inside a mood the request
        // rules out (sad songs inside sad) is contradicted by it, so it goes, tags and label with it
        List<Hit> contradicted = r.hits.stream().filter(h -> !h.negated() && r.hits.stream()
                .anyMatch(n -> n.negated() && !n.soft() && within(h.entry(), n.entry()))).toList();
        if (!contradicted.isEmpty()) {
            r.hits.removeAll(contradicted);
            for (Hit h : contradicted) {
                r.labels.remove(h.label());
                h.entry().tags().stream()
                        .filter(tag -> r.hits.stream().noneMatch(k -> !k.negated() && k.entry().tags().contains(tag)))
                        .forEach(r.wantedTags::remove);
            }
        }
        // "nothing loud", "no sad songs": a request that only rules moods out (no mood, genre, tag or artist
        // asked for) asks for the opposite mood, or it would get the whole catalogue but those moods
        if (r.hits.stream().noneMatch(h -> !h.negated()) && r.genres.isEmpty() && r.wantedArtists.isEmpty()
                && r.wantedTags.stream().noneMatch(tag -> !r.unwantedTags.contains(tag))) {
            opposite(r.hits.stream().filter(h -> h.negated() && !h.soft()).toList()).ifPresent(o -> {
                r.hits.add(new Hit(o, false, false, o.name()));
                r.label(o.name());
            });
        }
        r.wantedTags.removeAll(r.unwantedTags);
        r.genres.removeAll(r.unwantedTags);
        r.wantedArtists.removeAll(r.unwantedArtists);
        Range v = combine(r.hits, MoodEntry::valence, 0, 1, 0.5, 0.1);
        Range e = combine(r.hits, MoodEntry::energy, 0, 1, 0.5, 0.1);
        Range tempo = combine(r.hits, MoodEntry::tempo, 40, 220, 120, 10);
        float[] emb = r.positiveText.isEmpty() ? null : normalised(model.embed(String.join(", ", r.positiveText)));
        List<String> moods = r.hits.stream().filter(h -> !h.negated()).map(h -> h.entry().name()).distinct().toList();
        List<String> avoid = r.hits.stream().filter(Hit::negated).map(h -> h.entry().name()).distinct().toList();
        return new MoodTarget(text == null ? "" : text, String.join(", ", r.labels), v, e, tempo,
                List.copyOf(r.wantedTags), List.copyOf(r.unwantedTags), List.copyOf(r.wantedArtists),
                List.copyOf(r.unwantedArtists), emb, moods, avoid, List.copyOf(r.genres));
    }

    private void phrase(String raw, boolean negated, boolean soft, Reading r) {
        String p = " " + raw.trim().replaceAll("\\s+", " ") + " ";
        if (p.isBlank()) {
            return;
        }
        String prefix = negated ? (soft ? "not too " : "no ") : "";
        if (!negated) {
            p = singulars(p);
        }
        boolean literal = false;
        for (Artist a : artists) {
            for (String spelt : a.spellings()) {
                int at = p.indexOf(" " + spelt + " ");
                if (at < 0 || !named(a, spelt, p, at, negated, r)) {
                    continue;
                }
                (negated ? r.unwantedArtists : r.wantedArtists).add(a.name());
                r.label(prefix + a.name());
                p = p.replace(" " + spelt + " ", " _ ");
                literal = true;
                break;
            }
        }
        for (String[] term : terms) {
            if (p.contains(" " + term[0] + " ")) {
                MoodEntry e = vocabulary.entries().get(Integer.parseInt(term[1]));
                addEntry(e, negated, soft, r, prefix);
                p = p.replace(" " + term[0] + " ", " _ ");
                literal = true;
            }
        }
        for (String[] kt : tagWords) {
            String tl = kt[0];
            String tag = kt[1];
            if (p.contains(" " + tl + " ")) {
                (negated ? r.unwantedTags : r.wantedTags).add(tag);
                (negated ? r.namedUnwanted : r.genres).add(tag);
                r.label(prefix + tag);
                p = p.replace(" " + tl + " ", " _ ");
                literal = true;
            }
        }
        for (var adj : genreAdjectives.entrySet()) {
            if (p.contains(" " + adj.getKey() + " ")) {
                (negated ? r.unwantedTags : r.wantedTags).add(adj.getValue());
                (negated ? r.namedUnwanted : r.genres).add(adj.getValue());
                r.label(prefix + adj.getKey());
                p = p.replace(" " + adj.getKey() + " ", " _ ");
                literal = true;
            }
        }
        String rest = java.util.Arrays.stream(p.trim().split(" "))
                .filter(w -> !w.isBlank() && !w.equals("_") && !STOP.contains(w) && !UNMOODED.contains(w) && !w.matches("\\d+(?:[.:]\\d+)?"))
                .reduce((a, b) -> a + " " + b)
                .orElse("");
        // a phrase of filler alone ("please", "it", "music please") says nothing to match the catalogue's text with
        if (!negated && !raw.isBlank() && (literal || !rest.isBlank())) {
            r.positiveText.add(raw.trim());
        }
        if (literal || rest.isBlank()) {
            return;
        }
        float[] q = normalised(model.embed(rest));
        double[] nearest = new double[vocabulary.entries().size()];
        java.util.Arrays.fill(nearest, -1);
        Set<String> restWords = Set.copyOf(List.of(rest.split(" ")));
        for (int i = 0; i < entryVectors.length; i++) {
            if (termWordSets.get(i).size() > restWords.size() && termWordSets.get(i).containsAll(restWords)) {
                // "everything" is near "everything sucks" for the word they share, not for a mood: a term is not
                // matched by a part of itself, since its missing words are what carry the mood
                continue;
            }
            double c = 0;
            for (int d = 0; d < q.length; d++) {
                c += q[d] * entryVectors[i][d];
            }
            nearest[termEntry[i]] = Math.max(nearest[termEntry[i]], c);
        }
        int best = 0;
        for (int i = 1; i < nearest.length; i++) {
            best = nearest[i] > nearest[best] ? i : best;
        }
        double second = -1;
        for (int i = 0; i < nearest.length; i++) {
            second = i != best ? Math.max(second, nearest[i]) : second;
        }
        // the phrase's words, praise included, judge the match ("the best day of my life" is not near a sad mood), but
        // not its filler ("like", "please" are rated glad); the words left once praise is set aside decide a mood of
        // their own ("sad but beautiful" gets no happy half)
        double feeling = Sentiment.of(rest);
        MoodEntry nearestEntry = vocabulary.entries().get(best);
        if (nearest[best] >= (negated ? NEGATED_THRESHOLD : THRESHOLD) && nearest[best] - second >= MARGIN
                && !againstFeeling(nearestEntry, Sentiment.of(java.util.Arrays.stream(p.trim().split(" "))
                        .filter(w -> !STOP.contains(w)).collect(java.util.stream.Collectors.joining(" "))))) {
            // a negated word that is only near a mood ("I hate mondays" ~ evening) pushes that mood down but
            // excludes nothing: hard exclusions come from words the request names
            addEntry(nearestEntry, negated, negated || soft, r, prefix);
        } else if (!negated && feeling >= GLAD && happy != null) {
            // "i just got engaged", "songs that make me feel alive": no mood word, but glad words
            addEntry(happy, false, false, r, prefix);
        }
    }

    /**
     * Whether a mood found by embedding contradicts the feeling of the words it was found for ({@link Sentiment}):
     * an unhappy mood for pleasant words ("got engaged" is near "got dumped"), or a happy one for clearly unpleasant
     * words. Embeddings place a phrase by topic, not by polarity.
     */
    private static boolean againstFeeling(MoodEntry e, double feeling) {
        if (e.valence() == null) {
            return false;
        }
        double v = e.valence().centre();
        return v < 0.4 && feeling >= PLEASANT || v > 0.6 && feeling <= UNPLEASANT;
    }

    /**
     * "summer sunsets", "parties", "lullabies": a plural whose singular is a vocabulary word, read as that
     * word. Only in phrases that ask for something: "I hate mornings" names no mood, so it excludes nothing.
     * A genre or tag ("blues", "beats") and a word the vocabulary knows as it is stay as they are.
     */
    private String singulars(String p) {
        List<String> out = new ArrayList<>();
        for (String w : p.split(" ", -1)) {
            String s = w;
            if (w.length() > 3 && w.endsWith("s") && !termWords.contains(w) && !tagKeys.contains(w) && !STOP.contains(w)) {
                for (String c : new String[] {w.endsWith("ies") ? w.substring(0, w.length() - 3) + "y" : null,
                        w.endsWith("es") ? w.substring(0, w.length() - 2) : null, w.substring(0, w.length() - 1)}) {
                    if (c != null && termWords.contains(c)) {
                        s = c;
                        break;
                    }
                }
            } else if (w.length() > 4 && (w.endsWith("er") || w.endsWith("est")) && !termWords.contains(w) && !tagKeys.contains(w)
                    && !STOP.contains(w)) {
                // "the happiest songs", "something sadder", "calmer": a comparative or superlative of a vocabulary word
                for (String c : comparativeStems(w)) {
                    // a whole term ("late" is only part of "late night": "the latest hits" stays)
                    if (wholeTerms.contains(c)) {
                        s = c;
                        break;
                    }
                }
            }
            out.add(s);
        }
        return String.join(" ", out);
    }

    /**
     * The words {@code w} may be a comparative or superlative of: happier, happiest → happy; sadder → sad;
     * calmer → calm; gentler → gentle.
     */
    private static List<String> comparativeStems(String w) {
        String base = w.endsWith("est") ? w.substring(0, w.length() - 3) : w.substring(0, w.length() - 2);
        List<String> c = new ArrayList<>();
        if (base.endsWith("i")) {
            c.add(base.substring(0, base.length() - 1) + "y");
        }
        c.add(base);
        if (base.length() > 2 && base.charAt(base.length() - 1) == base.charAt(base.length() - 2)) {
            c.add(base.substring(0, base.length() - 1));
        }
        c.add(base + "e");
        return c;
    }

    /** Whether the request means the artist where its name, written {@code spelt}, stands at {@code at} of phrase {@code p}. */
    private static boolean named(Artist a, String spelt, String p, int at, boolean negated, Reading r) {
        if (!a.moodWord() && !a.commonWord()) {
            return true;
        }
        String before = p.substring(0, at + 1);
        if (java.util.Arrays.stream(a.key().split(" ")).allMatch(r.capitalised::contains) || NAME_SIGNAL.matcher(before).find()) {
            return true;
        }
        return !a.moodWord() && (LOOSE_BEFORE.matcher(before).find() || negated && before.isBlank()
                || LOOSE_AFTER.matcher(p.substring(at + 1 + spelt.length())).lookingAt());
    }

    private static void addEntry(MoodEntry e, boolean negated, boolean soft, Reading r, String prefix) {
        r.hits.add(new Hit(e, negated, soft, prefix + e.name()));
        r.label(prefix + e.name());
        if (!negated) {
            r.wantedTags.addAll(e.tags());
        } else {
            r.wantedTags.addAll(e.oppositeTags());
            if (!soft) {
                r.unwantedTags.addAll(e.tags());
            }
        }
    }

    /** Whether {@code inner}'s valence and energy ranges both lie inside {@code outer}'s (each defined in both). */
    private static boolean within(MoodEntry inner, MoodEntry outer) {
        return inner != outer && inside(inner.valence(), outer.valence()) && inside(inner.energy(), outer.energy());
    }

    private static boolean inside(Range inner, Range outer) {
        return inner != null && outer != null && inner.min() >= outer.min() && inner.max() <= outer.max();
    }

    private static Range combine(List<Hit> hits, java.util.function.Function<MoodEntry, Range> dim, double lo,
            double hi, double mid, double margin) {
        double centre = 0;
        double half = 0;
        int n = 0;
        double min = lo;
        double max = hi;
        boolean bounded = false;
        for (Hit h : hits) {
            Range r = dim.apply(h.entry());
            if (r == null) {
                continue;
            }
            if (!h.negated()) {
                centre += r.centre();
                half += (r.max() - r.min()) / 2;
                n++;
            } else {
                bounded = true;
                double extra = h.soft() ? 0 : margin;
                if (r.centre() < mid) {
                    min = Math.max(min, Math.min(hi, r.max() + extra));
                } else {
                    max = Math.min(max, Math.max(lo, r.min() - extra));
                }
            }
        }
        if (n == 0) {
            return bounded && min <= max ? new Range(min, max) : null;
        }
        centre /= n;
        half = Math.max(half / n, margin);
        double a = Math.max(lo, centre - half);
        double b = Math.min(hi, centre + half);
        double ia = Math.max(a, min);
        double ib = Math.min(b, max);
        if (ia <= ib) {
            return new Range(ia, ib);
        }
        return min <= max ? new Range(min, max) : new Range(a, b);
    }

    static float[] normalised(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float[] out = v.clone();
        if (s > 0) {
            float inv = (float) (1 / Math.sqrt(s));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }
}
