package dev.tunesmith.music.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Token ↔ dense index map; index 0 is {@code <pad>}, 1 is {@code <unk>}. Immutable. */
public final class Vocabulary {

    private final List<String> tokens;
    private final Map<String, Integer> index = new HashMap<>();

    /** Creates a vocabulary from tokens in index order. */
    public Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < this.tokens.size(); i++) {
            index.put(this.tokens.get(i), i);
        }
    }

    /** Builds a vocabulary from every token in the sequences plus the special tokens. */
    public static Vocabulary build(Collection<List<String>> sequences, List<String> specials) {
        TreeSet<String> seen = new TreeSet<>();
        sequences.forEach(seen::addAll);
        List<String> t = new ArrayList<>(specials);
        for (String s : seen) {
            if (!t.contains(s)) {
                t.add(s);
            }
        }
        return new Vocabulary(t);
    }

    /** Reads one token per line. */
    public static Vocabulary read(InputStream in) throws IOException {
        List<String> t = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    t.add(line);
                }
            }
        }
        return new Vocabulary(t);
    }

    /** Writes one token per line. */
    public void write(Path file) throws IOException {
        Files.writeString(file, String.join("\n", tokens) + "\n", StandardCharsets.UTF_8);
    }

    /** Number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** Token at an index. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** Index of a token, or {@code unk} (1) when absent. */
    public int id(String token) {
        return index.getOrDefault(token, 1);
    }

    /** True when the token is known. */
    public boolean contains(String token) {
        return index.containsKey(token);
    }

    /** All tokens in index order. */
    public List<String> tokens() {
        return tokens;
    }

    /** Encodes tokens to indices. */
    public int[] encode(List<String> seq) {
        int[] ids = new int[seq.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id(seq.get(i));
        }
        return ids;
    }
}
