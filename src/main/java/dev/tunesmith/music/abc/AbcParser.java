package dev.tunesmith.music.abc;

import dev.tunesmith.music.abc.AbcElement.BarLine;
import dev.tunesmith.music.abc.AbcElement.ChordSymbol;
import dev.tunesmith.music.abc.AbcElement.Decoration;
import dev.tunesmith.music.abc.AbcElement.Field;
import dev.tunesmith.music.abc.AbcElement.LineBreak;
import dev.tunesmith.music.abc.AbcElement.MultiNote;
import dev.tunesmith.music.abc.AbcElement.Note;
import dev.tunesmith.music.abc.AbcElement.Rest;
import dev.tunesmith.music.abc.AbcElement.Slur;
import dev.tunesmith.music.abc.AbcElement.Space;
import dev.tunesmith.music.abc.AbcElement.Tuplet;
import dev.tunesmith.music.abc.AbcElement.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parser for the subset of ABC 2.1 used by folk tune books: header fields, notes with accidentals,
 * octave marks and lengths, rests, chords in brackets, chord symbols, ties, slurs, tuplets,
 * decorations, bar lines, repeats, first/second endings, body and inline fields, comments and line
 * continuation. Anything else is rejected with an {@link AbcParseException} naming the line and
 * column. Broken rhythm ({@code > <}), multi-bar rests ({@code Z}), grace notes and lyrics lines are
 * not supported.
 */
public final class AbcParser {

    private static final Pattern FIELD_LINE = Pattern.compile("^[A-Za-z]:.*");
    private static final String DECORATION_CHARS = "~.HLMOPSTuv";

    private AbcParser() {}

    /** Parses a file holding one or more tunes, each starting with {@code X:}; strict. */
    public static List<Tune> parseBook(String text) {
        return parseBook(text, false);
    }

