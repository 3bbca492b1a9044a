package dev.tunesmith.bench;

import dev.tunesmith.catalog.TrackRecord;
import dev.tunesmith.catalog.importer.CsvReader;
import dev.tunesmith.catalog.importer.FeaturesImporter;
import dev.tunesmith.catalog.importer.ImportReport;
import dev.tunesmith.catalog.importer.TextRepair;
import dev.tunesmith.recommend.AudioFeatures;
import dev.tunesmith.recommend.ColdExposure;
import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.Constraints;
import dev.tunesmith.recommend.EngineTrainer;
import dev.tunesmith.recommend.Playlist;
import dev.tunesmith.recommend.PlaylistItem;
import dev.tunesmith.recommend.RecommendationEngine;
import dev.tunesmith.recommend.TextEmbedder;
import dev.tunesmith.recommend.UserProfile;
import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.mood.MoodModel;
import dev.tunesmith.recommend.mood.MoodParser;
import dev.tunesmith.recommend.mood.MoodTarget;
import dev.tunesmith.recommend.mood.MoodVocabulary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./tunesmith bench mood}: do mood playlists hold the asked mood? On labelled catalogues
 * built from {@code ../shared/data} (documented in the README), for every mood phrase a cold
 * listener's playlist of 20 is made the way the REST and chat paths make it (parse the request with
 * {@link MoodParser}, then {@link RecommendationEngine#recommend} with default constraints), and
 * measured: precision@20 of the asked mood, the playlist's mean distance to the mood's centre (in
 * z units of the region, against the whole catalogue's), and the largest share of playlists any
 * one track appears in over 100 cold listeners × moods. A nearest-centroid classifier on the same
 * features and the learned mood model (centres moved towards half of the labels, measured on the
 * other half) give context.
 *
 * <p>Catalogues. {@code hetrec-moodtags}: HetRec Last.fm artists with a dominant mood tag (happy,
 * sad, energetic, calm groups of Last.fm tags, ≥ 2 votes and ≥ 60 % of the artist's mood votes),
 * features estimated from the artist's genre tags through the Spotify per-genre means; mood tags are
 * not given to the engine. {@code freemusicc-activity}: freemusi.cc tracks labelled by the curators'
 * per-track activity (1 passive = calm, 3 active = energetic), features estimated from the release's
 * genre and styles. Both carry estimated, not measured, features; the held-out set with real
 * features and human labels is independent of this bench.
 */
final class MoodBench {
    private static final int K = 20;
    private static final Map<String, List<String>> HETREC_GROUPS = Map.of(
            "happy", List.of("happy", "feel good", "cheerful", "fun", "joyful", "feelgood", "happy music", "upbeat"),
            "sad", List.of("sad", "melancholic", "melancholy", "depressing", "sad songs", "depressive", "heartbreak"),
            "energetic", List.of("energetic", "energy", "high energy", "powerful", "aggressive", "intense"),
            "calm", List.of("calm", "chill", "chillout", "relaxing", "relax", "mellow", "peaceful", "soothing", "chilled"));
    private static final Map<String, List<String>> PHRASES = new LinkedHashMap<>();

    static {
        PHRASES.put("happy", List.of("happy", "something cheerful and fun", "feel good songs"));
        PHRASES.put("sad", List.of("sad", "sad breakup songs", "melancholic evening"));
        PHRASES.put("energetic", List.of("energetic", "high energy, pumped", "powerful and lively"));
        PHRASES.put("calm", List.of("calm", "relaxing chill", "peaceful sleep"));
    }

    /** Everyday requests besides the labelled moods (for the share of one track across listeners). */
    private static final List<String> OTHER_REQUESTS = List.of("focus music for studying", "summer party", "gym workout",
            "romantic dinner", "rainy day", "morning coffee", "road trip driving", "dark and brooding", "dreamy",
            "upbeat cleaning", "sleep", "groovy");

    private MoodBench() {}

    /** A catalogue with one mood label per item. */
    record Labelled(String name, List<CatalogItem> items, Map<Long, String> label) {}

    static int run(Map<String, String> o, TextEmbedder embedder, PrintStream out) throws IOException {
        Path shared = Path.of(o.getOrDefault("data", "../shared/data"));
        Genres genres = Genres.read(shared.resolve("spotify-genre-features/data_by_genres.csv"));
        List<Labelled> catalogues = new ArrayList<>();
        if (o.containsKey("csv")) {
            // a labelled features file of one's own (e.g. a mood-labelled Spotify export): only that catalogue
            catalogues.add(labelledCsv(Path.of(o.get("csv")), o.getOrDefault("label", "mood")));
        } else if (Files.isDirectory(shared.resolve("lastfm-hetrec2k"))) {
            catalogues.add(hetrec(HetRecData.load(shared.resolve("lastfm-hetrec2k")), genres));
        }
        if (!o.containsKey("csv") && Files.isDirectory(shared.resolve("freemusicc"))) {
            catalogues.add(freemusicc(shared.resolve("freemusicc"), genres, Integer.parseInt(o.getOrDefault("per-class", "2500"))));
        }
        if (catalogues.isEmpty()) {
            System.err.println("bench mood: no data under " + shared.toAbsolutePath());
            return 2;
        }
        Map<String, List<String>> phrases = o.containsKey("phrases") ? phrases(Path.of(o.get("phrases"))) : PHRASES;
        int listeners;
        try {
            listeners = Integer.parseInt(o.getOrDefault("listeners", "1"));
        } catch (NumberFormatException e) {
            listeners = 0;
        }
        if (listeners < 1 || listeners > 1000) {
            System.err.println("bench mood: --listeners takes a whole number from 1 to 1000");
            return 2;
        }
        StringBuilder json = new StringBuilder("{");
        for (Labelled c : catalogues) {
            json.append(json.length() > 1 ? "," : "").append('"').append(c.name()).append("\":")
                    .append(measure(c, embedder, out, !o.containsKey("no-rest"), phrases, listeners));
        }
        out.println(json.append('}'));
        return 0;
    }

    /**
     * Requests per mood from a file of lines {@code mood<TAB>request} ({@code #} starts a comment), e.g.
     * {@code src/bench/resources/mood-phrasings.tsv}.
     */
    static Map<String, List<String>> phrases(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such requests file: " + file);
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t", 2);
            if (p.length < 2 || p[1].isBlank()) {
                throw new IOException(file + ": not 'mood<TAB>request': " + line);
            }
            m.computeIfAbsent(p[0].trim(), k -> new ArrayList<>()).add(p[1].trim());
        }
        if (m.isEmpty()) {
            throw new IOException(file + ": no requests");
        }
        return m;
    }

    private static String measure(Labelled c, TextEmbedder embedder, PrintStream out, boolean rest,
            Map<String, List<String>> given, int listeners) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        c.label().values().forEach(l -> counts.merge(l, 1, Integer::sum));
        // a label the phrases do not cover ("angry", "romantic" in a file of one's own) is asked for by its own word
        Map<String, List<String>> phrases = new LinkedHashMap<>(given);
        counts.keySet().stream().filter(l -> !phrases.containsKey(l) && l.matches("[a-z][a-z' -]{1,30}"))
                .forEach(l -> phrases.put(l, List.of(l)));
        out.printf("%n== %s: %d items, labels %s ==%n", c.name(), c.items().size(), counts);
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        RecommendationEngine engine = EngineTrainer.train(c.items(), Map.of(), null, now, EngineTrainer.Options.DEFAULTS);
        Set<String> tags = new HashSet<>();
        Set<String> artists = new HashSet<>();
        c.items().forEach(i -> {
            tags.addAll(i.tags());
            artists.add(i.artist());
        });
        MoodParser parser = new MoodParser(embedder, MoodVocabulary.standard(), tags, artists);
        List<String> moods = phrases.keySet().stream().filter(counts::containsKey).toList();

        out.printf("%-12s %-28s %8s %10s %10s%n", "mood", "request", "P@20", "dist", "dist(all)");
        StringBuilder js = new StringBuilder("{\"items\":" + c.items().size() + ",\"moods\":{");
        double sumP = 0;
        int nP = 0;
        for (String mood : moods) {
            double moodP = 0;
            for (String phrase : phrases.get(mood)) {
                MoodTarget t = parser.parse(phrase);
                Playlist p = engine.recommend(UserProfile.empty(now), t, Constraints.defaults().withCount(K));
                double prec = precision(p, c.label(), mood);
                if (listeners > 1) {
                    // the cold draw differs by listener: the mean over several new listeners is steadier
                    prec = 0;
                    for (int l = 1; l <= listeners; l++) {
                        prec += precision(engine.recommend(UserProfile.empty(now).withListener(l * 7919L), t,
                                Constraints.defaults().withCount(K)), c.label(), mood) / listeners;
                    }
                }
                double dist = distance(engine, engine.moodModel(), mood, p.items().stream().map(i -> i.item().trackId()).toList());
                double all = distance(engine, engine.moodModel(), mood, c.items().stream().map(CatalogItem::trackId).toList());
                out.printf(Locale.ROOT, "%-12s %-28s %8.3f %10.3f %10.3f%n", mood, phrase, prec, dist, all);
                moodP += prec;
            }
            moodP /= phrases.get(mood).size();
            js.append(nP == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.3f", mood, moodP));
            sumP += moodP;
            nP++;
        }
        double meanP = sumP / Math.max(1, nP);
        out.printf(Locale.ROOT, "mean precision@20 over moods: %.3f%n", meanP);
        js.append(String.format(Locale.ROOT, "},\"precision@20\":%.3f", meanP));

        // 100 cold listeners, each asking one of the labelled moods' phrases or another everyday mood request:
        // the largest share of the 100 playlists that any one track appears in
        Map<String, List<String>> asked = new LinkedHashMap<>();
        moods.forEach(m -> asked.put(m, phrases.get(m)));
        List<String> requests = new ArrayList<>(interleaved(asked));
        requests.addAll(OTHER_REQUESTS);
        Map<Long, Integer> appearances = new HashMap<>();
        Map<Long, Set<String>> askedBy = new HashMap<>();
        // as the service does: one memory of recent cold playlists for all of them
        ColdExposure exposure = new ColdExposure();
        for (int l = 0; l < 100; l++) {
            UserProfile cold = UserProfile.empty(now.plusSeconds(977L * l)).withListener(l + 1);
            String request = requests.get(l % requests.size());
            Playlist p = engine.recommend(cold, parser.parse(request), Constraints.defaults().withCount(K), exposure);
            for (long id : new HashSet<>(p.trackIds())) {
                appearances.merge(id, 1, Integer::sum);
                askedBy.computeIfAbsent(id, k -> new java.util.TreeSet<>()).add(request);
            }
        }
        int max = appearances.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        appearances.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3).forEach(e -> {
            CatalogItem it = engine.item(e.getKey()).orElseThrow();
            out.printf(Locale.ROOT, "  most shared: '%s' by %s in %d playlists, for %s%n", it.title(), it.artist(), e.getValue(),
                    askedBy.get(e.getKey()));
        });
        out.printf(Locale.ROOT, "max share of one track over 100 cold listeners x %d requests: %.1f %% (goal <= 10 %%)%n",
                requests.size(), max / 1.0);
        js.append(String.format(Locale.ROOT, ",\"maxTrackShare\":%.3f", max / 100.0));

        // learned centres (half A of the labels) against the standard ones, measured on half B
        Map<String, List<float[]>> examples = new HashMap<>();
        Map<Long, String> testLabels = new HashMap<>();
        List<CatalogItem> testItems = new ArrayList<>();
        for (CatalogItem it : c.items()) {
            String l = c.label().get(it.trackId());
            if (it.trackId() % 2 == 0) {
                examples.computeIfAbsent(l, k -> new ArrayList<>()).add(engine.quantiles(engine.indexOf(it.trackId())));
            } else {
                testLabels.put(it.trackId(), l);
                testItems.add(it);
            }
        }
        RecommendationEngine half = EngineTrainer.train(testItems, Map.of(), null, now, EngineTrainer.Options.DEFAULTS);
        RecommendationEngine learned = half.withMoodModel(half.moodModel().learned(examples, 20));
        double pStd = 0;
        double pLearned = 0;
        double pCentroid = 0;
        for (String mood : moods) {
            MoodTarget t = parser.parse(mood);
            pStd += precision(half.recommend(UserProfile.empty(now), t, Constraints.defaults()), testLabels, mood);
            pLearned += precision(learned.recommend(UserProfile.empty(now), t, Constraints.defaults()), testLabels, mood);
            pCentroid += centroidPrecision(half, examples, moods, mood, testItems, testLabels);
        }
        pStd /= moods.size();
        pLearned /= moods.size();
        pCentroid /= moods.size();
        out.printf(Locale.ROOT, "held-out half: standard regions P@20 %.3f, learned regions %.3f (gain %+.3f),"
                + " nearest-centroid top-20 %.3f%n", pStd, pLearned, pLearned - pStd, pCentroid);
        js.append(String.format(Locale.ROOT, ",\"heldOutStandard\":%.3f,\"heldOutLearned\":%.3f,\"heldOutCentroid\":%.3f",
                pStd, pLearned, pCentroid));
        if (rest) {
            Map<String, Double> r = MoodRestBench.run(c, asked, OTHER_REQUESTS, out);
            if (r != null) {
                js.append(",\"rest\":{");
                StringBuilder per = new StringBuilder();
                double sum = 0;
                for (String m : moods) {
                    double pm = phrases.get(m).stream().mapToDouble(r::get).average().orElse(0);
                    sum += pm;
                    per.append(per.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.3f", m, pm));
                }
                out.printf(Locale.ROOT, "REST mean precision@20 over moods: %.3f%n", sum / moods.size());
                js.append(per).append(String.format(Locale.ROOT, ",\"precision@20\":%.3f,\"maxTrackShare\":%.3f}",
                        sum / moods.size(), r.get("maxTrackShare")));
                js.append(",\"chat\":{");
                double chatSum = 0;
                for (int k = 0; k < moods.size(); k++) {
                    String m = moods.get(k);
                    double pm = phrases.get(m).stream().mapToDouble(x -> r.get("chat:" + x)).average().orElse(0);
                    chatSum += pm;
                    js.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.3f", m, pm));
                }
                out.printf(Locale.ROOT, "chat mean precision@20 over moods: %.3f%n", chatSum / moods.size());
                js.append(String.format(Locale.ROOT, ",\"precision@20\":%.3f}", chatSum / moods.size()));
            }
        }
        return js.append('}').toString();
    }

    /**
     * The requests mood by mood in turn (one of each mood, then the next of each), so that 100 listeners ask for
     * every mood even when a file holds more than 100 requests.
     */
    static List<String> interleaved(Map<String, List<String>> byMood) {
        List<String> out = new ArrayList<>();
        int longest = byMood.values().stream().mapToInt(List::size).max().orElse(0);
        for (int k = 0; k < longest; k++) {
            for (List<String> l : byMood.values()) {
                if (k < l.size()) {
                    out.add(l.get(k));
                }
            }
        }
        return out;
    }

    private static double precision(Playlist p, Map<Long, String> label, String mood) {
        if (p.items().isEmpty()) {
            return 0;
        }
        long hits = p.items().stream().filter(i -> mood.equals(label.get(i.item().trackId()))).count();
        return hits / (double) p.items().size();
    }

    /** Mean over the items of √(mean_f ((q_f − c_f)/s_f)²) to the mood's region. */
    private static double distance(RecommendationEngine e, MoodModel model, String mood, List<Long> ids) {
        MoodModel.Region r = model.region(mood).orElseThrow();
        double sum = 0;
        int n = 0;
        for (long id : ids) {
            float[] q = e.quantiles(e.indexOf(id));
            double d = 0;
            int known = 0;
            for (MoodModel.Axis a : r.axes()) {
                float v = q[a.feature().ordinal()];
                if (v == v) {
                    double z = (v - a.centre()) / a.spread();
                    d += z * z;
                    known++;
                }
            }
            if (known > 0) {
                sum += Math.sqrt(d / known);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Precision of the 20 test items nearest to the mood's centroid (learned on half A), among all moods' centroids. */
    private static double centroidPrecision(RecommendationEngine e, Map<String, List<float[]>> examples, List<String> moods,
            String mood, List<CatalogItem> items, Map<Long, String> labels) {
        Map<String, double[]> centroid = new HashMap<>();
        for (String m : moods) {
            double[] c = new double[MoodModel.FEATURES];
            int[] n = new int[MoodModel.FEATURES];
            for (float[] q : examples.getOrDefault(m, List.of())) {
                for (int f = 0; f < c.length; f++) {
                    if (q[f] == q[f]) {
                        c[f] += q[f];
                        n[f]++;
                    }
                }
            }
            for (int f = 0; f < c.length; f++) {
                c[f] = n[f] == 0 ? Double.NaN : c[f] / n[f];
            }
            centroid.put(m, c);
        }
        List<long[]> scored = new ArrayList<>();
        List<Double> margin = new ArrayList<>();
        for (CatalogItem it : items) {
            float[] q = e.quantiles(e.indexOf(it.trackId()));
            double own = dist(q, centroid.get(mood));
            double other = Double.MAX_VALUE;
            for (String m : moods) {
                if (!m.equals(mood)) {
                    other = Math.min(other, dist(q, centroid.get(m)));
                }
            }
            scored.add(new long[] {it.trackId()});
            margin.add(other - own);
        }
        Integer[] order = new Integer[scored.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(margin.get(b), margin.get(a)));
        int hits = 0;
        for (int j = 0; j < Math.min(K, order.length); j++) {
            if (mood.equals(labels.get(scored.get(order[j])[0]))) {
                hits++;
            }
        }
        return hits / (double) Math.min(K, order.length);
    }

    private static double dist(float[] q, double[] c) {
        double d = 0;
        for (int f = 0; f < q.length; f++) {
            if (q[f] == q[f] && c[f] == c[f]) {
                d += (q[f] - c[f]) * (q[f] - c[f]);
            }
        }
        return d;
    }

    /**
     * A Spotify-style features CSV with a mood label column, read by the product's own importer
     * ({@code ./tunesmith import features}); the label column is read apart and never reaches the
     * engine. Labels are lower-cased; rows whose label is not one of the measured moods still stay
     * in the catalogue.
     */
    static Labelled labelledCsv(Path file, String labelColumn) throws IOException {
        Map<String, String> labelById = new HashMap<>();
        List<TrackRecord> records = new FeaturesImporter().parse(file, new ImportReport("features"), labelColumn,
                (t, label) -> labelById.put(t.externalId(), label.trim().toLowerCase(Locale.ROOT)));
        List<CatalogItem> items = new ArrayList<>();
        Map<Long, String> labels = new HashMap<>();
        for (TrackRecord t : records) {
            long trackId = items.size() + 1;
            TrackRecord.Features f = t.features();
            items.add(new CatalogItem(trackId, t.title(), t.artist(), t.tags(), t.genre(), new AudioFeatures(f.valence(),
                    f.energy(), f.danceability(), f.acousticness(), f.tempo(), false, f.instrumentalness(), f.loudness(),
                    f.mode(), f.speechiness()), t.durationSec() == null ? 0 : t.durationSec()));
            String l = labelById.get(t.externalId());
            if (l != null && !l.isBlank()) {
                labels.put(trackId, l);
            }
        }
        return new Labelled(file.getFileName().toString(), items, labels);
    }

    static Labelled hetrec(HetRecData d, Genres genres) {
        Map<String, String> moodOfTag = new HashMap<>();
        HETREC_GROUPS.forEach((mood, words) -> words.forEach(w -> moodOfTag.put(w, mood)));
        List<CatalogItem> items = new ArrayList<>();
        Map<Long, String> label = new HashMap<>();
        for (int i = 0; i < d.items().size(); i++) {
            Map<String, Float> votes = new HashMap<>();
            List<String> genreTags = new ArrayList<>();
            List<Float> genreWeights = new ArrayList<>();
            for (int j = 0; j < d.itemTags()[i].length; j++) {
                String tag = d.tagNames()[d.itemTags()[i][j]].toLowerCase(Locale.ROOT).trim();
                float w = d.itemTagCounts()[i][j];
                String mood = moodOfTag.get(tag);
                if (mood != null) {
                    votes.merge(mood, w, Float::sum);
                } else if (genres.knows(tag)) {
                    genreTags.add(tag);
                    genreWeights.add(w);
                }
            }
            float total = 0;
            String best = null;
            float bestVotes = 0;
            for (var e : votes.entrySet()) {
                total += e.getValue();
                if (e.getValue() > bestVotes) {
                    bestVotes = e.getValue();
                    best = e.getKey();
                }
            }
            if (best == null || bestVotes < 2 || bestVotes < 0.6 * total || genreTags.isEmpty()) {
                continue;
            }
            AudioFeatures f = genres.mean(genreTags, genreWeights);
            long id = d.items().id(i);
            String name = d.artistNames()[i] == null ? "artist " + id : d.artistNames()[i];
            items.add(new CatalogItem(id, name, name, genreTags.subList(0, Math.min(5, genreTags.size())), genreTags.get(0), f, 240));
            label.put(id, best);
        }
        // balance: at most 100 items per mood (seeded), moods with fewer than 20 items dropped
        Map<String, Integer> n = new HashMap<>();
        label.values().forEach(l -> n.merge(l, 1, Integer::sum));
        List<CatalogItem> shuffled = new ArrayList<>(items);
        java.util.Collections.shuffle(shuffled, new java.util.Random(20110101L));
        Map<String, Integer> taken = new HashMap<>();
        List<CatalogItem> kept = new ArrayList<>();
        Map<Long, String> keptLabel = new HashMap<>();
        for (CatalogItem it : shuffled) {
            String l = label.get(it.trackId());
            if (n.get(l) >= 20 && taken.getOrDefault(l, 0) < 100) {
                taken.merge(l, 1, Integer::sum);
                kept.add(it);
                keptLabel.put(it.trackId(), l);
            }
        }
        return new Labelled("hetrec-moodtags", kept, keptLabel);
    }

    static Labelled freemusicc(Path dir, Genres genres, int perClass) throws IOException {
        Map<String, String[]> releases = new HashMap<>();
        List<List<String>> rel = Csv.read(dir.resolve("releases.csv"));
        List<String> rh = rel.get(0);
        int rid = rh.indexOf("id");
        int rgenre = rh.indexOf("genre");
        int rstyle = rh.indexOf("style");
        for (List<String> r : rel.subList(1, rel.size())) {
            if (r.size() > Math.max(rid, Math.max(rgenre, rstyle))) {
                releases.put(r.get(rid), new String[] {r.get(rgenre), r.get(rstyle)});
            }
        }
        List<List<String>> tr = Csv.read(dir.resolve("tracks.csv"));
        List<String> th = tr.get(0);
        int ta = th.indexOf("activity");
        int tid = th.indexOf("id");
        int ttitle = th.indexOf("title");
        int tartist = th.indexOf("trackartist");
        int tdur = th.indexOf("duration");
        List<CatalogItem> items = new ArrayList<>();
        Map<Long, String> label = new HashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        java.util.Random rnd = new java.util.Random(20110101L);
        List<List<String>> rows = new ArrayList<>(tr.subList(1, tr.size()));
        java.util.Collections.shuffle(rows, rnd);
        long next = 1;
        for (List<String> r : rows) {
            if (r.size() <= Math.max(ta, Math.max(tid, Math.max(ttitle, Math.max(tartist, tdur))))) {
                continue;
            }
            String mood = switch (r.get(ta).trim()) {
                case "1", "1.0" -> "calm";
                case "3", "3.0" -> "energetic";
                default -> null;
            };
            String[] release = releases.get(r.get(tid));
            if (mood == null || release == null || taken.getOrDefault(mood, 0) >= perClass) {
                continue;
            }
            List<String> tags = new ArrayList<>();
            for (String s : release[1].split(",")) {
                if (!s.isBlank()) {
                    tags.add(s.trim().toLowerCase(Locale.ROOT));
                }
            }
            List<String> known = new ArrayList<>();
            List<Float> w = new ArrayList<>();
            for (String t : tags) {
                if (genres.knows(t)) {
                    known.add(t);
                    w.add(1f);
                }
            }
            String genre = release[0].trim().toLowerCase(Locale.ROOT);
            if (genres.knows(genre)) {
                known.add(genre);
                w.add(1f);
            }
            if (known.isEmpty()) {
                continue;
            }
            int dur;
            try {
                dur = (int) Double.parseDouble(r.get(tdur));
            } catch (NumberFormatException e) {
                dur = 0;
            }
            long id = next++;
            // the file holds double-encoded UTF-8 ("MÃºsica"): repaired as the product's importer repairs it
            items.add(new CatalogItem(id, TextRepair.repair(r.get(ttitle)), TextRepair.repair(r.get(tartist)), tags, release[0],
                    genres.mean(known, w), dur));
            label.put(id, mood);
            taken.merge(mood, 1, Integer::sum);
        }
        return new Labelled("freemusicc-activity", items, label);
    }

    /** The Spotify per-genre mean features, all nine the mood model reads. */
    record Genres(Map<String, double[]> rows) {
        static Genres read(Path file) throws IOException {
            List<List<String>> all = Csv.read(file);
            List<String> h = all.get(0);
            String[] cols = {"valence", "energy", "tempo", "danceability", "acousticness", "instrumentalness", "loudness",
                "mode", "speechiness"};
            int g = h.indexOf("genres");
            Map<String, double[]> rows = new HashMap<>();
            for (List<String> r : all.subList(1, all.size())) {
                try {
                    double[] v = new double[cols.length];
                    for (int k = 0; k < cols.length; k++) {
                        v[k] = Double.parseDouble(r.get(h.indexOf(cols[k])));
                    }
                    rows.put(r.get(g).trim().toLowerCase(Locale.ROOT), v);
                } catch (RuntimeException ignored) {
                    // a malformed row loses only that genre
                }
            }
            return new Genres(rows);
        }

        boolean knows(String genre) {
            return rows.containsKey(genre);
        }

        AudioFeatures mean(List<String> genres, List<Float> weights) {
            double[] m = new double[9];
            double tw = 0;
            for (int j = 0; j < genres.size(); j++) {
                double[] v = rows.get(genres.get(j));
                for (int k = 0; k < 9; k++) {
                    m[k] += weights.get(j) * v[k];
                }
                tw += weights.get(j);
            }
            for (int k = 0; k < 9; k++) {
                m[k] /= tw;
            }
            return new AudioFeatures(m[0], m[1], m[3], m[4], m[2], true, m[5], m[6], m[7], m[8]);
        }
    }

    /** Every record of a CSV file (the product's reader: quoted fields, commas and newlines inside quotes). */
    static final class Csv {
        static List<List<String>> read(Path file) throws IOException {
            List<List<String>> out = new ArrayList<>();
            try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), ',')) {
                java.util.Optional<CsvReader.Record> r;
                while ((r = csv.next()).isPresent()) {
                    out.add(r.get().fields());
                }
            }
            return out;
        }
    }
}
