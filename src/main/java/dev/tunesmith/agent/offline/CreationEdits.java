package dev.tunesmith.agent.offline;

import dev.tunesmith.music.RequestText;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for the songwriter's tools and for edits of the newest melody, checked before the general
 * intents: "rhymes for night", "check my lyrics: ...", "continue my verse: ...", "rewrite line 3 to
 * rhyme with night", "transpose to A minor", "make it 3/4", "faster", "make the chorus shorter"
 * (with a melody to edit), "a variation of bars 5-8".
 */
final class CreationEdits {

    private static final Pattern RHYMES = Pattern.compile("\\b(?:rhymes? (?:for|with)|what rhymes with|words? (?:that )?rhymes? with|rhyming with)\\s+['\"“]?([a-z']+)");
    private static final Pattern REWRITE = Pattern.compile("\\brewrite (?:the )?line (\\d{1,2}|[a-z]+)\\b.*?\\brhyme (?:with )?['\"“]?([a-z']+)");
    private static final Pattern TRANSPOSE = Pattern.compile("\\b(?:transpose|move|put|change|shift)\\b.*?\\b(?:to|into|in)\\s+(?:the key of\\s+)?([a-g])(#|b|\\s*sharp|\\s*flat)?\\s*(major|minor|maj|min|m)?\\b");
    private static final Pattern METER = Pattern.compile("\\b([2-9]|12)/(2|4|8)\\b");
    private static final Pattern BPM = Pattern.compile("\\b(\\d{2,3})\\s*(?:bpm|beats)\\b");
    private static final Pattern VARY = Pattern.compile("\\bvari(?:ation|ations|ed|y)\\b.*?\\bbars?\\s+(\\d{1,2})\\s*(?:-|–|to|through)\\s*(\\d{1,2})");

    private static final Pattern SECTION = Pattern.compile(
            "\\b(?:(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th|last|final|closing|opening|another|one more|an extra|a new|a|an|the|that|this|my|your)\\s+)?"
                    + "(?:(?:new|extra|whole|entire|current|old)\\s+)?(verses?|choruse?s?|refrains?|bridges?|middle eight|stanzas?|hooks?)(?:\\s+(?:number\\s+|no\\.?\\s*|#)?(\\d{1,2}|one|two|three|four|five|six)\\b)?\\b");
    private static final Pattern SECTION_SHORTER = Pattern.compile(
            "\\b(?:shorter|shorten|trim|tighten|condense|too long|cut (?:it |that |this )?down|fewer lines|less lines|halve|(?:down to|only|just) (?:\\d{1,2}|one|two|three|four|five|six) lines?)\\b");
    private static final Pattern SECTION_LONGER = Pattern.compile(
            "\\b(?:longer|lengthen|extend|expand|stretch|too short|more lines|(?:\\d{1,2}|one|two|three|four|a couple of|a few) (?:more |extra )?lines? (?:to|on|onto|into)|up to (?:\\d{1,2}|six|eight|ten) lines?)\\b");
    private static final Pattern SECTION_DROP = Pattern.compile(
            "\\b(?:drop|remove|delete|cut|lose|ditch|scrap|skip|get rid of|take out|leave out|throw out|axe|kill|no more|without (?:the|a|any))\\b");
    private static final Pattern SECTION_ADD = Pattern.compile(
            "\\b(?:add|another|one more|an extra|extra|insert|put in|throw in|give (?:it|me|the song) (?:a|an|another))\\b");
    private static final Pattern SECTION_REWRITE = Pattern.compile(
            "\\b(?:rewrite|re-write|redo|re-do|rework|write (?:a )?new|write .{0,20}\\bagain|new (?:words|lyrics|lines) for|change|replace|different|make (?:it|that|this|the \\w+) about|"
                    + "should be about|to be about|be about|about|improve|fix|freshen up|rhyme (?:more|better|properly)|rhymes? better)\\b");
    /** The rewrite words other than a bare "about", which on its own also starts a new request ("a 4-line verse about rain"). */
    private static final Pattern SECTION_REWRITE_VERB = Pattern.compile(
            "\\b(?:rewrite|re-write|redo|re-do|rework|write (?:a )?new|write .{0,20}\\bagain|new (?:words|lyrics|lines) for|change|replace|different|make (?:it|that|this|the \\w+) about|"
                    + "should be about|to be about|be about|improve|fix|freshen up|rhyme (?:more|better|properly)|rhymes? better)\\b");
    /** What comes before the section word in a request for new lyrics: "a 4-line verse", "write me an 8 line verse". */
    private static final Pattern NEW_PIECE = Pattern.compile(
            "^(?:(?:can you|could you|please|pls|now|and|then|ok|okay|also)\\s+)*(?:(?:write|give|make|compose)\\s+(?:me\\s+|us\\s+)?)?(?:a|an)\\s+(?:\\S+\\s+){0,2}$");
    /** A new feel for a section: "make the second verse sadder", "the chorus should be more hopeful", "darker bridge". */
    private static final Pattern SECTION_TONE = Pattern.compile(
            "\\b(?:(sadder|happier|darker|brighter|lighter|angrier|gentler|softer|calmer|sweeter|bleaker|gloomier|moodier|funnier|sillier)"
                    + "|more (hopeful|romantic|tender|bitter|joyful|melancholic|melancholy|angry|upbeat|cheerful|nostalgic|playful|sad|happy|dark|"
                    + "wistful|intense|emotional|somber|sombre|uplifting|defiant|lonely|peaceful|heartbroken|triumphant|dreamy|mournful|loving))\\b");

