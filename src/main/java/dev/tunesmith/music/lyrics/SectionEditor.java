package dev.tunesmith.music.lyrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Edits of one section of a song's lyrics: shorten or lengthen it, rewrite it (on the song's theme or
 * a new one), drop it, or add a section. Stanzas are the text's blocks between blank lines; what each
 * is (verse, chorus, bridge) comes from the artifact when it says, else a stanza that occurs more than
 * once word for word is the chorus and the others are verses. Everything the edit does not touch is
 * kept byte for byte, and the chorus stays one chorus: a change to it is made wherever it is sung.
 */
public final class SectionEditor {

    /** One stanza. */
    public record Section(String kind, String text) {
        public List<String> lines() {
            return List.of(text.split("\n"));
        }
    }

    /**
     * What to do.
     *
     * @param action shorten | lengthen | rewrite | drop | add
     * @param section verse | chorus | bridge
     * @param index 1-based among the sections of that kind, -1 for the last, null for "the" one
     * @param theme what a rewritten or added section is about (null: the song's theme)
     * @param lines the section's new number of lines (null: about half as many, or two more)
     * @param more for lengthen without {@code lines}: how many lines to add (null: two)
     * @param mood for rewrite and add: how the section should feel ("sad" for "make the second verse sadder"), on the
     *     same subject; null keeps the song's own
     */
    public record Edit(String action, String section, Integer index, String theme, Integer lines, Integer more, String mood) {
        public static final List<String> ACTIONS = List.of("shorten", "lengthen", "rewrite", "drop", "add");
        public static final List<String> SECTIONS = List.of("verse", "chorus", "bridge");

        public Edit {
            action = action == null ? null : action.strip().toLowerCase(Locale.ROOT);
            section = section == null ? null : section.strip().toLowerCase(Locale.ROOT);
            if (action == null || !ACTIONS.contains(action)) {
                throw new IllegalArgumentException("the edit must be one of " + String.join(", ", ACTIONS));
            }
            if (section == null || !SECTIONS.contains(section)) {
                throw new IllegalArgumentException("say which section: verse, chorus or bridge");
            }
        }

        public Edit(String action, String section, Integer index, String theme, Integer lines) {
            this(action, section, index, theme, lines, null, null);
        }

        public Edit(String action, String section, Integer index, String theme, Integer lines, Integer more) {
            this(action, section, index, theme, lines, more, null);
        }
    }

    /**
     * The edited lyrics.
     *
     * @param text the new text
     * @param sections what each stanza is
     * @param changed 0-based stanzas of the new text that the edit wrote or shortened
     * @param change what was done, in words, from the actual result
     */
    public record Result(String text, List<String> sections, List<Integer> changed, String change) {}

    private final Pronunciations dict;
    private final ThemedLyricsGenerator writer;

    public SectionEditor(Pronunciations dict, ThemedLyricsGenerator writer) {
        this.dict = dict;
        this.writer = writer;
    }

    /** The text's stanzas; {@code kinds} (may be empty or null) names them when it has one name per stanza. */
    public static List<Section> split(String text, List<String> kinds) {
        List<String> blocks = new ArrayList<>();
        for (String b : text.strip().split("\\n[ \\t]*\\n+")) {
            if (!b.isBlank()) {
                blocks.add(b.strip());
            }
        }
        List<Section> out = new ArrayList<>();
        boolean named = kinds != null && kinds.size() == blocks.size();
        Map<String, Integer> seen = new LinkedHashMap<>();
        blocks.forEach(b -> seen.merge(b, 1, Integer::sum));
        for (int i = 0; i < blocks.size(); i++) {
            String kind = named ? kinds.get(i).toLowerCase(Locale.ROOT) : seen.get(blocks.get(i)) > 1 ? "chorus" : "verse";
            out.add(new Section(kind, blocks.get(i)));
        }
        return out;
    }

