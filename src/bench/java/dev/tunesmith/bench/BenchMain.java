package dev.tunesmith.bench;

import dev.tunesmith.cli.Args;
import dev.tunesmith.cli.UsageException;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.config.ConfigException;
import dev.tunesmith.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./tunesmith bench als|rank|generate|chat|analysis|load|nlu [options]}: the benchmarks, outside the shipped
 * application. Each prints a table followed by one line of JSON; {@code --help} lists its options.
 */
public final class BenchMain {

    private BenchMain() {}

    static final Args.Spec ALS = Args.command("bench als", "in-process ALS (EJML) against Spark MLlib on HetRec Last.fm 2K")
            .option("data", "DIR", "HetRec Last.fm 2K folder (default ../shared/data/lastfm-hetrec2k)")
            .values("factors", "lambda", "alpha", "iterations", "repeats", "cg", "spark-dir", "spark-java", "spark-reg", "spark-xmx",
                    "spark-master", "scale", "eval-users")
            .flag("no-warmup", "skip the untimed warm-up fit (always skipped with --scale > 1)")
            .flag("plain-lambda", "plain (not frequency-weighted) regularisation")
            .flag("spark", "also run Spark MLlib ALS on the same fold");
    static final Args.Spec RANK = Args.command("bench rank", "ranking latency on a synthetic 100k-item catalogue")
            .values("items", "factors", "queries", "warmup", "seed");
    static final Args.Spec GENERATE = Args.command("bench generate", "melody and lyrics quality")
            .values("samples", "lyrics-samples", "melody-model", "lyrics-model", "data");
    static final Args.Spec CHAT = Args.command("bench chat", "chat sessions and turn latency against a server in this JVM"
            + " (its own throw-away database)").values("sessions", "rate", "duration", "warmup", "port");

    static final Args.Spec ANALYSIS = Args.command("bench analysis", "audio analysis: tempo and key against ground truth, aubio and bpm;"
            + " speed, memory against length, sounds-like neighbours").values("tunes", "clicks", "seed", "out", "data", "lengths", "library")
            .flag("rows", "add every file's estimates to the JSON");

    static final Args.Spec LOAD = Args.command("bench load", "open-loop HTTP load (search, events, recommendations, profile, health)"
            + " at stepped rates against a server in this JVM (its own throw-away database): the rate held within a p99 SLO")
            .values("rates", "step", "users", "slo", "connections");

    static final Args.Spec NLU = Args.command("bench nlu", "offline understanding: accuracy per category and per-turn latency on the prompt suites")
            .values("suite", "warmup", "repeats").flag("verbose", "list every miss");

    static final Args.Spec MOOD = Args.command("bench mood", "precision@20 of the asked mood, distance to the mood centre and"
            + " the largest share of one track, on labelled catalogues built from ../shared/data")
            .option("data", "DIR", "the shared data folder (default from the config: ../shared/data)")
            .option("per-class", "N", "freemusi.cc tracks per activity class (default 2500)")
            .option("csv", "FILE", "instead: a labelled Spotify-style features CSV of one's own (read by the features importer)")
            .option("label", "COLUMN", "the CSV's mood label column (default mood; happy, sad, energetic and calm are measured)")
            .option("phrases", "FILE", "the requests to measure, one 'mood<TAB>request' a line (default three per mood;"
                    + " src/bench/resources/mood-phrasings.tsv has 522 written as listeners write, genre-phrasings.tsv 12 genre requests)")
            .option("listeners", "N", "in-process P@20 as the mean over N cold listeners per request (default 1)")
            .flag("no-rest", "skip the REST measurement (it needs PostgreSQL: a throw-away database is created and dropped)");

    public static void main(String[] argv) {
        List<String> all = Arrays.asList(argv);
        String what = all.isEmpty() ? "" : all.get(0);
        List<String> rest = all.isEmpty() ? List.of() : all.subList(1, all.size());
        System.setProperty("ai.djl.offline", "true");
        try {
            int code = switch (what) {
                case "als" -> AlsBench.run(withData(ALS.parse(rest).asMap(), "lastfm-hetrec2k"));
                case "rank" -> RankBench.run(RANK.parse(rest).asMap());
                case "mood" -> mood(MOOD.parse(rest).asMap());
                case "generate" -> generate(GENERATE.parse(rest));
                case "analysis" -> analysis(withData(ANALYSIS.parse(rest).asMap(), "nottingham-abc"));
                case "nlu" -> NluBench.run(NLU.parse(rest).asMap(), System.out);
                case "chat" -> {
                    Map<String, String> o = CHAT.parse(rest).asMap();
                    yield ChatBench.run(ConfigLoader.fromEnvironment(), o);
                }
                case "load" -> LoadBench.run(ConfigLoader.fromEnvironment(), LOAD.parse(rest).asMap());
                case "--help", "-h", "help" -> {
                    System.out.print("""
                            Usage: ./tunesmith bench <benchmark> [options]
                              als        in-process ALS (EJML) against Spark MLlib on HetRec Last.fm 2K
                              rank       ranking latency on a synthetic 100k-item catalogue
                              generate   melody and lyrics quality
                              chat       chat sessions and turn latency (its own throw-away database)
                              load       requests per second held and latency, against a server in this JVM
                              analysis   tempo, key, speed and memory of the audio analyser against aubio and bpm
                              mood       mood fit of playlists on labelled catalogues (precision@20, distance, spread)
                              nlu        offline understanding: accuracy per category and latency per turn
                            Each takes --help for its options.
                            """);
                    yield 0;
                }
                default -> throw new UsageException("bench what? als, rank, generate, chat, load, analysis, mood or nlu (each takes --help)");
            };
            System.exit(code);
        } catch (Args.HelpRequested e) {
            System.out.print(e.getMessage());
            System.exit(0);
        } catch (UsageException | ConfigException e) {
            System.err.println("tunesmith: " + e.getMessage());
            System.exit(2);
        }
    }

    private static int generate(Args a) {
        String mm = a.get("melody-model", null);
        String lm = a.get("lyrics-model", null);
        try {
            GenerateBench.run(new GenerateBench.Options(a.getInt("samples", 200), a.getInt("lyrics-samples", 50),
                    mm == null ? null : Path.of(mm), lm == null ? null : Path.of(lm), Path.of(a.get("data", sharedData("nottingham-abc")))),
                    System.out);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("bench generate: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("bench generate failed: " + e);
            return 1;
        }
    }

    private static int analysis(Map<String, String> o) {
        try {
            return AnalysisBench.run(o);
        } catch (Exception e) {
            System.err.println("bench analysis failed: " + e);
            return 1;
        }
    }

    private static int mood(Map<String, String> o) {
        Map<String, String> opts = new java.util.HashMap<>(o);
        opts.putIfAbsent("data", ConfigLoader.fromEnvironment().data().sharedData().toString());
        try {
            return MoodBench.run(opts, dev.tunesmith.recommend.service.Embedders.of(
                    new dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel()), System.out);
        } catch (java.io.IOException e) {
            System.err.println("bench mood: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> withData(Map<String, String> o, String set) {
        if (o.containsKey("data")) {
            return o;
        }
        Map<String, String> out = new java.util.HashMap<>(o);
        out.put("data", sharedData(set));
        return out;
    }

    private static String sharedData(String set) {
        AppConfig config = ConfigLoader.fromEnvironment();
        return config.data().sharedData().resolve(set).toString();
    }
}
