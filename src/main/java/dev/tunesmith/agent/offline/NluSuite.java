package dev.tunesmith.agent.offline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A prompt suite for the offline understanding and its checker (used by {@code ./tunesmith bench nlu}
 * and by a test). One case per line:
 *
 * <pre>
 * category | context | message | expectations
 * constraint | - | give me 7 chill songs | intent=playlist; count=7
 * refine | playlist:20 | remove songs 2 and 3 | intent=refine; action=remove; positions=2,3
 * </pre>
 *
 * <p>Context is {@code -} (a new conversation), {@code playlist} or {@code playlist:N} (one with a
 * playlist of N tracks), {@code melody} (one with a melody), {@code melody-edit} or {@code lyrics} (one
 * whose newest creation is a melody or lyrics, which edits then apply to). Expectations, separated by
 * {@code ;}: {@code intent=x}; any tool argument {@code key=value} (numbers compare numerically, lists
 * as sets, a value starting with {@code ~} must occur in the argument, case-insensitive); {@code key=!}
 * means the argument is absent. A message with several edits ("make it faster and transpose it to G")
 * is split into parts ({@link IntentRouter#parts}): {@code parts=N} checks how many, and a key prefixed
 * with the part's number ({@code 2.intent=edit_melody}, {@code 2.key=G}) checks that part; unprefixed
 * keys check the first part. Blank lines and lines starting with {@code #} are ignored.
 */
public final class NluSuite {

    /** One request and what it must be understood as. */
    public record Case(int line, String category, IntentRouter.Context context, String message, Map<String, String> expect) {}

    /** A case's outcome. */
    public record Outcome(Case c, IntentRouter.Route route, boolean pass, String why, long nanos, List<IntentRouter.Route> routes) {
        public Outcome(Case c, IntentRouter.Route route, boolean pass, String why, long nanos) {
            this(c, route, pass, why, nanos, List.of(route));
        }
    }

    private NluSuite() {}

    public static List<Case> load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<Case> parse(List<String> lines) {
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] p = l.split("\\s\\|\\s", 4);
            if (p.length < 4) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'category | context | message | expectations'");
            }
            Map<String, String> expect = new LinkedHashMap<>();
            for (String e : p[3].split(";")) {
                String x = e.strip();
                if (x.isEmpty()) {
                    continue;
                }
                int eq = x.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": expectation without '=': " + x);
                }
                expect.put(x.substring(0, eq).strip(), x.substring(eq + 1).strip());
            }
            out.add(new Case(i + 1, p[0].strip(), context(p[1].strip()), p[2].strip(), expect));
        }
        return out;
    }

    private static IntentRouter.Context context(String c) {
        if (c.equals("-") || c.isEmpty()) {
            return IntentRouter.Context.EMPTY;
        }
        if (c.startsWith("playlist")) {
            // "playlist:20@4": a playlist of 20 whose track 4 was the last spoken of
            String spec = c.contains(":") ? c.substring(c.indexOf(':') + 1) : "20";
            int at = spec.contains("@") ? Integer.parseInt(spec.substring(spec.indexOf('@') + 1)) : 0;
            int n = Integer.parseInt(spec.contains("@") ? spec.substring(0, spec.indexOf('@')) : spec);
            return new IntentRouter.Context(true, n, false, null, at);
        }
        if (c.equals("melody")) {
            return new IntentRouter.Context(false, 0, true);
        }
        if (c.equals("melody-edit")) {
            return new IntentRouter.Context(false, 0, true, "melody");
        }
        if (c.equals("lyrics")) {
            return new IntentRouter.Context(false, 0, false, "lyrics");
        }
        throw new IllegalArgumentException("unknown context " + c);
    }

    public static Outcome run(IntentRouter router, Case c) {
        long t0 = System.nanoTime();
        List<IntentRouter.Route> routes = new ArrayList<>();
        for (String part : router.parts(c.message(), c.context())) {
            routes.add(router.route(part, c.context()));
        }
        long nanos = System.nanoTime() - t0;
        String why = check(c, routes);
        return new Outcome(c, routes.getFirst(), why == null, why, nanos, List.copyOf(routes));
    }

    /** Null when the route meets every expectation, else what differs. */
    static String check(Case c, IntentRouter.Route r) {
        return check(c, List.of(r));
    }

    /** Null when the routes of the message's parts meet every expectation, else what differs. */
    static String check(Case c, List<IntentRouter.Route> routes) {
        for (var e : c.expect().entrySet()) {
            String key = e.getKey();
            String want = e.getValue();
            if (key.equals("parts")) {
                if (routes.size() != Integer.parseInt(want)) {
                    return "parts " + routes.size() + " ≠ " + want;
                }
                continue;
            }
            IntentRouter.Route r = routes.getFirst();
            java.util.regex.Matcher numbered = java.util.regex.Pattern.compile("^(\\d)\\.(.+)$").matcher(key);
            if (numbered.matches()) {
                int n = Integer.parseInt(numbered.group(1));
                if (n > routes.size()) {
                    return "no part " + n + " (" + routes.size() + " parts)";
                }
                r = routes.get(n - 1);
                key = numbered.group(2);
            }
            if (key.equals("intent")) {
                if (!r.intent().name().equalsIgnoreCase(want)) {
                    return "intent " + r.intent().name().toLowerCase(Locale.ROOT) + " ≠ " + want;
                }
                continue;
            }
            Object got = r.arguments().getValue(key);
            if (want.equals("!")) {
                if (got != null) {
                    return key + " should be absent, got " + got;
                }
                continue;
            }
            if (got == null) {
                return key + " missing (want " + want + ")";
            }
            if (!matches(got, want)) {
                return key + "=" + got + " ≠ " + want;
            }
        }
        return null;
    }

    private static boolean matches(Object got, String want) {
        if (want.startsWith("~")) {
            String needle = want.substring(1).toLowerCase(Locale.ROOT);
            return String.valueOf(got).toLowerCase(Locale.ROOT).contains(needle);
        }
        if (got instanceof JsonArray a) {
            Set<String> g = new HashSet<>();
            a.forEach(x -> g.add(norm(String.valueOf(x))));
            Set<String> w = new HashSet<>();
            for (String s : want.split(",")) {
                w.add(norm(s));
            }
            return g.equals(w);
        }
        if (got instanceof Number n) {
            try {
                return Math.abs(n.doubleValue() - Double.parseDouble(want)) < 1e-6;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return norm(String.valueOf(got)).equals(norm(want));
    }

    private static String norm(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        try {
            double d = Double.parseDouble(t);
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        } catch (NumberFormatException e) {
            return t;
        }
    }

    /** Accuracy per category and overall, and latency percentiles, as a JSON summary. */
    public static JsonObject summary(List<Outcome> outcomes) {
        Map<String, int[]> per = new LinkedHashMap<>();
        List<Long> times = new ArrayList<>();
        int pass = 0;
        for (Outcome o : outcomes) {
            int[] c = per.computeIfAbsent(o.c().category(), k -> new int[2]);
            c[1]++;
            if (o.pass()) {
                c[0]++;
                pass++;
            }
            times.add(o.nanos());
        }
        times.sort(null);
        JsonObject cats = new JsonObject();
        per.forEach((k, v) -> cats.put(k, new JsonObject().put("pass", v[0]).put("total", v[1]).put("accuracy", v[1] == 0 ? 0 : (double) v[0] / v[1])));
        return new JsonObject().put("cases", outcomes.size()).put("pass", pass)
                .put("accuracy", outcomes.isEmpty() ? 0 : (double) pass / outcomes.size()).put("categories", cats)
                .put("p50Ms", pct(times, 0.5)).put("p95Ms", pct(times, 0.95)).put("maxMs", times.isEmpty() ? 0 : times.get(times.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return Math.round(sorted.get(Math.max(0, i)) / 1e4) / 100.0;
    }
}
