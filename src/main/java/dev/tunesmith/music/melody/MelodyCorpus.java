package dev.tunesmith.music.melody;

import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Transposer;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.abc.AbcElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The Nottingham tunes, split into training and held-out validation tunes by a seeded shuffle, with
 * transposition augmentation of the training part.
 */
public final class MelodyCorpus {

    /** Lowest and highest MIDI pitch kept after transposition (G, to c''). */
    static final int LOW = 55;
    static final int HIGH = 84;
    /** Keys the augmentation may reach: at most this many sharps or flats. */
    static final int MAX_FIFTHS = 4;

    private final List<Tune> train;
    private final List<Tune> validation;

    private MelodyCorpus(List<Tune> train, List<Tune> validation) {
        this.train = train;
        this.validation = validation;
    }

    /** Loads every {@code *.abc} file of a folder (lenient parsing) and splits it. */
    public static MelodyCorpus load(Path dir, long seed, double validationFraction) {
        List<Tune> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".abc")).sorted().toList();
            for (Path f : files) {
                all.addAll(AbcParser.parseBook(Files.readString(f), true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ABC corpus in " + dir, e);
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no tunes (*.abc) in " + dir);
        }
        List<Tune> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        int nVal = Math.max(1, (int) Math.round(shuffled.size() * validationFraction));
        return new MelodyCorpus(List.copyOf(shuffled.subList(nVal, shuffled.size())), List.copyOf(shuffled.subList(0, nVal)));
    }

    /** Training tunes (untransposed). */
    public List<Tune> train() {
        return train;
    }

    /** Held-out tunes. */
    public List<Tune> validation() {
        return validation;
    }

    /** Token sequences of tunes as written. */
    public static List<List<String>> sequences(List<Tune> tunes) {
        List<List<String>> out = new ArrayList<>();
        for (Tune t : tunes) {
            out.addAll(MelodyTokens.tokenize(t, false));
        }
        return out;
    }

    /**
     * Training sequences for one epoch: each tune as written plus {@code extraKeys} random
     * transpositions into keys with at most {@link #MAX_FIFTHS} sharps or flats that keep the tune
     * inside the pitch range. The mood tag is replaced by {@code <mood:any>} with probability 0.15.
     */
    public List<List<String>> augmented(Random rng, int extraKeys) {
        List<List<String>> out = new ArrayList<>();
        for (Tune t : train) {
            List<Integer> shifts = new ArrayList<>();
            for (int s = -5; s <= 6; s++) {
                if (s != 0 && fits(t, s)) {
                    shifts.add(s);
                }
            }
            Collections.shuffle(shifts, rng);
            List<Tune> versions = new ArrayList<>();
            versions.add(t);
            for (int i = 0; i < Math.min(extraKeys, shifts.size()); i++) {
                versions.add(Transposer.transpose(t, shifts.get(i)));
            }
            for (Tune v : versions) {
                for (List<String> seq : MelodyTokens.tokenize(v, false)) {
                    if (rng.nextDouble() < 0.15) {
                        seq.set(3, MelodyTokens.ANY);
                    }
                    out.add(seq);
                }
            }
        }
        Collections.shuffle(out, rng);
        return out;
    }

    /** True when a transposition lands in an allowed key and range. */
    static boolean fits(Tune t, int semitones) {
        try {
            Key k = t.key().transpose(semitones).key();
            if (Math.abs(k.fifths()) > MAX_FIFTHS) {
                return false;
            }
            for (AbcElement e : t.body()) {
                if (e instanceof AbcElement.Note n && (n.midi() + semitones < LOW || n.midi() + semitones > HIGH)) {
                    return false;
                }
                if (e instanceof AbcElement.Field f && f.name() == 'K' && Math.abs(Key.parse(f.value()).transpose(semitones).key().fifths()) > MAX_FIFTHS) {
                    return false;
                }
            }
            Transposer.transpose(t, semitones);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
