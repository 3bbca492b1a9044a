package dev.tunesmith.platform.db;

/**
 * Literal {@code LIKE} patterns from user text: {@code \}, {@code %} and {@code _} are escaped, so a
 * filter matches what was typed and nothing more. Use with {@code LIKE $n ESCAPE '\'}.
 */
public final class Like {

    private Like() {}

    /** {@code text} with the LIKE metacharacters escaped (backslash is the escape character). */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A pattern matching values that contain {@code text} literally. */
    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    /** A pattern matching values that start with {@code text} literally. */
    public static String prefix(String text) {
        return escape(text) + "%";
    }
}
