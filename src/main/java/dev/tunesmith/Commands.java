package dev.tunesmith;

import dev.tunesmith.catalog.TrackRecord;
import dev.tunesmith.catalog.importer.DemoCatalog;
import dev.tunesmith.catalog.importer.FreeMusicImporter;
import dev.tunesmith.catalog.importer.GenreFeatures;
import dev.tunesmith.catalog.importer.ImportReport;
import dev.tunesmith.config.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The tool subcommands (train, eval, bench, derive-catalog) that concerns contribute. */
final class Commands {

    private Commands() {}

    static int run(String command, List<String> args, AppConfig config) {
        return switch (command) {
            case "derive-catalog" -> deriveCatalog(config, args);
            default -> throw new Main.UsageException("unknown command '" + command + "' (see ./tunesmith help)");
        };
    }

    /**
     * Maintainer command: rebuilds the shipped demo catalog and genre-feature subset from
     * {@code sharedData/freemusicc} and {@code sharedData/spotify-genre-features}.
     */
    private static int deriveCatalog(AppConfig config, List<String> args) {
        Path data = args.isEmpty() ? config.data().sharedData() : Path.of(args.get(0));
        Path out = Path.of("src/main/resources/catalog");
        try {
            GenreFeatures full = GenreFeatures.fromFile(data.resolve("spotify-genre-features/data_by_genres.csv"));
            ImportReport report = new ImportReport("freemusicc");
            List<TrackRecord> tracks = new FreeMusicImporter(full).parse(data.resolve("freemusicc"), report);
            Set<String> tags = new TreeSet<>();
            tracks.forEach(t -> {
                tags.addAll(t.tags());
                if (t.genre() != null) {
                    tags.add(t.genre().toLowerCase(Locale.ROOT));
                }
            });
            Files.createDirectories(out);
            Files.writeString(out.resolve("genre-features.csv"), full.subsetCsv(tags));
            DemoCatalog.write(tracks, out.resolve("demo-tracks.csv.gz"));
            long estimated = tracks.stream().filter(t -> t.features().estimated()).count();
            System.out.println(report);
            System.out.printf("wrote %d tracks (%d with estimated features) and the genre subset to %s%n", tracks.size(), estimated, out);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