    /**
     * Applies {@code e} to the lyrics {@code text}.
     *
     * @param theme the song's theme (for rewrites and additions without their own)
     * @param syllables target syllables per line of new lines (null: the song's typical count)
     * @throws IllegalArgumentException when the section is not there or the edit cannot be made, with the reason
     */
    public Result apply(String text, List<String> kinds, String theme, Integer syllables, Edit e, Long seed) {
        List<Section> song = new ArrayList<>(split(text, kinds));
        if (song.isEmpty()) {
            throw new IllegalArgumentException("there are no lyrics to edit");
        }
        int target = syllables != null ? syllables : typicalSyllables(song);
        String songTheme = theme == null || theme.isBlank() ? "a song" : theme.strip();
        List<Integer> at = positions(song, e.section());
        if (e.action().equals("add")) {
            return add(song, e, felt(e.theme() != null && !e.theme().isBlank() ? e.theme().strip() : songTheme, e.mood()), target, seed);
        }
        if (at.isEmpty()) {
            throw new IllegalArgumentException("there is no " + e.section() + " in these lyrics (they have " + describe(song) + ")");
        }
        List<Integer> chosen = choose(song, at, e);
        String label = label(song, at, chosen, e);
        List<String> before = song.get(chosen.getFirst()).lines();
        List<Integer> changed = new ArrayList<>();
        String change;
        switch (e.action()) {
            case "drop" -> {
                for (int i = chosen.size() - 1; i >= 0; i--) {
                    song.remove((int) chosen.get(i));
                }
                if (song.isEmpty()) {
                    throw new IllegalArgumentException("that would leave no lyrics at all");
                }
                change = "dropped " + label + " (" + before.size() + " lines" + (chosen.size() > 1 ? " each" : "") + "); the song now has "
                        + describe(song);
            }
            case "shorten" -> {
                int n = before.size();
                int m = e.lines() != null ? e.lines() : Math.max(1, n / 2);
                if (n <= 1 || m >= n || m < 1) {
                    throw new IllegalArgumentException(label + " has " + n + (n == 1 ? " line" : " lines")
                            + (m >= n && n > 1 ? "; to shorten it, ask for fewer than " + n : " and cannot be shorter"));
                }
                List<String> kept = keepRhymes(before, m);
                replace(song, chosen, kept, changed);
                change = "shortened " + label + " from " + n + " to " + kept.size() + " lines" + sungTimes(chosen);
            }
            case "lengthen" -> {
                int n = before.size();
                int m = e.lines() != null ? e.lines() : n + (e.more() != null ? e.more() : 2);
                if (m <= n || m > 16) {
                    throw new IllegalArgumentException(label + " has " + n + " lines; a longer one has " + (n + 1) + " to 16");
                }
                String pattern = extend(letters(before), m);
                List<String> ends = before.stream().map(SectionEditor::endWord).toList();
                List<String> more = writer.continueLines(songTheme + " " + String.join(" ", before), pattern, ends, target, seed);
                List<String> longer = new ArrayList<>(before);
                longer.addAll(more);
                replace(song, chosen, longer, changed);
                change = "lengthened " + label + " from " + n + " to " + longer.size() + " lines" + sungTimes(chosen);
            }
            default -> {
                String about = felt(e.theme() != null && !e.theme().isBlank() ? e.theme().strip() : songTheme, e.mood());
                List<String> others = new ArrayList<>();
                for (int i = 0; i < song.size(); i++) {
                    if (!chosen.contains(i)) {
                        others.addAll(song.get(i).lines());
                    }
                }
                List<String> fresh = writer.stanza(about, extend(letters(before), before.size()), target, e.section().equals("chorus"), others, seed);
                replace(song, chosen, fresh, changed);
                change = "rewrote " + label + " " + aboutText(about) + " (" + fresh.size() + " lines)" + sungTimes(chosen);
            }
        }
        return result(song, changed, change);
    }

    /** {@code about} with {@code mood} in place of its own mood ("sad song about leaving home"), or as it is without one. */
    private String felt(String about, String mood) {
        return mood == null || mood.isBlank() ? about : Theme.withMood(mood, Theme.of(about, dict).text());
    }

    /** "about the sea", or "about leaving home, sad" for a theme with a mood. */
    private String aboutText(String about) {
        Theme t = Theme.of(about, dict);
        return t.moods().isEmpty() ? "about " + about : "about " + t.text() + ", " + String.join(" and ", t.moods());
    }

