package dev.tunesmith.library;

import java.util.Optional;

/** One HTTP byte range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) resolved against a file size. */
public record ByteRange(long start, long end) {

    /** Thrown for a range outside the file (416). */
    public static final class Unsatisfiable extends RuntimeException {
        public Unsatisfiable() {
            super("range not satisfiable", null, false, false);
        }
    }

    public long length() {
        return end - start + 1;
    }

    /**
     * Empty when there is no usable Range header (the whole file is sent with 200); multiple ranges
     * are answered with the first one only, which RFC 9110 allows.
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.trim().startsWith("bytes=")) {
            return Optional.empty();
        }
        String spec = header.trim().substring(6).split(",")[0].trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String a = spec.substring(0, dash).trim(), b = spec.substring(dash + 1).trim();
            long start, end;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0) {
                    throw new Unsatisfiable();
                }
                start = Math.max(0, size - suffix);
                end = size - 1;
            } else {
                start = Long.parseLong(a);
                end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            }
            if (start >= size || start > end || start < 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(start, end));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
