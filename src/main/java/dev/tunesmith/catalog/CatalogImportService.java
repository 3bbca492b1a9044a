package dev.tunesmith.catalog;

import dev.tunesmith.catalog.importer.CatalogWriter;
import dev.tunesmith.catalog.importer.DemoCatalog;
import dev.tunesmith.catalog.importer.FeaturesImporter;
import dev.tunesmith.catalog.importer.FreeMusicImporter;
import dev.tunesmith.catalog.importer.GenreFeatures;
import dev.tunesmith.catalog.importer.ImportReport;
import dev.tunesmith.catalog.importer.LastfmImporter;
import dev.tunesmith.catalog.importer.TextRepair;
import dev.tunesmith.platform.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs imports: parsing on a worker thread, writing through the pool in batches. Used by the CLI
 * ({@code ./tunesmith import ...}), the admin API and the demo-catalog seeding at first start.
 */
public final class CatalogImportService {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogImportService.class);

    /** The importers of the product. */
    public enum Kind {
        FREEMUSICC, FEATURES, LASTFM, DEMO;

        public static Kind parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw ApiError.invalid("invalid_kind", "import kind must be one of freemusicc, features, lastfm, demo");
            }
        }
    }

    private final Vertx vertx;
    private final Pool pool;
    private final CatalogWriter writer;
    private final GenreFeatures genres;

    public CatalogImportService(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
        this.writer = new CatalogWriter(pool);
        this.genres = GenreFeatures.shipped();
    }

    /** Imports {@code path} as {@code kind}; {@code progress} receives fractions in [0,1]. */
    public Future<ImportReport> run(Kind kind, Path path, Consumer<Double> progress) {
        ImportReport report = new ImportReport(kind.name().toLowerCase(Locale.ROOT));
        if (kind != Kind.DEMO && !Files.exists(path)) {
            return Future.failedFuture(ApiError.invalid("invalid_path", "no such file or folder: " + path));
        }
        if (kind == Kind.LASTFM) {
            LastfmImporter importer = new LastfmImporter();
            return vertx.executeBlocking(() -> importer.parse(path, report), false)
                    .compose(data -> importer.write(pool, data, report, progress))
                    .map(v -> report)
                    .onSuccess(r -> LOG.info("import done {}", r.toJson().copy().put("rejected", r.rejectedCount())));
        }
        return vertx.executeBlocking(() -> parse(kind, path, report), false).compose(tracks -> {
            progress.accept(0.05);
            if (tracks.isEmpty()) {
                return Future.succeededFuture(report);
            }
            return writer.upsert(tracks, done -> progress.accept(0.05 + 0.95 * done / tracks.size()))
                    .map(n -> {
                        report.written(n);
                        return report;
                    });
        }).onSuccess(r -> LOG.info("import done kind={} read={} written={} rejected={}", kind, r.rowsRead(), r.rowsWritten(),
                r.rejectedCount()));
    }

    /** Loads the shipped demo catalog when the catalog has no tracks but scanned ones. */
    public Future<Boolean> seedIfEmpty(Path demoCatalog) {
        // the user's own scanned music does not count: the demo catalogue stays browseable beside it
        return pool.query("SELECT EXISTS (SELECT 1 FROM tracks WHERE source <> 'library') AS any").execute().compose(rows -> {
            if (rows.iterator().next().getBoolean("any")) {
                return Future.succeededFuture(false);
            }
            LOG.info("catalog is empty: loading the demo catalog (freemusi.cc, CC BY-SA 4.0)");
            return run(Kind.DEMO, demoCatalog, p -> {}).map(r -> true);
        });
    }

    /**
     * Repairs double-encoded UTF-8 already stored by an import that ran before the repair existed
     * (tracks' title/artist/album/label and artist names). Returns how many rows changed; cheap when
     * nothing needs repair (one scan of the non-ASCII rows).
     */
    public Future<Long> repairStoredText() {
        Future<Long> tracks = pool.query("SELECT id, title, artist_name, album, label FROM tracks WHERE title || artist_name || "
                + "coalesce(album, '') || coalesce(label, '') ~ '[^[:ascii:]]'").execute().compose(rows -> {
                    List<io.vertx.sqlclient.Tuple> changes = new java.util.ArrayList<>();
                    for (io.vertx.sqlclient.Row r : rows) {
                        String[] was = {r.getString("title"), r.getString("artist_name"), r.getString("album"), r.getString("label")};
                        String[] now = new String[4];
                        boolean changed = false;
                        for (int i = 0; i < 4; i++) {
                            now[i] = TextRepair.repair(was[i]);
                            changed |= now[i] != was[i];
                        }
                        if (changed) {
                            changes.add(io.vertx.sqlclient.Tuple.of(r.getLong("id"), now[0], now[1], now[2], now[3]));
                        }
                    }
                    return changes.isEmpty() ? Future.succeededFuture(0L) : pool.preparedQuery("UPDATE tracks SET title = $2, "
                            + "artist_name = $3, album = $4, label = $5, updated_at = now() WHERE id = $1").executeBatch(changes)
                            .map(r -> (long) changes.size());
                });
        Future<Long> artists = pool.query("SELECT id, name FROM artists WHERE name ~ '[^[:ascii:]]'").execute().compose(rows -> {
            List<io.vertx.sqlclient.Tuple> changes = new java.util.ArrayList<>();
            for (io.vertx.sqlclient.Row r : rows) {
                String name = r.getString("name");
                String fixed = TextRepair.repair(name);
                if (fixed != name) {
                    changes.add(io.vertx.sqlclient.Tuple.of(r.getLong("id"), fixed));
                }
            }
            return changes.isEmpty() ? Future.succeededFuture(0L)
                    : pool.preparedQuery("UPDATE artists SET name = $2 WHERE id = $1").executeBatch(changes).map(r -> (long) changes.size());
        });
        return Future.all(tracks, artists).map(cf -> tracks.result() + artists.result())
                .onSuccess(n -> {
                    if (n > 0) {
                        LOG.info("repaired double-encoded UTF-8 in {} stored catalogue rows", n);
                    }
                });
    }

    private List<TrackRecord> parse(Kind kind, Path path, ImportReport report) throws java.io.IOException {
        return switch (kind) {
            case FREEMUSICC -> repaired(new FreeMusicImporter(genres).parse(path, report), report);
            case FEATURES -> repaired(new FeaturesImporter().parse(path, report), report);
            case DEMO -> repaired(DemoCatalog.read(path, report), report);
            case LASTFM -> throw new IllegalStateException("handled separately");
        };
    }

    /** Repairs double-encoded UTF-8 in titles, artists, albums and labels, and says how many in the report. */
    static List<TrackRecord> repaired(List<TrackRecord> tracks, ImportReport report) {
        TextRepair.Counter counter = new TextRepair.Counter();
        List<TrackRecord> out = tracks.stream().map(t -> TextRepair.track(t, counter)).toList();
        report.repaired(counter.titles(), counter.artists(), counter.albums());
        return out;
    }
}
