package dev.tunesmith.agent;

import dev.tunesmith.platform.llm.LlmHealth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health of the Ollama server: probes {@code GET /api/tags} (2 s timeout) at start and every 30 s,
 * and is healthy when the server answers and lists the configured model. Never blocks a caller.
 */
public final class LlmProbe implements LlmHealth, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LlmProbe.class);

    private final Optional<String> baseUrl;
    private final String model;
    private final AtomicBoolean healthy = new AtomicBoolean(false);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tunesmith-llm-probe");
        t.setDaemon(true);
        return t;
    });

    public LlmProbe(Optional<String> baseUrl, String model) {
        this.baseUrl = baseUrl;
        this.model = model;
        if (baseUrl.isPresent()) {
            timer.scheduleWithFixedDelay(this::probe, 0, 30, TimeUnit.SECONDS);
        }
    }

    @Override
    public boolean healthy() {
        return healthy.get();
    }

    @Override
    public void markUnhealthy() {
        healthy.set(false);
    }

    /** Probes now and returns the outcome (blocking; call off the event loop). */
    public boolean probe() {
        if (baseUrl.isEmpty()) {
            return false;
        }
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + "/api/tags"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = res.statusCode() == 200 && res.body().contains("\"" + model);
            if (ok != healthy.getAndSet(ok)) {
                LOG.info("LLM at {} with model {} is {}", baseUrl.get(), model, ok ? "available" : "unavailable (status "
                        + res.statusCode() + ", model listed: " + res.body().contains(model) + ")");
            }
            return ok;
        } catch (Exception e) {
            if (healthy.getAndSet(false)) {
                LOG.warn("LLM at {} is unreachable: {}", baseUrl.get(), e.toString());
            }
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
