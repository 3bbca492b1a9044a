package dev.tunesmith.catalog.importer;

import dev.tunesmith.catalog.TrackRecord;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Repairs double-encoded UTF-8 ("mojibake"): text whose UTF-8 bytes were once read as Windows-1252
 * or Latin-1 and written out again as UTF-8, so "Aitänna" reads "AitÃ¤nna" and "č" reads "Ä\u008d".
 *
 * <p>A string is repaired only when every character maps back to one byte (Windows-1252 for its
 * 0x80–0x9F specials, Latin-1 otherwise), the bytes contain at least one multi-byte sequence and they
 * decode as strict UTF-8. Genuine Latin-1 text such as "Café" fails the strict decode (a lone 0xE9)
 * and is left alone; so is any text with a character outside those 256. Applied at most twice, for
 * text that was double-encoded twice.
 */
public final class TextRepair {

    private static final Map<Character, Byte> CP1252 = new HashMap<>();

    static {
        byte[] high = new byte[32];
        for (int i = 0; i < 32; i++) {
            high[i] = (byte) (0x80 + i);
        }
        String decoded = new String(high, java.nio.charset.Charset.forName("windows-1252"));
        for (int i = 0; i < 32; i++) {
            char c = decoded.charAt(i);
            if (c != '\uFFFD' && c >= 0x100) {
                CP1252.put(c, high[i]);
            }
        }
    }

    private TextRepair() {}

    /** The repaired text, or {@code text} itself when it is not double-encoded (null stays null). */
    public static String repair(String text) {
        if (text == null) {
            return null;
        }
        String current = text;
        for (int round = 0; round < 2; round++) {
            String next = once(current);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** Whether {@link #repair} would change {@code text}. */
    public static boolean isMojibake(String text) {
        return text != null && once(text) != null;
    }

    private static String once(String text) {
        byte[] bytes = new byte[text.length()];
        boolean high = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[i] = (byte) c;
            } else if (c <= 0xFF) {
                bytes[i] = (byte) c;
                high = true;
            } else {
                Byte b = CP1252.get(c);
                if (b == null) {
                    return null;
                }
                bytes[i] = b;
                high = true;
            }
        }
        if (!high) {
            return null;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = strict.decode(ByteBuffer.wrap(bytes));
            String fixed = out.toString();
            return fixed.length() < text.length() ? fixed : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Counts what {@link #track} changed, for the import report. */
    public static final class Counter {
        private long titles;
        private long artists;
        private long albums;

        public long titles() {
            return titles;
        }

        public long artists() {
            return artists;
        }

        public long albums() {
            return albums;
        }

        public long total() {
            return titles + artists + albums;
        }
    }

    /** The track with its title, artist, album and label repaired; counts the changed fields. */
    public static TrackRecord track(TrackRecord t, Counter counter) {
        String title = repair(t.title());
        String artist = repair(t.artist());
        String album = repair(t.album());
        String label = repair(t.label());
        if (title == t.title() && artist == t.artist() && album == t.album() && label == t.label()) {
            return t;
        }
        if (title != t.title()) {
            counter.titles++;
        }
        if (artist != t.artist()) {
            counter.artists++;
        }
        if (album != t.album()) {
            counter.albums++;
        }
        return new TrackRecord(t.source(), t.externalId(), title, artist, album, t.genre(), t.tags(), t.durationSec(), t.features(),
                t.activity(), t.rating(), t.year(), label, t.url(), t.licence());
    }
}
