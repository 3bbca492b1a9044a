package dev.tunesmith.agent.offline;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.tunesmith.agent.tools.ToolOutcome;
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
                • build a playlist for a mood or moment: "rainy Sunday, a bit melancholic but hopeful, no jazz, 12 songs"
                • with limits: "under 100 bpm", "energy below 0.3", "max one song per artist", "no songs over 5 minutes"
                • refine it: "calmer", "swap the third one", "remove 2-4", "no more Radiohead", "add 3 more", "undo"
                • write lyrics: "lyrics about the sea, ABAB, 8 lines, 8 syllables"
                • compose a melody: "a jig in D, 16 bars" — and add chords: "harmonize it"
                • describe a track, classify a style, or show your listening profile.""";
    }

    /** Answers that need no tool: greetings, thanks, help, off-topic, gibberish, a clarifying question. */
    static String talk(IntentRouter.Intent intent, String message) {
        int v = Math.floorMod(message == null ? 0 : message.hashCode(), 3);
        return switch (intent) {
            case GREETING -> pick(v, "Hi! What are you in the mood for? Tell me a moment or a feeling — \"rainy Sunday, a bit melancholic\" — and I'll build a playlist.",
                    "Hello! I can make you a playlist, write lyrics or compose a melody. What shall we start with?",
                    "Hey there! Describe a mood, an activity or a genre and I'll put a playlist together.");
            case THANKS -> pick(v, "You're welcome — enjoy the music! Say the word if you want changes.",
                    "Glad you like it! I'm here if you want another playlist or a tweak.",
                    "Anytime! If you want it calmer, longer or without someone, just say so.");
            case OFF_TOPIC -> pick(v, "I'm only good with music, I'm afraid — but I can make you a playlist for whatever you're up to.",
                    "That's outside what I know. Music I can do: a playlist, some lyrics or a melody?",
                    "I can't help with that one, sorry. Want a playlist instead? Tell me the mood.");
            case GIBBERISH -> pick(v, "I didn't catch that. Try something like \"chill music for studying\" or \"write lyrics about the sea\".",
                    "Hmm, I couldn't read that. What would you like — a playlist, lyrics or a melody?",
                    "Sorry, that didn't make sense to me. Tell me a mood or an activity and I'll find music for it.");
            case CLARIFY -> pick(v, "Do you want a playlist for that? Tell me a mood or an activity, or say \"lyrics\" or \"melody\" if you'd rather create something.",
                    "I'm not sure what you'd like. A playlist (for which mood?), lyrics or a melody?",
                    "Could you say a bit more? For example \"upbeat songs for a run, 15 tracks\".");
            case PLAY -> "Press ▶ Play all on the playlist above: it plays the list in order, and a track's own ▶ starts the list"
                    + " from that track. It plays the tracks that have audio here: your own library's, and catalogue tracks with an"
                    + " audio link (streamed from their source); a list with none shows no ▶.";
            case SAVE -> "It's already saved: every playlist stays with its conversation, so it's here whenever you open this"
                    + " chat again. To take it elsewhere, use the Export buttons under it (M3U, XSPF or JSPF).";
            default -> help();
        };
    }

    private static String pick(int v, String... options) {
        return options[v % options.length];
    }

    /** A request the offline agent understood but whose tool this conversation does not offer. */
    static String unavailable(String message) {
        return "I understood \"" + shorten(message) + "\", but I can't do that here yet.";
    }

    /** The answer to a message with several edits: one paragraph per part, in order, from its tool's result. */
    static String compound(List<String> parts, java.util.Map<Integer, ToolExecutionResultMessage> done) {
        StringBuilder sb = new StringBuilder();
        int ok = 0;
        for (int i = 0; i < parts.size(); i++) {
            ToolExecutionResultMessage r = done.get(i);
            boolean failed = r == null || r.text() == null || !ToolOutcome.of(r).ok();
            ok += failed ? 0 : 1;
        }
        sb.append(ok == parts.size() ? "I made all " + parts.size() + " changes, in order:"
                : ok == 0 ? "I couldn't make any of the " + parts.size() + " changes:" : "I made " + ok + " of the " + parts.size() + " changes:");
        for (int i = 0; i < parts.size(); i++) {
            ToolExecutionResultMessage r = done.get(i);
            sb.append("\n\n").append(i + 1).append(". \u201c").append(shorten(parts.get(i))).append("\u201d \u2014 ");
            boolean laterLyrics = false;
            for (int j = i + 1; j < parts.size() && r != null; j++) {
                ToolExecutionResultMessage later = done.get(j);
                laterLyrics |= later != null && LYRIC_EDITS.contains(later.toolName()) && ToolOutcome.of(later).ok();
            }
            if (r == null) {
                sb.append("I couldn't do this one: I didn't understand it as a change to what we have.");
            } else if (laterLyrics && LYRIC_EDITS.contains(r.toolName()) && ToolOutcome.of(r).ok()) {
                // the lyrics are shown once, as the last edit left them
                sb.append("Done — ").append(editOf(r.text())).append('.');
            } else {
                sb.append(one(ToolOutcome.of(r)));
            }
        }
        return sb.toString();
    }

    private static final java.util.Set<String> LYRIC_EDITS = java.util.Set.of("editLyrics", "resizeLyrics", "moodLyrics");

    private static String editOf(String text) {
        try {
            return new JsonObject(text).getString("edit", "edited");
        } catch (DecodeException | ClassCastException e) {
            return "edited";
        }
    }

    private static String shorten(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 77) + "…" : t;
    }

    static String fromToolResults(List<ToolExecutionResultMessage> results) {
        StringBuilder sb = new StringBuilder();
        for (ToolExecutionResultMessage r : results) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(one(ToolOutcome.of(r)));
        }
        return sb.toString();
    }

    private static String one(ToolOutcome outcome) {
        String tool = outcome.tool();
        String text = outcome.text();
        JsonObject json = outcome.json();
        if (json == null) {
            return text; // not JSON: said as the tool (or LangChain4j, for an unexpected failure) worded it
        }
        if (!outcome.ok()) {
            String e = outcome.message();
            return "Sorry, I couldn't do that: " + e + (e.endsWith(".") || e.endsWith("?") ? "" : ".");
        }
        return switch (tool) {
            case "rankTracks", "similarTracks", "refinePlaylist" -> playlist(tool, json);
            case "generateLyrics" -> lyrics(json);
            case "generateMelody", "harmonizeMelody" -> melody(tool, json);
            case "editMelody" -> "Done — " + json.getString("edit", "edited") + ". " + melody(tool, json).replaceFirst("^A new melody", "Now");
            case "continueMyVerse", "rewriteLyricLine" -> lyrics(json);
            case "resizeLyrics" -> "Done — " + json.getString("edit", "resized") + ".\n" + lyrics(json);
            case "moodLyrics" -> "Done — " + json.getString("edit", "rewrote the song") + ".\n" + lyrics(json);
            case "editLyrics" -> "Done — " + json.getString("edit", "edited") + "."
                    + (json.getJsonArray("changedSections", new JsonArray()).size() < json.getJsonArray("sections", new JsonArray()).size()
                            ? " Every other section is as it was." : "") + "\n" + lyrics(json);
            case "checkMyLyrics" -> review(json);
            case "rhymesFor" -> rhymes(json);
            case "lookupMyProfile" -> profile(json);
            case "describeTrack" -> json.getString("description", "I found nothing to say about that track.");
            case "describePlaylist" -> json.getString("description", "I found nothing to say about that playlist.");
            case "classifyStyle" -> style(json);
            default -> text;
        };
    }

    /**
     * A playlist answer from the verified facts the service computed from the final list (never from
     * the request): the tracks themselves are shown as cards, so the text does not repeat them.
     */
    static String playlist(String tool, JsonObject p) {
        JsonArray items = p.getJsonArray("items", new JsonArray());
        JsonObject c = p.getJsonObject("constraints", new JsonObject());
        List<String> notes = strings(c.getJsonArray("notes"));
        if (items.isEmpty()) {
            return "I couldn't find tracks that fit all of that" + (notes.isEmpty() ? "" : " — " + String.join("; ", notes))
                    + ". Try loosening a limit.";
        }
        int n = items.size();
        String title = p.getString("title", "your playlist");
        int v = Math.floorMod(title.hashCode() + n, 3);
        StringBuilder sb = new StringBuilder();
        String change = c.getString("change");
        switch (tool) {
            case "refinePlaylist" -> sb.append(change == null ? "Updated" : "Done — " + change).append(". \"").append(title).append("\" now has ")
                    .append(n).append(n == 1 ? " track." : " tracks.");
            case "similarTracks" -> sb.append(pick(v, "Here are ", "I found ", "Try these: ")).append(n).append(" tracks in the same vein (\"")
                    .append(title).append("\").");
            default -> sb.append(pick(v, "Here's \"", "I made \"", "Your playlist \"")).append(title).append("\"")
                    .append(pick(v, " — ", ": ", " is ready: ")).append(n).append(n == 1 ? " track" : " tracks")
                    .append(pick(v, ", each with why it's there.", ".", ", with a reason for each."));
        }
        List<String> facts = strings(c.getJsonArray("facts"));
        if (!facts.isEmpty()) {
            sb.append("\nChecked on the final list: ").append(String.join(", ", facts)).append('.');
        }
        for (String note : notes) {
            sb.append("\nNote: ").append(Character.toUpperCase(note.charAt(0))).append(note.substring(1)).append('.');
        }
        if (!tool.equals("refinePlaylist")) {
            sb.append('\n').append(pick(v, "Say \"calmer\", \"swap the 3rd one\" or \"add 5 more\" to change it.",
                    "You can ask for changes: \"no rock\", \"remove 2 and 3\", \"make it 30 songs\".",
                    "Want tweaks? Try \"happier\", \"replace track 4 with something slower\" or \"undo\"."));
        }
        return sb.toString();
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(x -> {
                if (x != null && !String.valueOf(x).isBlank()) {
                    out.add(String.valueOf(x));
                }
            });
        }
        return out;
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
        // a tune asked for with its chords was harmonised as it was made
        boolean chords = "with its chords".equals(m.getString("edit"));
        String what = tool.equals("harmonizeMelody") ? "Chords added to the melody" : chords ? "A new melody with its chords" : "A new melody";
        return what + String.format(Locale.ROOT, ": %s bars in %s, %s time. It's drawn as sheet music above — press play to hear it.",
                m.getValue("bars", "?"), m.getString("key", "?"), m.getString("meter", "?"))
                + (tool.equals("generateMelody") && !chords ? " Say \"harmonize it\" for chords." : "");
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
            sb.append(String.format(Locale.ROOT, "\n• mood centre: brightness %.2f, energy %.2f", mood.getDouble("valence"), mood.getDouble("energy")));
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
            sb.append("; brightness ").append(s.getValue("valence"));
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
