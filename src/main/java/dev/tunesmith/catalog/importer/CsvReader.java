package dev.tunesmith.catalog.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader: quoted fields, doubled quotes, separators and newlines inside quotes.
 * Each record remembers the line it started on so importers can report bad rows precisely.
 */
public final class CsvReader implements AutoCloseable {

    /** One record and the 1-based line it starts on. */
    public record Record(long line, List<String> fields) {}

    /** Thrown for a structurally broken file (e.g. an unterminated quote). */
    public static final class CsvException extends IOException {
        public CsvException(String message) {
            super(message);
        }
    }

    private final Reader in;
    private final char separator;
    private final boolean quotes;
    private long line = 1;
    private int pushedBack = -2;

    /** A reader honouring double quotes (CSV). */
    public CsvReader(Reader in, char separator) {
        this(in, separator, true);
    }

    /** With {@code quotes} false, {@code "} is an ordinary character (plain TSV such as HetRec). */
    public CsvReader(Reader in, char separator, boolean quotes) {
        this.in = in;
        this.separator = separator;
        this.quotes = quotes;
    }

    /** The next record, or empty at end of input. Blank lines are skipped. */
    public Optional<Record> next() throws IOException {
        while (true) {
            long start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean sawAny = false;
            int c;
            while (true) {
                c = read();
                if (c == -1) {
                    if (quoted) {
                        throw new CsvException("line " + start + ": unterminated quoted field");
                    }
                    if (!sawAny) {
                        return Optional.empty();
                    }
                    fields.add(field.toString());
                    return Optional.of(new Record(start, fields));
                }
                sawAny = true;
                if (quoted) {
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            unread(n);
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (quotes && c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            unread(n);
                        }
                    }
                    line++;
                    fields.add(field.toString());
                    break;
                } else {
                    field.append((char) c);
                }
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            return Optional.of(new Record(start, fields));
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }

    /** Maps lower-cased header names to their column index. */
    public static Map<String, Integer> header(Record record) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.fields().size(); i++) {
            columns.putIfAbsent(record.fields().get(i).trim().toLowerCase(Locale.ROOT).replace("\uFEFF", ""), i);
        }
        return columns;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
