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

    private CreationEdits() {}

    static IntentRouter.Intent intent(String t, String lastCreation) {
        boolean hasMelody = "melody".equals(lastCreation);
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
                && (t.matches(".*\\b(shorter|longer|faster|slower|tempo|bpm|meter|time signature|waltz time)\\b.*")
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
        } else if (t.contains("waltz time")) {
            a.put("action", "meter").put("meter", "3/4");
        } else if (bpm.find()) {
            a.put("action", "tempo").put("tempo", Integer.parseInt(bpm.group(1)));
        } else if (t.matches(".*\\b(faster|slower)\\b.*")) {
            a.put("action", "tempo").put("tempo", t.contains("faster") ? 140 : 80);
        } else if (t.matches(".*\\b(shorter|longer)\\b.*")) {
            a.put("action", "length").put("direction", t.contains("shorter") ? "shorter" : "longer");
            RequestText.count(t, "(?:bars?|measures?)").ifPresent(n -> a.put("bars", n));
        } else {
            a.put("action", "harmonize");
        }
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
