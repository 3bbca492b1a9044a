package dev.tunesmith.agent;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake Ollama server that speaks the real wire protocol, so {@code OllamaStreamingChatModel}
 * runs over real HTTP: {@code POST /api/chat} answers with {@code application/x-ndjson}, one JSON
 * object per line, streamed chunk by chunk ({@code {"model","created_at","message":{"role":
 * "assistant","content"},"done":false}}, tool calls as {@code message.tool_calls[].function
 * {name, arguments}}, a last line with {@code "done":true, "done_reason"} and token counts);
 * {@code GET /api/tags} lists the model; {@code GET /api/version} answers a version. What each
 * chat request returns is scripted by the test, and every request body is recorded.
 */
final class FakeOllamaServer implements AutoCloseable {

    final String model;
    final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile Function<JsonObject, List<JsonObject>> script = r -> List.of(text("ok"), done("stop"));

    private FakeOllamaServer(Vertx vertx, String model) {
        this.model = model;
        this.server = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            if (req.method().name().equals("GET") && path.equals("/api/tags")) {
                req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("models",
                        new JsonArray().add(new JsonObject().put("name", model).put("model", model).put("size", 1)
                                .put("modified_at", Instant.now().toString()))).encode());
            } else if (req.method().name().equals("GET") && path.equals("/api/version")) {
                req.response().putHeader("Content-Type", "application/json").end("{\"version\":\"0.9.6\"}");
            } else if (req.method().name().equals("POST") && path.equals("/api/chat")) {
                req.body().onSuccess(body -> {
                    JsonObject request = body.toJsonObject();
                    requests.add(request);
                    stream(req.response(), script.apply(request), vertx);
                });
            } else {
                req.response().setStatusCode(404).putHeader("Content-Type", "application/json").end("{\"error\":\"not found\"}");
            }
        });
    }

    static FakeOllamaServer start(Vertx vertx, String model) {
        FakeOllamaServer f = new FakeOllamaServer(vertx, model);
        f.server.listen(0, "127.0.0.1").await();
        return f;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Sets what each {@code /api/chat} request streams back (the chunks, without the model/created_at envelope). */
    void script(Function<JsonObject, List<JsonObject>> s) {
        this.script = s;
    }

    private void stream(HttpServerResponse res, List<JsonObject> chunks, Vertx vertx) {
        res.setChunked(true).putHeader("Content-Type", "application/x-ndjson");
        res.writeHead();
        writeFrom(res, chunks, 0, vertx);
    }

    private void writeFrom(HttpServerResponse res, List<JsonObject> chunks, int i, Vertx vertx) {
        if (i == chunks.size()) {
            res.end();
            return;
        }
        JsonObject line = chunks.get(i).copy().put("model", model).put("created_at", Instant.now().toString());
        res.write(line.encode() + "\n");
        vertx.setTimer(5, t -> writeFrom(res, chunks, i + 1, vertx));
    }

    /** A chunk of answer text. */
    static JsonObject text(String content) {
        return new JsonObject().put("message", new JsonObject().put("role", "assistant").put("content", content)).put("done", false);
    }

    /** A chunk calling a tool, as Ollama streams it (arguments as a JSON object). */
    static JsonObject toolCall(String name, JsonObject arguments) {
        return new JsonObject().put("message", new JsonObject().put("role", "assistant").put("content", "")
                .put("tool_calls", new JsonArray().add(new JsonObject().put("function",
                        new JsonObject().put("name", name).put("arguments", arguments))))).put("done", false);
    }

    /** The last line of a stream. */
    static JsonObject done(String reason) {
        return new JsonObject().put("message", new JsonObject().put("role", "assistant").put("content", "")).put("done", true)
                .put("done_reason", reason).put("total_duration", 1_000_000).put("load_duration", 1000).put("prompt_eval_count", 42)
                .put("prompt_eval_duration", 1000).put("eval_count", 7).put("eval_duration", 1000);
    }

    /** The tool results in a chat request (messages with role "tool"), newest last. */
    static List<String> toolResults(JsonObject request) {
        return request.getJsonArray("messages", new JsonArray()).stream().map(m -> (JsonObject) m)
                .filter(m -> "tool".equals(m.getString("role"))).map(m -> m.getString("content", "")).toList();
    }

    @Override
    public void close() {
        server.close().await();
    }
}