    /** A song that already exists: "my song", "the lyrics", "the second verse", "this chorus". */
    private static final Pattern LYRICS_REFERENCE = Pattern.compile(
            "\\b(?:my|the|this|that|our)\\s+(?:(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th)\\s+)?(?:song|lyrics|verses?|chorus|bridge|refrain)\\b");

    /** "add a bridge about the winter", "can you add another verse": a section added to a song, which is lyrics even with none here. */
    private static final Pattern ADD_SECTION = Pattern.compile("^(?:(?:can you|could you|please|pls|now|and|then|ok|okay|also|maybe)\\s+)*"
            + "(?:add|insert|put in|throw in|tack on|stick in)\\s+(?:a|an|another|one more|a new|an extra|a second|a third)\\s+"
            + "(?:short\\s+|little\\s+|quick\\s+)?(?:verse|chorus|bridge|refrain|middle eight|stanza|outro)\\b");
    /** "make the chorus rhyme more": a section of the song in a request about its rhymes. */
    private static final Pattern RHYME_EDIT = Pattern.compile("\\b(?:rhyme (?:more|better|properly)|rhymes? better)\\b");

    /** The song as a whole: "make it sadder", "make the song happier", "the whole thing darker", "sadder please". */
    private static final Pattern WHOLE_SONG = Pattern.compile("^(?:(?:can you|could you|please|pls|now|ok|okay|and|hmm,?|maybe)\\s+)*"
            + "(?:make\\s+(?:it|this|that|the (?:song|lyrics|whole thing|whole song|entire song|words)|them|the whole thing|everything)"
            + "(?:\\s+(?:a bit|a little|a lot|much|way|even|slightly))?\\s+|(?:it|this|the (?:song|lyrics|whole thing|whole song))\\s+"
            + "(?:should|could|needs to)\\s+be\\s+(?:a bit\\s+|a little\\s+)?|(?:a bit\\s+|a little\\s+|much\\s+)?(?=(?:sadder|happier|darker|"
            + "brighter|angrier|gentler|more\\s+\\w+)\\s*(?:please|pls)?\\s*[.!]*$))");

    private static final Pattern ABOUT_THEME = Pattern.compile("\\b(?:about|on the (?:theme|subject|topic) of|focus(?:ed|ing)? on|regarding|telling of)\\s+(.+)$");

    private CreationEdits() {}

