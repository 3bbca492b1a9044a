package dev.tunesmith.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tunesmith.TestSupport;
import dev.tunesmith.app.Server;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The LLM path against a real Ollama server: runs only when {@code OLLAMA_BASE_URL} is set (with
 * {@code OLLAMA_MODEL} pulled there), and is skipped with a message otherwise.
 */
class OllamaIntegrationTest {

    @Test
    void should_answer_a_playlist_turn_in_llm_mode_through_the_tools() throws Exception {
        String base = System.getenv("OLLAMA_BASE_URL");
        assumeTrue(base != null && !base.isBlank(), "skipped: OLLAMA_BASE_URL is not set (no Ollama server on this machine)");
        Map<String, String> env = new java.util.HashMap<>();
        env.put("OLLAMA_BASE_URL", base);
        if (System.getenv("OLLAMA_MODEL") != null) {
            env.put("OLLAMA_MODEL", System.getenv("OLLAMA_MODEL"));
        }
        Vertx vertx = Vertx.vertx();
        Server app = TestSupport.startApp(vertx, TestSupport.config(env));
        WebClient http = WebClient.create(vertx);
        try {
            assumeTrue(new LlmProbe(java.util.Optional.of(base), TestSupport.config(env).agent().ollamaModel()).probe(),
                    "skipped: Ollama at " + base + " does not list the configured model");
            String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("llm"));
            var client = vertx.createWebSocketClient();
            var ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port()).setURI("/ws/chat")
                    .addHeader("Origin", "http://127.0.0.1:" + app.port())).await(5, TimeUnit.SECONDS);
            LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
            ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
            ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
            JsonObject ready = frames.poll(10, TimeUnit.SECONDS);
            assertEquals("llm", ready.getString("mode"));
            ws.writeTextMessage(new JsonObject().put("type", "message").put("text", "Make me a calm playlist of 5 songs for reading").encode());
            List<JsonObject> turn = new ArrayList<>();
            JsonObject f;
            do {
                f = frames.poll(180, TimeUnit.SECONDS);
                assertTrue(f != null, "turn did not finish: " + turn);
                turn.add(f);
            } while (!"done".equals(f.getString("type")) && !"error".equals(f.getString("type")));
            assertEquals("done", f.getString("type"), turn.toString());
            assertTrue(turn.stream().anyMatch(x -> "token".equals(x.getString("type"))));
            assertFalse(turn.stream().anyMatch(x -> "token".equals(x.getString("type")) && x.getString("text").contains("language model is unavailable")));
            client.close();
        } finally {
            http.close();
            app.close().await();
            vertx.close().await();
        }
    }
}