    private Result add(List<Section> song, Edit e, String about, int target, Long seed) {
        List<Integer> same = positions(song, e.section());
        List<Integer> choruses = positions(song, "chorus");
        List<Integer> changed = new ArrayList<>();
        String change;
        if (e.section().equals("chorus") && !choruses.isEmpty()) {
            Section chorus = song.get(choruses.getFirst());
            song.add(chorus);
            changed.add(song.size() - 1);
            change = "added the chorus once more at the end (it is now sung " + (choruses.size() + 1) + " times)";
            return result(song, changed, change);
        }
        List<Integer> verses = positions(song, "verse");
        List<String> model = !same.isEmpty() ? song.get(same.getFirst()).lines() : !verses.isEmpty() ? song.get(verses.getFirst()).lines()
                : song.getFirst().lines();
        int n = e.lines() != null ? e.lines() : model.size();
        if (n < 1 || n > 16) {
            throw new IllegalArgumentException("a section has 1 to 16 lines");
        }
        List<String> others = song.stream().flatMap(s -> s.lines().stream()).toList();
        List<String> fresh = writer.stanza(about, extend(letters(model), n), target, e.section().equals("chorus"), others, seed);
        Section added = new Section(e.section(), String.join("\n", fresh));
        String ordinal = ordinal(same.size() + 1);
        switch (e.section()) {
            case "verse" -> {
                song.add(added);
                changed.add(song.size() - 1);
                change = "added a " + ordinal + " verse " + aboutText(about) + " (" + n + " lines)";
                if (!choruses.isEmpty()) {
                    song.add(song.get(choruses.getFirst()));
                    change += ", followed by the chorus";
                }
            }
            case "bridge" -> {
                int where = !choruses.isEmpty() && choruses.getLast() == song.size() - 1 ? song.size() - 1 : song.size();
                song.add(where, added);
                changed.add(where);
                change = "added a " + (same.isEmpty() ? "" : ordinal + " ") + "bridge " + aboutText(about) + " (" + n + " lines)"
                        + (where < song.size() - 1 ? " before the last chorus" : " at the end");
            }
            default -> {
                // a first chorus: after the first verse and at the end
                int first = verses.isEmpty() ? 0 : verses.getFirst() + 1;
                song.add(first, added);
                changed.add(first);
                if (first < song.size() - 1) {
                    song.add(added);
                    changed.add(song.size() - 1);
                }
                change = "added a chorus " + aboutText(about) + " (" + n + " lines)" + (changed.size() > 1 ? " after the first verse and at the end" : "");
            }
        }
        return result(song, changed, change);
    }