    static IntentRouter.Intent intent(String t, String lastCreation) {
        boolean hasMelody = "melody".equals(lastCreation);
        if ("lyrics".equals(lastCreation) && sectionEdit(t) != null) {
            return IntentRouter.Intent.EDIT_LYRICS;
        }
        // "make it sadder", "the whole thing should be more hopeful" after lyrics: the whole song in that mood
        if ("lyrics".equals(lastCreation) && tone(t) != null && WHOLE_SONG.matcher(t).find()
                && !t.matches(".*\\b(?:playlist|tracks|songs|mix|melody|tune)\\b.*")) {
            return IntentRouter.Intent.MOOD_LYRICS;
        }
        // "add a bridge to my song", "drop the second verse" elsewhere: an edit of the caller's newest lyrics (the
        // service says so when there are none), not a playlist named "Bridge"
        // (after a melody, "make the chorus shorter" is about the melody: there only lyrics or a verse point to lyrics)
        if (!"lyrics".equals(lastCreation) && (hasMelody ? t.matches(".*\\b(?:lyrics|verses?)\\b.*")
                : LYRICS_REFERENCE.matcher(t).find() || ADD_SECTION.matcher(t).find())
                && !t.matches(".*\\b(?:playlist|tracks|songs|mix)\\b.*") && sectionEdit(t) != null) {
            return IntentRouter.Intent.EDIT_LYRICS;
        }
        if ("lyrics".equals(lastCreation) && !t.matches(".*\\b(new|another|write|compose)\\b.*")
                && (t.matches(".*\\b(shorter|longer)\\b.*") || t.matches(".*\\bmake (it|them) .*\\blines?\\b.*"))) {
            return IntentRouter.Intent.RESIZE_LYRICS;
        }
        if (REWRITE.matcher(t).find()) {
            return IntentRouter.Intent.REWRITE_LINE;
        }
        if (RHYMES.matcher(t).find() && !t.matches(".*\\b(write|lyrics? about|song about)\\b.*")) {
            return IntentRouter.Intent.RHYMES;
        }
        if (t.matches("(?s).*\\b(check|review|analy[sz]e|critique)\\b.{0,20}\\b(my|these|this|the)\\b.{0,12}\\b(lyrics?|verse|song|lines?)\\b.*")) {
            return IntentRouter.Intent.CHECK_LYRICS;
        }
        if (t.matches("(?s).*\\b(continue|carry on|extend|finish)\\b.{0,20}\\b(verse|lyrics?|song|lines?)\\b.*")) {
            return IntentRouter.Intent.CONTINUE_VERSE;
        }
        if (keyChange(t) != null || t.matches(".*\\btranspose\\b.*")) {
            return IntentRouter.Intent.EDIT_MELODY;
        }
        if (VARY.matcher(t).find()) {
            return IntentRouter.Intent.EDIT_MELODY;
        }
        if (hasMelody && !t.matches(".*\\b(new|another|compose|write)\\b.*")
                && (t.matches(".*\\b(shorter|longer|faster|slower|tempo|bpm|meter|time signature|waltz time)\\b.*") || tempoDirection(t) != null
                        || t.matches(".*\\bmake (?:it|this|that) (?:a|into a) (?:waltz|jig)\\b.*")
                        || t.matches(".*\\b(make it|in|to)\\s+([2-9]|12)/(2|4|8)\\b.*")
                        || t.matches(".*\\b(harmoni[sz]e (it )?again|new chords|different chords|reharmoni[sz]e)\\b.*"))) {
            return IntentRouter.Intent.EDIT_MELODY;
        }
        return null;
    }

    static JsonObject arguments(IntentRouter.Intent intent, String original, String t) {
        JsonObject a = new JsonObject();
        switch (intent) {
            case RHYMES -> {
                Matcher m = RHYMES.matcher(t);
                a.put("word", m.find() ? m.group(1).replaceAll("'+$", "") : "");
            }
            case REWRITE_LINE -> {
                Matcher m = REWRITE.matcher(t);
                if (m.find()) {
                    Integer n = RequestText.value(m.group(1));
                    if (n != null) {
                        a.put("line", n);
                    }
                    a.put("rhymeWith", m.group(2));
                }
                pasted(original).ifPresent(x -> a.put("text", x));
            }
            case CHECK_LYRICS -> a.put("text", pasted(original).orElse(""));
            case CONTINUE_VERSE -> {
                pasted(original).ifPresent(x -> a.put("text", x));
                RequestText.count(t, "(?:more )?lines?").ifPresent(n -> a.put("lines", n));
            }
            case EDIT_MELODY -> melodyEdit(t, a);
            case EDIT_LYRICS -> {
                JsonObject e = sectionEdit(t);
                if (e != null) {
                    a.mergeIn(e);
                }
            }
            case MOOD_LYRICS -> a.put("mood", tone(t));
            case RESIZE_LYRICS -> {
                if (t.matches(".*\\b(shorter|longer)\\b.*")) {
                    a.put("direction", t.contains("shorter") ? "shorter" : "longer");
                }
                RequestText.count(t, "lines?").ifPresent(n -> a.put("lines", n));
            }
            default -> { }
        }
        return a;
    }

