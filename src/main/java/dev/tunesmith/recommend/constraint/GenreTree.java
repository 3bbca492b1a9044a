package dev.tunesmith.recommend.constraint;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The genre tree used by exclusions ("no rock"). A genre covers itself, its listed sub-genres
 * (recursively), any catalogue tag whose last word is a covered genre ("indie rock", "dark ambient")
 * and any compound genre field with a covered part ("electronic, world" is covered by both
 * "electronic" and "world"; "funk / soul" by "funk" and "soul"). Synonyms and the common music words
 * of Spanish, French, German and Portuguese map onto the canonical names ("hip-hop", "rap",
 * "musique classique", "electrónica"). Pure: no I/O.
 *
 * <pre>
 * rock        → indie, alternative, punk, grunge, shoegaze, metal, emo, brit pop, new wave, surf, rock &amp; roll, psychedelic
 * metal       → nu metal, hardcore
 * electronic  → electronica, techno, house, trance, idm, ambient, electro, dubstep, drum &amp; bass, jungle, breaks, breakbeat,
 *               big beat, glitch, minimal, chiptune, downtempo, trip hop, synth-pop, ebm, industrial, uk garage, grime,
 *               bass music, breakcore, illbient, leftfield, broken beat, darkwave, acid, dub techno, lo-fi
 * jazz        → acid jazz, future jazz, swing, fusion, ragtime, lounge
 * hip hop     → rap, abstract hip hop, grime
 * classical   → orchestral, symphonic, modern classical, contemporary, medieval
 * folk        → neofolk, traditional, acoustic
 * funk / soul → funk, soul, r&amp;b, disco
 * world       → reggae, ska, mambo, exotic
 * pop         → synth-pop, brit pop, pop rock, easy listening, ballad
 * </pre>
 */
public final class GenreTree {

    private static final Map<String, List<String>> CHILDREN = new HashMap<>();
    private static final Map<String, String> SYNONYMS = new HashMap<>();

    static {
        child("rock", "indie", "alternative", "punk", "grunge", "shoegaze", "metal", "emo", "brit pop", "new wave", "surf",
                "rock & roll", "psychedelic", "garage rock");
        child("metal", "nu metal", "hardcore");
        child("electronic", "electronica", "techno", "house", "trance", "idm", "ambient", "electro", "dubstep", "drum & bass",
                "jungle", "breaks", "breakbeat", "big beat", "glitch", "minimal", "chiptune", "downtempo", "trip hop", "synth-pop",
                "ebm", "industrial", "uk garage", "grime", "bass music", "breakcore", "illbient", "leftfield", "broken beat",
                "darkwave", "acid", "dub techno", "lo-fi", "psy-trance", "neotrance", "electronic music");
        child("house", "deep house", "tech house", "progressive house", "acid house", "garage house", "euro house");
        child("trance", "progressive trance", "psy-trance", "neotrance");
        child("jazz", "acid jazz", "future jazz", "swing", "fusion", "ragtime", "lounge");
        child("hip hop", "rap", "abstract hip hop", "grime", "hip-hop");
        child("classical", "orchestral", "symphonic", "modern classical", "contemporary", "medieval", "21st century classical");
        child("folk", "neofolk", "traditional", "folk rock");
        child("funk / soul", "funk", "soul", "r&b", "disco");
        child("world", "reggae", "ska", "mambo", "exotic");
        child("pop", "synth-pop", "brit pop", "pop rock", "easy listening", "ballad");
        child("country", "bluegrass");
        child("blues", "blues rock");
        syn("hip hop", "hiphop", "hip-hop", "hip hop music", "rap music");
        syn("electronic", "electronica music", "edm", "electrónica", "electronica", "électro", "electronique", "électronique", "elektronisch",
                "elektronik", "eletrônica", "eletronica", "electrónico", "electronico");
        syn("classical", "classic music", "clásica", "clasica", "música clásica", "classique", "musique classique", "klassik",
                "klassisch", "clássica", "classica", "clássico");
        syn("drum & bass", "drum and bass", "dnb", "d&b", "drum n bass");
        syn("r&b", "rnb", "r and b");
        syn("rock & roll", "rock and roll", "rock n roll", "rock'n'roll");
        syn("funk / soul", "funk/soul", "funk and soul", "soul music");
        syn("lo-fi", "lofi", "lo fi");
        syn("synth-pop", "synthpop", "synth pop");
        syn("trip hop", "trip-hop", "triphop");
        syn("post rock", "post-rock", "postrock");
        syn("jazz", "jazzy", "jazz music");
        syn("rock", "rock music", "rockmusik");
        syn("pop", "pop music", "popmusik");
        syn("metal", "heavy metal");
        syn("country", "country music", "música country");
        syn("world", "world music", "musique du monde", "weltmusik");
        syn("folk", "folk music", "volksmusik");
        syn("dubstep", "dub step");
        syn("ambient", "ambiance");
    }

