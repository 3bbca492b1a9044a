package dev.tunesmith.chat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test WebSocket client: frames land in a queue the test reads with a timeout. */
final class ChatClient implements AutoCloseable {

    final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Short> closed = new CompletableFuture<>();
    private final WebSocketClient client;
    final WebSocket ws;

    private ChatClient(WebSocketClient client, WebSocket ws) {
        this.client = client;
        this.ws = ws;
        ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    }

    static ChatClient connect(Vertx vertx, int port, String origin) {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws/chat");
        if (origin != null) {
            options.addHeader("Origin", origin);
        }
        try {
            return new ChatClient(client, client.connect(options).await(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException(e);
        }
    }

    void send(JsonObject frame) {
        ws.writeTextMessage(frame.encode());
    }

    void sendText(String text) {
        ws.writeTextMessage(text);
    }

    JsonObject next(long timeoutMs) throws InterruptedException {
        JsonObject f = frames.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (f == null) {
            throw new AssertionError("no frame within " + timeoutMs + " ms");
        }
        return f;
    }

    /** Frames up to and including the first of {@code type} ("done" or "error" end a turn). */
    List<JsonObject> until(String type, long timeoutMs) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            JsonObject f = frames.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (f == null) {
                throw new AssertionError("no '" + type + "' frame within " + timeoutMs + " ms; saw " + seen);
            }
            seen.add(f);
            if (type.equals(f.getString("type"))) {
                return seen;
            }
        }
    }

    short awaitClose(long timeoutMs) throws Exception {
        return closed.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!ws.isClosed()) {
            ws.close();
        }
        client.close();
    }
}
