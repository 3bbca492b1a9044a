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
 * {@code ./tunesmith bench als|rank|generate|chat [options]}: the benchmarks, outside the shipped
 * application. Each prints a table followed by one line of JSON; {@code --help} lists its options.
 */
public final class BenchMain {

    private BenchMain() {}

    static final Args.Spec ALS = Args.command("bench als", "in-process ALS (EJML) against Spark MLlib on HetRec Last.fm 2K")
            .option("data", "DIR", "HetRec Last.fm 2K folder (default ../shared/data/lastfm-hetrec2k)")
            .values("factors", "lambda", "alpha", "iterations", "repeats", "cg", "spark-dir", "spark-java", "spark-reg", "spark-xmx",
                    "spark-master")
            .flag("plain-lambda", "plain (not frequency-weighted) regularisation")
            .flag("spark", "also run Spark MLlib ALS on the same fold");
    static final Args.Spec RANK = Args.command("bench rank", "ranking latency on a synthetic 100k-item catalogue")
            .values("items", "factors", "queries", "warmup", "seed");
    static final Args.Spec GENERATE = Args.command("bench generate", "melody and lyrics quality")
            .values("samples", "lyrics-samples", "melody-model", "lyrics-model", "data");
    static final Args.Spec CHAT = Args.command("bench chat", "chat sessions and turn latency against a server in this JVM"
            + " (its own throw-away database)").values("sessions", "rate", "duration", "warmup");

    static final Args.Spec MOOD = Args.command("bench mood", "precision@20 of the asked mood, distance to the mood centre and"
            + " the largest share of one track, on labelled catalogues built from ../shared/data")
            .option("data", "DIR", "the shared data folder (default from the config: ../shared/data)")
            .option("per-class", "N", "freemusi.cc tracks per activity class (default 2500)")
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
                case "chat" -> {
                    Map<String, String> o = CHAT.parse(rest).asMap();
                    yield ChatBench.run(ConfigLoader.fromEnvironment(), o);
                }
                default -> throw new UsageException("bench what? als, rank, generate, chat or mood (each takes --help)");
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
