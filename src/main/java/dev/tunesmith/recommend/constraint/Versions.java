package dev.tunesmith.recommend.constraint;

import dev.tunesmith.recommend.CatalogItem;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Versions of a song a listener may leave out ("no remixes", "drop the live versions", "without demos"): a kind of
 * version is told by the track's title, where catalogues and tags name it ("Hold [Remix by Bear Rocks Moon]",
 * "Dirtbag (Alexander Deeley mix)", "Song - Live at Wembley", "Intro (Demo)", "Landlocked (Radio Edit)"). The words
 * must stand in the title's brackets or after its dash, so "Mix It Up" and "Live Forever" are songs, not versions.
 * An exclusion of a version kind is kept with the genre exclusions ({@link Requirements#excludeGenres}) under its
 * canonical name and checked on the final list like them.
 */
public final class Versions {
    private Versions() {}

    /** The canonical kinds, by the words a request names them with. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("remix", "remixes"), Map.entry("remixes", "remixes"), Map.entry("rmx", "remixes"), Map.entry("mixes", "remixes"),
            Map.entry("remixed", "remixes"), Map.entry("remixed versions", "remixes"), Map.entry("remix versions", "remixes"),
            Map.entry("live versions", "live versions"), Map.entry("live version", "live versions"),
            Map.entry("live recordings", "live versions"), Map.entry("live recording", "live versions"),
            Map.entry("live tracks", "live versions"), Map.entry("live songs", "live versions"), Map.entry("live stuff", "live versions"),
            Map.entry("live performances", "live versions"), Map.entry("live cuts", "live versions"),
            Map.entry("demos", "demos"), Map.entry("demo versions", "demos"),
            Map.entry("radio edit", "edits"), Map.entry("radio edits", "edits"), Map.entry("edited versions", "edits"),
            Map.entry("acoustic versions", "acoustic versions"), Map.entry("acoustic version", "acoustic versions"),
            Map.entry("instrumental versions", "instrumental versions"), Map.entry("instrumental version", "instrumental versions"));

    /** The part of a title that names its version: inside brackets, or after a spaced dash. */
    private static final Pattern VERSION_PART = Pattern.compile("[(\\[]([^)\\]]*)[)\\]]|\\s[-–—]\\s(.*)$");

    private static final Map<String, Pattern> WORDS = Map.of(
            "remixes", Pattern.compile("\\b(?:(?:re-?)?mix+(?:e[ds])?|rmx|dub|rework|reworked|bootleg|vip)\\b"),
            "live versions", Pattern.compile("\\blive\\b"),
            "demos", Pattern.compile("\\bdemo\\b"),
            "edits", Pattern.compile("\\b(?:radio|single|album|short|clean)?\\s*edit\\b"),
            "acoustic versions", Pattern.compile("\\bacoustic\\b"),
            "instrumental versions", Pattern.compile("\\binstrumental\\b"));

    /** The canonical kind a term names ("remixes" for "remix", "live versions" for "live recordings"), if it names one. */
    public static Optional<String> kind(String term) {
        if (term == null) {
            return Optional.empty();
        }
        String t = term.toLowerCase(Locale.ROOT).trim().replaceAll("^(?:the|any|all)\\s+", "").replaceAll("\\s+", " ");
        return Optional.ofNullable(KINDS.get(t));
    }

    /** Whether the track is a version of {@code kind} (a canonical kind), as its title says. */
    public static boolean is(CatalogItem it, String kind) {
        Pattern words = WORDS.get(kind);
        if (words == null || it.title() == null) {
            return false;
        }
        var m = VERSION_PART.matcher(it.title().toLowerCase(Locale.ROOT));
        while (m.find()) {
            String part = m.group(1) != null ? m.group(1) : m.group(2);
            if (part != null && words.matcher(part).find()) {
                return true;
            }
        }
        return false;
    }
}
