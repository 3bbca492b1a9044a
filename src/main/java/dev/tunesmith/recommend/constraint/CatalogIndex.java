package dev.tunesmith.recommend.constraint;

import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@link Requirements} against one catalogue: which exact tags and artist credits the
 * exclusions remove (through the {@link GenreTree} and {@link ArtistNames}), which tracks a length
 * limit removes, and how many tracks each numeric limit leaves, so an answer can say "only 7 tracks
 * are under 100 BPM". Built once per catalogue snapshot; immutable.
 */
public final class CatalogIndex {

    private final List<CatalogItem> items;
    private final Set<String> vocabulary;
    private final List<String> artists;

    public CatalogIndex(List<CatalogItem> items) {
        this.items = List.copyOf(items);
        Set<String> vocab = new HashSet<>();
        Set<String> credits = new LinkedHashSet<>();
        for (CatalogItem it : items) {
            it.tags().forEach(t -> vocab.add(GenreTree.norm(t)));
            if (it.genre() != null && !it.genre().isBlank()) {
                vocab.add(GenreTree.norm(it.genre()));
            }
            credits.add(it.artist());
        }
        this.vocabulary = Set.copyOf(vocab);
        this.artists = List.copyOf(credits);
    }

    /** Catalogue tags and genre fields, lower case. */
    public Set<String> vocabulary() {
        return vocabulary;
    }

    public int size() {
        return items.size();
    }

    /** Whether {@code term} is a genre (tree or catalogue tag). */
    public boolean isGenre(String term) {
        return GenreTree.isGenre(term) || vocabulary.contains(GenreTree.norm(term));
    }

    /** The artist credits {@code query} names in this catalogue. */
    public Set<String> artistsNamed(String query) {
        return ArtistNames.matching(query, artists);
    }

    /** What the requirements mean for this catalogue. */
    public record Resolved(Set<String> excludedTags, Set<String> excludedArtists, Set<Long> excludedTrackIds,
            List<String> unknownTerms) {}

    /**
     * Resolves exclusions: a genre term removes every covered tag; an artist term every credit it
     * names; a term that is neither in this catalogue is reported in {@code unknownTerms}. A term
     * given as a genre that the catalogue only knows as an artist (or the other way round) goes where
     * the catalogue knows it.
     */
    public Resolved resolve(Requirements r) {
        Set<String> tags = new LinkedHashSet<>();
        Set<String> credits = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        Set<Long> versions = new LinkedHashSet<>();
        List<String> terms = new ArrayList<>(r.excludeGenres());
        r.excludeArtists().stream().filter(a -> !terms.contains(a)).forEach(terms::add);
        for (String term : terms) {
            boolean genre = isGenre(term);
            Set<String> named = artistsNamed(term);
            Optional<String> version = Versions.kind(GenreTree.canonical(term).orElse(term));
            if (version.isPresent()) {
                // "no remixes": the tracks whose titles say so
                items.stream().filter(it -> Versions.is(it, version.get())).forEach(it -> versions.add(it.trackId()));
                continue;
            }
            if (genre) {
                tags.addAll(GenreTree.expand(term, vocabulary));
            }
            if (!named.isEmpty() && (!genre || r.excludeArtists().contains(term))) {
                named.forEach(a -> credits.add(a.toLowerCase(Locale.ROOT).trim()));
            }
            if (!genre && named.isEmpty()) {
                unknown.add(term);
            }
        }
        Set<Long> ids = new LinkedHashSet<>(versions);
        if (r.durationSec() != null) {
            for (CatalogItem it : items) {
                if (it.durationSec() <= 0 || !r.durationSec().contains(it.durationSec())) {
                    ids.add(it.trackId());
                }
            }
        }
        return new Resolved(tags, credits, ids, unknown);
    }

    /** How many catalogue tracks pass a numeric limit on its own (for "only N tracks ..." notes). */
    public int countTempo(Range tempo) {
        return (int) items.stream().filter(it -> it.features().tempo() != null && tempo.contains(it.features().tempo())).count();
    }

    public int countEnergy(Range energy) {
        return (int) items.stream().filter(it -> it.features().energy() != null && energy.contains(it.features().energy())).count();
    }

    public int countDuration(Range seconds) {
        return (int) items.stream().filter(it -> it.durationSec() > 0 && seconds.contains(it.durationSec())).count();
    }

    /** Whether the item is covered by an excluded genre. */
    public static boolean hasGenre(CatalogItem it, String genre) {
        Optional<String> version = Versions.kind(genre);
        if (version.isPresent() && Versions.is(it, version.get())) {
            return true;
        }
        Set<String> covered = GenreTree.covered(genre);
        if (it.genre() != null && GenreTree.coversAny(covered, it.genre())) {
            return true;
        }
        for (String t : it.tags()) {
            if (GenreTree.coversAny(covered, t)) {
                return true;
            }
        }
        return false;
    }
}