    private static void melodyEdit(String t, JsonObject a) {
        Matcher key = keyChange(t);
        Matcher vary = VARY.matcher(t);
        Matcher meter = METER.matcher(t);
        Matcher bpm = BPM.matcher(t);
        if (key != null) {
            String accidental = key.group(2) == null ? "" : key.group(2).trim().startsWith("s") || key.group(2).equals("#") ? "#" : "b";
            String quality = key.group(3) == null ? "" : key.group(3).toLowerCase(Locale.ROOT);
            boolean minor = quality.equals("minor") || quality.equals("min") || quality.equals("m");
            a.put("action", "transpose").put("key", key.group(1).toUpperCase(Locale.ROOT) + accidental + (minor ? "m" : ""));
        } else if (t.contains("transpose")) {
            a.put("action", "transpose");
        } else if (vary.find()) {
            a.put("action", "vary").put("fromBar", Integer.parseInt(vary.group(1))).put("toBar", Integer.parseInt(vary.group(2)));
        } else if (meter.find()) {
            a.put("action", "meter").put("meter", meter.group(1) + "/" + meter.group(2));
        } else if (t.contains("waltz time") || t.matches(".*\\bmake (?:it|this|that) (?:a|into a) waltz\\b.*")) {
            a.put("action", "meter").put("meter", "3/4");
        } else if (t.matches(".*\\bmake (?:it|this|that) (?:a|into a) jig\\b.*")) {
            a.put("action", "meter").put("meter", "6/8");
        } else if (bpm.find()) {
            a.put("action", "tempo").put("tempo", Integer.parseInt(bpm.group(1)));
        } else if (tempoDirection(t) != null) {
            a.put("action", "tempo").put("tempo", tempoDirection(t).equals("faster") ? 140 : 80);
        } else if (t.matches(".*\\b(shorter|longer)\\b.*")) {
            a.put("action", "length").put("direction", t.contains("shorter") ? "shorter" : "longer");
            RequestText.count(t, "(?:bars?|measures?)").ifPresent(n -> a.put("bars", n));
        } else {
            a.put("action", "harmonize");
        }
    }

    /**
     * An edit of one section of the newest lyrics ("make the chorus shorter", "rewrite the second verse about
     * the sea", "drop the bridge", "add another verse"): {action, section, index?, theme?, lines?}, or null when
     * the message names no section or does nothing to it.
     */
    static JsonObject sectionEdit(String t) {
        Matcher m = SECTION.matcher(t);
        if (!m.find()) {
            return null;
        }
        String word = m.group(2);
        String section = word.startsWith("verse") || word.startsWith("stanza") ? "verse" : word.startsWith("bridge") || word.equals("middle eight") ? "bridge" : "chorus";
        String det = m.group(1) == null ? "" : m.group(1);
        Integer index = switch (det) {
            case "first", "1st", "opening" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            case "fourth", "4th" -> 4;
            case "fifth", "5th" -> 5;
            case "sixth", "6th" -> 6;
            case "last", "final", "closing" -> -1;
            default -> m.group(3) == null ? null : RequestText.value(m.group(3));
        };
        boolean fresh = det.matches("another|one more|an extra|a new|a|an") || t.substring(0, m.start()).matches(".*\\b(?:a|an|new|extra)\\s*$");
        String action;
        Matcher about = ABOUT_THEME.matcher(t.substring(m.start()));
        String theme = about.find() ? about.group(1).replaceAll("\\b(?:instead|please|pls|thanks|thank you)\\b", "").replaceAll("[.!?,;]+", " ")
                .replaceAll("^(?:the idea of|how)\\s+", "").replaceAll("\\s+", " ").strip() : null;
        boolean renewed = index != null && t.matches(".*\\bnew (?:first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th|last|final|opening|closing) (?:verse|chorus|refrain|bridge|stanza)\\b.*");
        if (renewed) {
            action = "rewrite";
        } else if (SECTION_LONGER.matcher(t).find() && !fresh) {
            action = "lengthen";
        } else if (SECTION_SHORTER.matcher(t).find()) {
            action = "shorten";
        } else if (SECTION_DROP.matcher(t).find() && !t.matches(".*\\b(?:drop|put|add|insert|throw) in\\b.*")) {
            action = "drop";
        } else if (SECTION_ADD.matcher(t).find() || (fresh && t.matches("^(?:can you |could you |please |now |and |then )?(?:write|give|make|i want|i'd like|let's have|how about)\\b.*")
                && !det.matches("a new") )) {
            action = "add";
        } else if (tone(t) != null && !fresh) {
            action = "rewrite";
        } else if (SECTION_REWRITE.matcher(t).find() || (fresh && det.equals("a new"))) {
            if (!SECTION_REWRITE_VERB.matcher(t).find() && !det.equals("a new") && NEW_PIECE.matcher(t.substring(0, m.start()) + (det.isEmpty() ? "" : det + " ")).find()) {
                return null; // "a 4-line verse about rain, AABB": new lyrics, not an edit of the ones we have
            }
            action = "rewrite";
        } else {
            return null;
        }
        JsonObject a = new JsonObject().put("action", action).put("section", section);
        if (index != null && !action.equals("add")) {
            a.put("index", index);
        }
        if (theme != null && !theme.isEmpty() && (action.equals("rewrite") || action.equals("add"))) {
            a.put("theme", theme);
        }
        String mood = tone(t);
        if (mood != null && (action.equals("rewrite") || action.equals("add"))) {
            a.put("mood", mood);
        }
        RequestText.count(t, "(?:more |extra )?lines?").filter(n -> !action.equals("drop") && !action.equals("rewrite")).ifPresent(n -> {
            if (action.equals("lengthen") && t.matches(".*\\b(?:\\d{1,2}|one|two|three|four|a couple of|a few) (?:more |extra )?lines? (?:to|on|onto|into)\\b.*")) {
                a.put("more", n);
            } else {
                a.put("lines", n);
            }
        });
        return a;
    }

