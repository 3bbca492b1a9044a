package dev.tunesmith.recommend.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Immutable bijection between raw 64-bit ids (track, artist or user ids from the database or a
 * data set) and dense indices {@code 0..size()-1}. Raw ids are mapped once, here; matrices are
 * only ever indexed by the dense index.
 */
public final class IdIndex {
    private final long[] sortedIds;

    private IdIndex(long[] sortedIds) {
        this.sortedIds = sortedIds;
    }

    /** Builds an index over the distinct values of {@code ids} (duplicates are collapsed). */
    public static IdIndex of(long... ids) {
        long[] s = ids.clone();
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[n++] = s[i];
            }
        }
        return new IdIndex(Arrays.copyOf(s, n));
    }

    /** Dense index of {@code id}, or {@code -1} when the id is unknown. */
    public int index(long id) {
        int i = Arrays.binarySearch(sortedIds, id);
        return i >= 0 ? i : -1;
    }

    /** Raw id at dense index {@code index}. */
    public long id(int index) {
        return sortedIds[index];
    }

    /** Number of ids. */
    public int size() {
        return sortedIds.length;
    }

    /** Writes the index (length-prefixed ids). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(sortedIds.length);
        for (long id : sortedIds) {
            out.writeLong(id);
        }
    }

    /** Reads an index written by {@link #write}. */
    public static IdIndex read(DataInputStream in) throws IOException {
        long[] ids = new long[in.readInt()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.readLong();
        }
        return new IdIndex(ids);
    }
}
