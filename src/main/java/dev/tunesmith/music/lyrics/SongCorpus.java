package dev.tunesmith.music.lyrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Verse stanzas from Project Gutenberg song books. Cleaning: only the text between the
 * {@code *** START OF} and {@code *** END OF} markers (drops the Gutenberg header and licence); then
 * blocks between blank lines are kept as stanzas only when they look like verse: at least two
 * lines, every line at most 60 characters, no digits or editorial marks ({@code # [ ] { } | = _ *}),
 * mostly capitalised line starts and 2–12 words per line on average. Wrapped prose (about 70
 * characters per line), footnotes, source citations and variant tables fail these tests. Lines that
 * are only a stanza number or an all-capitals heading are dropped from a block first.
 */
public final class SongCorpus {

    private static final Pattern EDITORIAL = Pattern.compile("[0-9#\\[\\]{}|=_*<>@/\\\\]");
    private static final Pattern NUMBER_LINE = Pattern.compile("^\\s*([0-9]+|[IVXLC]+)\\.?\\s*$");

    private SongCorpus() {}

    /** Stanzas (lists of lines) of every {@code *.txt} file in the folder, in file order. */
    public static List<List<String>> load(Path dir) {
        List<List<String>> stanzas = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                stanzas.addAll(stanzas(decode(Files.readAllBytes(f))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read song texts in " + dir, e);
        }
        if (stanzas.isEmpty()) {
            throw new IllegalArgumentException("no verse found in " + dir);
        }
        return stanzas;
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (one of the books is Latin-1). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Stanzas of one Gutenberg text. */
    static List<List<String>> stanzas(String text) {
        String[] lines = text.split("\\R");
        int from = 0;
        int to = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("*** START OF")) {
                from = i + 1;
            } else if (lines[i].startsWith("*** END OF")) {
                to = i;
                break;
            }
        }
        List<List<String>> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String l = i < to ? lines[i] : "";
            if (l.isBlank()) {
                if (verse(block)) {
                    out.add(block);
                }
                block = new ArrayList<>();
            } else if (!NUMBER_LINE.matcher(l).matches() && !heading(l.strip())) {
                block.add(l.strip());
            } else if (!block.isEmpty() && !NUMBER_LINE.matcher(l).matches()) {
                block.add(l.strip());
            }
        }
        return out;
    }

    private static boolean heading(String l) {
        return l.equals(l.toUpperCase()) && l.chars().anyMatch(Character::isLetter);
    }

    static boolean verse(List<String> block) {
        if (block.size() < 2) {
            return false;
        }
        int capitalised = 0;
        int words = 0;
        for (String l : block) {
            if (l.length() > 60 || EDITORIAL.matcher(l).find() || heading(l)) {
                return false;
            }
            char c = l.charAt(0);
            if (Character.isUpperCase(c) || c == '\'' || c == '"' || c == '‘' || c == '“') {
                capitalised++;
            }
            words += LyricsChecker.words(l).size();
        }
        double mean = (double) words / block.size();
        return capitalised >= 0.8 * block.size() && mean >= 2 && mean <= 12;
    }
}