    /** The mood a section should take ("sadder" → sad, "more hopeful" → hopeful), or null. */
    static String tone(String t) {
        Matcher m = SECTION_TONE.matcher(t);
        if (!m.find()) {
            return null;
        }
        if (m.group(2) != null) {
            return m.group(2);
        }
        return switch (m.group(1)) {
            case "sadder" -> "sad";
            case "happier" -> "happy";
            case "darker" -> "dark";
            case "brighter" -> "bright";
            case "lighter" -> "light";
            case "angrier" -> "angry";
            case "gentler" -> "gentle";
            case "softer" -> "soft";
            case "calmer" -> "calm";
            case "sweeter" -> "sweet";
            case "bleaker" -> "bleak";
            case "gloomier" -> "gloomy";
            case "moodier" -> "moody";
            case "funnier" -> "funny";
            default -> "silly";
        };
    }

    /** "faster" or "slower" when the message asks for a tempo change in any of the usual words ("speed it up", "slow it down a touch"), else null. */
    private static String tempoDirection(String t) {
        String d = IntentRouter.direction(t);
        if ("faster".equals(d) || "slower".equals(d)) {
            return d;
        }
        return t.matches(".*\\b(?:speed (?:it|this|that) up|quicker|quicken|brisker|livelier tempo|more quickly)\\b.*") ? "faster"
                : t.matches(".*\\b(?:slow (?:it|this|that) down|more slowly|calmer tempo|relax the tempo|take it down a notch)\\b.*") ? "slower" : null;
    }

    /** A key change ("transpose to A minor", "put it in the key of G", "change it to E minor"), or null: a bare letter needs "transpose", "key" or a mode. */
    private static Matcher keyChange(String t) {
        Matcher m = TRANSPOSE.matcher(t);
        return m.find() && (t.contains("transpose") || t.contains("key") || m.group(3) != null) ? m : null;
    }

    /** The text after the first colon or newline: the writer's own lines. */
    private static java.util.Optional<String> pasted(String original) {
        int colon = original.indexOf(':');
        int newline = original.indexOf('\n');
        int at = colon < 0 ? newline : newline < 0 ? colon : Math.min(colon, newline);
        if (at < 0) {
            return java.util.Optional.empty();
        }
        String text = original.substring(at + 1).strip();
        if (text.contains(" / ") && !text.contains("\n")) {
            text = text.replace(" / ", "\n");
        }
        return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text);
    }
}
