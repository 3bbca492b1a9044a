package dev.tunesmith.agent.offline;

import dev.tunesmith.recommend.constraint.GenreTree;
import dev.tunesmith.recommend.mood.MoodParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic parsers for what a message asks of a playlist: counts, tempo/energy/length ranges
 * and thresholds, per-artist caps, exclusions with their negation scope, positions, lists and
 * ranges of positions, and count edits. Works on {@link dev.tunesmith.recommend.mood.Language}-normalised text (digits, English);
 * each parser blanks the span it consumed so later ones (and the mood text) do not see it again.
 */
final class Slots {

    /** What was found; null or empty where nothing was. */
    static final class Found {
        Integer count;
        /** The whole playlist's length in minutes ("45 minutes of running music", "an hour of jazz"), or null. */
        Integer totalMinutes;
        Double minTempo;
        Double maxTempo;
        Double minEnergy;
        Double maxEnergy;
        Integer minDuration;
        Integer maxDuration;
        Integer maxPerArtist;
        Integer minYear;
        Integer maxYear;
        final Set<String> excludeGenres = new LinkedHashSet<>();
        /** Genres asked to be fewer, not gone ("less electronic", "too much rock", "cut down on the jazz"). */
        final Set<String> reduceGenres = new LinkedHashSet<>();
        final Set<String> excludeArtists = new LinkedHashSet<>();
        final List<Integer> positions = new ArrayList<>();
        Integer lastN;
        Integer firstN;
        /** "the first half", "the second half": "first" or "second", the positions read against the list's length. */
        String half;
        /** "add 3 more" → add 3; "make it 30" → set 30; "remove 3 songs" → remove 3. */
        String countEdit;
        Integer countEditAmount;
        String rest;

        boolean hasLimits() {
            return minTempo != null || maxTempo != null || minEnergy != null || maxEnergy != null || minDuration != null
                    || maxDuration != null || maxPerArtist != null || minYear != null || maxYear != null;
        }

        boolean hasExclusions() {
            return !excludeGenres.isEmpty() || !excludeArtists.isEmpty() || !reduceGenres.isEmpty();
        }
    }

    private Slots() {}

