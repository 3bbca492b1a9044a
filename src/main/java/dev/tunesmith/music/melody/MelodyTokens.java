package dev.tunesmith.music.melody;

import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcElement.BarLine;
import dev.tunesmith.music.abc.AbcElement.ChordSymbol;
import dev.tunesmith.music.abc.AbcElement.Field;
import dev.tunesmith.music.abc.AbcElement.MultiNote;
import dev.tunesmith.music.abc.AbcElement.Note;
import dev.tunesmith.music.abc.AbcElement.Rest;
import dev.tunesmith.music.abc.AbcElement.Tuplet;
import dev.tunesmith.music.abc.AbcElement.Variant;
import dev.tunesmith.music.abc.AbcSerializer;
import dev.tunesmith.music.abc.Fraction;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Meter;
import dev.tunesmith.music.abc.Tune;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token vocabulary of tunes, and conversion between {@link Tune}s and token sequences.
 *
 * <p>A sequence reads {@code <bos> M:6/8 K:D <mood:lively> body... <eos>}. Token kinds:
 *
 * <ul>
 *   <li>special: {@code <pad> <unk> <bos> <eos>}; mood: {@code <mood:lively> <mood:calm> <mood:any>};
 *   <li>header: {@code M:n/d} (meter), {@code K:X} (key, tonic + {@code m} for minor);
 *   <li>note: one token per note, {@code [accidental]letter[octave marks][length]}, where the length
 *       is in eighth notes (as with {@code L:1/8}) and the accidental is written only when the pitch
 *       differs from the key signature (bar-accidental carry is resolved, so {@code c} always means
 *       the key-signature pitch); chords in brackets keep their top note;
 *   <li>rest: {@code z[length]};
 *   <li>tie {@code -}; tuplet {@code (3} or {@code (p:q:r};
 *   <li>bar lines {@code | || |] |: :| ::} and endings {@code [1 [2};
 *   <li>chord symbols {@code "Am"} (only in the harmony stream, {@code withChords = true}).
 * </ul>
 *
 * Slurs, decorations, spacing, parts and other fields are dropped. A key or meter change inside a
 * body starts a new sequence.
 */
public final class MelodyTokens {

    /** Padding. */
    public static final String PAD = "<pad>";
    /** Unknown token. */
    public static final String UNK = "<unk>";
    /** Begin of sequence. */
    public static final String BOS = "<bos>";
    /** End of sequence. */
    public static final String EOS = "<eos>";
    /** Mood: dense, quick rhythm. */
    public static final String LIVELY = "<mood:lively>";
    /** Mood: sparse, longer notes. */
    public static final String CALM = "<mood:calm>";
    /** Mood: unconditioned. */
    public static final String ANY = "<mood:any>";

    private static final Fraction EIGHTH = Fraction.of(1, 8);
    private static final Pattern NOTE = Pattern.compile("(\\^\\^|\\^|__|_|=)?([A-Ga-gz])([,']*)(\\d*)(?:/(\\d*))?");
    /** Mean note length (whole-note fractions) below which a tune counts as lively. */
    static final double LIVELY_MEAN_LENGTH = 0.145;

    private MelodyTokens() {}

    /** A decoded note or rest token. */
    record NoteToken(boolean rest, int letter, int octave, Integer accidental, Fraction eighths) {}

    /** Parses a note or rest token, or returns null for other tokens. */
    static NoteToken parseNote(String token) {
        Matcher m = NOTE.matcher(token);
        if (!m.matches()) {
            return null;
        }
        char l = m.group(2).charAt(0);
        long num = m.group(4).isEmpty() ? 1 : Long.parseLong(m.group(4));
        long den = m.group(5) == null ? 1 : m.group(5).isEmpty() ? 2 : Long.parseLong(m.group(5));
        Fraction len = Fraction.of(num, den);
        if (l == 'z') {
            return new NoteToken(true, 0, 0, null, len);
        }
        int letter = Key.LETTERS.indexOf(Character.toUpperCase(l));
        int octave = Character.isLowerCase(l) ? 1 : 0;
        for (char c : m.group(3).toCharArray()) {
            octave += c == ',' ? -1 : 1;
        }
        Integer acc = switch (m.group(1) == null ? "" : m.group(1)) {
            case "^^" -> 2;
            case "^" -> 1;
            case "=" -> 0;
            case "_" -> -1;
            case "__" -> -2;
            default -> null;
        };
        return new NoteToken(false, letter, octave, acc, len);
    }

    /** Key token text, e.g. {@code K:F#m}. */
    public static String keyToken(Key key) {
        return "K:" + key;
    }

    /** Meter token text, e.g. {@code M:6/8}. */
    public static String meterToken(Meter meter) {
        return "M:" + meter;
    }

    /** The mood tag of a body: lively when the mean note length is short. */
    static String moodOf(List<AbcElement> body) {
        Fraction total = Fraction.ZERO;
        int n = 0;
        for (AbcElement e : body) {
            if (e instanceof Note note) {
                total = total.plus(note.length());
                n++;
            } else if (e instanceof MultiNote m) {
                total = total.plus(m.notes().getFirst().length());
                n++;
            }
        }
        if (n == 0) {
            return ANY;
        }
        return total.toDouble() / n < LIVELY_MEAN_LENGTH ? LIVELY : CALM;
    }

    /**
     * Splits a tune into token sequences (one per stretch with constant key and meter).
     *
     * @param withChords keep chord symbols as tokens
     */
    public static List<List<String>> tokenize(Tune tune, boolean withChords) {
        List<List<String>> out = new ArrayList<>();
        Key key = tune.key();
        Meter meter = tune.meter();
        List<AbcElement> segment = new ArrayList<>();
        for (AbcElement e : tune.body()) {
            if (e instanceof Field f && (f.name() == 'K' || f.name() == 'M')) {
                flush(out, segment, key, meter, withChords);
                segment = new ArrayList<>();
                try {
                    if (f.name() == 'K') {
                        key = Key.parse(f.value());
                    } else {
                        meter = Meter.parse(f.value());
                    }
                } catch (IllegalArgumentException ex) {
                    return out;
                }
            } else {
                segment.add(e);
            }
        }
        flush(out, segment, key, meter, withChords);
        return out;
    }

    private static void flush(List<List<String>> out, List<AbcElement> segment, Key key, Meter meter, boolean withChords) {
        List<String> body = bodyTokens(segment, key, withChords);
        long notes = body.stream().filter(t -> parseNote(t) != null).count();
        if (notes < 8) {
            return;
        }
        List<String> seq = new ArrayList<>();
        seq.add(BOS);
        seq.add(meterToken(meter));
        seq.add(keyToken(key));
        seq.add(moodOf(segment));
        seq.addAll(body);
        seq.add(EOS);
        out.add(seq);
    }

    /** Body tokens of a list of elements in a key. */
    public static List<String> bodyTokens(List<AbcElement> body, Key key, boolean withChords) {
        List<String> t = new ArrayList<>();
        for (AbcElement e : body) {
            switch (e) {
                case Note n -> addNote(t, n, key);
                case MultiNote m -> addNote(t, m.notes().stream().max(Comparator.comparingInt(Note::midi)).orElseThrow(), key);
                case Rest r -> t.add("z" + AbcSerializer.length(r.length().div(EIGHTH)));
                case Tuplet tu -> t.add(tu.p() == 3 && tu.q() == 2 && tu.r() == 3 ? "(3" : "(" + tu.p() + ":" + tu.q() + ":" + tu.r());
                case BarLine b -> t.add(normaliseBar(b.text()));
                case Variant v -> t.add("[" + v.text().charAt(0));
                case ChordSymbol c -> {
                    if (withChords) {
                        t.add("\"" + c.text() + "\"");
                    }
                }
                default -> {}
            }
        }
        return t;
    }

    private static void addNote(List<String> t, Note n, Key key) {
        StringBuilder s = new StringBuilder();
        if (n.alter() != key.signatureAlter(n.letter())) {
            s.append(AbcSerializer.accidental(n.alter()));
        }
        s.append(AbcSerializer.pitchName(n.letter(), n.octave()));
        s.append(AbcSerializer.length(n.length().div(EIGHTH)));
        t.add(s.toString());
        if (n.tie()) {
            t.add("-");
        }
    }

    /** Maps the many bar-line spellings to {@code | || |] |: :| ::}. */
    static String normaliseBar(String bar) {
        boolean start = bar.endsWith(":");
        boolean end = bar.startsWith(":");
        if (start && end) {
            return "::";
        }
        if (start) {
            return "|:";
        }
        if (end) {
            return ":|";
        }
        if (bar.equals("|]")) {
            return "|]";
        }
        return bar.equals("||") ? "||" : "|";
    }

    /**
     * Builds body elements from body tokens (no header tokens), resolving accidentals against
     * {@code key}.
     */
    public static List<AbcElement> toElements(List<String> tokens, Key key) {
        List<AbcElement> body = new ArrayList<>();
        for (String tok : tokens) {
            NoteToken nt = parseNote(tok);
            if (nt != null) {
                Fraction len = nt.eighths().times(EIGHTH);
                if (nt.rest()) {
                    body.add(new Rest(len, false));
                } else {
                    int alter = nt.accidental() != null ? nt.accidental() : key.signatureAlter(nt.letter());
                    body.add(new Note(nt.letter(), nt.octave(), alter, len, false));
                }
            } else if (tok.equals("-")) {
                for (int i = body.size() - 1; i >= 0; i--) {
                    if (body.get(i) instanceof Note n) {
                        body.set(i, new Note(n.letter(), n.octave(), n.alter(), n.length(), true));
                        break;
                    }
                }
            } else if (tok.startsWith("(")) {
                String[] p = tok.substring(1).split(":");
                int pp = Integer.parseInt(p[0]);
                body.add(p.length == 3 ? new Tuplet(pp, Integer.parseInt(p[1]), Integer.parseInt(p[2])) : new Tuplet(pp, 2, pp));
            } else if (tok.startsWith("|") || tok.startsWith(":")) {
                body.add(new BarLine(tok));
            } else if (tok.startsWith("[")) {
                body.add(new Variant(tok.substring(1)));
            } else if (tok.startsWith("\"")) {
                body.add(new ChordSymbol(tok.substring(1, tok.length() - 1)));
            }
        }
        return body;
    }
}
