package dev.tunesmith.bench;

import dev.tunesmith.recommend.AudioFeatures;
import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.Constraints;
import dev.tunesmith.recommend.EngineConfig;
import dev.tunesmith.recommend.EngineTrainer;
import dev.tunesmith.recommend.Playlist;
import dev.tunesmith.recommend.Range;
import dev.tunesmith.recommend.RecommendationEngine;
import dev.tunesmith.recommend.UserEvent;
import dev.tunesmith.recommend.UserProfile;
import dev.tunesmith.recommend.model.AlsModel;
import dev.tunesmith.recommend.mood.MoodTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code bench rank}: latency of {@link RecommendationEngine#recommend} for a top-50 playlist over a
 * synthetic catalogue (default 100,000 items, 64 ALS factors, 10,000 artists, 300 tags, random
 * audio features), with a 30-track profile, a mood energy range, excluded artists and tags, an
 * energy range, at most 2 per artist, skip-recently-played and MMR diversity 0.3. One thread;
 * warm-up queries are not timed. Seeded. Also times a new event: incremental profile update plus a
 * new playlist (the "changes within 1 s, without retraining" path).
 */
public final class RankBench {
    private RankBench() {}

    /** Runs the benchmark; prints a table and JSON. */
    public static int run(Map<String, String> o) {
        int n = Integer.parseInt(o.getOrDefault("items", "100000"));
        int k = Integer.parseInt(o.getOrDefault("factors", "64"));
        int queries = Integer.parseInt(o.getOrDefault("queries", "2000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "500"));
        long seed = Long.parseLong(o.getOrDefault("seed", "7"));
        Random r = new Random(seed);
        List<CatalogItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> tags = List.of("tag" + r.nextInt(300), "tag" + r.nextInt(300));
            AudioFeatures f = new AudioFeatures(r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                    60 + 120 * r.nextDouble(), false);
            items.add(new CatalogItem(i + 1, "track " + i, "artist " + r.nextInt(10_000), tags, "genre" + r.nextInt(40),
                    f, 200));
        }
        float[] y = new float[n * k];
        for (int j = 0; j < y.length; j++) {
            y[j] = (float) (r.nextGaussian() * 0.1);
        }
        double[] gram = new double[k * k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    gram[a * k + b] += (double) y[i * k + a] * y[i * k + b];
                }
            }
        }
        float[] pop = new float[n];
        for (int i = 0; i < n; i++) {
            pop[i] = (float) Math.floor(Math.exp(r.nextDouble() * 8));
        }
        RecommendationEngine engine =
                EngineTrainer.fromFactors(items, new AlsModel(k, 50, 2, y, gram, false), pop, EngineConfig.DEFAULTS);
        Instant now = Instant.now();
        Map<Long, CatalogItem> byId = new HashMap<>();
        items.forEach(c -> byId.put(c.trackId(), c));
        var builder = new dev.tunesmith.recommend.ProfileBuilder(byId::get, dev.tunesmith.recommend.EventWeights.DEFAULTS);
        List<UserProfile> profiles = new ArrayList<>();
        for (int q = 0; q < 64; q++) {
            List<UserEvent> ev = new ArrayList<>();
            for (int e = 0; e < 30; e++) {
                ev.add(new UserEvent(1 + r.nextInt(n), e % 5 == 0 ? "like" : "play", 200.0,
                        now.minus(Duration.ofHours(r.nextInt(500)))));
            }
            profiles.add(builder.build(ev, now));
        }
        MoodTarget mood = new MoodTarget("bench", "bench", null, new Range(0.3, 0.7), null, List.of("tag1"), List.of(),
                List.of(), List.of(), null);
        long[] times = new long[queries];
        long[] cpu = new long[queries];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        int returned = 0;
        for (int q = 0; q < warmup + queries; q++) {
            Constraints c = new Constraints(50, Set.of("artist " + r.nextInt(10_000), "artist " + r.nextInt(10_000)),
                    Set.of("tag" + r.nextInt(300)), Set.of(), 2, new Range(0.1, 0.9), null, true, Duration.ofHours(24),
                    0.3);
            UserProfile p = profiles.get(q % profiles.size());
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Playlist pl = engine.recommend(p, mood, c);
            long dt = System.nanoTime() - t0;
            long dc = mx.getCurrentThreadCpuTime() - c0;
            if (q >= warmup) {
                times[q - warmup] = dt;
                cpu[q - warmup] = dc;
                returned += pl.items().size();
            }
        }
        long[] update = new long[200];
        UserProfile live = profiles.get(0);
        Constraints uc = new Constraints(50, Set.of(), Set.of(), Set.of(), 2, null, null, true, Duration.ofHours(24), 0.3);
        for (int q = 0; q < update.length; q++) {
            UserEvent ev = new UserEvent(1 + r.nextInt(n), q % 3 == 0 ? "skip" : "like", null, now.plusSeconds(q));
            long t0 = System.nanoTime();
            live = builder.apply(live, ev);
            engine.recommend(live, mood, uc);
            update[q] = System.nanoTime() - t0;
        }
        Arrays.sort(update);
        double upd50 = update[100] / 1e6;
        double upd99 = update[197] / 1e6;
        Arrays.sort(times);
        Arrays.sort(cpu);
        double cpu50 = cpu[queries / 2] / 1e6;
        double cpu99 = cpu[(int) Math.ceil(queries * 0.99) - 1] / 1e6;
        double p50 = times[queries / 2] / 1e6;
        double p99 = times[(int) Math.ceil(queries * 0.99) - 1] / 1e6;
        double max = times[queries - 1] / 1e6;
        double mean = Arrays.stream(times).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT,
                "bench rank: %d items, %d factors, top-50 with constraints, %d queries (%d warm-up), load average %.2f"
                        + " on %d cores%n", n, k, queries, warmup,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-8s %8s %8s %8s %8s%n", "", "p50_ms", "p99_ms", "max_ms", "mean_ms");
        System.out.printf(Locale.ROOT, "%-8s %8.3f %8.3f %8.3f %8.3f%n", "rank", p50, p99, max, mean);
        System.out.printf(Locale.ROOT, "%-8s %8.3f %8.3f   (thread CPU time per query: excludes waiting for a core)%n",
                "rank-cpu", cpu50, cpu99);
        System.out.printf(Locale.ROOT, "%-8s %8.3f %8.3f   (new event: profile update + new playlist, %d events)%n",
                "update", upd50, upd99, update.length);
        System.out.printf(Locale.ROOT,
                "{\"bench\":\"rank\",\"items\":%d,\"factors\":%d,\"queries\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,"
                        + "\"max_ms\":%.3f,\"mean_ms\":%.3f,\"mean_returned\":%.1f,\"update_p50_ms\":%.3f,"
                        + "\"update_p99_ms\":%.3f,\"cpu_p50_ms\":%.3f,\"cpu_p99_ms\":%.3f,\"load_average\":%.2f}%n",
                n, k, queries, p50, p99, max, mean, returned / (double) queries, upd50, upd99, cpu50, cpu99,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return 0;
    }
}
