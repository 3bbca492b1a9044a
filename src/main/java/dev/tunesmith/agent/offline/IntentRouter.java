package dev.tunesmith.agent.offline;

import dev.tunesmith.music.lyrics.Theme;
import dev.tunesmith.recommend.mood.Language;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands a chat message without an LLM. The message is normalised ({@link Language}: emoji,
 * accents, four other languages, number words, typos), its slots are parsed deterministically
 * ({@link Slots}), and the intent is decided from what the words <em>do</em> in the sentence rather
 * than which keywords occur: "lyrics" is a request only when something asks for lyrics to be written
 * ("write me a country song", "lyrics about the sea"), not in "ideally no lyrics"; an edit verb needs
 * a track, a count or a direction; inside a playlist conversation a follow-up is a refinement unless
 * it names a new mood or asks for another playlist. When the evidence is weak it asks one short
 * question instead of guessing (intent {@link Intent#CLARIFY}).
 */
public final class IntentRouter {

    /** What the user wants. */
    public enum Intent {
        PLAYLIST, REFINE, SIMILAR, PROFILE, LYRICS, MELODY, HARMONIZE, DESCRIBE, CLASSIFY, HELP, GREETING, THANKS, OFF_TOPIC, GIBBERISH,
        CLARIFY, EDIT_MELODY, CHECK_LYRICS, RHYMES, CONTINUE_VERSE, REWRITE_LINE, RESIZE_LYRICS, EDIT_LYRICS, MOOD_LYRICS, PLAY, SAVE
    }

    /** What the conversation holds so far. */
    public record Context(boolean hasPlaylist, int playlistSize, boolean hasMelody, String lastCreation, int lastPosition) {
        public static final Context EMPTY = new Context(false, 0, false, null);

        /**
         * @param lastCreation "melody" or "lyrics" when the conversation's newest artifact is one (edits such as
         *     "make it shorter" or "transpose to A minor" then apply to it), else null
         * @param lastPosition the one track of the newest playlist the conversation last spoke of ("what's track 4?"), which
         *     "that one" then means; 0 when none
         */
        public Context {
        }

        public Context(boolean hasPlaylist, int playlistSize, boolean hasMelody, String lastCreation) {
            this(hasPlaylist, playlistSize, hasMelody, lastCreation, 0);
        }

        public Context(boolean hasPlaylist, int playlistSize, boolean hasMelody) {
            this(hasPlaylist, playlistSize, hasMelody, null);
        }
    }

    /** An intent, the tool to call (null for conversation intents) and its JSON arguments. */
    public record Route(Intent intent, String tool, JsonObject arguments, double confidence) {}

    /** Below this the router asks instead of guessing. */
    static final double THRESHOLD = 0.5;

    /** Characters of a message that are read (the chat allows 4,000). */
    static final int MAX_READ = 800;

    /** Loads the word list in the background (never on the caller's thread, which may be an event loop). */
    public IntentRouter() {
        Thread.ofVirtual().name("intent-router-words").start(Language::dictionary);
    }

    /** Routes {@code message}; {@code hasPlaylist} says whether this conversation already has one to refine. */
    public Route route(String message, boolean hasPlaylist) {
        return route(message, new Context(hasPlaylist, hasPlaylist ? 20 : 0, false));
    }

    private static final Pattern CREATE_VERB = Pattern.compile(
            "\\b(?:write|pen|compose|create|generate|draft|come up with|make up|make|give me|help me write|can you write|could you write|"
                    + "i need|i want|need|want|craft|produce|invent|improvise|sketch|knock out|whip up|put together|do)\\b");
    private static final Pattern LYRIC_OBJECT = Pattern.compile(
            "\\b(lyrics?|verses?|chorus|poem|haiku|limerick|sonnet|ode|rhymes?|song ?text|stanzas?|couplets?|songs?|ballad|anthem|ditty|jingle|rap|hook|bridge|"
                    + "melod(?:y|ies)|tune|jig|reel|waltz|hornpipe|polka|march|chords?|harmon(?:y|ies|i[sz]e)|accompaniment|"
                    + "playlists?|mix(?:tape)?|list|tracks|selection|set|queue|bangers|jams|music|something|soundtrack)\\b");
    private static final Pattern NEGATED_LYRICS = Pattern.compile(
            "\\b(?:no|without|zero|minimal|fewer|less|not many|not much|little|light on|few|ideally no|preferably no|avoid|skip)\\s+(?:\\w+\\s+)?(?:lyrics|vocals|words|singing)\\b"
                    + "|\\blyrics (?:are|is) (?:fine|ok|okay|good|welcome|allowed|optional)\\b|\\bwith(?:out)? (?:\\w+ )?lyrics\\b|\\b(?:lyrics|vocals) (?:or not|optional|don't matter|do not matter)\\b"
                    + "|\\binstrumental\\b");
    private static final Pattern MELODY_WORDS = Pattern.compile(
            "\\b(?:melod(?:y|ies)|jig|reel|waltz|hornpipe|polka|abc notation|sheet music|motif|riff|theme tune|folk tune|little tune|a tune|new tune|short tune)\\b");
    private static final Pattern MUSIC_THEORY = Pattern.compile(
            "\\bin\\s+[a-g](?:#|b|\\s*sharp|\\s*flat)?\\s*(?:major|minor|maj|min|m)\\b|\\b(?:[2-9]|12)/(?:2|4|8)\\b|\\b\\d{1,2}\\s*(?:bars?|measures?)\\b");
    private static final Pattern HARMONY = Pattern.compile(
            "\\b(?:harmoni[sz]e|harmoni[sz]ation|chords?|chord progression|accompaniment|reharmoni[sz]e|add (?:some )?harmony|bass line|voicings?)\\b");
    private static final Pattern PROFILE = Pattern.compile(
            "\\b(?:my (?:profile|taste|tastes|listening|stats|statistics|history|top|favou?rite|habits|music taste|library)|what (?:do|did) i (?:usually |mostly |normally |often )?(?:listen|play)|"
                    + "what (?:kind of|sort of|type of) music (?:do )?i (?:like|listen)|who (?:do|did) i listen to|what am i into|describe my taste|what i listen to|what (?:i've|i have) been (?:listening|playing)|what have i been (?:listening|playing)|my recent (?:listening|plays|history)|who do i (?:listen to|play) (?:the )?most)\\b");
    private static final Pattern HELP = Pattern.compile(
            "^(?:help|help me|help\\?|\\?|what can you do|what do you do|what are you|who are you|how does (?:this|it) work|how do i use (?:this|you|it)|"
                    + "what can i (?:ask|say|do)|commands|options|menu|features|what are your features|how to use|instructions|what is this|what's this|"
                    + "what is tunesmith|what are you able to do|what else can you do|can you help|can you help me|i need help|tutorial|guide me|"
                    + "what can you help(?: me)? with|how can you help(?: me)?|what do you help with|what are you for|what are you good (?:at|for))\\b.{0,25}$"
                    + "|^how many (?:songs|tracks) (?:can|do|will) you\\b|^what (?:kind of |sort of )?(?:things|stuff|requests) can (?:you|i)\\b");
    private static final Pattern GREETING = Pattern.compile(
            "^(?:hi|hello|hey|heya|hiya|howdy|yo|sup|greetings|good (?:morning|afternoon|evening|day|night)|hey there|hi there|hello there|"
                    + "what's up|whats up|wassup|what's good|whats good|what's new|sup|how are you|how are you doing|how's it going|hows it going|morning|evening|hallo|hola|bonjour|salut|"
                    + "ola|oi|ciao|servus|moin|buenas|buenos dias|bom dia|guten tag|guten morgen|coucou|que tal|ca va)(?:\\s+(?:there|tunesmith|friend|friends|buddy|mate|all|again|bot|you|partner|folks|everyone|everybody|y'all|dude|man|pal))?"
                    + "(?:\\s*[,!.?]*\\s*(?:how are you(?: doing)?|how's it going|what's up|how are things|nice to meet you|:\\)|tunesmith))*\\s*[!.?]*$");
    /** The words a short request may open with: "ok", "yes", "can you", "go ahead and". */
    private static final String LEAD_IN = "^(?:(?:ok|okay|great|cool|nice|perfect|now|so|yes|yeah|yep|please|pls|can you|could you|can u|go ahead and|let's|lets)\\s+)*";
    /** "play it", "put it on", "start playing": with a playlist, a question of how to hear it, not a new playlist. */
    private static final Pattern PLAY_IT = Pattern.compile(LEAD_IN
                    + "(?:play|start|put on|put (?:it|this|that|them|the (?:list|playlist|songs)) on|start playing|start the music|hit play|press play|let me hear|let's hear|lets hear)"
                    + "(?:\\s+(?:it|this|that|them|these|those|the (?:list|playlist|songs|tracks|mix|music|first one)|my (?:list|playlist|mix)|it on|this on))?"
                    + "(?:\\s+(?:on|now|please|pls|for me|then|again|from the (?:start|top|beginning)))*$");
    /** "save it", "keep this one", "export it": with a playlist, where it is kept and how to take it elsewhere. */
    private static final Pattern SAVE_IT = Pattern.compile(LEAD_IN
                    + "(?:save|keep|store|export|download|bookmark)"
                    + "(?:\\s+(?:it|this|that|them|this one|that one|the (?:list|playlist|mix)|my (?:list|playlist|mix)))?"
                    + "(?:\\s+(?:please|pls|for me|for later|as (?:m3u|xspf|jspf|a file)))*$");

    private static final Pattern THANKS = Pattern.compile(
            "^(?:(?:thanks|thank you|thank u|thx|ty|tysm|cheers|much appreciated|appreciate it|perfect|great|awesome|amazing|cool|nice|sweet|lovely|brilliant|"
                    + "excellent|fantastic|wonderful|love it|i love it|love this|that's great|thats great|that's perfect|thats perfect|that works|works for me|"
                    + "good job|well done|nice one|nice work|great job|exactly|exactly what i wanted|just what i needed|that's it|that's all|that is all|"
                    + "merci|merci beaucoup|gracias|muchas gracias|danke|danke schon|vielen dank|obrigado|obrigada|muito obrigado|grazie|"
                    + "ok|okay|k|kk|got it|sounds good|all good|fine|alright|bye|goodbye|see you|see ya|later|good night|night|ciao|this is great|"
                    + "this is perfect|you're the best|youre the best|you rock|so good|nailed it|banger|fire|legend|yes|yep|yeah|no thanks|nope|"
                    + "that's enough|thats enough|i'm good|im good|all set|done|this is it|beautiful|gorgeous|wow|omg|haha|lol|:\\))"
                    + "(?:\\s*[,!.]*\\s*(?:so much|a lot|a bunch|again|man|mate|dude|buddy|friend|tunesmith|a ton|very much|that's perfect|that's great|thats perfect|"
                    + "perfect|great|awesome|love it|it's perfect|its perfect|this is great|exactly what i wanted|just what i needed|bye|for the help|for that|"
                    + "for the playlist|for the music|for this|that works|i love it|see you|that's all|that's all for now|for now|:\\)|really|it|"
                    + "thanks|thank you|thx|love|happy|beaucoup|mil|schon))*)\\s*[!.]*$");
    /** Words that thank or praise on their own ("thanks", "great", "exactly"). */
    private static final java.util.Set<String> ACK_HEADS = java.util.Set.of("thanks", "thank", "thx", "ty", "tysm", "cheers",
            "perfect", "great", "awesome", "amazing", "brilliant", "excellent", "fantastic", "wonderful", "lovely", "nice",
            "cool", "sweet", "exactly", "appreciated", "appreciate", "fab", "fabulous", "superb", "gracias", "merci", "danke",
            "slaps", "bangs", "banger", "bangers", "fire", "bop", "bops", "goated", "elite", "incredible", "stellar", "spot-on");
    /** Words that go with them in a thanks or praise and ask for nothing ("this is awesome, thank you so much"). */
    private static final java.util.Set<String> ACK_WORDS = java.util.Set.of("you", "u", "ya", "so", "very", "really", "much",
            "a", "lot", "ton", "bunch", "again", "that", "that's", "thats", "this", "these", "those", "is", "are", "was", "were",
            "it", "it's", "its", "all", "what", "i", "needed", "wanted", "just", "for", "the", "help", "oh", "wow", "and", "now",
            "pretty", "super", "totally", "truly", "absolutely", "man", "mate", "dude", "buddy", "friend", "guys", "love",
            "works", "sounds", "looks", "job", "work", "one", "yes", "yeah", "ok", "okay", "haha", "lol", "omg", "indeed",
            "such", "an", "honestly", "seriously", "literally", "good", "fine", "beautiful", "mil", "beaucoup", "schon");

    /**
     * A thanks or praise said in any order of its usual words ("thanks, that is great", "these are great thanks", "amazing,
     * exactly what i needed"): a word of {@link #ACK_HEADS} and nothing but such words, at most 12 of them.
     */
    static boolean acknowledgement(String bare) {
        String[] w = bare.split(" ");
        if (w.length > 12) {
            return false;
        }
        boolean head = false;
        for (String x : w) {
            if (ACK_HEADS.contains(x)) {
                head = true;
            } else if (!ACK_WORDS.contains(x)) {
                return false;
            }
        }
        return head;
    }

    private static final Pattern OFF_TOPIC = Pattern.compile(
            "\\b(?:weather|forecast|temperature outside|news|headlines|stock|stocks|bitcoin|crypto|recipes?|restaurants?|cafes? near|bars? near|hotels?|cook (?:dinner|pasta)|capital of|president|"
                    + "prime minister|election|math|calculate|square root|plus|times table|translate|football score|soccer|nba|nfl|score of the game|"
                    + "homework|essay|tax|taxes|flight to|book a|order (?:a )?pizza|what time is it|what day is it|today's date|date today|"
                    + "meaning of life|tell me a joke|joke|riddle|who won|how old are you|are you (?:a robot|human|real|alive|an ai)|your name|"
                    + "define|definition|wikipedia|email|password|wifi|movie times|restaurant|directions to|how far|population|"
                    + "programming language|python|javascript|fix my code|bug in my|doctor|medicine|symptoms|lawyer|diet|calories)\\b");
    private static final Pattern QUESTION = Pattern.compile("^(?:what|what's|whats|how|who|when|where|why|which|is|are|will|can you tell|do you know|tell me|should i|could you tell|can you|could you|would you)\\b|\\?\\s*$");
    private static final Pattern SIMILAR = Pattern.compile(
            "\\b(?:similar to|sounds? like|sounding like|in the (?:vein|style|spirit) of|same vibe as|same style as|along the lines of|reminiscent of|"
                    + "(?:songs?|tracks?|music|stuff|more|something|anything|artists?|things?|tunes?) (?:like|similar to)|like the song|alternatives to|if i like|fans of)\\s+(.+)$");
    private static final Pattern DESCRIBE = Pattern.compile(
            "^(?:can you |could you |please )?(?:describe|tell me (?:about|more about)|what(?:'s| is) (?:the (?:song|track) )?(.+?) like\\??$|what kind of (?:song|track) is|"
                    + "info (?:on|about)|information (?:on|about)|give me (?:some )?(?:info|details) (?:on|about)|details (?:on|about)|what do you know about|review|"
                    + "explain|who (?:made|sings|wrote|performs|is behind))\\s*(.*)$");
    private static final Pattern SEED_POSITION = Pattern.compile(
            "^(?:the\\s+)?(?:(?:track|song|number|no\\.?)\\s*#?\\d{1,3}|#?\\d{1,3}|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d{1,3}(?:st|nd|rd|th))(?:\\s+(?:one|song|track))?)$");
    private static final Pattern ASK_ABOUT = Pattern.compile(
            "^(?:so |and |hey |ok |okay |hmm,? )?(?:tell me (?:more )?about|describe|what(?:'s| is| are| was|s)|who(?:'s| is|s| sings| made| performs| wrote| plays)|"
                    + "why (?:is|did you (?:add|pick|choose|include|put))|why's|info (?:on|about)|more (?:info )?(?:on|about)|what kind of|how would you describe|"
                    + "what (?:album|year|genre|label|key|tempo|bpm|style|language)|which album|when was|when did|how old is|how long is (?:track|song|number|the (?:first|second|third|fourth|fifth|last|\\d+(?:st|nd|rd|th)?) (?:one|song|track)))\\b");
    /** Articles and prepositions, which a mood seed may hold beside its three words ("summer in the 80s"). */
    private static final Pattern SMALL_WORD = Pattern.compile("a|an|the|of|in|at|on|for|with");
    private static final Pattern DESCRIBE_SOUND = Pattern.compile("^(?:so |and )?(?:what does|how does) (.+?) sound(?: like)?\\s*\\??$");
    private static final Pattern CLARIFY_WORDS = Pattern.compile("^(?:idk|dunno|i don't know|i dont know|not sure|no idea|whatever|hmm+|meh|um+|uh+|eh|er+|huh|\\?+|what|what\\?)$");
    private static final Pattern CLASSIFY = Pattern.compile(
            "\\b(?:classify|categori[sz]e|what (?:style|genre|kind of music|type of music) (?:is|would|does|fits)|which (?:genre|style) (?:is|would|does|fits)|what genre|what style)\\b");
    private static final Pattern NEW_LIST = Pattern.compile(
            "\\b(?:another|a new|new|a different|different|a second|a fresh|fresh|separate|a separate|other)\\s+(?:\\w+\\s+){0,2}?(?:playlist|list|mix|mixtape|set|selection|one)\\b"
                    + "|\\b(?:start over|start again|start fresh|from scratch|scrap (?:this|that|it)|forget (?:this|that|it)|something (?:else|different) entirely|"
                    + "completely different|totally different|change of plans|new request|different mood|switch gears|instead,? (?:make|give|build)|now (?:make|give|build|create) me)\\b");
    private static final Pattern UNDO = Pattern.compile(
            "\\b(?:undo|reverse (?:that|the|my|this)(?: last)? (?:change|edit)|(?:that|the) last (?:change|edit) was (?:bad|wrong|worse)|revert|go back|roll back|rollback|put (?:it|them|that|those|everything) back|take (?:that|it) back|restore|previous (?:version|one|list|playlist)|"
                    + "back to (?:the )?(?:previous|old|last|earlier|original)|ctrl ?z|change it back|bring (?:it|them|that) back|the way it was|as it was|before (?:that|the change))\\b");
    private static final Pattern EDIT_VERB = Pattern.compile(
            "\\b(swap|replace|change|switch|substitute|exchange|remove|drop|delete|ditch|lose|cut|nix|toss|kick|get rid of|take out|take away|take off|throw out|"
                    + "skip|scrap|bin|trash|axe|eliminate|pull|yank|dump|boot|chuck|ban|exclude|leave out|banish|exile|lose)\\b");
    private static final Pattern REPLACE_VERB = Pattern.compile(
            "\\b(swap|replace|change|switch|substitute|exchange|different|another one|something else|instead|other)\\b");
    private static final Pattern LESS_ENERGY = Pattern.compile(
            "\\b(?:calmer|chiller|mellower|softer|quieter|gentler|more (?:relaxed|relaxing|chill|calm|mellow|laid back|laid-back|low key|lowkey|peaceful|soothing|gentle|soft|ambient|quiet|subtle|tranquil)|"
                    + "less (?:upbeat|energetic|energy|intense|loud|busy|aggressive|hectic|frantic|hype|hyper|heavy|noisy|wild|crazy|punchy|harsh|jumpy|bouncy|lively|danceable)|"
                    + "tone (?:it|things|this) down|dial (?:it|this|things) (?:down|back)|calm (?:it|things|this) down|chill (?:it|this) out|bring (?:it|the energy) down|"
                    + "lower (?:the )?energy|lower energy|too (?:loud|intense|energetic|hype|hyper|aggressive|busy|heavy|much|wild|noisy|harsh|hectic|crazy|upbeat|punchy|jumpy)|"
                    + "not so (?:loud|intense|energetic|hype|aggressive)|less of a banger|more low[- ]?key|softer stuff|relax it|more zen|easier on the ears)\\b");
    private static final Pattern MORE_ENERGY = Pattern.compile(
            "\\b(?:more (?:upbeat|energetic|energy|intense|lively|hype|hyped|punchy|exciting|powerful|bouncy|danceable|dancey|banging|aggressive|pumped|driving|groovy|uplifting|oomph|power|fun|party)|"
                    + "livelier|peppier|punchier|louder|harder|heavier|pump (?:it|this|things) up|turn (?:it|this|things) up|crank (?:it|this) up|amp (?:it|this) up|kick it up|"
                    + "hype it up|spice (?:it|this) up|liven (?:it|this|things) up|raise (?:the )?energy|higher energy|up the energy|boost (?:the )?energy|less (?:calm|chill|mellow|sleepy|boring|slow|soft|quiet|relaxed|sedate)|"
                    + "too (?:calm|chill|mellow|sleepy|boring|soft|quiet|sedate|low[- ]key|lowkey|relaxed|tame|dull)|not (?:energetic|upbeat|lively) enough|more bangers|wake (?:it|me) up|needs more energy|more of a banger|more kick)\\b");
    private static final Pattern HAPPIER = Pattern.compile(
            "\\b(?:happier|cheerier|brighter|more (?:happy|cheerful|positive|joyful|uplifting|optimistic|sunny|fun|feel[- ]good|upbeat and happy|hopeful|playful|light[- ]hearted|lighthearted)|"
                    + "less (?:sad|dark|depressing|gloomy|melancholic|melancholy|moody|somber|sombre|bleak|heavy|emo|mopey|down)|"
                    + "too (?:sad|dark|depressing|gloomy|melancholic|moody|somber|sombre|bleak|emo|mopey|down|heavy)|cheer (?:it|me|this) up|lighten (?:it|this|the mood) up|brighten (?:it|this) up|lift (?:it|the mood)|not so sad)\\b");
    private static final Pattern SADDER = Pattern.compile(
            "\\b(?:sadder|darker|moodier|gloomier|more (?:sad|melancholic|melancholy|dark|moody|emotional|somber|sombre|bittersweet|wistful|depressing|gloomy|introspective|brooding)|"
                    + "less (?:happy|cheerful|cheery|bright|poppy|sunny|upbeat and happy|peppy|bubbly)|too (?:happy|cheerful|cheery|bright|poppy|sunny|peppy|bubbly|sweet|cheesy))\\b");
    private static final Pattern FASTER = Pattern.compile(
            "\\b(?:faster|quicker|speedier|more tempo|higher tempo|up the tempo|raise the tempo|speed (?:it|this|things) up|pick up the pace|pick (?:it|the pace) up|more pace|"
                    + "higher bpm|more bpm|too slow|not fast enough|a faster one|quicker tempo|increase the tempo|more speed|rapid)\\b");
    private static final Pattern SLOWER = Pattern.compile(
            "\\b(?:slower|less fast|lower tempo|lower the tempo|drop the tempo|slow (?:it|this|things) down|slow down|ease the pace|reduce the tempo|lower bpm|less bpm|"
                    + "too fast|too quick|not so fast|a slower one|slower tempo|decrease the tempo|less speed|less frantic)\\b");
    private static final Pattern COUNT_WORDS = Pattern.compile(
            "\\b(?:shorter|longer|fewer|more (?:songs|tracks|tunes|of (?:these|those|them|this|that))|extend|lengthen|shorten|trim|expand|grow|bigger|smaller|"
                    + "keep going|more please|add more|add some|add a few|too long|too short|not enough (?:songs|tracks)|cut it down|pad it out|top (?:it|this) up|more (?:songs|tracks)|"
                    + "less (?:songs|tracks)|too many (?:songs|tracks)|shuffle in|mix in|throw in|sprinkle in|work in|add some|add a few|half as long|twice as long)\\b");
    private static final Pattern SOMETHING_DIRECTION = Pattern.compile("\\b(?:something|one|track|song|tune)\\b");
    private static final Pattern POSITION_REFERENCE = Pattern.compile("\\b(?:this one|that one|it|this|that|the one|this song|that song|this track|that track)\\b");
    /**
     * "mix it up", "reshuffle", "these all sound the same", "different songs please": other tracks for the same request
     * (the refine action {@code refresh}), said of the playlist in the conversation.
     */
    private static final Pattern REFRESH = Pattern.compile("\\b(?:re-?shuffle|shuffle (?:it|this|them|the (?:list|playlist|mix))(?! in\\b)|^shuffle$|"
            + "mix (?:it|things|this|them) up|switch (?:it|things|this) up|shake (?:it|things|this) up|change (?:it|things|them) up|"
            + "refresh(?:ed)?(?: (?:it|this|the (?:list|playlist|mix)))?|start (?:over|again)|regenerate|re-?roll|"
            + "(?:too|so|kinda|kind of|a bit|very|really|all|pretty)\\s+samey|samey|(?:all\\s+)?sound(?:s)?\\s+(?:\\w+\\s+)?(?:the same|alike|similar)|"
            + "(?:all )?(?:the )?same (?:old )?(?:stuff|songs|thing)|"
            + "(?:different|other|new|fresh|fresher) (?:songs|tracks|ones|picks|stuff|music)|more variety|more varied|more diverse|"
            + "something (?:else|different)|other options)\\b");
    /**
     * "more by this artist", "other songs by the artist of track 2", "anything else by them?", "more from whoever did the
     * third one": a new list of one of the playlist's artists (the refine action {@code more_by_artist}).
     */
    private static final Pattern MORE_BY_ARTIST = Pattern.compile("\\b(?:(?:some |any |a few |a couple )?more|other|another|others|"
            + "different|anything else|something else|what else|else)\\s+(?:songs?|tracks?|tunes?|stuff|music|ones?|of (?:their|his|her|its) "
            + "(?:songs?|stuff|music|tracks?))?\\s*(?:do you have |is there |have you got |you got )?(?:by|from|of)\\s+"
            + "(?:(?:this|that|the same|these|those|the|this same|that same)\\s+(?:artist|band|singer|group|musician|rapper|dj|producer|act|"
            + "person|guy|girl|composer|duo)s?\\b|(?:them|him|her)\\b(?!\\s+(?:to|for|and)\\b)|whoever\\s+(?:did|made|sang|played|does|"
            + "makes|sings|wrote)\\b)"
            + "|\\bmore\\s+of\\s+(?:this|that|the same)\\s+(?:artist|band|singer|group)\\b"
            + "|\\b(?:this|that|the same)\\s+(?:artist|band|singer)\\s+(?:again|please|pls|more)\\b");
    /**
     * "i love track 5", "track 3 is a banger", "the second one is so good!": praise of a track in the list, not an edit of it
     * (a position with no verb would otherwise be read as a swap).
     */
    private static final Pattern TRACK_PRAISE = Pattern.compile("^(?:(?:i|i'm|im|i am|i'm really|i really|really|ok|okay|oh|wow|omg)\\s+)*"
            + "(?:absolutely\\s+|totally\\s+|so\\s+|really\\s+)?(?:love|loving|like|dig|adore|enjoy|enjoying|vibing with|vibe with)\\s+"
            + "(?:the\\s+|that\\s+|this\\s+)?(?:(?:track|song|tune|number)\\s+)?#?[a-z0-9]+(?:\\s+(?:one|song|track|tune))?\\s*(?:[!.,]|$)"
            + "|^(?:the\\s+)?(?:(?:track|song|tune|number)\\s+#?[a-z0-9]+|#?[a-z0-9]+\\s+(?:one|song|track|tune))\\s+(?:is|was|'s)\\s+"
            + "(?:so\\s+|really\\s+|just\\s+|absolutely\\s+)?(?:great|amazing|awesome|perfect|beautiful|gorgeous|a banger|a bop|fire|lit|"
            + "a gem|brilliant|fantastic|excellent|lovely|the best|good|so good|incredible|stunning)\\b");
    /**
     * The words of an ordering: "put the most energetic ones at the end", "start with the calm ones", "end on the
     * happiest songs", "order it by tempo", "build up the energy", "shuffle the order" (the refine action {@code order}).
     */
    private static final String ORDER_QUALITY = "(?:the\\s+)?(?:most\\s+|more\\s+|really\\s+|super\\s+)?(energetic|upbeat|intense|loud|loudest|louder|"
            + "hype|hyped|heavy|heaviest|heavier|bangers?|high energy|hardest|harder|calm|calmest|calmer|chill|chillest|chiller|mellow|"
            + "mellowest|quiet|quietest|quieter|soft|softest|softer|relaxed|relaxing|gentle|gentlest|fast|fastest|faster|quick|quickest|"
            + "slow|slowest|slower|happy|happiest|happier|cheerful|bright|brightest|sad|saddest|sadder|dark|darkest|darker|melancholic)"
            + "(?:\\s+(?:ones?|songs?|tracks?|stuff|tunes?))?";
    private static final Pattern ORDER_AT = Pattern.compile("\\b(?:put|move|place|save|keep|leave|stick|shift)\\s+" + ORDER_QUALITY
            + "\\s+(?:at|to|towards|toward|for|near|in)\\s+the\\s+(end|start|beginning|front|top|bottom|finish|back|close|middle)\\b"
            + "|\\b" + ORDER_QUALITY + "\\s+(first|last|at the end|at the start|at the beginning|at the front|at the top|at the bottom)\\b"
            + "|\\b(start|begin|open|kick off|end|finish|close|wrap up)\\s+(?:it\\s+|the (?:list|playlist|mix)\\s+)?(?:with|on)\\s+" + ORDER_QUALITY);
    private static final Pattern ORDER_BY = Pattern.compile("\\b(?:order|sort|arrange|rearrange|re-order|reorder|organi[sz]e)\\s+"
            + "(?:it|them|this|these|the (?:list|playlist|mix|songs|tracks))?\\s*by\\s+(energy|tempo|bpm|speed|pace|mood|valence|happiness|"
            + "brightness|intensity)(?:\\s+(?:from\\s+)?(high|highest|low|lowest|fast|slow)(?:\\s+to\\s+\\w+)?|\\s+(descending|ascending))?");
    private static final Pattern ORDER_ARC = Pattern.compile("\\b(?:build(?:s|ing)? (?:it |the energy |things )?up|build up the (?:energy|tempo|intensity)|"
            + "ramp (?:it |the energy )?up|slowly build|get (?:more )?(?:intense|energetic) as it goes|(?:wind|cool|calm) (?:it )?down (?:at|towards|toward) "
            + "the end|end (?:it )?(?:calm|chill|quiet|mellow|slow)|(?:shuffle|randomi[sz]e|mix up|scramble) the order|random order|in a random order)\\b");
    /**
     * A question about the playlist as a whole: "how long is this playlist?", "what's the total length", "what genre is most
     * of this", "what kind of music is in here", "how many artists are there", "summarise the list".
     */
    private static final Pattern PLAYLIST_QUESTION = Pattern.compile("^(?:so |and |ok |okay |hey |btw |also )?(?:"
            + "how long (?:is|does) (?:this|the|it|my|that)(?: (?:playlist|list|mix|one|thing))?(?: (?:last|run|go|take))?|how long is it|"
            + "what(?:'s| is|s) the (?:total )?(?:length|duration|runtime|running time|run time|total time|playtime|play time)(?: of (?:it|this|the (?:playlist|list|mix)))?|"
            + "how many (?:minutes|hours|mins)(?: is| are| does)?|total (?:length|time|duration)|"
            + "what (?:genres?|styles?|kinds? of music|sort of music|type of music)(?: is| are)?(?: (?:most|mostly|mainly) of)? (?:this|these|it|them|the (?:playlist|list|mix|songs|tracks)|in (?:here|this|it|the (?:playlist|list|mix)))|"
            + "what(?:'s| is|s) in (?:this|the|my) (?:playlist|list|mix)|summari[sz]e (?:this|the|my|it)(?: (?:playlist|list|mix))?|"
            + "how many (?:artists|different artists|genres)(?: (?:are|is))?(?: (?:there|in (?:it|this|here|the (?:playlist|list|mix))|on (?:it|this|the (?:playlist|list))))?|"
            + "what(?:'s| is|s) the (?:average|mean|overall) (?:bpm|tempo|energy|vibe|mood)(?: of (?:it|this|the (?:playlist|list|mix)))?)"
            + "\\s*[?!.]*\\s*$");
    /** An edit of "it" ("replace it", "swap that one out"), which after a named track means that track. */
    private static final Pattern PRONOUN_EDIT = Pattern.compile("(?i)(?:and\\s+|so\\s+|please\\s+|pls\\s+|can you\\s+|could you\\s+)*"
            + "(?:replace|swap|change|switch|substitute|remove|drop|ditch|cut|lose|skip|get rid of|take out|bin|kill)\\s+"
            + "(?:it|that|this|that one|this one|that song|this song|that track|this track)\\b");
    /**
     * "i love it but a tad slower", "great, but shorter": praise of the playlist before the edit that follows it ("love"
     * is no mood there).
     */
    private static final Pattern PRAISE_BUT = Pattern.compile("^(?:(?:i\\s+)?(?:really\\s+)?(?:love|like|dig|enjoy)\\s+(?:it|this|these|them|"
            + "the (?:list|playlist|mix|songs)|this (?:list|playlist|mix)|the (?:first|second|third|fourth|fifth|last|\\d+(?:st|nd|rd|th)?) "
            + "(?:one|song|track)|(?:track|song|number) #?\\d+)|love it|great|nice|good|cool|perfect|not bad|pretty good)"
            + "\\s*[,!.]*\\s*(?:so far\\s*,?\\s*)?but\\s+");
    private static final Pattern LYRIC_START = Pattern.compile(
            "^(?:some |a |the |new |original |song |my )?(?:lyrics?|verses?|a verse|a chorus|chorus|poem|haiku|limerick|sonnet|an ode|ode|song ?text|rhymes?)(?:\\s*,?\\s*(?:please|pls|plz))?\\s*,?\\s+(?:about|for|on|of|with|that|where|around|describing|in which|inspired by|telling|:)\\b");
    private static final Pattern ABOUT = Pattern.compile("\\b(?:about|on the (?:theme|topic|subject) of|on|regarding|describing|telling of|inspired by|around|for)\\s+(.+?)(?:[,.;!?]|\\bwith\\b|\\bin\\s+[abcd]{4}\\b|\\busing\\b|\\b\\d+\\s*(?:lines|syllables)|$)");
    private static final Pattern SCHEME = Pattern.compile("\\b([abcd]{4,8})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINES = Pattern.compile("\\b(\\d{1,2})\\s*(?:-\\s*)?lines?\\b");
    private static final Pattern SYLLABLES = Pattern.compile("\\b(\\d{1,2})\\s*(?:-\\s*)?syllables?\\b");
    private static final Pattern BARS = Pattern.compile("\\b(\\d{1,2})\\s*(?:-\\s*)?(?:bars?|measures?)\\b");
    private static final Pattern METER = Pattern.compile("\\b([2-9]|12)/(2|4|8)\\b");
    private static final Pattern KEY = Pattern.compile("\\bin\\s+(?:the key of\\s+)?([a-g])(#|b|\\s*sharp|\\s*flat)?\\s*(major|minor|maj|min|m)?\\b(?!\\s*(?:bars|lines))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_OF = Pattern.compile("\\bkey of\\s+([a-g])(#|b|\\s*sharp|\\s*flat)?\\s*(major|minor|maj|min|m)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILLER = Pattern.compile(
            "^(?:(?:hey|hi|hello|ok|okay|so|um|uh|hmm|well|yo|please|pls|plz|tunesmith|can you|could you|would you|will you|i'd like|i would like|i want|i need|i wanna|"
                    + "let's have|lets have|let's get|gimme|give me|get me|make me|build me|create me|put together|find me|play me|play|show me|recommend me|recommend|suggest|"
                    + "some|a|an|the|me|now|just|maybe|perhaps|also|and)\\b[\\s,]*)+");

    /** At most this many edits are taken from one message (each is one tool call). */
    static final int MAX_PARTS = 4;

    private static final Pattern JOINT = Pattern.compile(
            "\\s*(?:[,;]\\s*(?:and\\s+)?(?:then\\s+|also\\s+|plus\\s+|after that\\s+|afterwards\\s+)?|\\s+(?:and|&|\\+)\\s+(?:then\\s+|also\\s+|after that\\s+)?|\\s+(?:then|plus|also)\\s+"
                    + "|\\s*(?:[.!]+|\\s-)\\s+(?:and\\s+|then\\s+|also\\s+|oh and\\s+|and also\\s+)?(?=[a-z]))",
            Pattern.CASE_INSENSITIVE);
    private static final java.util.Set<Intent> EDITS = java.util.EnumSet.of(Intent.REFINE, Intent.EDIT_MELODY, Intent.EDIT_LYRICS, Intent.RESIZE_LYRICS);

    /**
     * The edits a message asks for, in order: "make it faster and transpose it to G" is two, "shorter, and no
     * more than two songs per artist" is two, "remove songs 2 and 3" is one. A message is split at its
     * conjunctions and commas only inside a conversation with something to edit, and only when every part on
     * its own is an edit of that thing and the parts ask for different changes (otherwise the whole message
     * is one request, as before). Each part is then routed on its own, after the edits before it.
     */
    public List<String> parts(String message, Context ctx) {
        if (message == null || message.isBlank() || message.length() > MAX_READ || (!ctx.hasPlaylist() && ctx.lastCreation() == null)
                || message.contains("\n") || message.contains(":")) {
            return List.of(message == null ? "" : message);
        }
        List<String> pieces = new ArrayList<>();
        Matcher m = JOINT.matcher(message);
        int last = 0;
        while (m.find()) {
            String before = message.substring(last, m.start());
            String after = message.substring(m.end());
            // "songs 2 and 3", "between 150 and 170 bpm", "1, 3 and 5", "rock and roll", "drum and bass": not a joint
            boolean numbers = before.matches("(?s).*(?:\\d(?:st|nd|rd|th)?|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|last))\\s*$")
                    && after.matches("(?s)^(?:#|the |track |song |number )?(?:\\d+(?:st|nd|rd|th)?|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|last)\\b.*");
            boolean pair = after.matches("(?is)^(?:roll|bass|blues|b|soul|western|country|folk|pop|rock|jazz|metal|hip hop|rnb|r&b|reggae|punk|indie|chill|ambient)\\b.*")
                    && before.matches("(?is).*\\b(?:no|without|exclude|excluding|skip|not|less|ban|except)\\b.*\\b\\w+\\s*$") && !after.matches("(?is)^\\w+\\s+\\w+.*");
            boolean genrePair = before.matches("(?is).*\\b(?:rock|drum|rhythm|r|country|hip|trip)\\s*$") && after.matches("(?is)^(?:roll|bass|blues|b|western|hop)\\b.*");
            // "less songs, like 12", "the 3rd one is a bit much, something softer?": the second piece says more about the first
            boolean elaborates = after.matches("(?is)^(?:like|say|maybe|perhaps|ideally|preferably|around|about|roughly|approximately|something|some|one|ones|e\\.?g\\.?|i mean|i guess|or so|tops|please|pls|thanks|thx)\\b.*");
            // "no piano please, something upbeat": an exclusion, then a plain mood for the whole list
            boolean exclusionThenMood = bareMoodDirection(after) != null && !POSITION_REFERENCE.matcher(before).find()
                    && before.matches("(?is).*\\b(?:no|without|not|except|skip|minus|exclude|excluding)\\b.*");
            // "the second one doesn't fit, replace it with something calmer": "it" is the track just named
            boolean sameTrack = PRONOUN_EDIT.matcher(after).lookingAt() && Slots.parse(before).positions.size() == 1;
            if (numbers || pair || genrePair || (elaborates && !exclusionThenMood) || sameTrack || before.isBlank()) {
                continue;
            }
            pieces.add(before.strip());
            last = m.end();
        }
        pieces.add(message.substring(last).strip());
        pieces.removeIf(String::isBlank);
        if (pieces.size() < 2) {
            return List.of(message);
        }
        // join a piece that is no edit on its own to the one before it ("no rock, please": one edit)
        List<String> parts = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        for (String piece : pieces) {
            Route r = route(piece, ctx);
            String bare = bareMoodDirection(piece);
            if (bare != null && r.intent() == Intent.PLAYLIST) {
                // "no piano please, something upbeat": next to an edit, a plain mood word shifts the list; the part
                // is said as the shift it asks for, so that routing it again gives the same edit
                piece = bare.replace('_', ' ');
                r = route(piece, ctx);
            }
            boolean edit = EDITS.contains(r.intent()) && r.confidence() >= THRESHOLD && !guessed(piece, r);
            if (!edit && !parts.isEmpty()) {
                String joined = parts.removeLast() + " " + piece;
                routes.removeLast();
                parts.add(joined);
                routes.add(route(joined, ctx));
            } else {
                parts.add(piece);
                routes.add(r);
            }
        }
        boolean weak = false;
        for (int i = 0; i < parts.size(); i++) {
            Route r = routes.get(i);
            weak |= !EDITS.contains(r.intent()) || r.confidence() < THRESHOLD || guessed(parts.get(i), r);
        }
        if (parts.size() < 2 || parts.size() > MAX_PARTS || weak) {
            return List.of(message);
        }
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (Route r : routes) {
            JsonObject a = r.arguments();
            String action = a.getString("action", r.intent().name());
            // the same change twice ("shorter, just 5") is one request; two exclusions of different things are two
            kinds.add(r.tool() + "/" + action + (action.startsWith("exclude") || action.equals("swap") || action.equals("remove") && a.containsKey("positions")
                    ? "/" + a.getValue("genre", a.getValue("artist", a.getValue("positions", ""))) : ""));
        }
        return kinds.size() == parts.size() ? parts : List.of(message);
    }

    private static final Pattern BARE_MOOD = Pattern.compile("^(?:(?:and|but|also|then|now|please|pls|just|something|some|stuff|a bit|a little|bit|"
            + "little|more|make it|keep it|go|music|songs|tracks|tunes|that's|thats|that is|which is|more like)\\s+)*"
            + "([a-z-]+)(?:\\s+(?:please|pls|stuff|music|songs|tracks|tunes|ones|instead|too|vibes?))*[.!?]*$");

    /**
     * The direction a piece made of one plain mood word asks for ("something upbeat" → more energetic, "happy
     * stuff" → happier), or null: such a piece next to an edit of the list shifts the list.
     */
    static String bareMoodDirection(String piece) {
        Matcher m = BARE_MOOD.matcher(piece.toLowerCase(java.util.Locale.ROOT).strip());
        if (!m.matches()) {
            return null;
        }
        return switch (m.group(1)) {
            case "upbeat", "energetic", "lively", "intense", "hype", "punchy", "loud", "louder", "livelier" -> "more_energetic";
            case "happy", "happier", "cheerful", "bright", "brighter", "sunny", "fun", "positive" -> "happier";
            case "calm", "calmer", "chill", "chiller", "mellow", "mellower", "soft", "softer", "quiet", "gentle", "relaxed", "relaxing" -> "calmer";
            case "sad", "sadder", "darker", "melancholic", "moody" -> "sadder";
            case "fast", "faster", "quicker" -> "faster";
            case "slow", "slower" -> "slower";
            default -> null;
        };
    }

    /** The refinement's fallback ("add 5") for a piece that asks for no addition: a guess, not an edit of its own. */
    private static boolean guessed(String piece, Route r) {
        return r.intent() == Intent.REFINE && "add".equals(r.arguments().getString("action"))
                && !piece.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:add|more|extra|another|again|keep going|top|pad|throw in|mix in|sprinkle in|work in|shuffle in|bigger|longer|extend|expand|grow)\\b.*");
    }

    /** A position as the playlist counts it: −1 (the last) and −2 (the one before) become numbers where its length is known. */
    private static int position(int p, Context ctx) {
        int size = ctx.playlistSize();
        return p == -2 && size > 1 ? size - 1 : p == -1 && size > 0 ? size : p;
    }

    /** Routes {@code message} in the conversation {@code ctx}. */
    public Route route(String message, Context ctx) {
        // a request is said in its first sentences; reading at most this much bounds the time of a turn
        if (message != null && message.length() > MAX_READ) {
            message = message.substring(0, MAX_READ);
        }
        // the songwriter's tools and edits of the newest creation come first ("rhymes for night", "transpose to A minor")
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT).trim();
        Intent edit = CreationEdits.intent(lower, ctx.lastCreation());
        if (edit != null) {
            return new Route(edit, creationTool(edit), CreationEdits.arguments(edit, message, lower), 1.0);
        }
        Language.Text lt = Lexicon.LANGUAGE.normalise(message);
        String t = lt.text().trim();
        if (ctx.hasPlaylist()) {
            Matcher praise = PRAISE_BUT.matcher(t);
            if (praise.lookingAt() && praise.end() < t.length()) {
                t = t.substring(praise.end()).trim();
                lt = Lexicon.LANGUAGE.normalise(t);
            }
        }
        String bare = t.replaceAll("[\\s,.!?;:\"()*~-]+", " ").trim();
        if (bare.isEmpty()) {
            return talk(Intent.CLARIFY, 0.2);
        }
        if (CLARIFY_WORDS.matcher(bare).matches()) {
            return talk(Intent.CLARIFY, 0.3);
        }
        Slots.Found slots = Slots.parse(t);
        boolean musicCue = has(lt, Lexicon.MUSIC);
        // with no playlist to refine, "sadder than usual" or "a little calmer" asks for music of that mood
        boolean moodCue = Lexicon.namesMood(lt.tokens(), t) || has(lt, Lexicon.GENRE) || !ctx.hasPlaylist() && direction(t) != null;
        boolean anyGenre = slots.hasExclusions() && !slots.excludeGenres.isEmpty();

        // creation: chords, lyrics, melodies — only when something asks for them to be made
        if (HARMONY.matcher(t).find() && !t.matches(".*\\b(?:playlist|songs with|tracks with)\\b.*")) {
            // "give me a chord progression for a sad song" with no tune to harmonise: a new tune, with its chords
            if (!ctx.hasMelody() && !message.contains("X:") && !message.contains("K:")
                    && t.matches(".*\\b(?:give|write|make|compose|create|generate|need|want|suggest|come up with)\\b.*")
                    && !t.matches(".*\\b(?:my|this|that|the|it)\\s+(?:melody|tune|song)\\b(?!\\s+about).*|.*\\bharmoni[sz]e\\s+(?:it|this|that)\\b.*")) {
                return melody(message, t);
            }
            return harmonize(message);
        }
        String object = createdObject(t);
        boolean lyricsNegated = NEGATED_LYRICS.matcher(t).find();
        if (object != null && object.matches("melod(?:y|ies)|tune|jig|reel|waltz|hornpipe|polka|march")) {
            return melody(message, t);
        }
        if (object != null && object.equals("something") && t.matches("^(?:can you |could you |please |pls )?(?:write|pen)\\b.*\\babout\\b.*") && !musicCue) {
            return lyrics(message, t);
        }
        if (object != null && object.matches("lyrics?|verses?|chorus|poem|haiku|limerick|sonnet|ode|rhymes?|song ?text|stanzas?|couplets?|songs?|ballad|anthem|ditty|jingle|rap|hook|bridge")
                && !lyricsNegated && !(object.startsWith("song") && (musicCue && t.matches(".*\\b(?:songs|playlist|tracks)\\b.*")
                && !t.matches(".*\\b(?:write|pen|compose)\\b.*")))) {
            return lyrics(message, t);
        }
        if (!lyricsNegated && (LYRIC_START.matcher(t).find() || t.matches(".*\\b(?:rhyme scheme|aabb|abab|abcb|abba|syllables?|rhyming)\\b.*")
                || (t.matches(".*\\b\\d{1,2}\\s*-?\\s*lines?\\b.*") && !musicCue)
                // "an angry, bitter song about my ex": one song about something, with no playlist words, is written
                || (t.matches("^(?:a|an)\\s+(?:[a-z'-]+,?\\s+(?:and\\s+)?){1,3}(?:song|ballad|poem)\\s+about\\b.*")
                        && !t.matches(".*\\b(?:playlist|songs|tracks|mix|music)\\b.*"))
                // "a 16-line song about the sea at night": a song counted in lines is written, whatever mood words it has
                || t.matches(".*\\b(?:\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|sixteen|twenty)\\s*-?\\s*lines?\\s+"
                        + "(?:long\\s+)?(?:song|poem|verse|chorus|ballad|lyrics?|stanza|rap)\\b.*"))) {
            return lyrics(message, t);
        }
        if ((MELODY_WORDS.matcher(t).find() && !musicCue) || (MUSIC_THEORY.matcher(t).find() && !musicCue && !t.contains("bpm"))
                || t.matches("^(?:compose|improvise)\\b.*")) {
            return melody(message, t);
        }

        if (PROFILE.matcher(t).find()) {
            return new Route(Intent.PROFILE, "lookupMyProfile", new JsonObject(), 0.9);
        }
        // "help me unwind" asks for music: "help me" and a mood word make a request, not a question about the app
        boolean helpMeFeel = moodCue && bare.matches("^(?:can you |could you |please )?help me (?!with\\b).*");
        if (HELP.matcher(bare).find() && (!musicCue && !helpMeFeel || bare.matches("^how many (?:songs|tracks).*")) && bare.length() < 45) {
            return talk(Intent.HELP, 0.9);
        }
        if (GREETING.matcher(bare).matches()) {
            return talk(Intent.GREETING, 0.95);
        }
        if (ctx.hasPlaylist() && PLAY_IT.matcher(bare).matches()) {
            return talk(Intent.PLAY, 0.9);
        }
        if (ctx.hasPlaylist() && SAVE_IT.matcher(bare).matches()) {
            return talk(Intent.SAVE, 0.9);
        }
        if (ctx.hasPlaylist() && PLAYLIST_QUESTION.matcher(t).find()) {
            return new Route(Intent.DESCRIBE, "describePlaylist", new JsonObject(), 0.85);
        }
        // "put the most energetic ones at the end", "order it by tempo", "build up the energy": the same tracks in another order
        // ("put 5 more chill ones at the end" adds tracks)
        String ordering = ctx.hasPlaylist() && slots.count == null && slots.countEdit == null ? ordering(t) : null;
        if (ordering != null) {
            JsonObject a = new JsonObject().put("action", "order");
            if (!ordering.equals("shuffle")) {
                a.put("direction", ordering);
            }
            return new Route(Intent.REFINE, "refinePlaylist", a, 0.8);
        }
        // "more by this artist", "other songs by the artist of track 2": that artist's other tracks
        if (ctx.hasPlaylist() && MORE_BY_ARTIST.matcher(t).find()) {
            JsonObject a = new JsonObject().put("action", "more_by_artist");
            if (slots.positions.size() == 1) {
                a.put("positions", new io.vertx.core.json.JsonArray().add(position(slots.positions.get(0), ctx)));
            }
            return new Route(Intent.REFINE, "refinePlaylist", a, 0.8);
        }
        Matcher praised = TRACK_PRAISE.matcher(t);
        if (ctx.hasPlaylist() && slots.positions.size() == 1 && praised.lookingAt() && !EDIT_VERB.matcher(t).find() && direction(t) == null
                && t.substring(praised.end()).matches("(?i)[\\s!.,:)❤♥]*(?:thanks?|thank you|ty|thx)?[\\s!.]*")) {
            return talk(Intent.THANKS, 0.85);
        }
        // "mix it up" with no new mood, no track, count or limit: the same request, other tracks
        if (ctx.hasPlaylist() && REFRESH.matcher(t).find() && !moodCue && slots.positions.isEmpty() && slots.count == null
                && !slots.hasExclusions() && !slots.hasLimits() && direction(t) == null && !t.matches(".*\\b(?:by|like|from|than)\\b.*")) {
            return new Route(Intent.REFINE, "refinePlaylist", new JsonObject().put("action", "refresh"), 0.8);
        }
        if (ctx.hasPlaylist() && bare.matches("\\d{1,3}(?: (?:songs?|tracks?|please|pls))?")) {
            int n = Integer.parseInt(bare.replaceAll("\\D.*", ""));
            return new Route(Intent.REFINE, "refinePlaylist", new JsonObject().put("action", "set_count").put("amount", Math.max(1, Math.min(100, n))), 0.7);
        }
        // "why is that one in there?" after "what's track 4?": the track last spoken of
        boolean thatOne = slots.positions.isEmpty() && ctx.lastPosition() > 0 && POSITION_REFERENCE.matcher(t).find();
        if (ctx.hasPlaylist() && (slots.positions.size() == 1 || thatOne) && ASK_ABOUT.matcher(t).find() && !EDIT_VERB.matcher(t).find()
                && direction(t) == null) {
            int p = position(thatOne ? ctx.lastPosition() : slots.positions.get(0), ctx);
            return new Route(Intent.DESCRIBE, "describeTrack", new JsonObject().put("position", p), 0.8);
        }
        boolean refineCue = ctx.hasPlaylist() && refineCue(t, slots, ctx);
        if ((THANKS.matcher(bare).matches() || acknowledgement(bare)) && !refineCue) {
            return talk(Intent.THANKS, 0.9);
        }
        boolean whQuestion = t.matches("^(?:why|how|who|when|where)\\s+(?:is|are|was|were|do|does|did|can|could|many|much|old|far|tall|big|long|come)\\b.*")
                && !t.matches(".*\\b(?:i (?:listen|feel|play)|music|song|songs|playlist|tracks?|tempo|bpm)\\b.*");
        if (!musicCue && (whQuestion || (OFF_TOPIC.matcher(t).find() && (QUESTION.matcher(t).find() || !moodCue)))) {
            return talk(Intent.OFF_TOPIC, 0.85);
        }
        if (CLASSIFY.matcher(t).find() && !musicCue) {
            return new Route(Intent.CLASSIFY, "classifyStyle", new JsonObject().put("text",
                    message.replaceAll("(?i)^.*?\\b(classify|categori[sz]e|what style is|what genre is|what genre would|which genre is)\\s*:?\\s*", "").trim()), 0.8);
        }
        Matcher sound = DESCRIBE_SOUND.matcher(t);
        if (sound.find() && !sound.group(1).matches("(?:it|this|that|this one|that one|my .*|the playlist|the list|the mix)")) {
            return new Route(Intent.DESCRIBE, "describeTrack", new JsonObject().put("track", sound.group(1).replaceAll("^[\"']|[\"']$", "").trim()), 0.8);
        }
        Matcher describe = DESCRIBE.matcher(t);
        if (describe.find()) {
            String what = (describe.group(1) != null ? describe.group(1) : describe.group(2) == null ? "" : describe.group(2))
                    .replaceAll("^(?:the\\s+)?(?:song|track|tune)\\s+", "").replaceAll("[?.!]+$", "").replaceAll("^[\"']|[\"']$", "").trim();
            boolean mood = what.isEmpty() || (lt.tokens().stream().anyMatch(Lexicon.MOOD::contains) && !what.matches(".*\\bby\\b.*"));
            if (!what.isEmpty() && !what.matches("(?:my|your|you|yourself|this app|tunesmith|how|what).*") && !(mood && what.split(" ").length <= 2 && Lexicon.isMood(what))) {
                return new Route(Intent.DESCRIBE, "describeTrack", new JsonObject().put("track", what), 0.8);
            }
        }
        Matcher similar = SIMILAR.matcher(t);
        if (similar.find() && !t.matches(".*\\b(?:feel|feels|i'd|i would|would|looks|look|seems|i)\\s+like\\b.*")) {
            String seed = similar.group(1).replaceAll("[?.!]+$", "").replaceAll("^(?:the\\s+)?(?:song|track)\\s+", "").replaceAll("^[\"']|[\"']$", "").trim();
            seed = seed.replaceAll("\\s*(?:,|please|pls|thanks).*$", "").replaceAll("\\s+(?:but|except|only|just|though|and make|and more)\\b.*$", "").trim();
            Matcher at = SEED_POSITION.matcher(seed);
            if (ctx.hasPlaylist() && at.matches()) {
                Slots.Found sp = Slots.parse(" " + (seed.matches("#?\\d{1,3}") ? "track " + seed.replace("#", "") : seed) + " ");
                if (!sp.positions.isEmpty()) {
                    JsonObject a = new JsonObject().put("position", position(sp.positions.get(0), ctx));
                    if (slots.count != null) {
                        a.put("count", slots.count);
                    }
                    return new Route(Intent.SIMILAR, "similarTracks", a, 0.8);
                }
            }
            // "summer in the 80s", "a rainy day": the seed is a mood (up to three words beside the small ones), not a track
            List<String> seedWords = List.of(seed.split(" "));
            boolean moodSeed = seedWords.stream().filter(w -> !SMALL_WORD.matcher(w).matches()).count() <= 3
                    && seedWords.stream().allMatch(w -> Lexicon.isMood(w) || Lexicon.GENRE.contains(w) || SMALL_WORD.matcher(w).matches()
                    || w.matches("some|and|day|days|vibe|vibes|music|feel|feeling|mood|energy|'?(?:19|20)?\\d0s"));
            boolean description = seed.matches("(?:a|an|some|being|when|walking|driving|feeling|falling|waking|sitting|lying|the ones|ones|"
                    + "the kind|the sort|the type|the stuff|stuff|what|whatever|something|anything|music|songs|those (?:in|from|on))\\b.*");
            if (!seed.isEmpty() && !moodSeed && !description && !seed.matches("(?:this|that|it|these|those|them)\\b.*")) {
                JsonObject a = new JsonObject().put("track", seed);
                if (slots.count != null) {
                    a.put("count", slots.count);
                }
                return new Route(Intent.SIMILAR, "similarTracks", a, 0.8);
            }
        }

        boolean newList = NEW_LIST.matcher(t).find() && !t.matches(".*\\b(?:another|a different|different|other|new) (?:one|song|track|tune)\\b(?! (?:playlist|list)).*");
        if (ctx.hasPlaylist() && !newList) {
            boolean freshMood = freshMood(slots, t);
            if (refineCue && !(freshMood && !strongRefine(t, slots))) {
                return refine(t, slots, ctx);
            }
            if (!freshMood && (slots.hasExclusions() || slots.hasLimits() || slots.count != null)) {
                return refine(t, slots, ctx);
            }
        }
        if (lt.words() > 0 && lt.unknownWords() * 10 >= lt.words() * 7 && !musicCue && !moodCue && slots.count == null && !anyGenre) {
            return talk(Intent.GIBBERISH, 0.8);
        }
        boolean feeling = t.matches(".*\\b(?:i'm|im|i am|feeling|i feel|feel|i want to feel|makes me feel|in the mood for|mood for|vibe|vibes|something for|music for|songs for|tunes for)\\b.*");
        double confidence = musicCue ? 0.9 : moodCue ? 0.8 : feeling ? 0.6 : slots.hasLimits() || slots.hasExclusions() || slots.count != null ? 0.7
                : QUESTION.matcher(t).find() ? 0.3 : lt.words() >= 3 ? 0.45 : 0.3;
        if (!musicCue && !moodCue && QUESTION.matcher(t).find() && !slots.hasLimits()) {
            return talk(Intent.OFF_TOPIC, 0.6);
        }
        if (confidence < THRESHOLD) {
            return talk(lt.unknownWords() > 0 && lt.unknownWords() * 2 >= lt.words() ? Intent.GIBBERISH : Intent.CLARIFY, confidence);
        }
        return playlist(lt, slots, confidence);
    }

    private static boolean has(Language.Text lt, java.util.Set<String> words) {
        for (String w : lt.tokens()) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The thing a creation verb asks for ("write me a country song" → "song"), or null. */
    private static String createdObject(String t) {
        Matcher v = CREATE_VERB.matcher(t);
        while (v.find()) {
            String after = t.substring(v.end());
            Matcher o = LYRIC_OBJECT.matcher(after);
            if (o.find() && o.start() <= 40 && !after.substring(0, o.start()).matches(".*\\b(?:to|for|while|when)\\b.*")) {
                String obj = o.group(1);
                String verb = v.group();
                boolean writes = verb.matches("write|pen|compose|help me write|can you write|could you write|craft|draft|make up|improvise|invent");
                if (obj.matches("songs?|rap|ballad|anthem|hook|bridge|jingle|ditty") && !writes
                        && !after.substring(0, o.start()).matches(".*\\b(?:new|original|own|little)\\b.*") && !after.substring(o.end()).matches("^\\s*(?:about|lyrics)\\b.*")) {
                    continue;
                }
                if (obj.matches("tune") && !writes && !verb.matches("make|create|generate|give me|whip up|do")) {
                    continue;
                }
                return obj;
            }
        }
        return null;
    }

    /** The message names a mood or activity of its own, not only a change ("high energy workout" after a calm list). */
    private static boolean freshMood(Slots.Found slots, String t) {
        String rest = slots.rest;
        for (Pattern d : List.of(LESS_ENERGY, MORE_ENERGY, HAPPIER, SADDER, FASTER, SLOWER, COUNT_WORDS)) {
            rest = d.matcher(rest).replaceAll(" ");
        }
        rest = rest.replaceAll("\\b(?:more|less|bit|little|lot|much|way|even|too|so|very|really|make|it|this|that|the|a|an|and|please|now|can|you|could|"
                + "something|one|ones|some|track|tracks|song|songs|list|playlist|mix|instead|of|to|with|for|in|on|just|only|keep|but|all|any|them|those|these)\\b", " ");
        int moods = 0;
        for (String w : rest.split("[^a-z&'-]+")) {
            if ((Lexicon.isMood(w) || Lexicon.GENRE.contains(w)) && !w.matches("energy|energetic|upbeat|calm|chill|happy|happier|sad|fast|slow|soft|quiet|loud|hard|heavy|dark|"
                    + "bright|good|fun|mood|vibe|vibes|intense|mellow|gentle|gently|relaxed|lively|groovy|down|deep|late|rise|getting|ready|turn|wind|miss|missing")) {
                moods++;
            }
        }
        boolean forClause = t.matches(".*\\b(?:for|while|during|to)\\s+(?:a |an |the |my |some )?(?:\\w+ )?(?:workout|gym|run|running|party|study|studying|sleep|sleeping|dinner|"
                + "cooking|driving|road trip|date|focus|work|working|coding|reading|yoga|meditation|commute|wedding|beach|morning|night|evening|bedtime)\\b.*");
        return moods > 0 || forClause;
    }

    /** Whether the message edits the current list (a count, positions, a direction, an exclusion, undo, new limits). */
    private static boolean refineCue(String t, Slots.Found s, Context ctx) {
        return UNDO.matcher(t).find() || s.countEdit != null || !s.positions.isEmpty() || s.lastN != null || s.firstN != null || s.half != null
                || direction(t) != null || COUNT_WORDS.matcher(t).find() || s.hasExclusions() || s.hasLimits()
                || (EDIT_VERB.matcher(t).find() && (POSITION_REFERENCE.matcher(t).find() || s.count != null))
                || t.matches("^(?:more|again|another|one more|more please|keep going|shuffle|reshuffle)\\b.*");
    }

    /** Edits that stay edits even when a mood word is present ("replace track 4 with something calmer"). */
    private static boolean strongRefine(String t, Slots.Found s) {
        return UNDO.matcher(t).find() || !s.positions.isEmpty() || s.lastN != null || s.firstN != null || s.half != null
                || (s.countEdit != null && !t.matches(".*\\b(?:playlist|mix) (?:of|with)\\b.*"))
                || t.matches(".*\\b(?:make it|make this|make the (?:list|playlist|mix)|can you make it|keep it|turn it|the list|the playlist|the mix|these|those)\\b.*")
                || t.matches("^(?:more|less|a bit|a little|slightly|bit|way|much|even|too)\\b.*") || t.matches(".*\\bno more\\b.*")
                || t.matches(".*\\b(?:shuffle in|mix in|throw in|sprinkle in|work in|add some|add a few)\\b.*");
    }

    /** calmer / more_energetic / happier / sadder / faster / slower, or null. */
    /**
     * The way an ordering asks the list to move from first to last ("more_energetic", "calmer", "faster", "slower", "happier",
     * "sadder"), "shuffle" for a random order, or null when {@code t} asks for no ordering.
     */
    static String ordering(String t) {
        Matcher at = ORDER_AT.matcher(t);
        if (at.find()) {
            String quality = at.group(1) != null ? at.group(1) : at.group(3) != null ? at.group(3) : at.group(6);
            boolean atEnd = at.group(1) != null ? at.group(2).matches("end|bottom|finish|back|close")
                    : at.group(3) != null ? at.group(4).matches("last|at the end|at the bottom")
                    : at.group(5).matches("end|finish|close|wrap up");
            if (at.group(1) != null && at.group(2).equals("middle")) {
                return null;
            }
            String up = qualityDirection(quality);
            return atEnd ? up : opposite(up);
        }
        Matcher by = ORDER_BY.matcher(t);
        if (by.find()) {
            String f = by.group(1);
            String up = f.matches("tempo|bpm|speed|pace") ? "faster" : f.matches("mood|valence|happiness|brightness") ? "happier" : "more_energetic";
            boolean down = by.group(2) != null && by.group(2).matches("high|highest|fast") || "descending".equals(by.group(3));
            return down ? opposite(up) : up;
        }
        Matcher arc = ORDER_ARC.matcher(t);
        if (arc.find()) {
            String g = arc.group();
            return g.matches(".*\\b(?:shuffle|randomi[sz]e|mix up|scramble|random)\\b.*") ? "shuffle"
                    : g.matches(".*\\b(?:down|calm|chill|quiet|mellow|slow)\\b.*") ? "calmer" : "more_energetic";
        }
        return null;
    }

    /** The direction a list takes towards tracks of this quality ("fastest" → faster, "calm" → calmer). */
    private static String qualityDirection(String q) {
        if (q.matches("fast|fastest|faster|quick|quickest")) {
            return "faster";
        }
        if (q.matches("slow|slowest|slower")) {
            return "slower";
        }
        if (q.matches("happy|happiest|happier|cheerful|bright|brightest")) {
            return "happier";
        }
        if (q.matches("sad|saddest|sadder|dark|darkest|darker|melancholic")) {
            return "sadder";
        }
        return q.matches("calm|calmest|calmer|chill|chillest|chiller|mellow|mellowest|quiet|quietest|quieter|soft|softest|softer|relaxed|"
                + "relaxing|gentle|gentlest") ? "calmer" : "more_energetic";
    }

    private static String opposite(String direction) {
        return switch (direction) {
            case "faster" -> "slower";
            case "slower" -> "faster";
            case "happier" -> "sadder";
            case "sadder" -> "happier";
            case "calmer" -> "more_energetic";
            default -> "calmer";
        };
    }

    static String direction(String t) {
        if (LESS_ENERGY.matcher(t).find()) {
            return "calmer";
        }
        if (HAPPIER.matcher(t).find()) {
            return "happier";
        }
        if (SADDER.matcher(t).find()) {
            return "sadder";
        }
        if (SLOWER.matcher(t).find()) {
            return "slower";
        }
        if (FASTER.matcher(t).find()) {
            return "faster";
        }
        if (MORE_ENERGY.matcher(t).find()) {
            return "more_energetic";
        }
        return null;
    }

    private static Route refine(String t, Slots.Found s, Context ctx) {
        JsonObject a = new JsonObject();
        int size = ctx.playlistSize() > 0 ? ctx.playlistSize() : 20;
        List<Integer> positions = new ArrayList<>();
        boolean known = ctx.playlistSize() > 0;
        for (int p : s.positions) {
            int q = p == -2 ? size - 1 : p == -1 && known ? size : p;
            if (!positions.contains(q)) {
                positions.add(q);
            }
        }
        if (s.lastN != null) {
            for (int i = Math.max(1, size - s.lastN + 1); i <= size; i++) {
                positions.add(i);
            }
        }
        if (s.firstN != null && !t.matches(".*\\b(?:keep|only|just)\\b.*")) {
            for (int i = 1; i <= Math.min(size, s.firstN); i++) {
                positions.add(i);
            }
        }
        if (positions.isEmpty() && ctx.lastPosition() > 0 && s.lastN == null && s.firstN == null && s.half == null
                && POSITION_REFERENCE.matcher(t).find() && EDIT_VERB.matcher(t).find() && !t.matches(".*\\b(?:the (?:list|playlist|mix)|them|these|those|all)\\b.*")) {
            // "swap that one" after "what's track 4?": the track last spoken of
            positions.add(ctx.lastPosition());
        }
        if (s.half != null && size > 1) {
            // the first half of 12 is 1–6, of 11 is 1–5; the second half the rest
            int from = s.half.equals("first") ? 1 : size / 2 + 1;
            int to = s.half.equals("first") ? size / 2 : size;
            for (int i = from; i <= to; i++) {
                if (!positions.contains(i)) {
                    positions.add(i);
                }
            }
        }
        String dir = direction(t);
        boolean edit = EDIT_VERB.matcher(t).find();
        boolean replace = REPLACE_VERB.matcher(t).find() || t.matches(".*\\bwith (?:something|a|an|one)\\b.*");
        if (UNDO.matcher(t).find()) {
            a.put("action", "undo");
        } else if (!positions.isEmpty() || (edit && POSITION_REFERENCE.matcher(t).find() && s.count == null && s.countEdit == null && !s.hasExclusions())) {
            if (positions.isEmpty()) {
                positions.add(known ? size : -1);
            }
            a.put("positions", new JsonArray(positions));
            boolean removes = t.matches(".*\\b(?:remove|drop|delete|ditch|lose|cut|nix|toss|kick|get rid of|take out|take away|throw out|skip|scrap|bin|trash|axe|eliminate|"
                    + "pull|yank|dump|boot|chuck|leave out|kill|take off|cut off|chop|strip|no|has to go|have to go|needs to go|must go|gotta go|get lost|go away)\\b.*") && !t.matches(".*\\b(?:with|for|by)\\s+(?:something|a|an|one|another)\\b.*");
            if (removes && !(replace && t.matches(".*\\b(?:swap|replace|change|switch|substitute)\\b.*"))) {
                a.put("action", "remove");
            } else if (dir != null) {
                a.put("action", "swap").put("direction", dir);
            } else {
                a.put("action", "swap");
            }
        } else if (s.countEdit != null) {
            switch (s.countEdit) {
                case "add" -> a.put("action", "add").put("amount", s.countEditAmount);
                case "remove" -> a.put("action", "remove").put("amount", s.countEditAmount);
                case "half" -> a.put("action", "set_count").put("amount", Math.max(1, size / 2));
                case "double" -> a.put("action", "set_count").put("amount", Math.min(100, size * 2));
                default -> a.put("action", "set_count").put("amount", s.countEditAmount);
            }
        } else if (s.hasExclusions()) {
            if (s.excludeGenres.isEmpty() && s.excludeArtists.isEmpty()) {
                // "less electronic": fewer of that genre, not none
                a.put("action", "reduce_genre").put("genre", String.join(", ", s.reduceGenres));
            } else if (!s.excludeGenres.isEmpty()) {
                a.put("action", "exclude_genre").put("genre", String.join(", ", s.excludeGenres));
            } else {
                a.put("action", "exclude_artist").put("artist", s.excludeArtists.iterator().next());
            }
        } else if (s.hasLimits()) {
            a.put("action", "constrain");
            putLimits(a, s);
        } else if (dir != null) {
            a.put("action", "shift").put("direction", dir);
        } else if (s.count != null) {
            a.put("action", "set_count").put("amount", s.count);
        } else if (t.matches(".*\\b(?:shorter|fewer|shorten|trim|smaller|too long|cut it down)\\b.*")) {
            a.put("action", "set_count").put("amount", Math.max(1, size - Math.max(1, size / 4)));
        } else {
            a.put("action", "add").put("amount", 5);
        }
        return new Route(Intent.REFINE, "refinePlaylist", a, 0.85);
    }

    private static void putLimits(JsonObject a, Slots.Found s) {
        if (s.minTempo != null) {
            a.put("minTempo", s.minTempo);
        }
        if (s.maxTempo != null) {
            a.put("maxTempo", s.maxTempo);
        }
        if (s.minEnergy != null) {
            a.put("minEnergy", s.minEnergy);
        }
        if (s.maxEnergy != null) {
            a.put("maxEnergy", s.maxEnergy);
        }
        if (s.minDuration != null) {
            a.put("minDurationSec", s.minDuration);
        }
        if (s.maxDuration != null) {
            a.put("maxDurationSec", s.maxDuration);
        }
        if (s.maxPerArtist != null) {
            a.put("maxPerArtist", s.maxPerArtist);
        }
        if (s.minYear != null) {
            a.put("minYear", s.minYear);
        }
        if (s.maxYear != null) {
            a.put("maxYear", s.maxYear);
        }
    }

    private static Route playlist(Language.Text lt, Slots.Found s, double confidence) {
        JsonObject a = new JsonObject();
        String mood = FILLER.matcher(s.rest.replaceAll("^[\\s,.;:!?-]+", "")).replaceAll("").replaceAll("\\s+([,.;!?])", "$1")
                .replaceAll("[,;:\\s]+$", "").replaceAll("^[,;:.\\s]+", "").trim();
        mood = mood.replaceAll("\\b(?:another|a new|new|a different|different|a fresh|fresh)\\s+(playlist|list|mix)\\b", "$1").trim();
        a.put("mood", mood.isEmpty() ? lt.text() : mood);
        Integer count = s.count != null ? s.count : "set".equals(s.countEdit) || "add".equals(s.countEdit) ? s.countEditAmount : null;
        if (count != null) {
            a.put("count", Math.max(1, Math.min(100, count)));
        } else if (s.totalMinutes != null) {
            a.put("totalMinutes", s.totalMinutes);
        }
        if (!s.excludeGenres.isEmpty() || !s.reduceGenres.isEmpty()) {
            // a new list cannot hold "less electronic" than one not made yet: it leaves the genre out, as asked before
            java.util.Set<String> out = new java.util.LinkedHashSet<>(s.excludeGenres);
            out.addAll(s.reduceGenres);
            a.put("excludeTags", new JsonArray(new ArrayList<>(out)));
        }
        if (!s.excludeArtists.isEmpty()) {
            a.put("excludeArtists", new JsonArray(new ArrayList<>(s.excludeArtists)));
        }
        putLimits(a, s);
        return new Route(Intent.PLAYLIST, "rankTracks", a, confidence);
    }

    private static String creationTool(Intent intent) {
        return switch (intent) {
            case EDIT_MELODY -> "editMelody";
            case CHECK_LYRICS -> "checkMyLyrics";
            case RHYMES -> "rhymesFor";
            case CONTINUE_VERSE -> "continueMyVerse";
            case REWRITE_LINE -> "rewriteLyricLine";
            case RESIZE_LYRICS -> "resizeLyrics";
            case EDIT_LYRICS -> "editLyrics";
            case MOOD_LYRICS -> "moodLyrics";
            default -> throw new IllegalArgumentException("not a creation edit: " + intent);
        };
    }

    private static Route talk(Intent intent, double confidence) {
        return new Route(intent, null, new JsonObject(), confidence);
    }

    private static Route harmonize(String original) {
        JsonObject a = new JsonObject();
        int start = original.indexOf("X:");
        if (start < 0) {
            start = original.indexOf("K:");
        }
        if (start >= 0) {
            a.put("abc", original.substring(start));
        }
        return new Route(Intent.HARMONIZE, "harmonizeMelody", a, 0.9);
    }

    /** How a song should feel, said before "song": "a sad song", "an angry, bitter ballad", "some hopeful lyrics". */
    private static final Pattern LYRIC_MOOD = Pattern.compile(
            "\\b(?:a|an|some|me)\\s+((?:[a-z][a-z'-]*,?\\s+(?:and\\s+)?){1,3})(?:love\\s+)?(?:song|ballad|lyrics?|poem|verse|chorus)\\b");

    private static Route lyrics(String original, String t) {
        JsonObject a = new JsonObject();
        Matcher about = ABOUT.matcher(t);
        boolean hasAbout = about.find();
        // the mood stays with the theme ("sad song about leaving home"): the writer reads it apart from the subject
        Matcher mood = LYRIC_MOOD.matcher(hasAbout ? t.substring(0, about.start()) : "");
        String feel = mood.find() ? String.join(" ", Theme.moodWords(mood.group(1))) : "";
        String theme = hasAbout ? Theme.withMood(feel, about.group(1).trim()) : t.replaceAll("^.*?\\b(?:write|pen|compose|create|make|generate|draft|give me)\\s+(?:me\\s+)?(?:some\\s+|a\\s+|an\\s+)?", "")
                .replaceAll("\\b(?:lyrics|song|verse|poem)\\b", "").replaceAll("[,.!?]", " ").trim();
        a.put("theme", theme.isEmpty() ? original.trim() : theme.replaceAll("\\s+", " "));
        Matcher scheme = SCHEME.matcher(original);
        while (scheme.find()) {
            String s = scheme.group(1);
            if (s.equals(s.toUpperCase(Locale.ROOT)) || s.matches("(?i)(aabb|abab|abba|abcb|aaaa|aabbcc)")) {
                a.put("scheme", s.toUpperCase(Locale.ROOT));
                break;
            }
        }
        number(LINES, t).or(() -> dev.tunesmith.music.RequestText.count(original, "lines?")).ifPresent(n -> a.put("lines", n));
        number(SYLLABLES, t).or(() -> dev.tunesmith.music.RequestText.count(original, "syllables?")).ifPresent(n -> a.put("syllables", n));
        return new Route(Intent.LYRICS, "generateLyrics", a, 0.9);
    }

    private static Route melody(String original, String t) {
        JsonObject a = new JsonObject();
        Matcher key = KEY.matcher(original);
        if (!key.find()) {
            key = KEY_OF.matcher(original);
            if (!key.find()) {
                key = null;
            }
        }
        if (key != null) {
            String acc = key.group(2) == null ? "" : key.group(2).trim().toLowerCase(Locale.ROOT);
            String accidental = acc.isEmpty() ? "" : acc.equals("#") || acc.startsWith("s") ? "#" : "b";
            String quality = key.group(3) == null ? "" : key.group(3).toLowerCase(Locale.ROOT);
            boolean minor = quality.equals("minor") || quality.equals("min") || quality.equals("m");
            a.put("key", key.group(1).toUpperCase(Locale.ROOT) + accidental + (minor ? "m" : ""));
        }
        Matcher meter = METER.matcher(t);
        if (meter.find()) {
            a.put("meter", meter.group(1) + "/" + meter.group(2));
        } else if (t.contains("jig")) {
            a.put("meter", "6/8");
        } else if (t.contains("waltz")) {
            a.put("meter", "3/4");
        } else if (t.contains("reel") || t.contains("hornpipe") || t.contains("march")) {
            a.put("meter", t.contains("polka") ? "2/4" : "4/4");
        } else if (t.contains("polka")) {
            a.put("meter", "2/4");
        }
        number(BARS, t).or(() -> dev.tunesmith.music.RequestText.count(original, "(?:bars?|measures?)")).ifPresent(n -> a.put("bars", n));
        a.put("mood", original.trim());
        if (t.matches(".*\\b(?:chords?|chord progressions?|progressions?|harmoni[sz]ed|with harmony)\\b.*")) {
            a.put("withChords", true);
        }
        return new Route(Intent.MELODY, "generateMelody", a, 0.9);
    }

    private static java.util.Optional<Integer> number(Pattern p, String t) {
        Matcher m = p.matcher(t);
        return m.find() ? java.util.Optional.of(Integer.parseInt(m.group(1))) : java.util.Optional.empty();
    }
}
