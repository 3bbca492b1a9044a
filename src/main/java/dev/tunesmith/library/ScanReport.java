package dev.tunesmith.library;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one library scan. {@code found} audio files = added + updated + unchanged + failed;
 * {@code removed} files were known but are gone. Each failure names its file and reason.
 */
public record ScanReport(long libraryId, String path, int found, int added, int updated, int unchanged, int removed, List<Failure> failures,
        double seconds, double audioSecondsAnalysed) {

    /** A file that could not be scanned, and why. */
    public record Failure(String path, String reason) {}

    public int failed() {
        return failures.size();
    }

    public JsonObject toJson() {
        JsonArray f = new JsonArray();
        failures.forEach(x -> f.add(new JsonObject().put("path", x.path()).put("reason", x.reason())));
        return new JsonObject().put("libraryId", libraryId).put("path", path).put("found", found).put("added", added)
                .put("updated", updated).put("unchanged", unchanged).put("removed", removed).put("failed", failed())
                .put("failures", f).put("seconds", Math.round(seconds * 10) / 10.0)
                .put("audioSecondsAnalysed", Math.round(audioSecondsAnalysed));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "library %s: found %d, added %d, updated %d, unchanged %d, removed %d, failed %d (%.1f s; %.0f s of audio analysed)",
                path, found, added, updated, unchanged, removed, failed(), seconds, audioSecondsAnalysed));
        for (Failure x : failures) {
            sb.append("\n  failed: ").append(x.path()).append(": ").append(x.reason());
        }
        return sb.toString();
    }
}
