package dev.tunesmith.catalog;

import java.util.Locale;

/** A short review of a catalog track, written from its data (title, album, tags, audio features, length, licence). */
public final class TrackDescription {

    private TrackDescription() {}

    public static String of(Track t) {
        StringBuilder sb = new StringBuilder("\"" + t.title() + "\" by " + t.artist());
        if (t.album() != null) {
            sb.append(", from ").append(t.album());
        }
        if (t.year() != null) {
            sb.append(" (").append(t.year()).append(')');
        }
        sb.append('.');
        if (!t.tags().isEmpty()) {
            sb.append(" Filed under ").append(String.join(", ", t.tags())).append('.');
        }
        if (t.energy() != null && t.valence() != null) {
            sb.append(String.format(Locale.ROOT, " %s %s and %s in feel (energy %.2f, valence %.2f)",
                    t.featuresEstimated() ? "Judging by its genre, it's likely" : "It's",
                    t.energy() < 0.35 ? "calm" : t.energy() > 0.65 ? "energetic" : "moderately lively",
                    t.valence() < 0.35 ? "dark or melancholic" : t.valence() > 0.65 ? "bright and upbeat" : "balanced",
                    t.energy(), t.valence()));
            if (t.tempo() != null) {
                sb.append(String.format(Locale.ROOT, ", around %.0f BPM", t.tempo()));
            }
            sb.append('.');
        }
        if (t.durationSec() != null && t.durationSec() > 0) {
            sb.append(String.format(Locale.ROOT, " It runs %d:%02d.", t.durationSec() / 60, t.durationSec() % 60));
        }
        if (t.licence() != null) {
            sb.append(" Licence: ").append(t.licence()).append('.');
        }
        return sb.toString();
    }
}
