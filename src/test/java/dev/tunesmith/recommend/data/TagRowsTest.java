package dev.tunesmith.recommend.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TagRowsTest {
    @Test
    void should_add_one_row_per_tag_valued_so_that_its_log_confidence_is_the_weighted_count() {
        // given: two listeners over three items; item 0 carries tag 0 three times, item 2 carries tags 0 and 1 once
        Interactions plays = Interactions.of(2, 3, new int[] {0, 0, 1}, new int[] {0, 1, 1}, new float[] {5, 9, 2}, 3);
        ItemContent tags = new ItemContent(2, new int[][] {{0}, {}, {0, 1}}, new float[][] {{3}, {}, {1, 1}});

        // when
        Interactions aug = TagRows.append(plays, tags, 2.0, 0);

        // then: the listeners keep their rows and values, each tag is a row after them, one assignment
        // counting twice the listeners' mean log(1 + v)
        double mu = (Math.log1p(5) + Math.log1p(9) + Math.log1p(2)) / 3;
        assertEquals(4, aug.users());
        assertEquals(3, aug.items());
        assertEquals(plays.row(0).items().length, aug.row(0).items().length);
        assertEquals(9f, aug.row(0).values()[1]);
        UserVector tag0 = aug.row(2);
        assertEquals(2, tag0.items().length);
        assertEquals(2.0 * mu * Math.log1p(3) / Math.log(2), Math.log1p(tag0.values()[0]), 1e-3);
        assertEquals(2.0 * mu, Math.log1p(tag0.values()[1]), 1e-3);
        assertEquals(1, aug.row(3).items().length);
        assertEquals(2, aug.row(3).items()[0]);
    }

    @Test
    void should_leave_out_items_below_the_support_and_add_nothing_at_weight_zero() {
        Interactions plays = Interactions.of(2, 3, new int[] {0, 1, 1}, new int[] {0, 0, 1}, new float[] {1, 1, 1}, 3);
        ItemContent tags = new ItemContent(1, new int[][] {{0}, {0}, {0}}, new float[][] {{1}, {1}, {1}});

        // item 0 has two listeners, item 1 one, item 2 none: only item 0 reaches support 2
        Interactions aug = TagRows.append(plays, tags, 1.0, 2);
        assertEquals(1, aug.row(2).items().length);
        assertEquals(0, aug.row(2).items()[0]);
        assertEquals(2, aug.itemCount(0) - 1, "the item's listeners are unchanged, plus its tag row");

        assertSame(plays, TagRows.append(plays, tags, 0, 0));
    }
}
