package dev.tunesmith.music.abc;

/** Malformed ABC input, located by 1-based line and column. */
public final class AbcParseException extends IllegalArgumentException {

    private final int line;
    private final int column;

    /** Creates an error at {@code line}:{@code column} (both 1-based). */
    public AbcParseException(String message, int line, int column) {
        super("line " + line + ", column " + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 1-based column of the error. */
    public int column() {
        return column;
    }
}
