package dev.tunesmith.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.platform.http.RawHttp;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6455 conformance of {@code /ws/chat} with hand-made frames: the close codes the RFC names, and the contract's limits. */
class WebSocketConformanceTest extends AppTestBase {

    private RawHttp open(boolean authenticate) throws Exception {
        RawHttp ws = new RawHttp(app.port());
        String head = ws.upgrade("/ws/chat", "http://127.0.0.1:" + app.port());
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        if (authenticate) {
            String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("rfc"));
            ws.text(new JsonObject().put("type", "auth").put("token", token).encode());
            assertEquals("ready", new JsonObject(ws.nextText()).getString("type"));
        }
        return ws;
    }

    @Test
    void should_close_1009_on_a_frame_over_64_kib() throws Exception {
        try (RawHttp ws = open(true)) {
            ws.frame(true, 0, 1, "x".repeat(64 * 1024 + 1).getBytes(StandardCharsets.UTF_8), true);
            assertEquals(1009, ws.awaitClose());
        }
    }

    @Test
    void should_close_1009_on_a_fragmented_message_over_64_kib() throws Exception {
        try (RawHttp ws = open(true)) {
            byte[] part = "y".repeat(40 * 1024).getBytes(StandardCharsets.UTF_8);
            ws.frame(false, 0, 1, part, true);
            ws.frame(true, 0, 0, part, true);
            assertEquals(1009, ws.awaitClose());
        }
    }

    @Test
    void should_close_1002_on_an_unmasked_client_frame() throws Exception {
        try (RawHttp ws = open(true)) {
            ws.frame(true, 0, 1, "{\"type\":\"cancel\"}".getBytes(StandardCharsets.UTF_8), false);
            assertEquals(1002, ws.awaitClose());
        }
    }

    @Test
    void should_close_1002_on_reserved_opcodes() throws Exception {
        for (int opcode : new int[] {3, 7, 0xB, 0xF}) {
            try (RawHttp ws = open(false)) {
                ws.frame(true, 0, opcode, new byte[] {1, 2}, true);
                assertEquals(1002, ws.awaitClose(), "opcode " + opcode);
            }
        }
    }

    @Test
    void should_close_1002_on_bad_continuations() throws Exception {
        try (RawHttp ws = open(false)) {
            ws.frame(true, 0, 0, "orphan".getBytes(StandardCharsets.UTF_8), true);
            assertEquals(1002, ws.awaitClose(), "a continuation with no message to continue");
        }
        try (RawHttp ws = open(false)) {
            ws.frame(false, 0, 1, "{\"type\":".getBytes(StandardCharsets.UTF_8), true);
            ws.frame(true, 0, 1, "\"auth\"}".getBytes(StandardCharsets.UTF_8), true);
            assertEquals(1002, ws.awaitClose(), "a new message inside a fragmented one");
        }
    }

    @Test
    void should_close_1002_on_rsv1_without_a_negotiated_extension() throws Exception {
        try (RawHttp ws = open(true)) {
            ws.frame(true, 4, 1, "{\"type\":\"cancel\"}".getBytes(StandardCharsets.UTF_8), true);
            assertEquals(1002, ws.awaitClose());
        }
    }

    @Test
    void should_close_1007_on_invalid_utf8_in_a_text_frame() throws Exception {
        try (RawHttp ws = open(true)) {
            ws.frame(true, 0, 1, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, true);
            assertEquals(1007, ws.awaitClose());
        }
        try (RawHttp ws = open(true)) { // a code point split across fragments is still valid
            byte[] note = "🎵".getBytes(StandardCharsets.UTF_8);
            ws.frame(false, 0, 1, new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', note[0], note[1]}, true);
            ws.frame(true, 0, 0, new byte[] {note[2], note[3], '"', '}'}, true);
            assertEquals("unknown_type", new JsonObject(ws.nextText()).getString("code"));
        }
    }

    @Test
    void should_accept_a_text_frame_of_exactly_16_kib_and_answer_it() throws Exception {
        try (RawHttp ws = open(true)) {
            String prefix = "{\"type\":\"message\",\"text\":\"a playlist for the gym ";
            String suffix = "\"}";
            String frame = prefix + "x".repeat(16 * 1024 - prefix.length() - suffix.length()) + suffix;
            assertEquals(16 * 1024, frame.getBytes(StandardCharsets.UTF_8).length);
            ws.frame(true, 0, 1, frame.getBytes(StandardCharsets.UTF_8), true);
            String first = ws.nextText();
            assertNotEquals("error", new JsonObject(first).getString("type"), first);
            String f = first;
            while (!"done".equals(new JsonObject(f).getString("type"))) {
                f = ws.nextText();
                assertNotEquals("error", new JsonObject(f).getString("type"), f);
            }
            ws.frame(true, 0, 1, (frame.substring(0, frame.length() - 2) + "x\"}").getBytes(StandardCharsets.UTF_8), true);
            assertEquals("frame_too_large", new JsonObject(ws.nextText()).getString("code"), "one byte more is over the contract's limit");
        }
    }

    @Test
    void should_answer_nul_in_a_chat_message_with_an_error_frame_not_a_false_outage() throws Exception {
        try (RawHttp ws = open(true)) {
            ws.text("{\"type\":\"message\",\"text\":\"hi\\u0000there\"}");
            JsonObject error = new JsonObject(ws.nextText());
            assertEquals("invalid_text", error.getString("code"), error.encode());
            assertEquals("text", error.getString("field"));
            ws.text("{\"type\":\"message\",\"text\":\"\\ud800\"}");
            assertEquals("invalid_text", new JsonObject(ws.nextText()).getString("code"));
            ws.text("{\"type\":\"message\",\"text\":\"\\u200b\\u2060\"}");
            assertEquals("invalid_message", new JsonObject(ws.nextText()).getString("code"));
        }
    }
}
