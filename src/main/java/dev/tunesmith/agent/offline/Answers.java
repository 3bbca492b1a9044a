package dev.tunesmith.agent.offline;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Words the offline agent's answers from tool results. Plain text: the client inserts it as text. */
final class Answers {

    private Answers() {}

    static String help() {
        return """
                I'm Tunesmith. I can:
                • build a playlist for a mood or moment: "rainy Sunday, a bit melancholic but hopeful, no jazz"
                • refine it: "less upbeat", "swap the third one", "no more Radiohead", "make it 30 songs"
                • write lyrics: "lyrics about the sea, ABAB, 8 lines, 8 syllables"
                • compose a melody: "a jig in D, 16 bars" — and add chords: "harmonize it"
                • describe a track, classify a style, or show your listening profile.""";
    }

    static String fromToolResults(List<ToolExecutionResultMessage> results) {
        StringBuilder sb = new StringBuilder();
        for (ToolExecutionResultMessage r : results) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(one(r.toolName(), r.text()));
        }
        return sb.toString();
    }

    private static String one(String tool, String text) {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return text;
        }
        if (json.containsKey("error")) {
            return "Sorry, I couldn't do that: " + json.getString("error");
        }
        return switch (tool) {
            case "rankTracks", "similarTracks", "refinePlaylist" -> playlist(tool, json);
            case "generateLyrics" -> lyrics(json);
            case "generateMelody", "harmonizeMelody" -> melody(tool, json);
            case "editMelody" -> "Done — " + json.getString("edit", "edited") + ". " + melody(tool, json).replaceFirst("^A new melody", "Now");
            case "continueMyVerse", "rewriteLyricLine" -> lyrics(json);
            case "resizeLyrics" -> "Done — " + json.getString("edit", "resized") + ".\n" + lyrics(json);
            case "checkMyLyrics" -> review(json);
            case "rhymesFor" -> rhymes(json);
            case "lookupMyProfile" -> profile(json);
            case "describeTrack" -> json.getString("description", "I found nothing to say about that track.");
            case "classifyStyle" -> style(json);
            default -> text;
        };
    }

    private static String playlist(String tool, JsonObject p) {
        JsonArray items = p.getJsonArray("items", new JsonArray());
        if (items.isEmpty()) {
            return "I couldn't find tracks that satisfy all of that. Try loosening a constraint.";
        }
        String intro = switch (tool) {
            case "refinePlaylist" -> "Updated \"" + p.getString("title") + "\" — " + items.size() + " tracks:";
            case "similarTracks" -> "Tracks in the same vein — " + items.size() + ":";
            default -> "Here's \"" + p.getString("title") + "\" — " + items.size() + " tracks, each with why it's there:";
        };
        StringBuilder sb = new StringBuilder(intro);
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            sb.append('\n').append(item.getInteger("position", i + 1)).append(". ").append(item.getString("title"))
                    .append(" — ").append(item.getString("artist"));
        }
        JsonObject constraints = p.getJsonObject("constraints", new JsonObject());
        List<String> honoured = new ArrayList<>();
        constraints.forEach(e -> {
            String worded = constraint(e.getKey(), e.getValue());
            if (worded != null) {
                honoured.add(worded);
            }
        });
        if (!honoured.isEmpty()) {
            sb.append("\nGuaranteed: ").append(String.join(", ", honoured)).append('.');
        }
        if (constraints.containsKey("shortfall")) {
            sb.append("\nOnly ").append(items.size()).append(" tracks fit every constraint.");
        }
        sb.append("\nSay \"less upbeat\", \"swap the third one\" or \"make it longer\" to refine it.");
        return sb.toString();
    }

    /** A satisfied constraint in words, or null for ones not worth saying. */
    static String constraint(String key, Object value) {
        String v = String.valueOf(value);
        boolean empty = v.isBlank() || v.equals("[]") || v.equals("false") || v.equals("null");
        return switch (key) {
            case "noDuplicates" -> "Boolean.TRUE".equals(v) || "true".equals(v) ? "no duplicates" : null;
            case "maxPerArtist" -> "at most " + v + " per artist";
            case "excludeArtists", "excludeTags", "moodExcludedTags", "moodExcludedArtists" -> empty ? null : "no " + v.replaceAll("^\\[|\\]$", "");
            case "excludeTrackIds" -> empty ? null : "leaving out " + (v.replaceAll("[^,]", "").length() + 1) + " given tracks";
            case "energy" -> "energy within " + v;
            case "tempo" -> "tempo within " + v + " BPM";
            case "skipRecentlyPlayed" -> empty ? null : "nothing you played in the last day";
            case "diversityLambda" -> "varied (MMR λ " + v + ")";
            case "order" -> v.contains("energy") ? "ordered as an energy arc" : "ordered by " + v;
            case "count", "shortfall" -> null;
            default -> key + " " + v;
        };
    }

    private static String lyrics(JsonObject l) {
        JsonObject checks = l.getJsonObject("checks", new JsonObject());
        StringBuilder sb = new StringBuilder("Here are lyrics for \"" + l.getString("title", "your song") + "\":\n\n");
        sb.append(l.getString("text", "")).append("\n\n");
        Object scheme = checks.getValue("schemeAdherence");
        Object syllables = checks.getValue("syllableAdherence");
        if (scheme instanceof Number s && syllables instanceof Number y) {
            sb.append(String.format(Locale.ROOT, "Checked: %.0f%% of lines on the rhyme scheme, %.0f%% within one syllable of the target.",
                    s.doubleValue() * 100, y.doubleValue() * 100));
        }
        return sb.toString().trim();
    }

    private static String review(JsonObject r) {
        StringBuilder sb = new StringBuilder("Your lyrics");
        Object scheme = r.getValue("schemeFound");
        sb.append(scheme == null ? " don't follow a rhyme scheme I can find" : " follow " + scheme).append(", typically ")
                .append(r.getValue("typicalSyllables")).append(" syllables a line.");
        JsonArray lines = r.getJsonArray("lines", new JsonArray());
        for (int i = 0; i < lines.size(); i++) {
            JsonObject l = lines.getJsonObject(i);
            sb.append(String.format(Locale.ROOT, "\n%d. %s (%s syllables, rhyme %s)", l.getInteger("number"), l.getString("text"),
                    l.getValue("syllables"), l.getValue("rhymeClass")));
        }
        JsonArray suggestions = r.getJsonArray("suggestions", new JsonArray());
        sb.append(suggestions.isEmpty() ? "\nEvery rhyme is perfect and the lines are even." : "\nSuggestions:");
        suggestions.forEach(s -> sb.append("\n• ").append(s));
        return sb.toString();
    }

    private static String rhymes(JsonObject r) {
        StringBuilder sb = new StringBuilder("Rhymes for \"" + r.getString("word") + "\":");
        for (String kind : List.of("perfect", "near")) {
            JsonArray words = r.getJsonArray(kind, new JsonArray());
            List<String> shown = new ArrayList<>();
            words.forEach(w -> shown.add(((JsonObject) w).getString("word") + " (" + ((JsonObject) w).getValue("syllables") + ")"));
            sb.append("\n• ").append(kind).append(": ").append(shown.isEmpty() ? "none in my word list" : String.join(", ", shown));
        }
        return sb.toString();
    }

    private static String melody(String tool, JsonObject m) {
        String what = tool.equals("harmonizeMelody") ? "Chords added to the melody" : "A new melody";
        return what + String.format(Locale.ROOT, ": %s bars in %s, %s time. It's drawn as sheet music above — press play to hear it.",
                m.getValue("bars", "?"), m.getString("key", "?"), m.getString("meter", "?"))
                + (tool.equals("generateMelody") ? " Say \"harmonize it\" for chords." : "");
    }

    private static String profile(JsonObject p) {
        StringBuilder sb = new StringBuilder("Your listening profile:");
        JsonArray tags = p.getJsonArray("topTags", new JsonArray());
        JsonArray artists = p.getJsonArray("topArtists", new JsonArray());
        if (tags.isEmpty() && artists.isEmpty()) {
            return "You haven't listened to much yet — play, like or skip a few tracks and I'll learn your taste.";
        }
        sb.append("\n• top tags: ").append(names(tags));
        sb.append("\n• top artists: ").append(names(artists));
        JsonObject mood = p.getJsonObject("moodCentre", new JsonObject());
        if (mood.containsKey("valence")) {
            sb.append(String.format(Locale.ROOT, "\n• mood centre: valence %.2f, energy %.2f", mood.getDouble("valence"), mood.getDouble("energy")));
        }
        return sb.toString();
    }

    private static String names(JsonArray list) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(5, list.size()); i++) {
            Object o = list.getValue(i);
            out.add(o instanceof JsonObject j ? j.getString("name") + (j.containsKey("count") ? " (" + j.getValue("count") + ")" : "") : String.valueOf(o));
        }
        return out.isEmpty() ? "—" : String.join(", ", out);
    }

    private static String style(JsonObject s) {
        StringBuilder sb = new StringBuilder("That sounds like");
        JsonArray tags = s.getJsonArray("tags", new JsonArray());
        sb.append(tags.isEmpty() ? " nothing I can name precisely" : ": " + String.join(", ", tags.stream().map(String::valueOf).toList()));
        if (s.containsKey("energy")) {
            sb.append("; energy ").append(s.getValue("energy"));
        }
        if (s.containsKey("valence")) {
            sb.append("; valence ").append(s.getValue("valence"));
        }
        if (s.containsKey("tempo")) {
            sb.append("; tempo ").append(s.getValue("tempo"));
        }
        return sb.append('.').toString();
    }

    /** Splits prose into streamable pieces: each line, long lines by about eight words. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("(?<=\n)");
        for (String line : lines) {
            String[] words = line.split("(?<= )");
            StringBuilder piece = new StringBuilder();
            int n = 0;
            for (String w : words) {
                piece.append(w);
                if (++n == 8) {
                    out.add(piece.toString());
                    piece.setLength(0);
                    n = 0;
                }
            }
            if (!piece.isEmpty()) {
                out.add(piece.toString());
            }
        }
        return out;
    }
}
