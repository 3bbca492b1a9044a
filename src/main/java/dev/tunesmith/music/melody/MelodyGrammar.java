package dev.tunesmith.music.melody;

import dev.tunesmith.music.lm.Vocabulary;
import dev.tunesmith.music.abc.Fraction;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Meter;

/**
 * Grammar constraint for decoding: which tokens may come next so that the result is a tune of
 * exactly {@code bars} complete bars of the meter, ending with {@code |]}.
 *
 * <p>Rules: a bar line is allowed only when the bar is full (the last one must be {@code |]},
 * the others {@code |}, or {@code ||} after every eighth bar); a note or rest only when it fits in the
 * bar and keeps the position on the sixteenth-note grid; a triplet {@code (3} only when its
 * two-eighth span fits, after which exactly three eighth notes follow; a tie only right after a
 * note and never before the final bar line. The note that completes the last bar is the tonic when
 * the vocabulary allows it.
 */
final class MelodyGrammar {

    private enum Kind { NOTE, REST, TIE, TRIPLET, BAR, FINAL_BAR, DOUBLE_BAR, OTHER }

    private static final Fraction SIXTEENTH = Fraction.of(1, 2);
    private static final Fraction TRIPLET_SPAN = Fraction.of(2);

    private final Kind[] kinds;
    private final Fraction[] eighths;
    private final int[] pitchClass;
    private final Fraction barLength;
    private final int bars;
    private final int tonic;

    private Fraction position = Fraction.ZERO;
    private int barsDone;
    private int tripletLeft;
    private boolean lastWasNote;
    private boolean done;

    MelodyGrammar(Vocabulary vocab, Key key, Meter meter, int bars) {
        int n = vocab.size();
        kinds = new Kind[n];
        eighths = new Fraction[n];
        pitchClass = new int[n];
        for (int i = 0; i < n; i++) {
            String t = vocab.token(i);
            MelodyTokens.NoteToken nt = MelodyTokens.parseNote(t);
            pitchClass[i] = -1;
            if (nt != null) {
                kinds[i] = nt.rest() ? Kind.REST : Kind.NOTE;
                eighths[i] = nt.eighths();
                if (!nt.rest()) {
                    int alter = nt.accidental() != null ? nt.accidental() : key.signatureAlter(nt.letter());
                    pitchClass[i] = Math.floorMod(Key.NATURAL[nt.letter()] + alter, 12);
                }
            } else {
                kinds[i] = switch (t) {
                    case "-" -> Kind.TIE;
                    case "(3" -> Kind.TRIPLET;
                    case "|" -> Kind.BAR;
                    case "||" -> Kind.DOUBLE_BAR;
                    case "|]" -> Kind.FINAL_BAR;
                    default -> Kind.OTHER;
                };
            }
        }
        if (!vocab.contains("|]") || !vocab.contains("|") || !vocab.contains("z/") && !vocab.contains("c/")) {
            throw new IllegalArgumentException("vocabulary lacks the tokens the grammar needs (|, |] and a sixteenth note)");
        }
        this.barLength = meter.barLength().div(Fraction.of(1, 8));
        this.bars = bars;
        this.tonic = key.tonicPitchClass();
    }

    boolean done() {
        return done;
    }

    int barsDone() {
        return barsDone;
    }

    /** Mask of the tokens allowed next. */
    boolean[] allowed() {
        boolean[] ok = new boolean[kinds.length];
        if (done) {
            return ok;
        }
        boolean lastBar = barsDone + 1 == bars;
        boolean full = position.equals(barLength);
        boolean anyTonic = false;
        for (int i = 0; i < kinds.length; i++) {
            ok[i] = switch (kinds[i]) {
                case BAR -> full && !lastBar;
                case DOUBLE_BAR -> full && !lastBar && (barsDone + 1) % 8 == 0;
                case FINAL_BAR -> full && lastBar;
                case TIE -> lastWasNote && !(full && lastBar);
                case TRIPLET -> !full && tripletLeft == 0 && position.plus(TRIPLET_SPAN).compareTo(barLength) <= 0;
                case NOTE, REST -> !full && fits(eighths[i]);
                case OTHER -> false;
            };
            if (ok[i] && lastBar && kinds[i] == Kind.NOTE && completes(eighths[i]) && pitchClass[i] == tonic) {
                anyTonic = true;
            }
        }
        if (anyTonic) {
            for (int i = 0; i < kinds.length; i++) {
                if (ok[i] && (kinds[i] == Kind.NOTE || kinds[i] == Kind.REST) && completes(eighths[i]) && pitchClass[i] != tonic) {
                    ok[i] = false;
                }
            }
        }
        return ok;
    }

    private boolean completes(Fraction d) {
        return tripletLeft == 0 && position.plus(d).equals(barLength);
    }

    private boolean fits(Fraction d) {
        if (tripletLeft > 0) {
            return d.equals(Fraction.ONE);
        }
        Fraction grid = d.div(SIXTEENTH);
        return grid.den() == 1 && position.plus(d).compareTo(barLength) <= 0;
    }

    /** Advances the state with a chosen token. */
    void accept(int id) {
        switch (kinds[id]) {
            case NOTE, REST -> {
                Fraction d = eighths[id];
                if (tripletLeft > 0) {
                    d = d.times(Fraction.of(2, 3));
                    tripletLeft--;
                }
                position = position.plus(d);
                lastWasNote = kinds[id] == Kind.NOTE;
            }
            case TIE -> lastWasNote = false;
            case TRIPLET -> {
                tripletLeft = 3;
                lastWasNote = false;
            }
            case BAR, DOUBLE_BAR, FINAL_BAR -> {
                barsDone++;
                position = Fraction.ZERO;
                lastWasNote = false;
                done = kinds[id] == Kind.FINAL_BAR;
            }
            case OTHER -> throw new IllegalStateException("token not allowed by the grammar");
        }
    }
}
