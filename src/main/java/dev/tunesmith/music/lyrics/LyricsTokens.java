package dev.tunesmith.music.lyrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Word tokens for the lyrics model. A stanza reads {@code <s>} then, per line, {@code <l>} followed
 * by the line's words <em>in reverse order</em>, then {@code </s>}. Reversing lets decoding choose the
 * rhyme word first and write each line backwards from it.
 */
final class LyricsTokens {

    static final String PAD = "<pad>";
    static final String UNK = "<unk>";
    static final String START = "<s>";
    static final String END = "</s>";
    static final String LINE = "<l>";
    static final List<String> SPECIALS = List.of(PAD, UNK, START, END, LINE);

    private LyricsTokens() {}

    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        for (String w : LyricsChecker.words(line)) {
            String n = Pronunciations.normalise(w);
            if (!n.isEmpty() && !n.equals("'")) {
                out.add(n);
            }
        }
        return out;
    }

    static List<String> sequence(List<String> stanza) {
        List<String> seq = new ArrayList<>();
        seq.add(START);
        for (String line : stanza) {
            List<String> w = words(line);
            if (w.isEmpty()) {
                continue;
            }
            Collections.reverse(w);
            seq.add(LINE);
            seq.addAll(w);
        }
        seq.add(END);
        return seq;
    }
}
