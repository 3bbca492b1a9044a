package dev.tunesmith.music.abc;

import dev.tunesmith.music.abc.AbcElement.ChordSymbol;
import dev.tunesmith.music.abc.AbcElement.Field;
import dev.tunesmith.music.abc.AbcElement.MultiNote;
import dev.tunesmith.music.abc.AbcElement.Note;
import java.util.ArrayList;
import java.util.List;

/** Transposes a tune: key fields, notes (respelled in the new key) and chord symbols. */
public final class Transposer {

    private Transposer() {}

    /**
     * Transposes by {@code semitones} (−6…+6). Body key changes move by the same interval.
     *
     * @throws IllegalArgumentException when a note would need more than a double accidental
     */
    public static Tune transpose(Tune tune, int semitones) {
        if (semitones == 0) {
            return tune;
        }
        Key.Transposition tr = tune.key().transpose(semitones);
        List<Field> header = new ArrayList<>();
        for (Field f : tune.header()) {
            header.add(f.name() == 'K' ? new Field('K', tr.key().toString(), false) : f);
        }
        List<AbcElement> body = new ArrayList<>();
        for (AbcElement e : tune.body()) {
            body.add(switch (e) {
                case Note n -> move(n, tr);
                case MultiNote m -> new MultiNote(m.notes().stream().map(n -> move(n, tr)).toList(), m.tie());
                case ChordSymbol c -> {
                    ChordName name = ChordName.parse(c.text());
                    yield name == null ? c : new ChordSymbol(name.transpose(tr.steps(), tr.semitones()).toString());
                }
                case Field f when f.name() == 'K' -> new Field('K', Key.parse(f.value()).transpose(semitones).key().toString(), f.inline());
                default -> e;
            });
        }
        return new Tune(header, body);
    }

    private static Note move(Note n, Key.Transposition tr) {
        int abs = n.octave() * 7 + n.letter() + tr.steps();
        int octave = Math.floorDiv(abs, 7);
        int letter = Math.floorMod(abs, 7);
        int midi = n.midi() + tr.semitones();
        int alter = midi - (60 + 12 * octave + Key.NATURAL[letter]);
        if (alter < -2 || alter > 2) {
            throw new IllegalArgumentException("cannot spell transposed note");
        }
        return new Note(letter, octave, alter, n.length(), n.tie());
    }
}
