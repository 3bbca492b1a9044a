package dev.tunesmith.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AnalysisCorpusTest {

    @Test
    void should_take_the_key_and_metre_of_single_key_tunes() {
        String tune = "X: 2\nT:Abacus\nM:6/8\nK:G\n\"G\"g2g B^AB|d2d G3|\n";
        assertArrayEquals(new String[] {tune, "G major", "6/8"}, AnalysisCorpus.usable(tune));
        String minor = "X: 3\nT:Minor\nM:4/4\nK:Em\nEFGA B2e2|\n";
        assertArrayEquals(new String[] {minor, "E minor", "4/4"}, AnalysisCorpus.usable(minor));
    }

    @Test
    void should_leave_out_tunes_with_key_or_metre_changes_and_modes() {
        assertNull(AnalysisCorpus.usable("X: 1\nM:4/4\nK:A\nM:6/8\nabc|\nK:D\ndef|\n"), "two keys and two metres");
        assertNull(AnalysisCorpus.usable("X: 4\nM:4/4\nK:Ador\nabc|\n"), "a mode has no major/minor ground truth");
        assertNull(AnalysisCorpus.usable("X: 5\nM:5/4\nK:G\nabc|\n"), "an unusual metre has no agreed beat");
    }
}
