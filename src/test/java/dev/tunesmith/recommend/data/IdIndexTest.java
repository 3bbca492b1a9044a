package dev.tunesmith.recommend.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class IdIndexTest {
    @Test
    void should_map_sparse_raw_ids_to_dense_indices_and_back() throws Exception {
        // given
        IdIndex idx = IdIndex.of(900_000_000_123L, 7L, 42L, 7L);

        // when / then
        assertEquals(3, idx.size());
        assertEquals(0, idx.index(7L));
        assertEquals(1, idx.index(42L));
        assertEquals(2, idx.index(900_000_000_123L));
        assertEquals(-1, idx.index(8L));
        assertEquals(42L, idx.id(1));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        idx.write(new DataOutputStream(b));
        IdIndex back = IdIndex.read(new DataInputStream(new ByteArrayInputStream(b.toByteArray())));
        assertEquals(idx.size(), back.size());
        assertEquals(2, back.index(900_000_000_123L));
    }

    @Test
    void should_sum_duplicates_and_keep_rows_and_columns_consistent() {
        // given: user 0 has item 2 twice
        Interactions m = Interactions.of(2, 3, new int[] {0, 0, 1, 0}, new int[] {2, 0, 2, 2}, new float[] {1, 5, 3, 2}, 4);

        // then
        assertEquals(3, m.nnz());
        UserVector u0 = m.row(0);
        assertArrayEquals(new int[] {0, 2}, u0.items());
        assertArrayEquals(new float[] {5, 3}, u0.values());
        assertEquals(2, m.itemCount(2));
        assertEquals(0, m.itemCount(1));
        assertEquals(0, m.rowAt(m.colStart(2)));
        assertEquals(1, m.rowAt(m.colStart(2) + 1));
    }

    @Test
    void should_hold_out_about_a_fifth_of_each_users_items_per_fold() {
        // given: one user with 10 items
        int[] u = new int[10];
        int[] i = new int[10];
        float[] v = new float[10];
        for (int k = 0; k < 10; k++) {
            i[k] = k;
            v[k] = 1;
        }
        Interactions m = Interactions.of(1, 10, u, i, v, 10);

        // when
        int[] fold = Splits.foldOfEntry(m, 5, 1L);

        // then
        for (int f = 0; f < 5; f++) {
            assertEquals(2, Splits.heldOut(m, fold, f)[0].length);
            assertEquals(8, m.filter(Splits.trainMask(fold, f)).nnz());
        }
        assertArrayEquals(fold, Splits.foldOfEntry(m, 5, 1L));
    }
}
