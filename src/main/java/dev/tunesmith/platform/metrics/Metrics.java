package dev.tunesmith.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application's meters (Micrometer, scraped as Prometheus text at {@code /metrics}):
 * {@code tunesmith_ws_sessions}, {@code tunesmith_events_total{type}}, {@code tunesmith_chat_turns_total},
 * {@code tunesmith_tool_seconds{tool,outcome}} with p50/p95. Also keeps one-minute rates for the dashboard.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger sockets = new AtomicInteger();
    private final RateWindow events = new RateWindow();
    private final RateWindow turns = new RateWindow();
    private final Counter turnCounter;
    private final Map<String, Timer> toolTimers = new ConcurrentHashMap<>();

    public Metrics() {
        Gauge.builder("tunesmith.ws.sessions", sockets, AtomicInteger::get).description("open chat WebSockets").register(registry);
        turnCounter = Counter.builder("tunesmith.chat.turns").description("chat turns started").register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void socketOpened() {
        sockets.incrementAndGet();
    }

    public void socketClosed() {
        sockets.decrementAndGet();
    }

    public int openSockets() {
        return sockets.get();
    }

    public void event(String type) {
        events.mark();
        registry.counter("tunesmith.events", "type", type).increment();
    }

    public void turn() {
        turns.mark();
        turnCounter.increment();
    }

    public void tool(String name, long nanos, boolean ok) {
        toolTimers.computeIfAbsent(name + (ok ? "" : "#failed"), k -> Timer.builder("tunesmith.tool")
                .tag("tool", name).tag("outcome", ok ? "ok" : "failed")
                .publishPercentiles(0.5, 0.95).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    public long eventsPerMinute() {
        return events.lastMinute();
    }

    public long turnsPerMinute() {
        return turns.lastMinute();
    }

    /**
     * {@code {"name":{"count","meanMs","maxMs","p50Ms","p95Ms"}}} for successful tool calls. The
     * percentiles cover the last two minutes only (Micrometer's decaying window: 0 when idle);
     * {@code meanMs} is over every call since start.
     */
    public JsonObject tools() {
        JsonObject out = new JsonObject();
        toolTimers.forEach((key, timer) -> {
            if (key.contains("#")) {
                return;
            }
            JsonObject t = new JsonObject().put("count", timer.count())
                    .put("meanMs", timer.count() == 0 ? null : Math.round(timer.mean(TimeUnit.MILLISECONDS) * 10) / 10.0)
                    .put("maxMs", Math.round(timer.max(TimeUnit.MILLISECONDS) * 10) / 10.0);
            for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
                t.put(p.percentile() == 0.5 ? "p50Ms" : "p95Ms", Math.round(p.value(TimeUnit.MILLISECONDS) * 10) / 10.0);
            }
            out.put(key, t);
        });
        return out;
    }
}
