package dev.tunesmith.platform.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What text may enter the application: well-formed UTF-16 (no unpaired surrogate) without NUL, which
 * PostgreSQL can store neither in {@code text} nor in {@code jsonb}. Used at every edge (HTTP path, query,
 * JSON bodies, chat frames) so no feature has to repeat it.
 */
public final class TextCheck {

    private TextCheck() {}

    /** Why {@code s} is not acceptable text, or null when it is. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (invalid UTF-16)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (invalid UTF-16)";
            }
        }
        return null;
    }

    /** A problem found in a JSON value: the field's path (e.g. {@code tags[2]}) and the reason. */
    public record Problem(String field, String reason) {
        public String message() {
            return "'" + field + "' " + reason;
        }
    }

    /** The first bad string (value or key) inside a parsed JSON value, or null. */
    public static Problem firstProblem(Object json, String path) {
        if (json instanceof String s) {
            String p = problem(s);
            return p == null ? null : new Problem(path.isEmpty() ? "body" : path, p);
        }
        if (json instanceof JsonObject o) {
            for (Map.Entry<String, Object> e : o) {
                String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String keyProblem = problem(e.getKey());
                if (keyProblem != null) {
                    return new Problem(path.isEmpty() ? "body" : path, "has a key that " + keyProblem);
                }
                Problem inner = firstProblem(e.getValue(), field);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (json instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                Problem inner = firstProblem(a.getValue(i), (path.isEmpty() ? "body" : path) + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** True when {@code s} has at least one visible character (not whitespace, control, format or unassigned). */
    public static boolean hasVisible(String s) {
        if (s == null) {
            return false;
        }
        return s.codePoints().anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> false;
            default -> cp != 0x3164 && cp != 0x115F && cp != 0x1160 && cp != 0xFFA0 && cp != 0x2800; // Hangul fillers, blank braille
        });
    }

    /** Decodes UTF-8 strictly (malformed or overlong sequences fail instead of becoming U+FFFD); null when invalid. */
    public static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Percent-decodes one URI component strictly: every {@code %} must start two hex digits and the bytes
     * must be valid UTF-8. {@code plusIsSpace} for query strings. Returns null when it cannot be decoded.
     */
    public static String percentDecode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length());
        StringBuilder result = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
                continue;
            }
            if (out.size() > 0) {
                String decoded = strictUtf8(out.toByteArray());
                if (decoded == null) {
                    return null;
                }
                result.append(decoded);
                out.reset();
            }
            result.append(plusIsSpace && c == '+' ? ' ' : c);
        }
        if (out.size() > 0) {
            String decoded = strictUtf8(out.toByteArray());
            if (decoded == null) {
                return null;
            }
            result.append(decoded);
        }
        return result.toString();
    }
}
