package dev.tunesmith.recommend.data;

/**
 * Tags of every item, the content side of the served blend (HetRec artists' tags, or the
 * catalogue's genre and style tags).
 *
 * @param dims number of distinct tags
 * @param tags per dense item, tag indices (ascending)
 * @param counts per dense item, weight of each tag (assignments, or 1)
 */
public record ItemContent(int dims, int[][] tags, float[][] counts) {}
