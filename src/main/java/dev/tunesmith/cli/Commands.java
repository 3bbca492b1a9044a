package dev.tunesmith.cli;

import dev.tunesmith.Main;

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
public final class Commands {

    private Commands() {}

    public static int run(String command, List<String> args, AppConfig config) {
        return switch (command) {
            case "derive-catalog" -> deriveCatalog(config, args);
            case "eval" -> RecommendCli.eval(withDefaultData(args, config.data().sharedData().resolve("lastfm-hetrec2k")),
                    dev.tunesmith.recommend.service.RecommenderService.served(config.recommender()));
            case "train" -> train(config, args);
            case "library" -> LibraryCli.run(config, args);
            case "bench" -> throw new UsageException("benchmarks are their own module: run them with ./tunesmith bench");
            default -> throw new UsageException("unknown command '" + command + "' (see ./tunesmith help)");
        };
    }

    private static int train(AppConfig config, List<String> args) {
        String what = args.isEmpty() || args.get(0).startsWith("--") ? "recommender" : args.get(0);
        List<String> rest = args.isEmpty() || args.get(0).startsWith("--") ? args : args.subList(1, args.size());
        return switch (what) {
            case "recommender" -> {
                Args a = Args.command("train recommender", "train the served recommender on the catalogue's events and make it live")
                        .option("engine", "ejml|spark", "ejml: in-process ALS (default); spark: Spark MLlib ALS over JDBC (src/spark)")
                        .option("master", "URL", "Spark master: local[2] (default), local[*] or spark://host:7077")
                        .option("rank", "K", "ALS factors (default 32)").option("iterations", "N", "ALS sweeps (default 15)")
                        .flag("no-eval", "Spark: skip the holdout evaluation").flag("not-live", "store the version without making it live")
                        .parse(rest);
                String engine = a.get("engine", "ejml");
                if (engine.equals("spark")) {
                    yield TrainRecommender.runSpark(config, a);
                }
                if (!engine.equals("ejml")) {
                    throw new UsageException("--engine must be ejml or spark (got '" + engine + "')");
                }
                yield TrainRecommender.run(config);
            }
            case "melody" -> GenerateCli.trainMelody(withDefaultData(rest, config.data().sharedData().resolve("nottingham-abc")));
            case "harmony" -> GenerateCli.trainHarmony(withDefaultData(rest, config.data().sharedData().resolve("nottingham-abc")));
            case "lyrics" -> GenerateCli.trainLyrics(withDefaultData(rest, config.data().sharedData().resolve("gutenberg-songs")));
            default -> throw new UsageException("train what? recommender, melody, harmony or lyrics");
        };
    }

    /** Adds {@code --data DIR} when the caller gave none. */
    private static List<String> withDefaultData(List<String> args, Path dir) {
        if (args.contains("--data")) {
            return args;
        }
        List<String> out = new java.util.ArrayList<>(args);
        out.add("--data");
        out.add(dir.toString());
        return out;
    }

    /**
     * Maintainer command: rebuilds the shipped demo catalog and genre-feature subset from
     * {@code sharedData/freemusicc} and {@code sharedData/spotify-genre-features}.
     */
    private static int deriveCatalog(AppConfig config, List<String> args) {
        Args a = Args.command("derive-catalog", "maintainers: rebuild the shipped demo catalogue from the shared data")
                .positional("[DATA]", "the shared data folder (default ../shared/data)").parse(args);
        Path data = a.positionals().isEmpty() ? config.data().sharedData() : Path.of(a.positionals().get(0));
        Path out = Path.of("src/main/resources/catalog");
        try {
            GenreFeatures full = GenreFeatures.fromFile(data.resolve("spotify-genre-features/data_by_genres.csv"));
            ImportReport report = new ImportReport("freemusicc");
            dev.tunesmith.catalog.importer.TextRepair.Counter repaired = new dev.tunesmith.catalog.importer.TextRepair.Counter();
            List<TrackRecord> tracks = new FreeMusicImporter(full).parse(data.resolve("freemusicc"), report).stream()
                    .map(t -> dev.tunesmith.catalog.importer.TextRepair.track(t, repaired)).toList();
            System.out.println("repaired double-encoded UTF-8: " + repaired.titles() + " titles, " + repaired.artists() + " artists, "
                    + repaired.albums() + " albums");
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
