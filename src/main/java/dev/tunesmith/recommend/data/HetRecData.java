package dev.tunesmith.recommend.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HetRec 2011 Last.fm 2K data set, loaded read-only from its folder (never copied into the
 * repository). Items are artists, weights are play counts; artist tags come from
 * {@code user_taggedartists.dat} as (artist, tag, number of users who assigned it).
 *
 * <p>A user's tag on an artist also says that the user knows the artist: 22 % of the (user, artist)
 * play pairs carry the same user's tag. An evaluation that hides a pair must therefore hide its
 * tags too, which {@link #contentVisibleTo} does; {@link #itemTags} counts every assignment (what
 * the product trains on, where nothing is held out).
 *
 * @param users user ids → dense indices
 * @param items artist ids → dense indices
 * @param plays user × artist play counts
 * @param artistNames artist name per dense item index
 * @param tagNames tag name per tag index ({@code tags.dat}, Latin-1)
 * @param itemTags per item, tag indices (ascending)
 * @param itemTagCounts per item, how many users assigned each tag
 * @param friends per dense user index, the dense indices of their friends
 * @param assignments every tag assignment as (tagging user, artist, tag): dense user index, or −1 for
 *     a user without plays, dense item index and tag index, in file order
 */
public record HetRecData(
        IdIndex users,
        IdIndex items,
        Interactions plays,
        String[] artistNames,
        String[] tagNames,
        int[][] itemTags,
        float[][] itemTagCounts,
        int[][] friends,
        int[][] assignments) {

    /** Loads the data set from {@code dir} (the folder holding {@code user_artists.dat}). */
    public static HetRecData load(Path dir) throws IOException {
        List<long[]> ua = new ArrayList<>();
        for (String[] f : rows(dir.resolve("user_artists.dat"), StandardCharsets.UTF_8)) {
            ua.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
        long[] uids = new long[ua.size()];
        long[] aids = new long[ua.size()];
        for (int k = 0; k < ua.size(); k++) {
            uids[k] = ua.get(k)[0];
            aids[k] = ua.get(k)[1];
        }
        IdIndex users = IdIndex.of(uids);
        IdIndex items = IdIndex.of(aids);
        int n = ua.size();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            u[k] = users.index(uids[k]);
            i[k] = items.index(aids[k]);
            v[k] = ua.get(k)[2];
        }
        Interactions plays = Interactions.of(users.size(), items.size(), u, i, v, n);

        String[] names = new String[items.size()];
        for (String[] f : rows(dir.resolve("artists.dat"), StandardCharsets.UTF_8)) {
            int idx = items.index(Long.parseLong(f[0]));
            if (idx >= 0 && f.length > 1) {
                names[idx] = f[1];
            }
        }
        Map<Long, Integer> tagIdx = new HashMap<>();
        List<String> tagNames = new ArrayList<>();
        for (String[] f : rows(dir.resolve("tags.dat"), StandardCharsets.ISO_8859_1)) {
            tagIdx.put(Long.parseLong(f[0]), tagNames.size());
            tagNames.add(f.length > 1 ? f[1].trim() : "");
        }
        List<int[]> assigned = new ArrayList<>();
        for (String[] f : rows(dir.resolve("user_taggedartists.dat"), StandardCharsets.UTF_8)) {
            int item = items.index(Long.parseLong(f[1]));
            Integer tag = tagIdx.get(Long.parseLong(f[2]));
            if (item >= 0 && tag != null) {
                assigned.add(new int[] {users.index(Long.parseLong(f[0])), item, tag});
            }
        }
        int[][] assignments = assigned.toArray(int[][]::new);
        ItemContent all = count(items.size(), tagNames.size(), assignments, a -> true);
        List<List<Integer>> fr = new ArrayList<>();
        for (int k = 0; k < users.size(); k++) {
            fr.add(new ArrayList<>());
        }
        Path friendsFile = dir.resolve("user_friends.dat");
        if (Files.exists(friendsFile)) {
            for (String[] f : rows(friendsFile, StandardCharsets.UTF_8)) {
                int a = users.index(Long.parseLong(f[0]));
                int b = users.index(Long.parseLong(f[1]));
                if (a >= 0 && b >= 0) {
                    fr.get(a).add(b);
                }
            }
        }
        int[][] friends = new int[users.size()][];
        for (int k = 0; k < users.size(); k++) {
            friends[k] = fr.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
        return new HetRecData(users, items, plays, names, tagNames.toArray(String[]::new), all.tags(), all.counts(), friends,
                assignments);
    }

    /**
     * The artists' tags as a model trained on {@code train} may see them: every assignment except
     * those on a (user, artist) pair that {@link #plays} holds and {@code train} does not, i.e. on a
     * held-out pair. {@code train} must be {@link #plays} filtered (same users and items).
     */
    public ItemContent contentVisibleTo(Interactions train) {
        return count(items.size(), tagNames.length, assignments,
                a -> a[0] < 0 || !plays.contains(a[0], a[1]) || train.contains(a[0], a[1]));
    }

    /** Per item, its tags (ascending) and how many of the {@code kept} assignments gave each. */
    private static ItemContent count(int items, int dims, int[][] assignments, java.util.function.Predicate<int[]> kept) {
        List<Map<Integer, Float>> perItem = new ArrayList<>();
        for (int k = 0; k < items; k++) {
            perItem.add(new HashMap<>());
        }
        for (int[] a : assignments) {
            if (kept.test(a)) {
                perItem.get(a[1]).merge(a[2], 1f, Float::sum);
            }
        }
        int[][] tags = new int[items][];
        float[][] counts = new float[items][];
        for (int k = 0; k < items; k++) {
            Map<Integer, Float> m = perItem.get(k);
            tags[k] = m.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            counts[k] = new float[tags[k].length];
            for (int j = 0; j < tags[k].length; j++) {
                counts[k][j] = m.get(tags[k][j]);
            }
        }
        return new ItemContent(dims, tags, counts);
    }

    /** Every assignment counted: the content the product trains on. */
    public ItemContent content() {
        return new ItemContent(tagNames.length, itemTags, itemTagCounts);
    }

    private static List<String[]> rows(Path file, Charset cs) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, cs)) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.split("\t", -1));
                }
            }
        }
        return out;
    }
}