    /**
     * Parses a file holding one or more tunes, each starting with {@code X:}.
     *
     * @param lenient repair the one defect known in the Nottingham corpus (a chord {@code [..} left
     *     unclosed before other music) instead of rejecting it
     */
    public static List<Tune> parseBook(String text, boolean lenient) {
        String[] lines = text.split("\r?\n", -1);
        List<Tune> tunes = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lines.length; i++) {
            boolean boundary = i == lines.length || lines[i].startsWith("X:");
            if (boundary && start >= 0) {
                tunes.add(new State(lines, start, i, lenient).parseTune());
            }
            if (boundary) {
                start = i;
            }
        }
        return tunes;
    }

    /** Parses exactly one tune ({@code X:} optional). */
    public static Tune parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        return new State(lines, 0, lines.length, false).parseTune();
    }

    private static final class State {
        private final String[] lines;
        private final int from;
        private final int to;
        private final List<AbcElement> body = new ArrayList<>();
        private final Map<Integer, Integer> barAccidentals = new HashMap<>();
        private Key key;
        private Fraction unit;
        private Meter meter;
        private String line;
        private int lineNo;
        private int pos;

        private final boolean lenient;

        State(String[] lines, int from, int to, boolean lenient) {
            this.lenient = lenient;
            this.lines = lines;
            this.from = from;
            this.to = to;
        }

        Tune parseTune() {
            List<Field> header = new ArrayList<>();
            int i = from;
            boolean seenKey = false;
            for (; i < to && !seenKey; i++) {
                String l = lines[i];
                lineNo = i + 1;
                if (l.isBlank() && header.isEmpty() || l.startsWith("%")) {
                    continue;
                }
                if (!FIELD_LINE.matcher(l).matches()) {
                    throw error(l.isBlank() ? "missing K: field before the end of the header" : "expected a header field such as M:, L: or K: before the music", 1);
                }
                Field f = new Field(l.charAt(0), l.substring(2).strip(), false);
                header.add(f);
                if (f.name() == 'K') {
                    seenKey = true;
                }
            }
            if (!seenKey) {
                lineNo = Math.max(from + 1, Math.min(i, lines.length));
                throw error("missing K: field (the header must end with K:)", 1);
            }
            Tune headerOnly = new Tune(header, List.of());
            try {
                meter = headerOnly.meter();
            } catch (IllegalArgumentException e) {
                throw errorAtField(header, 'M', e.getMessage());
            }
            try {
                key = headerOnly.key();
            } catch (IllegalArgumentException e) {
                throw errorAtField(header, 'K', e.getMessage());
            }
            try {
                unit = headerOnly.unitLength();
                if (!unit.isPositive()) {
                    throw new IllegalArgumentException("unit length must be positive");
                }
            } catch (RuntimeException e) {
                throw errorAtField(header, 'L', "invalid unit length: " + e.getMessage());
            }
            for (; i < to; i++) {
                line = lines[i];
                lineNo = i + 1;
                if (line.isBlank()) {
                    break;
                }
                if (line.startsWith("%")) {
                    continue;
                }
                if (FIELD_LINE.matcher(line).matches()) {
                    applyField(line.charAt(0), line.substring(2).strip(), false, 1);
                    continue;
                }
                parseMusicLine();
            }
            for (; i < to; i++) {
                if (!lines[i].isBlank() && !lines[i].startsWith("%")) {
                    lineNo = i + 1;
                    throw error("text after the end of the tune (a blank line ends a tune)", 1);
                }
            }
            return new Tune(header, body);
        }

        private AbcParseException errorAtField(List<Field> header, char name, String message) {
            for (int i = from; i < to; i++) {
                if (lines[i].startsWith(name + ":")) {
                    lineNo = i + 1;
                    break;
                }
            }
            return error(message, 3);
        }

        private AbcParseException error(String message, int column) {
            return new AbcParseException(message, lineNo, column);
        }

        private void applyField(char name, String value, boolean inline, int column) {
            try {
                switch (name) {
                    case 'K' -> key = Key.parse(value);
                    case 'M' -> meter = Meter.parse(value);
                    case 'L' -> {
                        Fraction l = Fraction.parse(value);
                        if (!l.isPositive()) {
                            throw new IllegalArgumentException("unit length must be positive");
                        }
                        unit = l;
                    }
                    default -> {}
                }
            } catch (RuntimeException e) {
                throw error("invalid " + name + ": field '" + value + "': " + e.getMessage(), column);
            }
            body.add(new Field(name, value, inline));
        }

        private char peek(int ahead) {
            int p = pos + ahead;
            return p < line.length() ? line.charAt(p) : '\0';
        }

        private void parseMusicLine() {
            pos = 0;
            int comment = line.indexOf('%');
            String content = comment >= 0 ? line.substring(0, comment) : line;
            line = content;
            boolean continued = false;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                int col = pos + 1;
                if (c == ' ' || c == '\t') {
                    while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                        pos++;
                    }
                    if (!body.isEmpty() && !(body.getLast() instanceof Space) && !(body.getLast() instanceof LineBreak)) {
                        body.add(new Space());
                    }
                } else if (c == '"') {
                    int end = line.indexOf('"', pos + 1);
                    if (end < 0) {
                        throw error("unterminated chord symbol (missing closing \")", col);
                    }
                    body.add(new ChordSymbol(line.substring(pos + 1, end).strip()));
                    pos = end + 1;
                } else if (c == '|' || c == ':' && (peek(1) == '|' || peek(1) == ':')) {
                    parseBarLine();
                } else if (c == '[') {
                    parseBracket();
                } else if (c == '(') {
                    if (Character.isDigit(peek(1))) {
                        parseTuplet();
                    } else {
                        body.add(new Slur(true));
                        pos++;
                    }
                } else if (c == ')') {
                    body.add(new Slur(false));
                    pos++;
                } else if (c == '!' || c == '+') {
                    int end = line.indexOf(c, pos + 1);
                    if (end < 0) {
                        throw error("unterminated decoration (missing closing " + c + ")", col);
                    }
                    body.add(new Decoration(line.substring(pos, end + 1)));
                    pos = end + 1;
                } else if (DECORATION_CHARS.indexOf(c) >= 0) {
                    body.add(new Decoration(String.valueOf(c)));
                    pos++;
                } else if (c == '^' || c == '_' || c == '=' || isNoteLetter(c)) {
                    body.add(parseNote());
                } else if (c == 'z' || c == 'x') {
                    pos++;
                    body.add(new Rest(unit.times(parseLength()), c == 'x'));
                } else if (c == '-') {
                    markTie(col);
                    pos++;
                } else if (c == '\\') {
                    if (!line.substring(pos + 1).isBlank()) {
                        throw error("line continuation \\ must end the line", col);
                    }
                    continued = true;
                    pos = line.length();
                } else if (c == '>' || c == '<') {
                    throw error("broken rhythm '" + c + "' is not supported; write the lengths out", col);
                } else if (c == 'Z') {
                    throw error("multi-bar rest Z is not supported", col);
                } else {
                    throw error("unexpected character '" + c + "'", col);
                }
            }
            if (!continued) {
                body.add(new LineBreak());
            }
        }

        private static boolean isNoteLetter(char c) {
            return c >= 'A' && c <= 'G' || c >= 'a' && c <= 'g';
        }

        private void markTie(int col) {
            for (int i = body.size() - 1; i >= 0; i--) {
                AbcElement e = body.get(i);
                if (e instanceof Note n) {
                    body.set(i, new Note(n.letter(), n.octave(), n.alter(), n.length(), true));
                    return;
                }
                if (e instanceof MultiNote m) {
                    body.set(i, new MultiNote(m.notes(), true));
                    return;
                }
                if (!(e instanceof Space) && !(e instanceof ChordSymbol)) {
                    break;
                }
            }
            throw error("tie '-' without a preceding note", col);
        }

        private void parseBarLine() {
            int start = pos;
            while (peek(0) == ':') {
                pos++;
            }
            if (peek(0) != '|') {
                if (pos - start >= 2) {
                    body.add(new BarLine(line.substring(start, pos)));
                    barAccidentals.clear();
                    return;
                }
                throw error("stray ':' (expected a repeat bar line such as :| or ::)", start + 1);
            }
            pos++;
            if (peek(0) == '|' || peek(0) == ']') {
                pos++;
            }
            while (peek(0) == ':') {
                pos++;
            }
            body.add(new BarLine(line.substring(start, pos)));
            barAccidentals.clear();
            if (Character.isDigit(peek(0))) {
                body.add(new Variant(readVariantNumbers()));
            }
        }

        private String readVariantNumbers() {
            int start = pos;
            while (Character.isDigit(peek(0)) || peek(0) == ',' && Character.isDigit(peek(1)) || peek(0) == '-' && Character.isDigit(peek(1))) {
                pos++;
            }
            return line.substring(start, pos);
        }

        private void parseBracket() {
            int col = pos + 1;
            char next = peek(1);
            if (Character.isDigit(next)) {
                pos++;
                body.add(new Variant(readVariantNumbers()));
                return;
            }
            if (next == '|') {
                pos += 2;
                body.add(new BarLine("[|"));
                barAccidentals.clear();
                return;
            }
            if (Character.isLetter(next) && peek(2) == ':') {
                int end = line.indexOf(']', pos);
                if (end < 0) {
                    throw error("unterminated inline field (missing ])", col);
                }
                String value = line.substring(pos + 3, end).strip();
                applyField(next, value, true, col);
                pos = end + 1;
                return;
            }
            pos++;
            List<Note> notes = new ArrayList<>();
            boolean innerTie = false;
            boolean closed = true;
            while (peek(0) != ']') {
                char c = peek(0);
                if (lenient && !notes.isEmpty() && c != ' ' && c != '+' && c != '^' && c != '_' && c != '=' && c != '-' && !isNoteLetter(c) && c != '\'' && c != ',') {
                    closed = false;
                    break;
                }
                if (c == '\0') {
                    throw error("unclosed chord '[' (missing ])", col);
                }
                if (c == '+' || c == ' ' || c == '\t') {
                    pos++;
                } else if (c == '-') {
                    innerTie = true;
                    pos++;
                } else if (c == '^' || c == '_' || c == '=' || isNoteLetter(c)) {
                    notes.add(parseNote());
                } else {
                    throw error("unexpected character '" + c + "' inside chord", pos + 1);
                }
            }
            if (closed) {
                pos++;
            }
            if (notes.isEmpty()) {
                throw error("empty chord []", col);
            }
            Fraction mult = parseLength();
            List<Note> scaled = new ArrayList<>();
            for (Note n : notes) {
                scaled.add(n.withLength(n.length().times(mult)));
            }
            body.add(new MultiNote(scaled, innerTie));
        }

        private void parseTuplet() {
            int col = pos + 1;
            pos++;
            int p = readInt();
            int q = -1;
            int r = p;
            if (peek(0) == ':') {
                pos++;
                if (Character.isDigit(peek(0))) {
                    q = readInt();
                }
                if (peek(0) == ':') {
                    pos++;
                    if (Character.isDigit(peek(0))) {
                        r = readInt();
                    }
                }
            }
            if (p < 2 || p > 9) {
                throw error("unsupported tuplet (" + p, col);
            }
            if (q < 0) {
                q = switch (p) {
                    case 2, 4, 8 -> 3;
                    case 3, 6 -> 2;
                    default -> meter.compound() ? 3 : 2;
                };
            }
            body.add(new Tuplet(p, q, r));
        }

        private int readInt() {
            int start = pos;
            while (Character.isDigit(peek(0))) {
                pos++;
            }
            return Integer.parseInt(line.substring(start, pos));
        }

        private Note parseNote() {
            int col = pos + 1;
            Integer written = null;
            char c = peek(0);
            if (c == '^') {
                written = peek(1) == '^' ? 2 : 1;
                pos += written;
            } else if (c == '_') {
                written = peek(1) == '_' ? -2 : -1;
                pos += -written;
            } else if (c == '=') {
                written = 0;
                pos++;
            }
            char l = peek(0);
            if (!isNoteLetter(l)) {
                throw error("accidental must be followed by a note letter A-G or a-g", col);
            }
            pos++;
            int letter = Key.LETTERS.indexOf(Character.toUpperCase(l));
            int octave = Character.isLowerCase(l) ? 1 : 0;
            while (peek(0) == ',' || peek(0) == '\'') {
                octave += peek(0) == ',' ? -1 : 1;
                pos++;
            }
            if (octave < -4 || octave > 4) {
                throw error("note out of range", col);
            }
            int slot = letter * 100 + octave;
            int alter;
            if (written != null) {
                alter = written;
                barAccidentals.put(slot, alter);
            } else {
                alter = barAccidentals.getOrDefault(slot, key.signatureAlter(letter));
            }
            Fraction length = unit.times(parseLength());
            boolean tie = false;
            if (peek(0) == '-') {
                tie = true;
                pos++;
            }
            return new Note(letter, octave, alter, length, tie);
        }

        private Fraction parseLength() {
            int col = pos + 1;
            long num = 1;
            long den = 1;
            if (Character.isDigit(peek(0))) {
                num = readInt();
            }
            while (peek(0) == '/') {
                pos++;
                if (Character.isDigit(peek(0))) {
                    den *= readInt();
                } else {
                    den *= 2;
                }
            }
            if (num == 0 || den == 0 || num > 64 || den > 64) {
                throw error("invalid note length", col);
            }
            return Fraction.of(num, den);
        }
    }
}
