package dev.tunesmith.music.abc;

import java.util.List;

/**
 * One element of a tune body. Lengths are absolute fractions of a whole note (a crotchet is 1/4),
 * independent of the {@code L:} field in force; tuplet scaling is applied by {@link TuneTiming}.
 */
public sealed interface AbcElement {

    /**
     * A note.
     *
     * @param letter 0 = C … 6 = B
     * @param octave 0 for {@code C..B} (middle octave, C = MIDI 60), 1 for {@code c..b}, −1 for {@code C,..B,}
     * @param alter effective alteration after key signature and bar accidentals (−2…+2)
     * @param length absolute length
     * @param tie tied to the next note
     */
    record Note(int letter, int octave, int alter, Fraction length, boolean tie) implements AbcElement {
        /** MIDI pitch number. */
        public int midi() {
            return 60 + 12 * octave + Key.NATURAL[letter] + alter;
        }

        /** Copy with another length. */
        public Note withLength(Fraction l) {
            return new Note(letter, octave, alter, l, tie);
        }
    }

    /**
     * A rest.
     *
     * @param length absolute length
     * @param invisible written {@code x} instead of {@code z}
     */
    record Rest(Fraction length, boolean invisible) implements AbcElement {}

    /**
     * Simultaneous notes {@code [ceg]}; the element lasts as long as its first note.
     *
     * @param notes the notes
     * @param tie tied to the next element
     */
    record MultiNote(List<Note> notes, boolean tie) implements AbcElement {
        /** Copies the list. */
        public MultiNote {
            notes = List.copyOf(notes);
        }
    }

    /**
     * A chord symbol such as {@code "Am"} or {@code "D7/f+"} (text without quotes).
     *
     * @param text the symbol
     */
    record ChordSymbol(String text) implements AbcElement {}

    /**
     * Tuplet {@code (p:q:r}: the next {@code r} notes take the time of {@code q}.
     *
     * @param p notes written
     * @param q time of q notes
     * @param r notes affected
     */
    record Tuplet(int p, int q, int r) implements AbcElement {}

    /**
     * A bar line: {@code | || |] [| |: :| ::}.
     *
     * @param text the bar line as written
     */
    record BarLine(String text) implements AbcElement {
        /** True for bar lines that end a repeat. */
        public boolean endsRepeat() {
            return text.startsWith(":");
        }
    }

    /**
     * Start of a first/second ending, e.g. {@code [1}.
     *
     * @param text the ending numbers, e.g. {@code 1} or {@code 1,3}
     */
    record Variant(String text) implements AbcElement {}

    /**
     * A field inside the body ({@code K:}, {@code M:}, {@code L:}, {@code P:} ...), on its own line or
     * inline in brackets.
     *
     * @param name field letter
     * @param value field value
     * @param inline written as {@code [K:G]}
     */
    record Field(char name, String value, boolean inline) implements AbcElement {}

    /**
     * A decoration such as {@code ~}, {@code .} or {@code !trill!}.
     *
     * @param text the decoration as written
     */
    record Decoration(String text) implements AbcElement {}

    /**
     * A slur start or end.
     *
     * @param open true for {@code (}
     */
    record Slur(boolean open) implements AbcElement {}

    /** A space between notes (beam break). */
    record Space() implements AbcElement {}

    /** End of a music line. */
    record LineBreak() implements AbcElement {}
}
