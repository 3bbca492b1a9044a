package dev.tunesmith.agent.offline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the prompt suite (src/test/resources/nlu/suite.txt) through the offline router; fails under 90 %. */
class NluSuiteTest {

    @Test
    void should_understand_at_least_90_percent_of_the_suite() throws Exception {
        List<NluSuite.Case> cases = NluSuite.load(Path.of("src/test/resources/nlu/suite.txt"));
        assertTrue(cases.size() >= 300, "suite has " + cases.size() + " cases");
        runAndCheck(cases);
    }

    @Test
    void should_understand_at_least_90_percent_of_the_holdout_suite() throws Exception {
        runAndCheck(NluSuite.load(Path.of("src/test/resources/nlu/holdout.txt")));
    }

    private static void runAndCheck(List<NluSuite.Case> cases) {
        IntentRouter router = new IntentRouter();
        List<NluSuite.Outcome> outcomes = new ArrayList<>();
        for (NluSuite.Case c : cases) {
            outcomes.add(NluSuite.run(router, c));
        }
        StringBuilder failures = new StringBuilder();
        for (NluSuite.Outcome o : outcomes) {
            if (!o.pass()) {
                failures.append("\n  line ").append(o.c().line()).append(" [").append(o.c().category()).append("] ").append(o.c().message())
                        .append(" → ").append(o.route().intent()).append(' ').append(o.route().arguments().encode()).append(" :: ").append(o.why());
            }
        }
        JsonObject summary = NluSuite.summary(outcomes);
        System.out.println("nlu suite: " + summary.encode() + failures);
        assertTrue(summary.getDouble("accuracy") >= 0.90, summary.encode() + failures);
    }
}
