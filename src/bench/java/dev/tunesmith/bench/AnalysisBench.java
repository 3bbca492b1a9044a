package dev.tunesmith.bench;

import dev.tunesmith.library.AudioDecoder;
import dev.tunesmith.recommend.audio.AudioAnalyser;
import dev.tunesmith.recommend.audio.AudioAnalysis;
import dev.tunesmith.recommend.audio.MusicalKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code bench analysis}: the audio analyser against ground truth and against {@code aubio tempo}
 * and {@code bpm} (bpm-tools) on the same files in the same run.
 * <ul>
 *   <li>tempo Acc1 (within 4 % of the truth) and Acc2 (within 4 % of the truth × 1, 2, ½, 3 or ⅓),
 *       on rendered tunes and click tracks ({@link AnalysisCorpus});
 *   <li>key: the MIREX weighted score on the tunes (the tools compared have no key estimate);
 *   <li>speed as audio seconds per CPU second (one core: our analysis thread, plus the ffmpeg
 *       decoder's CPU, read from the children's times in {@code /proc/self/stat});
 *   <li>memory against track length: peak heap in use while one concatenated file of 1 to 180
 *       minutes is analysed, and bytes allocated by the analysing thread;
 *   <li>"sounds like": on the default game-music folders, how often a track's five nearest
 *       neighbours by embedding come from its own soundtrack, against the random expectation.
 * </ul>
 */
final class AnalysisBench {

    private AnalysisBench() {}

    private record Measured(double bpm, MusicalKey key, double javaCpu, double childCpu, AudioAnalysis analysis) {}

    private record Tool(double bpm, double cpu) {}

    static int run(Map<String, String> o) throws Exception {
        List<String> missing = AnalysisCorpus.missingTools();
        if (!missing.isEmpty()) {
            System.err.println("bench analysis: missing tools " + missing + " (apt-get install abcmidi fluidsynth fluid-soundfont-gm sox ffmpeg)");
            return 2;
        }
        long seed = Long.parseLong(o.getOrDefault("seed", "7"));
        int tunes = Integer.parseInt(o.getOrDefault("tunes", "60"));
        int clicks = Integer.parseInt(o.getOrDefault("clicks", "20"));
        Path out = Path.of(o.getOrDefault("out", "src/bench/target/analysis-corpus-s" + seed));
        Path abc = Path.of(o.get("data"));
        boolean aubio = AnalysisCorpus.onPath("aubio"), bpmTool = AnalysisCorpus.onPath("bpm");
        long t0 = System.nanoTime();
        List<AnalysisCorpus.Item> items = AnalysisCorpus.build(abc, out, tunes, clicks, seed);
        System.out.printf(Locale.ROOT, "corpus: %d files in %s (%.0f s to build or check)%s%s%n", items.size(), out, (System.nanoTime() - t0) / 1e9,
                aubio ? "" : "; aubio missing", bpmTool ? "" : "; bpm missing");

        AudioDecoder decoder = new AudioDecoder("ffmpeg");
        // warm the JIT on a few files so the first ones do not pay for compilation
        for (int i = 0; i < Math.min(3, items.size()); i++) {
            ours(decoder, items.get(i).file());
        }
        Map<String, int[]> acc = new HashMap<>(); // tool/kind → {n, acc1, acc2}
        double keySum = 0, keyExact = 0;
        int keyN = 0;
        double audio = 0, oursJava = 0, oursChild = 0, aubioCpu = 0, bpmCpu = 0;
        JsonArray rows = new JsonArray();
        for (AnalysisCorpus.Item it : items) {
            Measured m = ours(decoder, it.file());
            audio += it.seconds();
            oursJava += m.javaCpu();
            oursChild += m.childCpu();
            score(acc, "ours", it, m.bpm());
            JsonObject row = new JsonObject().put("file", it.file().getFileName().toString()).put("truthBpm", it.bpm())
                    .put("ours", round(m.bpm()));
            if (aubio) {
                Tool a = aubio(it.file());
                aubioCpu += a.cpu();
                score(acc, "aubio", it, a.bpm());
                row.put("aubio", round(a.bpm()));
            }
            if (bpmTool) {
                Tool b = bpm(it.file());
                bpmCpu += b.cpu();
                score(acc, "bpm", it, b.bpm());
                row.put("bpm", round(b.bpm()));
            }
            if (it.key() != null) {
                double s = m.key() == null ? 0 : m.key().mirexScore(it.key());
                keySum += s;
                keyExact += s == 1 ? 1 : 0;
                keyN++;
                row.put("truthKey", it.key().toString()).put("key", String.valueOf(m.key()));
            }
            rows.add(row);
        }
        System.out.println();
        System.out.println("tempo accuracy (Acc1: within 4 %; Acc2: also ×2, ×½, ×3, ×⅓)");
        System.out.printf(Locale.ROOT, "  %-8s %-6s %5s %7s %7s%n", "tool", "files", "n", "Acc1", "Acc2");
        JsonObject tempoJson = new JsonObject();
        for (String tool : List.of("ours", "aubio", "bpm")) {
            for (String kind : List.of("tune", "click", "all")) {
                int[] a = acc.get(tool + "/" + kind);
                if (a == null) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "  %-8s %-6s %5d %7.3f %7.3f%n", tool, kind, a[0], a[1] / (double) a[0], a[2] / (double) a[0]);
                tempoJson.put(tool + "." + kind, new JsonObject().put("n", a[0]).put("acc1", round3(a[1] / (double) a[0]))
                        .put("acc2", round3(a[2] / (double) a[0])));
            }
        }
        double keyScore = keyN == 0 ? Double.NaN : keySum / keyN;
        System.out.printf(Locale.ROOT, "%nkey (tunes, n=%d): MIREX weighted %.3f, exact %.3f%n", keyN, keyScore, keyExact / Math.max(1, keyN));
        double oursX = audio / (oursJava + oursChild), analysisX = audio / oursJava;
        System.out.printf(Locale.ROOT, "%nspeed, audio seconds per CPU second (one core), %.0f s of audio:%n", audio);
        System.out.printf(Locale.ROOT, "  ours (ffmpeg decode + analysis) %7.0f×   analysis alone %7.0f×   ffmpeg alone %7.0f×%n", oursX, analysisX,
                audio / Math.max(1e-9, oursChild));
        if (aubio) {
            System.out.printf(Locale.ROOT, "  aubio tempo                     %7.0f×%n", audio / Math.max(1e-9, aubioCpu));
        }
        if (bpmTool) {
            System.out.printf(Locale.ROOT, "  ffmpeg | bpm                    %7.0f×%n", audio / Math.max(1e-9, bpmCpu));
        }