    private static final String DROP_PREFIX = "\\b(?:drop|remove|cut|lose|ditch|kill|skip|get rid of|take out)\\s+(?:of\\s+)?(?:everything|anything|all|the\\s+ones?|songs?|tracks?|stuff)?\\s*(?:that(?:'s| is| are)?\\s+)?";
    private static final String N = "(\\d{1,3})";
    private static final String UNIT = "(?:songs?|tracks?|tunes?|ones|bangers|jams|hits|pieces|numbers|records|items|cuts|picks|titles|"
            + "selections|bops|tunes|entries|videos)";
    private static final Pattern BETWEEN_TEMPO = Pattern.compile(
            "\\b(?:between|from)\\s+(\\d{2,3})\\s*(?:bpm)?\\s*(?:and|to|-)\\s*(\\d{2,3})\\s*(?:bpm|beats per minute|beats)\\b|\\b(\\d{2,3})\\s*(?:-|to)\\s*(\\d{2,3})\\s*(?:bpm|beats per minute)\\b");
    private static final Pattern MAX_TEMPO = Pattern.compile(
            "\\b(?:under|below|less than|lower than|slower than|max(?:imum)?(?: of)?|at most|up to|no (?:more|faster|higher) than|not (?:more|faster|higher) than|not (?:over|above)|never (?:over|above)|<=?|beneath|sub|nothing (?:over|above|faster than|more than)|no(?: songs?| tracks?)? (?:over|above|faster than)|none (?:over|above|faster than))\\s*(\\d{2,3})\\s*(?:bpm|beats per minute|beats)\\b"
                    + "|\\b(?:tempo|bpm)\\s*(?:under|below|less than|<=?|of at most|at most|max)\\s*(\\d{2,3})\\b"
                    + "|\\b(\\d{2,3})\\s*(?:bpm|beats per minute)\\s*(?:or (?:less|lower|slower|below|under)|max(?:imum)?|tops|at most)\\b");
    private static final Pattern MIN_TEMPO = Pattern.compile(
            "\\b(?:over|above|more than|faster than|higher than|at least|min(?:imum)?(?: of)?|>=?|no (?:less|slower) than)\\s*(\\d{2,3})\\s*(?:bpm|beats per minute|beats)\\b"
                    + "|\\b(?:tempo|bpm)\\s*(?:over|above|more than|>=?|of at least|at least|min)\\s*(\\d{2,3})\\b"
                    + "|\\b(\\d{2,3})\\s*(?:bpm|beats per minute)\\s*(?:or (?:more|higher|faster|above|over)|\\+|plus|minimum|min|and up|and above)");
    private static final Pattern AROUND_TEMPO = Pattern.compile("\\b(?:around|about|roughly|approximately|approx|~|at|close to)?\\s*(\\d{2,3})\\s*(?:bpm|beats per minute)\\b");
    private static final String E = "(\\d{1,3}(?:\\.\\d+)?%?|0?\\.\\d+)";
    private static final Pattern BETWEEN_ENERGY = Pattern.compile("\\benergy\\s*(?:level\\s*)?(?:between|from|of)\\s*" + E + "\\s*(?:and|to|-)\\s*" + E);
    private static final Pattern MAX_ENERGY = Pattern.compile(
            "\\b(?:energy\\s*(?:level\\s*)?(?:below|under|less than|lower than|of at most|at most|max(?:imum)?|<=?|no (?:more|higher) than|not above|up to)|nothing (?:above|over) (?:an? )?energy (?:of )?)\\s*" + E
                    + "|\\b(?:max(?:imum)?|at most)\\s*(?:energy|energy level)\\s*(?:of\\s*)?" + E
                    + "|\\benergy\\s*(?:level\\s*)?(?:of\\s*|at\\s*)?" + E + "\\s*(?:or (?:less|lower|below|under)|max|maximum|tops)");
    private static final Pattern MIN_ENERGY = Pattern.compile(
            "\\benergy\\s*(?:level\\s*)?(?:above|over|more than|higher than|of at least|at least|min(?:imum)?|>=?|no (?:less|lower) than)\\s*" + E
                    + "|\\b(?:min(?:imum)?|at least)\\s*(?:energy|energy level)\\s*(?:of\\s*)?" + E
                    + "|\\benergy\\s*(?:level\\s*)?(?:of\\s*|at\\s*)?" + E + "\\s*(?:or (?:more|higher|above|over)|\\+|min|and up|and above|minimum)");
    private static final Pattern HIGH_ONLY = Pattern.compile(
            "\\b(?:only|just|strictly|nothing but|exclusively|all)\\s+(?:high|max|maximum|full|top)[ -]energy\\b|\\b(?:high|max|maximum|full)[ -]energy\\s+(?:only|tracks only|songs only|stuff only|exclusively)\\b|\\bnothing (?:below|under|less than) high energy\\b|\\b(?:only|just)\\s+(?:songs?|tracks?|stuff|ones|music)\\s+(?:with|that have|of|that are)\\s+(?:high|max|full|top)[ -]energy\\b|\\b(?:keep|make) (?:it|everything|them|all)\\s+(?:high|max)[ -]energy\\b");
    private static final Pattern LOW_ONLY = Pattern.compile(
            "\\b(?:only|just|strictly|nothing but|exclusively|all)\\s+(?:low|minimal|very low)[ -]energy\\b|\\b(?:low|minimal|very low)[ -]energy\\s+(?:only|tracks only|songs only|stuff only|exclusively)\\b|\\b(?:only|just)\\s+(?:songs?|tracks?|stuff|ones|music)\\s+(?:with|that have|of|that are)\\s+(?:low|minimal)[ -]energy\\b");
    private static final String DUR = "(?:(\\d{1,2}(?::\\d{2})?|\\d{1,2}\\.\\d)\\s*(?:minutes?|mins?|min|m)\\b|(\\d{1,2}:\\d{2})\\b|(\\d{2,4})\\s*(?:seconds?|secs?|s)\\b)";
    private static final Pattern MAX_DURATION = Pattern.compile(
            "\\b(?:under|below|less than|shorter than|no longer than|not longer than|max(?:imum)?|at most|up to|within|nothing (?:over|longer than|above)|no (?:songs?|tracks?) (?:over|longer than|above)|none (?:over|longer than))\\s*(?:of\\s*)?" + DUR);
    private static final Pattern MIN_DURATION = Pattern.compile(
            "\\b(?:over|above|more than|longer than|at least|min(?:imum)?|no shorter than|nothing (?:under|shorter than|below)|no (?:songs?|tracks?) (?:under|shorter than|below))\\s*(?:of\\s*)?" + DUR);
    private static final Pattern PER_ARTIST = Pattern.compile(
            "\\b(?:max(?:imum)?(?: of)?|at most|no more than|not more than|only|just|limit(?: of)?|up to|one|1)\\s*(\\d{1,2}|one|a single|a|single)?\\s*(?:songs?|tracks?|tunes?)?\\s*(?:per|by each|from each|from any|by any|for each|each|from the same|by the same|from one|by one|a)\\s+(?:artist|band|musician|act)s?\\b"
                    + "|\\b(?:(\\d{1,2}|one|a single)\\s*(?:songs?|tracks?)?\\s*(?:max(?:imum)?\\s*)?(?:per|each) (?:artist|band))\\b");
    private static final Pattern ONE_PER_ARTIST = Pattern.compile(
            "\\bno (?:repeat(?:ed)?|duplicate) artists?\\b|\\bno artist (?:twice|more than once|repeated)\\b|"
            + "\\b(?:by|from|of) the same (?:artist|band|singer) (?:twice|more than once|again)\\b|\\bsame (?:artist|band) twice\\b|"
            + "\\b(?:any|an) artist (?:that|who) (?:shows up|appears|comes up) (?:twice|more than once)\\b|\\b(?:every|each) (?:song|track) (?:by |from )?a different artist\\b|\\ball different artists\\b|\\bdifferent artists? (?:for|on) (?:each|every)\\b|\\bno (?:repeats|repeating) (?:of |from )?(?:the same )?artists?\\b|\\bno artist repeats\\b|\\bnever the same artist twice\\b|\\bartists? only once\\b|\\bonly once per artist\\b|\\b(?:fewer|less) (?:songs?|tracks?)? ?(?:by|from) the same (?:artist|band)s?\\b|\\btoo many (?:songs? |tracks? )?(?:by|from) the same (?:artist|band)\\b|\\bmore (?:different|varied) artists\\b|\\bmore variety (?:of|in) artists\\b");
    private static final Pattern COUNT = Pattern.compile("\\b" + N + "\\s*(?:-\\s*)?(?:(?:more|new|other|extra|additional)\\s+)?(?:[a-z'&-]+\\s+){0,3}?" + UNIT + "\\b");
    private static final Pattern COUNT_LEAD = Pattern.compile(
            "\\b(?:playlist|list|mix|selection|set|mixtape|top)\\s+(?:of\\s+)?" + N + "\\b(?!\\s*(?:bpm|min|minutes|%|s\\b))|\\b" + N + "[- ](?:song|track|tune)\\b|\\b" + N + "\\s+of (?:them|those|these|em)\\b|\\b(?:give me|gimme|play|pick|suggest|find|recommend|want|need|get me|show me)\\s+(?:me\\s+)?" + N + "\\b(?!\\s*(?:bpm|min|minutes|%|s\\b|:))");
    private static final Pattern ADD = Pattern.compile(
            "\\b(?:add|throw in|put in|toss in|include|give me|i want|i need|get|append|another|plus|tack on|stick in|with)\\s+(?:me\\s+)?(?:an?\\s+)?(?:another\\s+)?(?:extra\\s+|additional\\s+)?" + N + "\\s*(?:more|extra|additional|new|others?)?\\b"
                    + "|\\b" + N + "\\s+(?:more|extra|additional)\\b"
                    + "|\\b(?:add|throw in|one more|1 more)\\s+(?:one|a|another)\\b(?:\\s+(?:more|song|track|tune))?");
    private static final Pattern SET = Pattern.compile(
            "\\b(?:make it|make that|make this|make the (?:playlist|list|mix)|(?:bump|bring|take|get|cut|trim|reduce|shrink|raise|expand|extend|grow|increase|drop|lower|shorten|change|set)(?: it| this| that| the (?:playlist|list|mix)| them)?(?: up| down| back)?\\s*to|down to|up to|just|only|keep(?: only| just)?(?: the)?(?: top| best| first)?|exactly|total of|in total|limit(?: it)? to|instead of \\d+,?|i want|i only want|i just want|give me|how about|let's do|lets do|go with|do|like|about|around|roughly|maybe|say)\\s+" + N + "(?!\\s*(?:bpm|minutes?|min|%|more|extra|additional))\\b(?:\\s*(?:songs?|tracks?|tunes?|items?|in total|total|of them|ones)?)"
                    + "|\\b" + N + "\\s*(?:songs?|tracks?)\\s*(?:is enough|total|in total|please|instead|max(?:imum)?)\\b|\\b(?:shorter|longer|smaller|bigger)\\s*(?:,\\s*|\\s+)?(?:just|only|with|to|please|at)?\\s*" + N + "\\b|\\b(?:half|double) (?:it|the (?:size|length)|that)\\b|\\b(?:half|twice) as (?:long|many|big)\\b");
    private static final Pattern REMOVE_N = Pattern.compile(
            "\\b(?:remove|drop|cut|delete|lose|ditch|take out|get rid of|kill|trim|chop off|take away|shave off)\\s+(?:another\\s+|the\\s+)?" + N + "\\s*(?:songs?|tracks?|tunes?|of them|ones)\\b|\\b" + N + "\\s*(?:fewer|less)\\b");
    private static final Pattern ORDINAL = Pattern.compile(
            "\\b(?:the\\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|\\d{1,3}(?:st|nd|rd|th)|last|final|penultimate|second[ -](?:to[ -])?last|next[ -]to[ -]last|opening|closing)\\s+(?:one|song|track|tune|pick|entry|item|number|spot|position|slot)s?\\b"
                    + "|\\bthe\\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\d{1,3}(?:st|nd|rd|th)|last|final|penultimate)\\b(?!\\s+(?:time|date|dance|day|night|week|song of|thing|minute|hour|verse|chorus|change|edit|request|version|playlist|list|mix))"
                    + "|\\b(\\d{1,3}(?:st|nd|rd|th))\\b");
    private static final Pattern NUMBERED = Pattern.compile(
            "(?:\\b(?:tracks?|songs?|numbers?|nos?\\.?|items?|positions?|spots?)|#)\\s*#?\\s*(\\d{1,3}(?:\\s*(?:,|and|&|\\+|or)\\s*#?\\d{1,3})*(?:\\s*(?:-|to|through|thru|until)\\s*\\d{1,3})?)(?![a-z0-9])|#(\\d{1,3})(?![a-z0-9])");
    private static final Pattern RANGE = Pattern.compile(
            "\\b(\\d{1,3})\\s*(?:-|to|through|thru|until)\\s*(\\d{1,3})\\b(?!\\s*(?:bpm|min|minutes|%|songs|tracks))");
    private static final Pattern HALF = Pattern.compile("\\b(?:the\\s+)?(first|front|opening|second|last|back|final|latter|end)\\s+half\\b"
            + "(?:\\s+of\\s+(?:it|this|the\\s+(?:list|playlist|mix|songs|tracks)))?");
    private static final Pattern LAST_N = Pattern.compile("\\b(?:the\\s+)?(last|final|first)\\s+(\\d{1,2})\\s*(?:songs?|tracks?|ones|tunes)?\\b");
    private static final Pattern BARE_LIST = Pattern.compile("^\\s*(?:and\\s+)?(\\d{1,3})(?:\\s*(?:,|and|&)\\s*(\\d{1,3}))+\\s*$");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:anything|everything|whatever|any genre|all)\\s+(?:but|except)\\s+|\\b(?:(?:i'm |im |i am )?not (?:a |really a |much of a |the biggest )?fan of|not (?:that|really|too|so|very|super|all that|big) into|not big on|not into|no more of (?:that|those|this|these)|no more|none of (?:that|those|this|these)|none of|nothing (?:with|that has|that have|having|featuring|containing)|no (?:songs?|tracks?|music|stuff|anything) (?:with|that has|that have|having|featuring|containing)|nothing (?:by|from)|no (?:songs?|tracks?|music|stuff|anything) (?:by|from)|nothing|no|not|without|except(?: for)?|excluding|exclude|minus|skip(?!\\s+(?:down|along|around|through|up)\\b)|avoid|ban|leave out|leave off|keep out|hold the|lose the|zero|but no|rather than|instead of|not into|hates|hated|hate|doesn't like|does not like|can't stand|cannot stand|isn't|aren't|ain't|dislike|don't like|do not like|don't want|do not want|don't play|do not play|never)\\s+(?:any\\s+|more\\s+|the\\s+|of\\s+the\\s+|of\\s+|songs?\\s+(?:by|from)\\s+|tracks?\\s+(?:by|from)\\s+|music\\s+(?:by|from)\\s+|stuff\\s+(?:by|from)\\s+|anything\\s+(?:by|from)\\s+)*");
    private static final Pattern SCOPE_END = Pattern.compile(
            "[,.;!?()]|\\s(?:but|please|pls|though|because|since|so|just|only|that|which|while|when|for|with|in|on|at|to|thanks|thank|and then|then|also|ideally|maybe|like|as|if|make|give|i|i'm|im|we|tonight|today|under|below|over|above|between|max|at most|no more than|per|bpm|more|less|no|not|nor|without|except|nothing|has to go|have to go|needs to go|must go|is bad|please)\\b|\\s\\d+\\s*(?:songs?|tracks?|tunes?|minutes?|mins?|hours?|hrs?|bpm|%)\\b");
    /** Words after "no" that change the mood, not the catalogue: they stay in the mood text. */
    private static final Set<String> MOOD_NEGATIONS = Set.of("too", "sad", "happy", "loud", "fast", "slow", "vocals", "vocal", "words",
            "lyrics", "singing", "singer", "singers", "upbeat", "energetic", "calm", "dark", "heavy", "explicit", "swearing", "ads",
            "talking", "screaming", "yelling", "autotune", "depressing", "boring", "cheesy", "sleepy", "aggressive", "intense",
            "overly", "very", "really", "super", "so", "that", "idea", "problem", "worries", "rush", "pressure", "one", "sure",
            "doubt", "way", "matter", "thanks", "longer", "shorter", "bangers", "ballads", "drums", "drops", "bass drops",
            "interruptions", "silence", "noise", "filler", "fillers", "skips", "repeats", "repeat", "duplicates", "dupes", "sad songs",
            "breaks", "mainstream", "popular", "hits", "covers", "remixes", "live", "wait", "bad", "ugh", "hurry", "stop", "more",
            "less", "less than", "more than", "just", "only", "clue", "rap verses", "instrumentals", "then", "i", "it",
            "this", "that one", "them", "those", "these", "my", "me", "you", "we", "thing", "things", "kidding", "joke");
    private static final Set<String> TRAILING = Set.of("music", "songs", "song", "tracks", "track", "stuff", "please", "anymore", "whatsoever",
            "either", "tunes", "vibes", "at all", "ever", "again", "allowed", "thanks", "thank you", "pls", "plz", "for me", "in it",
            "in there", "in the list", "in the playlist", "this time", "today", "tonight", "at the moment", "for now",
            "bands", "band", "artists", "artist", "genre", "things", "anything", "crap", "nonsense", "junk", "type", "kind", "style",
            "sound", "sounds", "influence", "influences", "ones");

    private static final Pattern ORDINAL_WORD_LIST = Pattern.compile(
            "(?:,|\\band\\b|&|\\bor\\b)\\s*(?:the\\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|\\d{1,3}(?:st|nd|rd|th))\\b");
    private static final Pattern MORE_POSITIONS = Pattern.compile("(?:,|\\band\\b|&)\\s*(\\d{1,3})\\b(?!\\s*(?:bpm|min|%|songs|tracks|more))");
    private static final Pattern VERB_RANGE = Pattern.compile(
            "\\b(?:remove|drop|delete|cut|swap|replace|change|ditch|lose|skip|get rid of|take out)\\s+(\\d{1,3})\\s*(?:-|to|through|thru)\\s*(\\d{1,3})\\b");
    private static final Pattern VERB_LIST = Pattern.compile(
            "\\b(?:remove|drop|delete|cut|swap|replace|change|ditch|lose|skip|get rid of|take out|kill|nix|toss|switch)\\s+(?:out\\s+)?(\\d{1,3}(?:\\s*(?:,|and|&)\\s*\\d{1,3})+)\\b(?!\\s*(?:bpm|min|minutes|%|songs|tracks|more))");
    private static final Pattern SPEC_RANGE = Pattern.compile("(\\d{1,3})\\s*(?:-|to|through|thru|until)\\s*(\\d{1,3})");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");
    private static final Pattern GENRE_NUMBER = Pattern.compile("(.+?)\\s+\\d+");
    private static final Pattern ORDINAL_DIGITS = Pattern.compile("^(\\d{1,3})(?:st|nd|rd|th)?$");
    private static final Pattern CONTINUE_FIRST = Pattern.compile("^\\s*,\\s*(?:or\\s+|and\\s+|no\\s+|nor\\s+)?([a-z&' -]{2,20}?)(?=\\s*(?:,|$|\\bor\\b|\\band\\b|\\.|!))");
    private static final Pattern CONTINUE_NEXT = Pattern.compile("^\\s*,?\\s*(?:or\\s+|and\\s+|no\\s+|nor\\s+)([a-z&' -]{2,20}?)(?=\\s*(?:,|$|\\bor\\b|\\band\\b|\\.|!))");

    static Found parse(String normalised) {
        Found f = new Found();
        StringBuilder t = new StringBuilder(" " + normalised + " ");
        tempo(t, f);
        energy(t, f);
        total(t, f);
        duration(t, f);
        years(t, f);
        perArtist(t, f);
        countEdits(t, f);
        positions(t, f);
        count(t, f);
        negatedAfter(t, f);
        exclusions(t, f);
        editExclusions(t, f);
        f.rest = t.toString().replaceAll("\\s+", " ").trim();
        return f;
    }

    private static void blank(StringBuilder t, Matcher m) {
        blank(t, m.start(), m.end());
    }

    private static void blank(StringBuilder t, int from, int to) {
        for (int i = from; i < to; i++) {
            t.setCharAt(i, ' ');
        }
    }

    private static String g(Matcher m) {
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return m.group(i);
            }
        }
        return null;
    }

    private static final Pattern NEG_MIN_TEMPO = Pattern.compile(
            "\\b(?:nothing|no songs?|no tracks?|none|not)\\s+(?:slower than|below|under|less than|lower than|beneath)\\s*(\\d{2,3})\\s*(?:bpm|beats per minute|beats)\\b");

    private static final Pattern DROP_SLOW = Pattern.compile(DROP_PREFIX + "(?:slower than|under|below|less than|beneath)\\s*(\\d{2,3})\\s*(?:bpm|beats per minute|beats)\\b");
    private static final Pattern DROP_FAST = Pattern.compile(DROP_PREFIX + "(?:faster than|over|above|more than)\\s*(\\d{2,3})\\s*(?:bpm|beats per minute|beats)\\b");

    private static void tempo(StringBuilder t, Found f) {
        Matcher neg = NEG_MIN_TEMPO.matcher(t);
        if (neg.find()) {
            f.minTempo = Double.parseDouble(neg.group(1));
            blank(t, neg);
        }
        Matcher slow = DROP_SLOW.matcher(t);
        if (f.minTempo == null && slow.find()) {
            f.minTempo = Double.parseDouble(slow.group(1));
            blank(t, slow);
        }
        Matcher fast = DROP_FAST.matcher(t);
        if (fast.find()) {
            f.maxTempo = Double.parseDouble(fast.group(1));
            blank(t, fast);
        }
        Matcher m = BETWEEN_TEMPO.matcher(t);
        if (m.find()) {
            double a = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(3));
            double b = Double.parseDouble(m.group(2) != null ? m.group(2) : m.group(4));
            f.minTempo = Math.min(a, b);
            f.maxTempo = Math.max(a, b);
            blank(t, m);
            return;
        }
        m = MAX_TEMPO.matcher(t);
        if (m.find()) {
            f.maxTempo = Double.parseDouble(g(m));
            blank(t, m);
        }
        m = MIN_TEMPO.matcher(t);
        if (m.find()) {
            f.minTempo = Double.parseDouble(g(m));
            blank(t, m);
        }
        if (f.minTempo == null && f.maxTempo == null) {
            m = AROUND_TEMPO.matcher(t);
            if (m.find()) {
                double v = Double.parseDouble(m.group(1));
                f.minTempo = v - 8;
                f.maxTempo = v + 8;
                blank(t, m);
            }
        }
    }

    private static double energyValue(String s) {
        boolean pct = s.endsWith("%");
        double v = Double.parseDouble(pct ? s.substring(0, s.length() - 1) : s);
        if (pct || v > 10) {
            return Math.min(1, v / 100);
        }
        return v > 1 ? v / 10 : v;
    }

    private static final String E_FRACTION = "(0?\\.\\d+|\\d{1,3}%)";
    private static final Pattern MAX_ENERGY_NEAR = Pattern.compile(
            "\\benergy\\b[^\\d.]{0,20}?\\b(?:under|below|less than|lower than|at most|max(?:imum)?|no more than)\\s*" + E_FRACTION);
    private static final Pattern MIN_ENERGY_NEAR = Pattern.compile(
            "\\benergy\\b[^\\d.]{0,20}?\\b(?:over|above|more than|higher than|at least|min(?:imum)?|no less than)\\s*" + E_FRACTION);

    private static void energy(StringBuilder t, Found f) {
        Matcher near = MAX_ENERGY_NEAR.matcher(t);
        if (near.find()) {
            f.maxEnergy = energyValue(near.group(1));
            blank(t, near);
        }
        near = MIN_ENERGY_NEAR.matcher(t);
        if (near.find()) {
            f.minEnergy = energyValue(near.group(1));
            blank(t, near);
        }
        Matcher m = BETWEEN_ENERGY.matcher(t);
        if (m.find()) {
            double a = energyValue(m.group(1));
            double b = energyValue(m.group(2));
            f.minEnergy = Math.min(a, b);
            f.maxEnergy = Math.max(a, b);
            blank(t, m);
            return;
        }
        m = MAX_ENERGY.matcher(t);
        if (f.maxEnergy == null && m.find()) {
            f.maxEnergy = energyValue(g(m));
            blank(t, m);
        }
        m = MIN_ENERGY.matcher(t);
        if (f.minEnergy == null && m.find()) {
            f.minEnergy = energyValue(g(m));
            blank(t, m);
        }
        m = HIGH_ONLY.matcher(t);
        if (f.minEnergy == null && m.find()) {
            f.minEnergy = 0.7;
            blank(t, m);
            t.insert(m.start(), " energetic ");
        }
        m = LOW_ONLY.matcher(t);
        if (f.maxEnergy == null && m.find()) {
            f.maxEnergy = 0.35;
            blank(t, m);
            t.insert(m.start(), " calm ");
        }
    }

    private static Integer seconds(Matcher m) {
        if (m.group(1) != null) {
            String s = m.group(1);
            if (s.contains(":")) {
                String[] p = s.split(":");
                return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
            }
            return (int) Math.round(Double.parseDouble(s) * 60);
        }
        if (m.group(2) != null) {
            String[] p = m.group(2).split(":");
            return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
        }
        return m.group(3) == null ? null : Integer.parseInt(m.group(3));
    }

    private static final String DROP = "\\b(?:drop|remove|cut|lose|ditch|kill|skip|get rid of|take out|swap out|swap|replace|toss|throw out|"
            + "kick out|filter out|weed out|scrap|axe|nix|bin|ban|exclude|avoid|without|no|nothing|none)\\s+(?:out\\s+)?(?:of\\s+)?"
            + "(?:everything|anything|whatever(?:'s| is)?|all|any|those|the\\s+ones?|any\\s+(?:songs?|tracks?)|(?:the\\s+)?(?:songs?|tracks?)|stuff)?"
            + "\\s*(?:that(?:'s| is| are)?\\s+|(?:that|which)\\s+(?:run|runs|go|goes|last|lasts)\\s+)?";
    private static final Pattern DROP_SHORT = Pattern.compile(DROP + "(?:under|below|shorter than|less than)\\s*" + DUR);
    private static final Pattern DROP_LONG = Pattern.compile(DROP + "(?:over|above|longer than|more than)\\s*" + DUR);

    private static final Pattern BETWEEN_DURATION = Pattern.compile(
            "\\b(?:between|from)\\s+(\\d{1,2}(?:[.:]\\d+)?)\\s*(?:minutes?|mins?|min|m)?\\s*(?:and|to|-)\\s*(\\d{1,2}(?:[.:]\\d+)?)\\s*(?:minutes?|mins?|min|m)\\b(?:\\s*long)?");

    /** "tracks 2-4 min", "3 to 5 minutes each", "2:30–4:00". */
    private static final Pattern SPAN_DURATION = Pattern.compile(
            "\\b(\\d{1,2}(?:[.:]\\d+)?)\\s*(?:-|–|to)\\s*(\\d{1,2}(?:[.:]\\d+)?)\\s*(?:minutes?|mins?|min|m)\\b(?:\\s*long)?");
    /** "8+ minutes", "5 minutes or longer", "10 min and up". */
    private static final Pattern PLUS_DURATION = Pattern.compile(
            "\\b(\\d{1,2}(?:[.:]\\d+)?)\\s*(?:\\+\\s*(?:minutes?|mins?|min|m)\\b|(?:minutes?|mins?|min|m)\\s*(?:\\+|plus\\b|or (?:more|longer|over)\\b|and (?:up|over|longer|above)\\b))");
    /** "5 minutes or less", "4 min max", "3:30 tops". */
    private static final Pattern LESS_DURATION = Pattern.compile(
            "\\b(\\d{1,2}(?:\\.\\d+)?\\s*(?:minutes?|mins?|min|m)|\\d{1,2}:\\d{2})\\s*(?:or (?:less|shorter|under)|max(?:imum)?|tops|at most)\\b");
    /** "a 20 minute ambient piece", "songs of about 4 minutes", "roughly 6-minute tracks": about that long, ± 20 %. */
    private static final Pattern AROUND_DURATION = Pattern.compile(
            "\\b(?:(?:around|about|roughly|approximately|approx|~|close to)\\s*(?:(\\d{1,2}:\\d{2})\\b|(\\d{1,2}(?:\\.\\d+)?)\\s*(?:minutes?|mins?|min)\\b)(?!\\s*(?:playlist|list|mix|set|run|drive|walk|workout|session|commute|ride|of music|worth))"
                    + "|(\\d{1,2}(?:[.:]\\d+)?)[- ]?(?:minutes?|mins?|min)(?:[- ]long)?\\s+(?:(?!of\\b|for\\b|worth\\b|per\\b|each\\b|a\\b)[a-z'-]+\\s+){0,2}?(?:piece|pieces|track|tracks|song|songs|tune|tunes|composition|compositions|drone|drones|jam|jams|epic|epics|suite|number|numbers|opus|ballad|ballads)\\b)");

    /** "a playlist of about 30 minutes": the length of the whole list, not of each track. */
    private static final Pattern TOTAL_BEFORE = Pattern.compile(
            "\\b(?:playlist|list|mix|set|session|run|workout|drive|commute)\\s*(?:of|that's|that is|lasting|for|,)?\\s*$");

    private static final Pattern MINUTE_WORD = Pattern.compile("^[- ]?(?:minutes?|mins?|min)(?:[- ]long)?");

    private static int minutes(String s) {
        if (s.contains(":")) {
            String[] p = s.split(":");
            return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
        }
        return (int) Math.round(Double.parseDouble(s) * 60);
    }

    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final String TRACKS = "(?:(?:songs?|tracks?|music|stuff|anything|nothing|everything)\\s+)?";
    private static final Pattern BETWEEN_YEARS = Pattern.compile(
            "\\b(?:between|from)\\s+" + YEAR + "\\s*(?:and|to|until|till|through|-|–)\\s*" + YEAR + "\\b|\\b" + YEAR + "\\s*(?:-|–)\\s*" + YEAR + "\\b");
    /** "nothing older than 2010", "no songs before 2015": the year and later. */
    private static final Pattern NOT_BEFORE = Pattern.compile(
            "\\b(?:nothing|no|none|not|never)\\s+" + TRACKS + "(?:older than|before|earlier than|from before|prior to)\\s+" + YEAR + "\\b"
                    + "|\\b(?:since|no earlier than)\\s+" + YEAR + "\\b"
                    + "|\\bfrom\\s+" + YEAR + "\\s+(?:on|onwards?|or later|and later|and after|and up)\\b"
                    + "|\\b" + YEAR + "\\s+(?:or later|and later|and after|onwards?|or newer|and newer|and up)\\b");
    /** "nothing after 2010", "no songs newer than 2015": the year and earlier. */
    private static final Pattern NOT_AFTER = Pattern.compile(
            "\\b(?:nothing|no|none|not|never)\\s+" + TRACKS + "(?:newer than|after|later than|from after)\\s+" + YEAR + "\\b"
                    + "|\\b(?:up to|until|till|no later than)\\s+" + YEAR + "\\b|\\b" + YEAR + "\\s+(?:or earlier|and earlier|and before|or older|and older)\\b");
    private static final Pattern BEFORE = Pattern.compile("\\b(?:before|pre|prior to|older than|earlier than|from before)\\s*-?\\s*" + YEAR + "\\b");
    private static final Pattern AFTER = Pattern.compile("\\b(?:after|post|newer than|later than|from after)\\s*-?\\s*" + YEAR + "\\b");
    private static final Pattern IN_YEAR = Pattern.compile("\\b(?:from|in|released in|released|of|out in)\\s+" + YEAR + "\\b(?!\\s*(?:songs?|tracks?|bpm))");

    /**
     * Release years: "before 2010", "after 2015", "between 1995 and 2005", "1995-2005", "nothing older than 2010",
     * "since 2012", "from 2012" (that year). Only four-digit years of 1900–2099; decades ("80s") stay a mood word.
     */
    private static void years(StringBuilder t, Found f) {
        Matcher m = BETWEEN_YEARS.matcher(t);
        if (m.find()) {
            int x = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
            int y = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
            f.minYear = Math.min(x, y);
            f.maxYear = Math.max(x, y);
            blank(t, m);
            return;
        }
        m = NOT_BEFORE.matcher(t);
        if (m.find()) {
            f.minYear = Integer.parseInt(firstGroup(m));
            blank(t, m);
        }
        m = NOT_AFTER.matcher(t);
        if (m.find()) {
            f.maxYear = Integer.parseInt(firstGroup(m));
            blank(t, m);
        }
        m = BEFORE.matcher(t);
        if (f.maxYear == null && m.find()) {
            f.maxYear = Integer.parseInt(m.group(1)) - 1;
            blank(t, m);
        }
        m = AFTER.matcher(t);
        if (f.minYear == null && m.find()) {
            f.minYear = Integer.parseInt(m.group(1)) + 1;
            blank(t, m);
        }
        m = IN_YEAR.matcher(t);
        if (f.minYear == null && f.maxYear == null && m.find()) {
            f.minYear = Integer.parseInt(m.group(1));
            f.maxYear = f.minYear;
            blank(t, m);
        }
    }

    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        throw new IllegalStateException("no year in " + m.group());
    }

    private static void duration(StringBuilder t, Found f) {
        Matcher b = BETWEEN_DURATION.matcher(t);
        if (b.find()) {
            int x = minutes(b.group(1));
            int y = minutes(b.group(2));
            f.minDuration = Math.min(x, y);
            f.maxDuration = Math.max(x, y);
            blank(t, b);
            return;
        }
        Matcher sp = SPAN_DURATION.matcher(t);
        if (sp.find()) {
            int x = minutes(sp.group(1));
            int y = minutes(sp.group(2));
            if (x > 0 && y > 0) {
                f.minDuration = Math.min(x, y);
                f.maxDuration = Math.max(x, y);
                blank(t, sp);
                return;
            }
        }
        Matcher plus = PLUS_DURATION.matcher(t);
        if (plus.find()) {
            f.minDuration = minutes(plus.group(1));
            blank(t, plus);
        }
        Matcher less = LESS_DURATION.matcher(t);
        if (less.find()) {
            f.maxDuration = minutes(less.group(1).replaceAll("\\s*[a-z]+$", ""));
            blank(t, less);
        }
        Matcher d = DROP_SHORT.matcher(t);
        if (d.find()) {
            f.minDuration = seconds(d);
            blank(t, d);
        }
        d = DROP_LONG.matcher(t);
        if (d.find()) {
            f.maxDuration = seconds(d);
            blank(t, d);
        }
        Matcher m = MAX_DURATION.matcher(t);
        if (f.maxDuration == null && m.find()) {
            f.maxDuration = seconds(m);
            blank(t, m);
        }
        m = MIN_DURATION.matcher(t);
        if (f.minDuration == null && m.find()) {
            f.minDuration = seconds(m);
            blank(t, m);
        }
        Matcher around = AROUND_DURATION.matcher(t);
        if (f.minDuration == null && f.maxDuration == null && around.find() && !TOTAL_BEFORE.matcher(t.substring(Math.max(0, around.start() - 30), around.start())).find()) {
            String g = around.group(1) != null ? around.group(1) : around.group(2) != null ? around.group(2) : around.group(3);
            int x = minutes(g);
            if (x > 0) {
                f.minDuration = (int) Math.round(x * 0.8);
                f.maxDuration = (int) Math.round(x * 1.2);
                // the unit word ("piece", "songs") stays for the mood text; only the length is consumed
                int end = around.group(3) == null ? around.end() : around.end(3);
                Matcher unit = MINUTE_WORD.matcher(t.substring(end));
                if (unit.find()) {
                    end += unit.end();
                }
                for (int i = around.start(); i < end; i++) {
                    t.setCharAt(i, ' ');
                }
            }
        }
    }

    private static void perArtist(StringBuilder t, Found f) {
        Matcher m = ONE_PER_ARTIST.matcher(t);
        if (m.find()) {
            f.maxPerArtist = 1;
            blank(t, m);
            return;
        }
        m = PER_ARTIST.matcher(t);
        if (m.find()) {
            String n = g(m);
            f.maxPerArtist = n == null || n.equals("one") || n.equals("a single") || n.equals("a") || n.equals("single") ? 1 : Integer.parseInt(n);
            blank(t, m);
        }
    }

    /**
     * The whole list's length: "45 minutes of running music", "give me 30 mins worth", "a 90-minute mix", "focus music for
     * the next 90 minutes", "an hour and a half of jazz", "half an hour", "1.5 hours", "2 hours worth" (read before the
     * track lengths, which "songs under 5 minutes" and "a 20 minute ambient piece" are).
     */
    private static final Pattern TOTAL_MINUTES = Pattern.compile("\\b(?:(\\d{1,3})\\s*(?:-\\s*)?(?:minutes?|mins?|min)\\s+(?:of|worth)\\b"
            + "|(?:a|an|one)\\s+(\\d{1,3})[- ]?(?:minutes?|mins?|min)[- ](?:long\\s+)?(?:playlist|list|mix|set|session|workout|run|drive|commute|ride|walk)\\b"
            + "|(\\d{1,3})[- ]?(?:minutes?|mins?|min)\\s+(?:long\\s+)?(?:playlist|list|mix|set|session)\\b"
            + "|for\\s+(?:the\\s+next\\s+|about\\s+|around\\s+|roughly\\s+|like\\s+)?(\\d{1,3})\\s*(?:minutes|mins)\\b(?!\\s+(?:each|per|long|a))"
            + "|(?:playlist|list|mix|set)\\s+(?:of|for|lasting)\\s+(?:about\\s+|around\\s+|roughly\\s+)?(\\d{1,3})\\s*(?:minutes|mins)\\b)");
    private static final Pattern HOURS_AND_HALF = Pattern.compile("\\b(?:(\\d{1,2}(?:\\.\\d)?)|an?|one|half an?)\\s*(?:-\\s*)?(?:hours?|hrs?|h)\\b"
            + "(\\s+and\\s+a\\s+half)?\\s*(?:of|worth(?: of)?|long|playlist|-long)?");

    private static void total(StringBuilder t, Found f) {
        Matcher m = TOTAL_MINUTES.matcher(t);
        if (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3)
                    : m.group(4) != null ? m.group(4) : m.group(5);
            int minutes = Integer.parseInt(n);
            if (minutes >= 5) {
                f.totalMinutes = Math.min(600, minutes);
                blank(t, m);
                return;
            }
        }
        Matcher h = HOURS_AND_HALF.matcher(t);
        if (h.find()) {
            String w = h.group();
            double hours = h.group(1) != null ? Double.parseDouble(h.group(1)) : w.startsWith("half") ? 0.5 : 1;
            if (h.group(2) != null) {
                hours += 0.5;
            }
            f.totalMinutes = (int) Math.round(Math.max(5, Math.min(600, hours * 60)));
            blank(t, h);
        }
    }

    private static void countEdits(StringBuilder t, Found f) {
        Matcher m = REMOVE_N.matcher(t);
        if (m.find()) {
            f.countEdit = "remove";
            f.countEditAmount = Integer.parseInt(g(m));
            blank(t, m);
            return;
        }
        m = ADD.matcher(t);
        if (m.find()) {
            String n = g(m);
            f.countEdit = "add";
            f.countEditAmount = n == null ? 1 : Integer.parseInt(n);
            blank(t, m);
            return;
        }
        m = SET.matcher(t);
        if (m.find()) {
            String n = g(m);
            String whole = m.group();
            if (n == null) {
                f.countEdit = whole.contains("half") ? "half" : "double";
            } else {
                f.countEdit = "set";
                f.countEditAmount = Integer.parseInt(n);
            }
            blank(t, m);
        }
    }

    static Integer ordinal(String s) {
        String w = s.replace('-', ' ').trim();
        List<String> names = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth");
        int i = names.indexOf(w);
        if (i >= 0) {
            return i + 1;
        }
        if (w.equals("opening")) {
            return 1;
        }
        if (w.equals("last") || w.equals("final") || w.equals("closing")) {
            return -1;
        }
        if (w.equals("penultimate") || w.matches("second (to )?last|next to last")) {
            return -2;
        }
        Matcher d = ORDINAL_DIGITS.matcher(w);
        return d.find() ? Integer.parseInt(d.group(1)) : null;
    }

    private static void positions(StringBuilder t, Found f) {
        Matcher h = HALF.matcher(t);
        if (h.find()) {
            f.half = h.group(1).matches("first|front|opening") ? "first" : "second";
            blank(t, h);
        }
        Matcher m = LAST_N.matcher(t);
        if (m.find()) {
            int n = Integer.parseInt(m.group(2));
            if (m.group(1).equals("last") || m.group(1).equals("final")) {
                f.lastN = n;
            } else {
                f.firstN = n;
            }
            blank(t, m);
        }
        m = NUMBERED.matcher(t);
        while (m.find()) {
            String spec = m.group(1) != null ? m.group(1) : m.group(2);
            addSpec(spec, f.positions);
            blank(t, m);
        }
        m = ORDINAL.matcher(t);
        while (m.find()) {
            Integer p = ordinal(g(m));
            if (p != null && !f.positions.contains(p)) {
                f.positions.add(p);
            }
            blank(t, m);
            // "the 2nd and 5th", "the third and the last one"
        }
        if (!f.positions.isEmpty()) {
            Matcher ow = ORDINAL_WORD_LIST.matcher(t);
            while (ow.find()) {
                Integer p = ordinal(ow.group(1));
                if (p != null && !f.positions.contains(p)) {
                    f.positions.add(p);
                }
                blank(t, ow);
            }
            Matcher r = RANGE.matcher(t);
            while (r.find()) {
                addSpec(r.group(1) + "-" + r.group(2), f.positions);
                blank(t, r);
            }
            Matcher more = MORE_POSITIONS.matcher(t);
            while (more.find()) {
                int p = Integer.parseInt(more.group(1));
                if (!f.positions.contains(p)) {
                    f.positions.add(p);
                }
                blank(t, more);
            }
        } else {
            Matcher r = VERB_RANGE.matcher(t);
            Matcher vl = VERB_LIST.matcher(t);
            if (vl.find()) {
                addSpec(vl.group(1), f.positions);
                blank(t, vl);
            } else if (r.find()) {
                addSpec(r.group(1) + "-" + r.group(2), f.positions);
                blank(t, r);
            } else {
                Matcher b = BARE_LIST.matcher(t);
                if (b.find()) {
                    addSpec(b.group().trim(), f.positions);
                    blank(t, b);
                }
            }
        }
    }

    private static void addSpec(String spec, List<Integer> out) {
        String s = spec.replace("#", " ").trim();
        Matcher range = SPEC_RANGE.matcher(s);
        while (range.find()) {
            int a = Integer.parseInt(range.group(1));
            int b = Integer.parseInt(range.group(2));
            for (int i = Math.min(a, b); i <= Math.max(a, b) && i - Math.min(a, b) < 100; i++) {
                if (!out.contains(i)) {
                    out.add(i);
                }
            }
        }
        s = range.replaceAll(" ");
        Matcher n = DIGITS.matcher(s);
        while (n.find()) {
            int p = Integer.parseInt(n.group());
            if (!out.contains(p)) {
                out.add(p);
            }
        }
    }

    private static void count(StringBuilder t, Found f) {
        if (f.count != null) {
            return;
        }
        Matcher m = COUNT.matcher(t);
        if (m.find()) {
            f.count = Math.max(1, Math.min(100, Integer.parseInt(m.group(1))));
            // "20 happy songs for my run": the words between the number and its unit are the request's own
            if (t.substring(m.end(1), m.end()).trim().contains(" ")) {
                blank(t, m.start(1), m.end(1));
            } else {
                blank(t, m);
            }
            return;
        }
        m = COUNT_LEAD.matcher(t);
        if (m.find()) {
            f.count = Math.max(1, Math.min(100, Integer.parseInt(g(m))));
            blank(t, m);
        }
    }

    private static void exclusions(StringBuilder t, Found f) {
        Matcher m = NEGATION.matcher(t);
        int from = 0;
        while (m.find(from)) {
            int start = m.end();
            String after = t.substring(start);
            Matcher end = SCOPE_END.matcher(" " + after);
            int stop = end.find() ? Math.max(0, end.start() - 1) : after.length();
            String scope = after.substring(0, Math.min(stop, after.length())).trim();
            // a list continues past commas while the next item is a genre: "no rock, metal or punk"
            int consumedTo = start + Math.min(stop, after.length());
            List<String> terms = new ArrayList<>(List.of(scope.split("\\s*(?:\\bor\\b|\\bnor\\b|\\band\\b|/|\\+)\\s*")));
            String tail = t.substring(consumedTo);
            Matcher cont = CONTINUE_FIRST.matcher(tail);
            while (cont.find() && GenreTree.isGenre(cont.group(1).trim())) {
                terms.add(cont.group(1).trim());
                consumedTo += cont.end();
                tail = t.substring(consumedTo);
                cont = CONTINUE_NEXT.matcher(tail);
            }
            boolean any = false;
            boolean afterThe = t.substring(m.start(), start).endsWith("the ");
            for (int k = 0; k < terms.size(); k++) {
                String raw = terms.get(k);
                String term = clean(raw);
                // a number after "the" is a name ("nothing by the 1975"), a bare one a year or a count
                if (term.matches("\\d{2,4}") && (k == 0 && afterThe || raw.trim().toLowerCase(Locale.ROOT).startsWith("the "))) {
                    f.excludeArtists.add("the " + term);
                    any = true;
                    continue;
                }
                // a number is part of a name ("50 cent", "sum 41"), but not after a genre ("no rock 20")
                Matcher numbered = GENRE_NUMBER.matcher(term);
                if (numbered.matches() && isGenreTerm(numbered.group(1))) {
                    term = numbered.group(1);
                }
                boolean genreTerm = isGenreTerm(term);
                if (term.isEmpty() || (!genreTerm && (MOOD_NEGATIONS.contains(term) || MOOD_NEGATIONS.contains(firstWord(term))
                        || Lexicon.isMood(term))) || term.matches("\\d+") || term.length() < 2) {
                    continue;
                }
                any = true;
                String g = GenreTree.canonical(term).orElse(null);
                if (g != null || Lexicon.GENRE.contains(term)) {
                    f.excludeGenres.add(g != null ? g : term);
                } else {
                    f.excludeArtists.add(term);
                }
            }
            if (any) {
                blank(t, m.start(), Math.min(consumedTo, t.length()));
            }
            from = Math.min(t.length(), Math.max(m.end(), any ? consumedTo : m.end()));
            if (from >= t.length()) {
                break;
            }
        }
    }

    private static final Pattern EDIT_EXCLUDE = Pattern.compile(
            "\\b(?:remove|take out|get rid of|drop|lose|ditch|cut|kill|axe|scrap|bin|kick out|throw out|filter out|strip out|delete|nix|toss)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+|any\\s+|those\\s+|these\\s+)?([a-z][a-z&' -]{1,30}?)\\s*(songs?|tracks?|stuff|music|ones|tunes|bits)?(?=\\s*(?:[,.!?]|$)|\\s+(?:please|pls|from|too|as well|for me)\\b)");

    private static final Pattern EDIT_BY = Pattern.compile(
            "\\b(?:remove|get rid of|drop|take out|ditch|lose|cut|kill|ban|exclude|skip|nix|toss|axe)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+)?(?:anything|everything|stuff|songs?|tracks?|music|ones?)\\s+(?:by|from)\\s+([a-z0-9][a-z0-9&' .!-]{1,40}?)(?=\\s*(?:[,.!?]|$)|\\s+(?:please|pls|too|as well)\\b)");

    /** "take out all the electronic stuff", "drop the jazz": an edit verb on a genre (or on an artist's songs). */
    private static final Pattern TOO_MUCH = Pattern.compile("\\b(?:enough(?: of)?(?: the)?)\\s+([a-z][a-z&' -]{1,20}?)(?=\\s*(?:[,.!?]|$)|\\s+(?:please|pls|in|on|stuff|music|songs|tracks)\\b)");
    /** "less electronic", "way too much rock", "fewer ballads", "cut down on the jazz": that genre fewer, not gone. */
    private static final Pattern FEWER = Pattern.compile("\\b(?:too much|way too much|so much|less|fewer|not so much|not as much|cut down on"
            + "|tone down)\\s+(?:the\\s+)?([a-z][a-z&' -]{1,20}?)(?=\\s*(?:[,.!?]|$)|\\s+(?:please|pls|in|on|stuff|music|songs|tracks|ones|bits)\\b)");

    /** Genres negated after them (read before the other exclusions, which would take "not welcome" for a name). */
    private static void negatedAfter(StringBuilder t, Found f) {
        for (Pattern p : MoodParser.NEGATED_AFTER) {
            excludeGenreMatches(p.matcher(t), t, f);
        }
    }

    /** Every match whose group 1 is a genre (and not a mood word) excludes that genre and is blanked. */
    private static void excludeGenreMatches(Matcher m, StringBuilder t, Found f) {
        while (m.find()) {
            String term = clean(m.group(1));
            if (!term.isEmpty() && GenreTree.isGenre(term) && !Lexicon.isMood(term)) {
                f.excludeGenres.add(GenreTree.canonical(term).orElse(term));
                blank(t, m);
            }
        }
    }

    private static void editExclusions(StringBuilder t, Found f) {
        excludeGenreMatches(TOO_MUCH.matcher(t), t, f);
        Matcher fewer = FEWER.matcher(t);
        while (fewer.find()) {
            String term = clean(fewer.group(1));
            if (!term.isEmpty() && GenreTree.isGenre(term) && !Lexicon.isMood(term)) {
                f.reduceGenres.add(GenreTree.canonical(term).orElse(term));
                blank(t, fewer);
            }
        }
        Matcher by = EDIT_BY.matcher(t);
        while (by.find()) {
            String term = clean(by.group(1));
            if (!term.isEmpty()) {
                if (GenreTree.isGenre(term)) {
                    f.excludeGenres.add(GenreTree.canonical(term).orElse(term));
                } else {
                    f.excludeArtists.add(term);
                }
                blank(t, by);
            }
        }
        Matcher m = EDIT_EXCLUDE.matcher(t);
        while (m.find()) {
            String term = clean(m.group(1));
            if (term.isEmpty() || term.matches(".*\\b(?:last|first|one|song|track|it|this|that|them|him|her|number|\\d+)\\b.*")) {
                continue;
            }
            String g = GenreTree.canonical(term).orElse(Lexicon.GENRE.contains(term) ? term : null);
            // "get rid of the remixes and the demos", "drop the metal, punk and ska": a list of genres is each of them
            List<String> listed = new ArrayList<>();
            for (String piece : term.split("\\s*(?:,|\\band\\b|&|\\bor\\b)\\s*(?:the\\s+|any\\s+|all\\s+)?")) {
                String c = piece.isBlank() ? null : GenreTree.canonical(piece.trim()).orElse(Lexicon.GENRE.contains(piece.trim()) ? piece.trim() : null);
                listed.add(c);
            }
            if (g != null) {
                f.excludeGenres.add(g);
                blank(t, m);
            } else if (listed.size() > 1 && listed.stream().allMatch(java.util.Objects::nonNull)) {
                f.excludeGenres.addAll(listed);
                blank(t, m);
            } else if (m.group(2) != null && !Lexicon.isMood(term) && !MOOD_NEGATIONS.contains(term)) {
                f.excludeArtists.add(term);
                blank(t, m);
            }
        }
    }

    /**
     * The first word of a negated term, as {@link #MOOD_NEGATIONS} reads it. "one" begins names ("no one
     * direction"), so it counts only before a word about the list ("no one song twice", "no one-hit
     * wonders"); "no one cares" reaches this reader as "nobody cares" ({@code Language.NO_ONE}).
     */
    private static String firstWord(String term) {
        String[] w = term.split("[ -]");
        return !w[0].equals("1") && !w[0].equals("one") || w.length == 1 || AFTER_ONE.contains(w[1]) ? w[0] : term;
    }

    private static boolean isGenreTerm(String term) {
        return GenreTree.isGenre(term) || Lexicon.GENRE.contains(term);
    }

    private static final Set<String> AFTER_ONE = Set.of("song", "songs", "track", "tracks", "tune", "tunes", "artist", "artists", "band",
            "bands", "genre", "genres", "hit", "more", "thing", "of", "at", "by", "style", "type", "kind", "sound", "single", "album",
            "mood", "vibe", "repeat", "twice", "again", "same");

    private static String clean(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).trim().replaceAll("^(?:have|hear|play|include|get|want|see|listen to|put|need)\\s+", "")
                .replaceAll("^(?:the|any|anything|more|of|those|these|that|this|all|some|by|from)\\s+", "")
                .replaceAll("^(?:the|any|more)\\s+", "").replaceAll("['\"]", "").trim();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String tr : TRAILING) {
                // a filler word ends the term ("jazz sound", "radiohead songs") unless an article or joiner comes
                // just before it: then it is part of a name ("recycle the sound", "sons of the band")
                if ((s.endsWith(" " + tr) && !s.substring(0, s.length() - tr.length()).matches(".*\\b(?:the|a|an|of|and|&)\\s+$"))
                        || s.equals(tr)) {
                    s = s.equals(tr) ? "" : s.substring(0, s.length() - tr.length() - 1).trim();
                    changed = true;
                }
            }
        }
        return s.replaceAll("\\s*-\\s*$", "").trim();
    }
}
