package dev.tunesmith.bench;

import dev.tunesmith.agent.offline.IntentRouter;
import dev.tunesmith.agent.offline.NluSuite;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./tunesmith bench nlu}: the offline understanding on prompt suites (by default the repo's
 * suite and its holdout; {@code --suite FILE} for another one in the same format): accuracy per
 * category, and per-turn latency of understanding (p50/p95/max over {@code --repeats} timed passes,
 * after {@code --warmup} untimed ones, one thread). Figures are measured in this run.
 */
final class NluBench {
    private NluBench() {}

    static int run(Map<String, String> o, PrintStream out) {
        List<Path> suites = new ArrayList<>();
        if (o.containsKey("suite")) {
            for (String s : o.get("suite").split(",")) {
                suites.add(Path.of(s));
            }
        } else {
            suites.add(Path.of("src/test/resources/nlu/suite.txt"));
            suites.add(Path.of("src/test/resources/nlu/holdout.txt"));
        }
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
        int repeats = Integer.parseInt(o.getOrDefault("repeats", "5"));
        boolean verbose = o.containsKey("verbose");
        IntentRouter router = new IntentRouter();
        JsonObject all = new JsonObject();
        int code = 0;
        for (Path p : suites) {
            if (!Files.isReadable(p)) {
                System.err.println("bench nlu: cannot read " + p + " (run it from the repository root or pass --suite FILE)");
                return 2;
            }
            List<NluSuite.Case> cases;
            try {
                cases = NluSuite.load(p);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("bench nlu: " + p + ": " + e.getMessage());
                return 2;
            }
            for (int w = 0; w < warmup; w++) {
                cases.forEach(c -> NluSuite.run(router, c));
            }
            List<NluSuite.Outcome> timed = new ArrayList<>();
            List<NluSuite.Outcome> first = null;
            for (int r = 0; r < Math.max(1, repeats); r++) {
                List<NluSuite.Outcome> pass = new ArrayList<>();
                for (NluSuite.Case c : cases) {
                    pass.add(NluSuite.run(router, c));
                }
                if (first == null) {
                    first = pass;
                }
                timed.addAll(pass);
            }
            JsonObject accuracy = NluSuite.summary(first);
            JsonObject latency = NluSuite.summary(timed);
            out.printf(Locale.ROOT, "%nsuite %s: %d cases%n", p, cases.size());
            out.printf(Locale.ROOT, "  %-12s %6s %6s %9s%n", "category", "pass", "total", "accuracy");
            JsonObject cats = accuracy.getJsonObject("categories");
            for (String k : cats.fieldNames()) {
                JsonObject c = cats.getJsonObject(k);
                out.printf(Locale.ROOT, "  %-12s %6d %6d %8.1f%%%n", k, c.getInteger("pass"), c.getInteger("total"), 100 * c.getDouble("accuracy"));
            }
            out.printf(Locale.ROOT, "  %-12s %6d %6d %8.1f%%%n", "all", accuracy.getInteger("pass"), accuracy.getInteger("cases"),
                    100 * accuracy.getDouble("accuracy"));
            out.printf(Locale.ROOT, "  understanding per turn: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d timed turns)%n",
                    latency.getDouble("p50Ms"), latency.getDouble("p95Ms"), latency.getDouble("maxMs"), timed.size());
            for (NluSuite.Outcome f : first) {
                if (!f.pass() && (verbose || first.stream().filter(x -> !x.pass()).count() <= 25)) {
                    out.printf(Locale.ROOT, "  miss line %d [%s] %s → %s %s (%s)%n", f.c().line(), f.c().category(), f.c().message(),
                            f.route().intent().name().toLowerCase(Locale.ROOT), f.route().arguments().encode(), f.why());
                }
            }
            all.put(p.getFileName().toString(), new JsonObject().put("accuracy", accuracy.getDouble("accuracy"))
                    .put("categories", cats).put("p50Ms", latency.getDouble("p50Ms")).put("p95Ms", latency.getDouble("p95Ms"))
                    .put("maxMs", latency.getDouble("maxMs")).put("cases", cases.size()));
            out.printf(Locale.ROOT, "  goal (accuracy ≥ 95 %%, p95 ≤ 20 ms): %s%n",
                    accuracy.getDouble("accuracy") >= 0.95 && latency.getDouble("p95Ms") <= 20 ? "met" : "NOT met");
        }
        out.println(all.encode());
        return code;
    }
}
