package dev.tunesmith.catalog.importer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What an import did: rows read, written, rejected (with line numbers and reasons). */
public final class ImportReport {

    /** A rejected row. */
    public record Rejected(String file, long line, String reason) {}

    private static final int MAX_LISTED = 200;

    private final String kind;
    private long read;
    private long written;
    private long rejectedCount;
    private final List<Rejected> rejected = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long repairedTitles;
    private long repairedArtists;
    private long repairedAlbums;

    public ImportReport(String kind) {
        this.kind = kind;
    }

    public synchronized void read(long n) {
        read += n;
    }

    public synchronized void written(long n) {
        written += n;
    }

    public synchronized void reject(String file, long line, String reason) {
        rejectedCount++;
        if (rejected.size() < MAX_LISTED) {
            rejected.add(new Rejected(file, line, reason));
        }
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    /** Records the fields whose double-encoded UTF-8 was repaired (see {@link TextRepair}). */
    public synchronized void repaired(long titles, long artists, long albums) {
        repairedTitles += titles;
        repairedArtists += artists;
        repairedAlbums += albums;
    }

    public synchronized long repairedTitles() {
        return repairedTitles;
    }

    public synchronized long repairedArtists() {
        return repairedArtists;
    }

    public synchronized long rowsRead() {
        return read;
    }

    public synchronized long rowsWritten() {
        return written;
    }

    public synchronized long rejectedCount() {
        return rejectedCount;
    }

    public synchronized List<Rejected> rejected() {
        return Collections.unmodifiableList(new ArrayList<>(rejected));
    }

    public synchronized JsonObject toJson() {
        JsonArray rows = new JsonArray();
        rejected.forEach(r -> rows.add(new JsonObject().put("file", r.file()).put("line", r.line()).put("reason", r.reason())));
        return new JsonObject().put("kind", kind).put("read", read).put("written", written)
                .put("rejectedCount", rejectedCount).put("rejected", rows)
                .put("repairedText", new JsonObject().put("titles", repairedTitles).put("artists", repairedArtists).put("albums", repairedAlbums)).put("notes", new JsonArray(new ArrayList<>(notes)));
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder(kind + ": read " + read + ", written " + written + ", rejected " + rejectedCount);
        if (repairedTitles + repairedArtists + repairedAlbums > 0) {
            sb.append("\n  repaired double-encoded text: ").append(repairedTitles).append(" titles, ").append(repairedArtists)
                    .append(" artists, ").append(repairedAlbums).append(" albums");
        }
        notes.forEach(n -> sb.append("\n  note: ").append(n));
        rejected.stream().limit(20).forEach(r -> sb.append("\n  ").append(r.file()).append(':').append(r.line())
                .append(": ").append(r.reason()));
        if (rejectedCount > 20) {
            sb.append("\n  … ").append(rejectedCount - 20).append(" more");
        }
        return sb.toString();
    }
}
