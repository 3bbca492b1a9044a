package dev.tunesmith.generate.melody;

import dev.tunesmith.generate.abc.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class CorpusStatsProbe {
    @Test
    void probe() {
        MelodyCorpus c = MelodyCorpus.load(dev.tunesmith.generate.abc.CorpusFixture.nottingham(), 7, 0.05);
        List<Tune> all = new ArrayList<>(c.train()); all.addAll(c.validation());
        int full = 0, bars = 0; List<Double> means = new ArrayList<>();
        for (Tune t : all) {
            for (TuneTiming.Bar b : TuneTiming.bars(t)) { bars++; if (b.full()) full++; }
        }
        List<List<String>> seqs = MelodyCorpus.sequences(all);
        long toks = seqs.stream().mapToLong(List::size).sum();
        Map<String,Integer> mood = new TreeMap<>();
        for (List<String> s : seqs) mood.merge(s.get(3), 1, Integer::sum);
        List<List<String>> aug = c.augmented(new Random(1), 3);
        Vocabulary v = Vocabulary.build(aug, List.of("<pad>","<unk>","<bos>","<eos>","<mood:lively>","<mood:calm>","<mood:any>"));
        Map<String,Integer> keys = new TreeMap<>();
        for (List<String> s : aug) keys.merge(s.get(2), 1, Integer::sum);
        System.out.println("tunes=" + all.size() + " bars=" + bars + " full=" + full + " seqs=" + seqs.size() + " tokens=" + toks + " mood=" + mood + " aug=" + aug.size() + " augTokens=" + aug.stream().mapToLong(List::size).sum() + " vocab=" + v.size());
        System.out.println(keys);
        System.out.println(v.tokens());
        System.out.println(seqs.get(0));
    }
}
