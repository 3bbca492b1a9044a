package dev.tunesmith.recommend.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HetRecDataTest {
    @TempDir
    Path dir;

    @Test
    void should_hide_the_tags_of_a_held_out_pair_and_keep_every_other_assignment() throws Exception {
        // given: user 2 plays artists 10 and 20 and tagged 10 "rock" and 30 (never played) "folk";
        // user 3 plays 20 and tagged it "rock"; user 9 has no plays and tagged 10 "folk"
        Files.writeString(dir.resolve("user_artists.dat"), "userID\tartistID\tweight\n2\t10\t50\n2\t20\t7\n3\t20\t12\n3\t30\t4\n");
        Files.writeString(dir.resolve("artists.dat"), "id\tname\turl\tpictureURL\n10\tA\t\t\n20\tB\t\t\n30\tC\t\t\n");
        Files.writeString(dir.resolve("tags.dat"), "tagID\ttagValue\n1\trock\n2\tfolk\n");
        Files.writeString(dir.resolve("user_taggedartists.dat"), "userID\tartistID\ttagID\tday\tmonth\tyear\n"
                + "2\t10\t1\t1\t1\t2009\n2\t30\t2\t1\t1\t2009\n3\t20\t1\t1\t1\t2009\n9\t10\t2\t1\t1\t2009\n");
        HetRecData d = HetRecData.load(dir);
        int a10 = d.items().index(10);
        int a20 = d.items().index(20);
        int a30 = d.items().index(30);
        int u2 = d.users().index(2);
        int rock = 0;
        int folk = 1;

        // when: the pair (user 2, artist 10) is held out
        boolean[] keep = new boolean[d.plays().nnz()];
        for (int k = 0; k < keep.length; k++) {
            keep[k] = !(k >= d.plays().rowStart(u2) && k < d.plays().rowStart(u2 + 1) && d.plays().colAt(k) == a10);
        }
        Interactions train = d.plays().filter(keep);
        ItemContent visible = d.contentVisibleTo(train);
        ItemContent all = d.content();

        // then: user 2's "rock" on artist 10 is hidden, the other user's tag on 10 and user 2's tag on an
        // artist they never play stay; with nothing held out every assignment counts
        assertArrayEquals(new int[] {folk}, visible.tags()[a10]);
        assertArrayEquals(new int[] {rock}, visible.tags()[a20]);
        assertArrayEquals(new int[] {folk}, visible.tags()[a30]);
        assertArrayEquals(new int[] {rock, folk}, all.tags()[a10]);
        assertArrayEquals(new float[] {1f, 1f}, all.counts()[a10]);
        assertEquals(2, d.contentVisibleTo(d.plays()).tags()[a10].length);
        assertEquals(2, visible.dims());
    }
}
