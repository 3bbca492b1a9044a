package dev.tunesmith.recommend.rerank;

import dev.tunesmith.recommend.Range;
import java.util.function.IntPredicate;

/**
 * The hard constraints of one query as flat boolean tables over dense indices, so that testing an
 * item costs a few array reads (no strings or boxing per item).
 */
public final class CandidateFilter implements IntPredicate {
    private final boolean[] excludedItem;
    private final boolean[] excludedArtist;
    private final boolean[] excludedTag;
    private final int[] artistOf;
    private final int[] tagStart;
    private final int[] tags;
    private final float[] energy;
    private final float[] tempo;
    private final Range energyRange;
    private final Range tempoRange;

    /**
     * @param excludedItem per item, excluded by id, recency or duplicates
     * @param excludedArtist per artist id
     * @param excludedTag per tag id
     * @param artistOf artist id per item
     * @param tagStart CSR start of each item's tags in {@code tags} (length items + 1)
     * @param tags tag ids of all items, concatenated
     * @param energy energy per item (NaN unknown)
     * @param tempo tempo per item (NaN unknown)
     * @param energyRange allowed energy or null
     * @param tempoRange allowed tempo or null
     */
    public CandidateFilter(boolean[] excludedItem, boolean[] excludedArtist, boolean[] excludedTag, int[] artistOf,
            int[] tagStart, int[] tags, float[] energy, float[] tempo, Range energyRange, Range tempoRange) {
        this.excludedItem = excludedItem;
        this.excludedArtist = excludedArtist;
        this.excludedTag = excludedTag;
        this.artistOf = artistOf;
        this.tagStart = tagStart;
        this.tags = tags;
        this.energy = energy;
        this.tempo = tempo;
        this.energyRange = energyRange;
        this.tempoRange = tempoRange;
    }

    @Override
    public boolean test(int i) {
        if (excludedItem[i] || excludedArtist[artistOf[i]]) {
            return false;
        }
        if (energyRange != null && (Float.isNaN(energy[i]) || !energyRange.contains(energy[i]))) {
            return false;
        }
        if (tempoRange != null && (Float.isNaN(tempo[i]) || !tempoRange.contains(tempo[i]))) {
            return false;
        }
        for (int p = tagStart[i]; p < tagStart[i + 1]; p++) {
            if (excludedTag[tags[p]]) {
                return false;
            }
        }
        return true;
    }
}
