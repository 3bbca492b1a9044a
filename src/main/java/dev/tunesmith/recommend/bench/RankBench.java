package dev.tunesmith.recommend.bench;

import java.util.Map;

/** Placeholder until the ranking benchmark lands. */
public final class RankBench {
    private RankBench() {}

    public static int run(Map<String, String> o) {
        return 2;
    }
}
