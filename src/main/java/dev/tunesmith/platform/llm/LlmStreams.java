package dev.tunesmith.platform.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP client under the LLM (a LangChain4j {@link HttpClient}) with guards LangChain4j lacks: every
 * streamed line must be a JSON object (and tool-call arguments JSON objects), else the stream fails
 * with {@link MalformedOutput} at once instead of being skipped silently; a stream that sends nothing
 * for {@code stallTimeout} fails; and every request made inside a {@link Scope} can be cancelled by
 * it, before the response head arrives or while its body streams, which releases the connection.
 * A scope follows the work from the thread that opens it to the threads that parse the responses (where
 * LangChain4j runs tools and the next model call).
 */
public final class LlmStreams {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static final int MAX_LINE_BYTES = 4 << 20;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "llm-stream-watchdog");
        t.setDaemon(true);
        return t;
    });

    private LlmStreams() {}

    /** The model produced output that is not what the protocol allows (garbage NDJSON, non-object tool arguments). */
    public static final class MalformedOutput extends IOException {
        public MalformedOutput(String message) {
            super(message);
        }
    }

    /** A stream that sent nothing for the stall timeout. */
    public static final class Stalled extends IOException {
        public Stalled(String message) {
            super(message);
        }
    }

    /** A request cancelled by its scope (deadline or user cancel). */
    public static final class Cancelled extends IOException {
        public Cancelled() {
            super("the model request was cancelled");
        }
    }

    /** The requests of one unit of work (a chat turn's LLM attempt); {@link #cancel()} stops them all. */
    public static final class Scope {
        private final Set<Runnable> cancels = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

        /** Runs {@code work} with this scope current, so the requests it makes belong to it. */
        public void run(Runnable work) {
            Scope previous = CURRENT.get();
            CURRENT.set(this);
            try {
                work.run();
            } finally {
                CURRENT.set(previous);
            }
        }

        /** Cancels every request of this scope, now and later. */
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                cancels.forEach(Runnable::run);
                cancels.clear();
            }
        }

        public boolean cancelled() {
            return cancelled.get();
        }

        /** Requests of this scope still open (a released scope has none). */
        public int openRequests() {
            return open.get();
        }

        private boolean register(Runnable cancel) {
            cancels.add(cancel);
            if (cancelled.get()) {
                cancel.run();
                return false;
            }
            return true;
        }
    }

    /** A builder for LangChain4j model builders' {@code httpClientBuilder(...)}. */
    public static HttpClientBuilder builder(Duration stallTimeout) {
        return new Builder(stallTimeout);
    }

    private static final class Builder implements HttpClientBuilder {
        private final Duration stall;
        private Duration connect = Duration.ofSeconds(10);
        private Duration read = Duration.ofSeconds(60);

        Builder(Duration stall) {
            this.stall = stall;
        }

        @Override
        public Duration connectTimeout() {
            return connect;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                connect = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return read;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                read = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new Client(connect, read, stall);
        }
    }

    private static final class Client implements HttpClient {
        private final java.net.http.HttpClient http;
        private final Duration read;
        private final long stallNanos;
        private final ExecutorService parsers = Executors.newVirtualThreadPerTaskExecutor();

        Client(Duration connect, Duration read, Duration stall) {
            this.http = java.net.http.HttpClient.newBuilder().connectTimeout(connect).version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            this.read = read;
            this.stallNanos = stall.toNanos();
        }

        private java.net.http.HttpRequest toJdk(HttpRequest request) {
            var b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(read);
            request.headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
                    values.forEach(v -> b.header(name, v));
                }
            });
            var body = request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
            return b.method(request.method().name(), body).build();
        }

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            Scope scope = CURRENT.get();
            CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofByteArray());
            if (scope != null && !scope.register(() -> call.cancel(true))) {
                throw new RuntimeException(new Cancelled());
            }
            try {
                HttpResponse<byte[]> res = call.get(read.toMillis() * 2, TimeUnit.MILLISECONDS);
                if (res.statusCode() < 200 || res.statusCode() >= 300) {
                    throw new HttpException(res.statusCode(), new String(res.body(), StandardCharsets.UTF_8));
                }
                return SuccessfulHttpResponse.builder().statusCode(res.statusCode()).headers(res.headers().map()).body(res.body()).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                throw new RuntimeException(e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | java.util.concurrent.CancellationException e) {
                call.cancel(true);
                throw new RuntimeException(e instanceof java.util.concurrent.ExecutionException x ? x.getCause() : e);
            }
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            Scope scope = CURRENT.get();
            Once once = new Once(listener);
            CompletableFuture<HttpResponse<InputStream>> call = http.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofInputStream());
            if (scope != null) {
                scope.open.incrementAndGet();
                call.whenComplete((r, e) -> {
                    if (e != null) {
                        scope.open.decrementAndGet();
                    }
                });
                if (!scope.register(() -> call.cancel(true))) {
                    once.onError(new Cancelled());
                    return;
                }
            }
            call.whenCompleteAsync((res, error) -> {
                if (error != null) {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
                    once.onError(scope != null && scope.cancelled() ? new Cancelled() : cause);
                    return;
                }
                Scope previous = CURRENT.get();
                CURRENT.set(scope);
                Guarded body = new Guarded(res.body(), stallNanos);
                Runnable cancel = body::cancel;
                try {
                    if (scope != null && !scope.register(cancel)) {
                        once.onError(new Cancelled());
                        return;
                    }
                    if (res.statusCode() < 200 || res.statusCode() >= 300) {
                        once.onError(new HttpException(res.statusCode(), body.readAllForError()));
                        return;
                    }
                    once.onOpen(SuccessfulHttpResponse.builder().statusCode(res.statusCode()).headers(res.headers().map()).build());
                    try {
                        parser.parse(body, once);
                    } catch (RuntimeException e) {
                        once.onError(e);
                    }
                    if (body.fault != null) {
                        once.onError(body.fault);
                    } else {
                        once.onClose();
                    }
                } finally {
                    body.release();
                    if (scope != null) {
                        scope.cancels.remove(cancel);
                        scope.open.decrementAndGet();
                    }
                    CURRENT.set(previous);
                }
            }, parsers);
        }
    }

    /** Passes on at most one terminal callback (an error or a close). */
    private static final class Once implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final AtomicBoolean ended = new AtomicBoolean();

        Once(ServerSentEventListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(dev.langchain4j.http.client.sse.ServerSentEvent event, dev.langchain4j.http.client.sse.ServerSentEventContext context) {
            if (!ended.get()) {
                delegate.onEvent(event, context);
            }
        }

        @Override
        public void onEvent(dev.langchain4j.http.client.sse.ServerSentEvent event) {
            if (!ended.get()) {
                delegate.onEvent(event);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (ended.compareAndSet(false, true)) {
                delegate.onError(error);
            }
        }

        @Override
        public void onClose() {
            if (ended.compareAndSet(false, true)) {
                delegate.onClose();
            }
        }
    }

    /**
     * The response body, handed to the parser line by line after each line is checked; closing the
     * underlying stream (cancel, stall) makes the parser's read fail at once.
     */
    private static final class Guarded extends InputStream {
        private final InputStream in;
        private final long stallNanos;
        private final java.util.concurrent.ScheduledFuture<?> watch;
        private volatile long lastData = System.nanoTime();
        private volatile IOException fault;
        private byte[] line = new byte[0];
        private int pos;
        private boolean eof;

        Guarded(InputStream in, long stallNanos) {
            this.in = in;
            this.stallNanos = stallNanos;
            long period = Math.max(50, Math.min(1000, stallNanos / 4_000_000));
            this.watch = WATCHDOG.scheduleAtFixedRate(() -> {
                if (System.nanoTime() - lastData > stallNanos) {
                    fail(new Stalled("the model sent nothing for " + stallNanos / 1_000_000 + " ms"));
                }
            }, period, period, TimeUnit.MILLISECONDS);
        }

        void cancel() {
            fail(new Cancelled());
        }

        private void fail(IOException e) {
            if (fault == null) {
                fault = e;
            }
            closeQuietly();
        }

        private void closeQuietly() {
            try {
                in.close();
            } catch (IOException | RuntimeException ignored) {
                // already closed or broken: nothing more to release
            }
        }

        void release() {
            watch.cancel(false);
            closeQuietly();
        }

        String readAllForError() {
            try {
                return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return line[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, line.length - pos);
            System.arraycopy(line, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Makes sure a checked line is buffered; false at the end of a clean stream. */
        private boolean fill() throws IOException {
            while (pos >= line.length) {
                if (eof) {
                    return false;
                }
                ByteArrayOutputStream next = new ByteArrayOutputStream();
                while (true) {
                    int c;
                    try {
                        c = in.read();
                    } catch (IOException e) {
                        throw fault != null ? fault : e;
                    }
                    if (fault != null) {
                        throw fault;
                    }
                    if (c < 0) {
                        eof = true;
                        break;
                    }
                    lastData = System.nanoTime();
                    if (c == '\n') {
                        break;
                    }
                    next.write(c);
                    if (next.size() > MAX_LINE_BYTES) {
                        throw failWith("a line of the model's stream exceeds " + MAX_LINE_BYTES + " bytes");
                    }
                }
                if (fault != null) {
                    throw fault;
                }
                byte[] bytes = next.toByteArray();
                String text = new String(bytes, StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    check(text);
                }
                if (bytes.length == 0 && eof) {
                    return false;
                }
                line = (new String(bytes, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            return true;
        }

        private MalformedOutput failWith(String message) {
            MalformedOutput e = new MalformedOutput(message);
            fault = e;
            return e;
        }

        /** One NDJSON line: a JSON object; tool calls name a function and give their arguments as an object. */
        private void check(String text) throws MalformedOutput {
            String json = text.startsWith("data:") ? text.substring(5).strip() : text; // SSE-framed streams too
            if (json.isEmpty() || json.equals("[DONE]") || text.startsWith("event:") || text.startsWith("id:") || text.startsWith(":")) {
                return;
            }
            JsonObject o;
            try {
                o = new JsonObject(json);
            } catch (RuntimeException e) {
                throw failWith("the model's stream holds a line that is not a JSON object: " + abbreviate(json));
            }
            JsonObject message = o.getValue("message") instanceof JsonObject m ? m : null;
            Object calls = message == null ? null : message.getValue("tool_calls");
            if (calls == null) {
                return;
            }
            if (!(calls instanceof JsonArray array)) {
                throw failWith("the model's tool_calls is not a list");
            }
            for (Object call : array) {
                JsonObject function = call instanceof JsonObject c && c.getValue("function") instanceof JsonObject f ? f : null;
                if (function == null || !(function.getValue("name") instanceof String name) || name.isBlank()) {
                    throw failWith("the model asked for a tool call without a function name");
                }
                Object args = function.getValue("arguments");
                if (args != null && !(args instanceof JsonObject)) {
                    throw failWith("the model gave tool '" + name + "' arguments that are not a JSON object: " + abbreviate(String.valueOf(args)));
                }
            }
        }

        private static String abbreviate(String s) {
            return s.length() > 80 ? s.substring(0, 80) + "…" : s;
        }
    }

}