        JsonArray memory = memory(decoder, items.get(0).file(), out, o.getOrDefault("lengths", "1,10,60,180"));
        JsonObject neighbours = neighbours(decoder, o.getOrDefault("library",
                "/usr/share/games/wesnoth/1.16/data/core/music:/usr/share/games/etr/music"));

        JsonObject json = new JsonObject().put("bench", "analysis").put("analyser", AudioAnalyser.VERSION).put("seed", seed)
                .put("files", items.size()).put("audioSeconds", Math.round(audio)).put("tempo", tempoJson)
                .put("key", new JsonObject().put("n", keyN).put("mirexWeighted", round3(keyScore)).put("exact", round3(keyExact / Math.max(1, keyN))))
                .put("speed", new JsonObject().put("oursPerCore", Math.round(oursX)).put("analysisOnlyPerCore", Math.round(analysisX))
                        .put("aubioPerCore", aubio ? Math.round(audio / Math.max(1e-9, aubioCpu)) : null)
                        .put("bpmPerCore", bpmTool ? Math.round(audio / Math.max(1e-9, bpmCpu)) : null))
                .put("memory", memory).put("neighbours", neighbours);
        if (o.containsKey("rows")) {
            json.put("rows", rows);
        }
        System.out.println(json.encode());
        return 0;
    }

    private static void score(Map<String, int[]> acc, String tool, AnalysisCorpus.Item it, double est) {
        for (String kind : List.of(it.kind(), "all")) {
            int[] a = acc.computeIfAbsent(tool + "/" + kind, k -> new int[3]);
            a[0]++;
            if (Double.isNaN(est) || est <= 0) {
                continue;
            }
            if (Math.abs(est - it.bpm()) <= 0.04 * it.bpm()) {
                a[1]++;
            }
            for (double f : new double[] {1, 2, 0.5, 3, 1.0 / 3}) {
                if (Math.abs(est - it.bpm() * f) <= 0.04 * it.bpm() * f) {
                    a[2]++;
                    break;
                }
            }
        }
    }

    private static Measured ours(AudioDecoder decoder, Path file) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        double child0 = childCpu();
        long cpu0 = threads.getCurrentThreadCpuTime();
        AudioAnalyser analyser = new AudioAnalyser();
        decoder.decode(file, AudioAnalyser.SAMPLE_RATE, 0, Duration.ofMinutes(20), analyser::accept);
        AudioAnalysis a = analyser.finish();
        double java = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new Measured(a.tempo(), a.key(), java, childCpu() - child0, a);
    }

    private static Tool aubio(Path file) throws Exception {
        double c0 = childCpu();
        String out = AnalysisCorpus.run(List.of("aubio", "tempo", "-i", file.toString()));
        double cpu = childCpu() - c0;
        String last = out.trim().lines().reduce((a, b) -> b).orElse("");
        return new Tool(parseBpm(last), cpu);
    }

    private static Tool bpm(Path file) throws Exception {
        double c0 = childCpu();
        String out = AnalysisCorpus.run(List.of("bash", "-c", "ffmpeg -nostdin -v error -i \"$1\" -ac 1 -ar 44100 -f f32le - | bpm", "bpm",
                file.toString()));
        double cpu = childCpu() - c0;
        return new Tool(parseBpm(out.trim().lines().reduce((a, b) -> b).orElse("")), cpu);
    }

    private static double parseBpm(String line) {
        try {
            return Double.parseDouble(line.replace("bpm", "").trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds of the children this process has waited for (user + system, from /proc/self/stat). */
    static double childCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static JsonArray memory(AudioDecoder decoder, Path clip, Path out, String lengths) throws Exception {
        System.out.println("\nmemory against track length (one file made of a repeated clip, ffmpeg concat)");
        System.out.printf(Locale.ROOT, "  %8s %14s %16s %10s%n", "minutes", "peak heap MB", "allocated MB", "speed ×");
        double clipSeconds = AnalysisCorpus.seconds(clip);
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        JsonArray rows = new JsonArray();
        for (String l : lengths.split(",")) {
            double minutes = Double.parseDouble(l.trim());
            int repeats = (int) Math.ceil(minutes * 60 / clipSeconds);
            Path list = out.resolve("long-" + l.trim() + "min.ffconcat");
            StringBuilder sb = new StringBuilder("ffconcat version 1.0\n");
            for (int i = 0; i < repeats; i++) {
                sb.append("file '").append(clip.getFileName()).append("'\n");
            }
            Files.writeString(list, sb.toString());
            System.gc();
            Thread.sleep(200);
            long base = mem.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(base);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long alloc0 = threads.getCurrentThreadAllocatedBytes();
            Measured m = ours(decoder, list);
            long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
            sampler.interrupt();
            sampler.join();
            double speed = m.analysis().seconds() / (m.javaCpu() + m.childCpu());
            System.out.printf(Locale.ROOT, "  %8.0f %14.1f %16.1f %10.0f%n", m.analysis().seconds() / 60, (peak.get() - base) / 1e6, alloc / 1e6, speed);
            rows.add(new JsonObject().put("minutes", Math.round(m.analysis().seconds() / 60)).put("peakHeapMB", round((peak.get() - base) / 1e6))
                    .put("allocatedMB", round(alloc / 1e6)).put("speed", Math.round(speed)));
            Files.deleteIfExists(list);
        }
        return rows;
    }

    private static JsonObject neighbours(AudioDecoder decoder, String folders) throws Exception {
        List<float[]> emb = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int g = 0;
        for (String f : folders.split(":")) {
            Path dir = Path.of(f);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().matches("(?i).*\\.(ogg|mp3|flac|wav|opus)$")).sorted().toList()) {
                    emb.add(ours(decoder, p).analysis().embedding());
                    group.add(g);
                }
            }
            names.add(dir.toString());
            g++;
        }
        emb = dev.tunesmith.recommend.audio.AudioEmbeddings.standardise(emb); // as the recommender does over its catalogue
        int n = emb.size();
        if (g < 2 || n < 7) {
            System.out.println("\nsounds like: needs at least two soundtrack folders (" + folders + "); skipped");
            return new JsonObject().put("skipped", "fewer than two soundtrack folders");
        }
        double same = 0, expected = 0;
        double[] sameBy = new double[g];
        int[] sizes = new int[g];
        group.forEach(x -> sizes[x]++);
        for (int i = 0; i < n; i++) {
            double[] sims = new double[n];
            for (int j = 0; j < n; j++) {
                sims[j] = j == i ? Double.NEGATIVE_INFINITY : AudioAnalysis.similarity(emb.get(i), emb.get(j));
            }
            int hits = 0;
            for (int k = 0; k < 5; k++) {
                int best = 0;
                for (int j = 1; j < n; j++) {
                    if (sims[j] > sims[best]) {
                        best = j;
                    }
                }
                if (group.get(best).equals(group.get(i))) {
                    hits++;
                }
                sims[best] = Double.NEGATIVE_INFINITY;
            }
            same += hits / 5.0;
            sameBy[group.get(i)] += hits / 5.0;
            expected += (sizes[group.get(i)] - 1) / (double) (n - 1);
        }
        JsonArray per = new JsonArray();
        for (int k = 0; k < g; k++) {
            double random = (sizes[k] - 1) / (double) (n - 1);
            if (sizes[k] == 0) {
                continue;
            }
            System.out.printf(Locale.ROOT, "  %-50s %3d tracks: same soundtrack at 5 %.3f, random %.3f%n", names.get(k), sizes[k],
                    sameBy[k] / sizes[k], random);
            per.add(new JsonObject().put("folder", names.get(k)).put("tracks", sizes[k]).put("sameAt5", round3(sameBy[k] / sizes[k]))
                    .put("random", round3(random)));
        }
        System.out.printf(Locale.ROOT, "%nsounds like (%d tracks, %d soundtracks: %s):%n  5 nearest by embedding from the same soundtrack %.3f, random %.3f%n",
                n, g, String.join(", ", names), same / n, expected / n);
        return new JsonObject().put("tracks", n).put("soundtracks", g).put("sameSoundtrackAt5", round3(same / n)).put("random", round3(expected / n))
                .put("bySoundtrack", per);
    }

    private static double round(double v) {
        return Double.isNaN(v) ? Double.NaN : Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Double.isNaN(v) ? Double.NaN : Math.round(v * 1000) / 1000.0;
    }
}