    private GenreTree() {}

    private static void child(String parent, String... kids) {
        CHILDREN.computeIfAbsent(parent, k -> new ArrayList<>()).addAll(List.of(kids));
    }

    private static void syn(String canonical, String... others) {
        for (String o : others) {
            SYNONYMS.put(o, canonical);
        }
    }

    /** Lower case, trimmed, spaces collapsed, diacritics kept (tags in the catalogue are plain ASCII anyway). */
    static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    private static String fold(String s) {
        return Normalizer.normalize(norm(s), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /**
     * The canonical genre a word names ("hip-hop" → "hip hop", "musique classique" → "classical"), if it is one. A kind of
     * version ("remixes", "live versions": {@link Versions}) is left out like a genre, so it is one here too.
     */
    public static Optional<String> canonical(String term) {
        String t = norm(term);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> version = Versions.kind(t);
        if (version.isPresent()) {
            return version;
        }
        String s = SYNONYMS.getOrDefault(t, SYNONYMS.get(fold(t)));
        if (s != null) {
            return Optional.of(s);
        }
        if (CHILDREN.containsKey(t) || descendantsOfAll().contains(t)) {
            return Optional.of(t);
        }
        return Optional.empty();
    }

    /** Whether the tree knows {@code term} (or a synonym) as a genre. */
    public static boolean isGenre(String term) {
        return canonical(term).isPresent();
    }

    /** The genre and every genre below it, canonical names. */
    public static Set<String> covered(String genre) {
        Set<String> out = new LinkedHashSet<>();
        String g = canonical(genre).orElse(norm(genre));
        walk(g, out);
        return out;
    }

    private static void walk(String g, Set<String> out) {
        if (out.add(g)) {
            for (String c : CHILDREN.getOrDefault(g, List.of())) {
                walk(c, out);
            }
        }
    }

    private static Set<String> descendantsOfAll() {
        Set<String> all = new LinkedHashSet<>();
        CHILDREN.values().forEach(all::addAll);
        return all;
    }

    /**
     * Whether the catalogue tag or genre field {@code tag} falls under {@code genre}: equal to a covered
     * genre, a compound field with a covered part, or a tag ending in a covered genre ("indie rock").
     */
    public static boolean covers(String genre, String tag) {
        return coversAny(covered(genre), tag);
    }

    static boolean coversAny(Set<String> covered, String tag) {
        String t = norm(tag);
        if (t.isEmpty()) {
            return false;
        }
        if (covered.contains(t) || covered.contains(SYNONYMS.getOrDefault(t, t))) {
            return true;
        }
        if (t.contains(",") || t.contains(" / ") || t.contains("/")) {
            String whole = t;
            if (covered.contains(whole)) {
                return true;
            }
            for (String part : t.split("\\s*[,/]\\s*")) {
                if (!part.isBlank() && (part.equals(whole) ? covered.contains(part) : coversAny(covered, part))) {
                    return true;
                }
            }
            return false;
        }
        for (String c : covered) {
            if (t.endsWith(" " + c) || t.endsWith("-" + c)) {
                return true;
            }
        }
        return false;
    }

    /** The tags of {@code vocabulary} that an exclusion of {@code genre} removes. */
    public static Set<String> expand(String genre, Collection<String> vocabulary) {
        Set<String> covered = covered(genre);
        Set<String> out = new LinkedHashSet<>(covered);
        for (String tag : vocabulary) {
            if (coversAny(covered, tag)) {
                out.add(norm(tag));
            }
        }
        return out;
    }
}