    private static Result result(List<Section> song, List<Integer> changed, String change) {
        StringBuilder text = new StringBuilder();
        for (Section s : song) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(s.text());
        }
        return new Result(text.toString(), song.stream().map(Section::kind).toList(), List.copyOf(changed), change);
    }

    /** The stanzas the edit applies to: one verse or bridge; every time the chorus is sung, except when one instance is dropped. */
    private static List<Integer> choose(List<Section> song, List<Integer> at, Edit e) {
        if (e.section().equals("chorus") && !(e.action().equals("drop") && e.index() != null)) {
            String first = song.get(at.getFirst()).text();
            List<Integer> all = new ArrayList<>();
            for (int i : at) {
                if (song.get(i).text().equals(first)) {
                    all.add(i);
                }
            }
            return all;
        }
        if (e.index() == null) {
            if (at.size() > 1 && e.action().equals("rewrite")) {
                throw new IllegalArgumentException("which " + e.section() + "? there are " + at.size() + " — say \"the second " + e.section() + "\", for example");
            }
            return e.action().equals("drop") || at.size() == 1 ? List.of(at.getLast()) : List.copyOf(at);
        }
        int i = e.index() == -1 ? at.size() : e.index();
        if (i < 1 || i > at.size()) {
            throw new IllegalArgumentException("there " + (at.size() == 1 ? "is only one " + e.section() : "are only " + at.size() + " " + e.section() + "s")
                    + ", not a " + ordinal(i));
        }
        return List.of(at.get(i - 1));
    }

    private static String label(List<Section> song, List<Integer> at, List<Integer> chosen, Edit e) {
        if (e.section().equals("chorus")) {
            return chosen.size() == 1 && at.size() > 1 ? "the " + ordinal(at.indexOf(chosen.getFirst()) + 1) + " chorus" : "the chorus";
        }
        if (chosen.size() > 1) {
            return "every " + e.section();
        }
        return at.size() == 1 ? "the " + e.section() : "the " + ordinal(at.indexOf(chosen.getFirst()) + 1) + " " + e.section();
    }

    private static String sungTimes(List<Integer> chosen) {
        return chosen.size() > 1 ? " (all " + chosen.size() + " times it is sung)" : "";
    }

    private static void replace(List<Section> song, List<Integer> chosen, List<String> lines, List<Integer> changed) {
        for (int i : chosen) {
            song.set(i, new Section(song.get(i).kind(), String.join("\n", lines)));
            changed.add(i);
        }
    }

    private static List<Integer> positions(List<Section> song, String kind) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < song.size(); i++) {
            if (song.get(i).kind().equals(kind)) {
                out.add(i);
            }
        }
        return out;
    }

    /** "2 verses, a chorus sung twice and a bridge". */
    static String describe(List<Section> song) {
        Map<String, Integer> count = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> distinct = new LinkedHashMap<>();
        for (Section s : song) {
            count.merge(s.kind(), 1, Integer::sum);
            distinct.computeIfAbsent(s.kind(), k -> new java.util.HashSet<>()).add(s.text());
        }
        List<String> parts = new ArrayList<>();
        count.forEach((k, n) -> {
            if (k.equals("chorus") && distinct.get(k).size() == 1) {
                parts.add("a chorus" + (n == 1 ? "" : n == 2 ? " sung twice" : " sung " + n + " times"));
            } else {
                parts.add(n == 1 ? "a " + k : n + " " + k + (k.endsWith("s") ? "es" : "s"));
            }
        });
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            case 4 -> "fourth";
            case 5 -> "fifth";
            case 6 -> "sixth";
            case 7 -> "seventh";
            case 8 -> "eighth";
            default -> n + "th";
        };
    }

    /** {@code m} of the lines, in order, keeping as many rhyming pairs as possible (and the first line, which often carries the hook). */
    private List<String> keepRhymes(List<String> lines, int m) {
        String letters = letters(lines);
        int n = lines.size();
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) != m) {
                continue;
            }
            double score = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (j != i && (mask & (1 << j)) != 0 && letters.charAt(i) == letters.charAt(j)) {
                        score += 10;
                        break;
                    }
                }
                score -= i * 0.1;
            }
            score += (mask & 1) != 0 ? 3 : 0;
            if (score > bestScore) {
                bestScore = score;
                best = mask;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if ((best & (1 << i)) != 0) {
                out.add(lines.get(i));
            }
        }
        return out;
    }

    /** Rhyme letters of the lines, from their end words (A for the first, a new letter for each line that rhymes with none before). */
    String letters(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        List<String> ends = new ArrayList<>();
        char next = 'A';
        for (String l : lines) {
            String end = endWord(l);
            char letter = 0;
            for (int j = 0; j < ends.size(); j++) {
                String o = ends.get(j);
                if (!o.isEmpty() && !end.isEmpty() && (o.equals(end) || dict.rhymes(o, end))) {
                    letter = sb.charAt(j);
                    break;
                }
            }
            if (letter == 0) {
                letter = next++;
            }
            sb.append(letter);
            ends.add(end);
        }
        return sb.toString();
    }

    /** The pattern repeated on to {@code m} letters ("ABAB" to 6 → "ABABAB"; "AB" to 4 → "ABAB"). */
    private static String extend(String letters, int m) {
        StringBuilder sb = new StringBuilder(letters.substring(0, Math.min(letters.length(), m)));
        int i = 0;
        while (sb.length() < m) {
            sb.append(letters.charAt(i++ % letters.length()));
        }
        return sb.toString();
    }

    private static String endWord(String line) {
        List<String> w = LyricsChecker.words(line);
        return w.isEmpty() ? "" : Pronunciations.normalise(w.getLast());
    }

    private int typicalSyllables(List<Section> song) {
        List<Integer> counts = new ArrayList<>();
        for (Section s : song) {
            for (String l : s.lines()) {
                int n = 0;
                for (String w : LyricsChecker.words(l)) {
                    n += dict.syllables(w);
                }
                if (n > 0) {
                    counts.add(n);
                }
            }
        }
        if (counts.isEmpty()) {
            return 8;
        }
        Collections.sort(counts);
        return Math.max(2, Math.min(20, counts.get(counts.size() / 2)));
    }
}
