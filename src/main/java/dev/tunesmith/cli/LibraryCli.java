package dev.tunesmith.cli;

import dev.tunesmith.config.AppConfig;
import dev.tunesmith.library.AudioDecoder;
import dev.tunesmith.library.LibraryRepository;
import dev.tunesmith.library.LibraryScanner;
import dev.tunesmith.library.ScanReport;
import dev.tunesmith.library.TagReader;
import dev.tunesmith.platform.db.Db;
import dev.tunesmith.platform.db.Migrations;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** {@code ./tunesmith library scan DIR} and {@code ./tunesmith library list}. */
final class LibraryCli {

    private LibraryCli() {}

    static int run(AppConfig config, List<String> args) {
        String what = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
        return switch (what) {
            case "scan" -> scan(config, rest);
            case "list" -> {
                Args.command("library list", "list the scanned libraries").parse(rest);
                yield list(config);
            }
            default -> throw new UsageException("library what? scan DIR [--licence TEXT] or list");
        };
    }

    private static int scan(AppConfig config, List<String> argv) {
        Args a = Args.command("library scan", "scan a folder of audio files into the catalogue (incremental; tags, analysis, covers)")
                .positional("DIR", "the folder to scan (sub-folders too)")
                .option("licence", "TEXT", "licence of files whose tags name none (default: the Debian package's, if any)")
                .option("workers", "N", "files analysed in parallel (default library.workers)").parse(argv);
        if (a.positionals().size() != 1) {
            throw new UsageException("usage: ./tunesmith library scan DIR [--licence TEXT] (--help for more)");
        }
        AppConfig.Library lc = config.library();
        AudioDecoder decoder = new AudioDecoder(lc.ffmpeg());
        if (!decoder.available()) {
            System.err.println("tunesmith: ffmpeg not found (" + lc.ffmpeg() + "): install it (apt-get install ffmpeg) or set TUNESMITH_FFMPEG");
            return 1;
        }
        Migrations.migrate(config.db());
        Vertx vertx = Vertx.vertx();
        try {
            var pool = Db.pool(vertx, config.db());
            LibraryScanner scanner = new LibraryScanner(new LibraryRepository(pool), new TagReader(lc.ffprobe()), decoder,
                    a.getInt("workers", lc.workers()), lc.maxAnalysisSeconds(), lc.decodeTimeout());
            int[] last = {-1};
            ScanReport report = scanner.scan(Path.of(a.positionals().get(0)), a.get("licence").orElse(null), LibraryScanner.Progress.of(f -> {
                int percent = (int) (f * 100);
                synchronized (last) {
                    if (percent / 10 != last[0] / 10) {
                        last[0] = percent;
                        System.out.printf(Locale.ROOT, "  %3d %%%n", percent);
                    }
                }
            }, line -> System.out.println("  " + line)));
            System.out.println(report);
            pool.close().await(5, TimeUnit.SECONDS);
            return report.failed() > 0 && report.failed() == report.found() ? 1 : 0;
        } catch (Exception e) {
            System.err.println("tunesmith: library scan failed: " + UsageException.rootMessage(e));
            return 1;
        } finally {
            vertx.close();
        }
    }

    private static int list(AppConfig config) {
        Migrations.migrate(config.db());
        Vertx vertx = Vertx.vertx();
        try {
            var pool = Db.pool(vertx, config.db());
            var libraries = new LibraryRepository(pool).list().await(30, TimeUnit.SECONDS);
            for (Object o : libraries) {
                var l = (io.vertx.core.json.JsonObject) o;
                System.out.printf(Locale.ROOT, "%d  %s  tracks %d, failed %d, missing %d, scanned %s, licence %s%n", l.getLong("id"),
                        l.getString("path"), l.getLong("tracks"), l.getLong("failed"), l.getLong("missing"), l.getString("scannedAt"),
                        l.getString("licence"));
            }
            pool.close().await(5, TimeUnit.SECONDS);
            return 0;
        } catch (Exception e) {
            System.err.println("tunesmith: " + UsageException.rootMessage(e));
            return 1;
        } finally {
            vertx.close();
        }
    }
}
