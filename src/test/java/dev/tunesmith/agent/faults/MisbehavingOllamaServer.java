package dev.tunesmith.agent.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Ollama server (the {@code /api/chat} NDJSON stream and {@code /api/tags}) that misbehaves on
 * purpose, one {@link Mode} at a time, over a raw socket so that every failure a real network or model
 * can produce is possible: no answer at all, an error status, garbage lines, a trickle, a dropped
 * connection, a call of a tool that does not exist, tool arguments that are not a JSON object.
 * It counts open connections, so a test can see that a cancelled stream released its connection.
 */
public final class MisbehavingOllamaServer implements AutoCloseable {

    /** How {@code /api/chat} answers. */
    public enum Mode { OK, HANG, ERROR_500, GARBAGE, SLOW, DROP, UNKNOWN_TOOL, BAD_ARGUMENTS }

    public static final String MODEL = "fake-llm";

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger chats = new AtomicInteger();
    private final AtomicInteger streaming = new AtomicInteger();
    private volatile Mode mode = Mode.OK;

    public MisbehavingOllamaServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Connections the client still holds open. */
    public int openConnections() {
        open.removeIf(Socket::isClosed);
        return open.size();
    }

    /** Answers still being streamed (or withheld) to a client that has not gone away. */
    public int activeStreams() {
        return streaming.get();
    }

    /** {@code /api/chat} requests received so far. */
    public int chatRequests() {
        return chats.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                threads.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            while (true) {
                String requestLine = in.readLine();
                if (requestLine == null) {
                    return;
                }
                int length = 0;
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                char[] body = new char[length];
                int read = 0;
                while (read < length) {
                    int n = in.read(body, read, length - read);
                    if (n < 0) {
                        return;
                    }
                    read += n;
                }
                if (requestLine.contains("/api/tags")) {
                    respond(out, 200, "{\"models\":[{\"name\":\"" + MODEL + ":latest\",\"model\":\"" + MODEL + ":latest\"}]}");
                    continue;
                }
                chats.incrementAndGet();
                streaming.incrementAndGet();
                try {
                    if (!chat(s, out)) {
                        return;
                    }
                } finally {
                    streaming.decrementAndGet();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: that is what several modes provoke
        } finally {
            open.remove(s);
        }
    }

    /** Answers one chat request; false when the connection must end afterwards. */
    private boolean chat(Socket s, OutputStream out) throws IOException, InterruptedException {
        switch (mode) {
            case OK -> {
                streamHead(out);
                line(out, token("Hello "));
                line(out, token("from the fake model."));
                line(out, done());
                chunkEnd(out);
                return true;
            }
            case HANG -> {
                while (!s.isClosed() && s.getInputStream().read() >= 0) {
                    // never answer; wait until the client gives up
                }
                return false;
            }
            case ERROR_500 -> {
                respond(out, 500, "{\"error\":\"model runner has unexpectedly stopped\"}");
                return true;
            }
            case GARBAGE -> {
                streamHead(out);
                line(out, "this is not json at all");
                line(out, "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\",\"content\":");
                while (s.getInputStream().read() >= 0) {
                    // and then nothing: a parser that skips bad lines waits forever (until the client hangs up)
                }
                return false;
            }
            case SLOW -> {
                streamHead(out);
                for (int i = 0; i < 600 && !s.isClosed(); i++) {
                    line(out, token("slow" + i + " "));
                    Thread.sleep(300);
                }
                return false;
            }
            case DROP -> {
                streamHead(out);
                line(out, token("Half an ans"));
                s.setSoLinger(true, 0);
                s.close(); // reset, mid-stream
                return false;
            }
            case UNKNOWN_TOOL -> {
                streamHead(out);
                line(out, "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                        + "{\"name\":\"launchRockets\",\"arguments\":{\"target\":\"moon\"}}}]},\"done\":false}");
                line(out, done());
                chunkEnd(out);
                return true;
            }
            case BAD_ARGUMENTS -> {
                streamHead(out);
                line(out, "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                        + "{\"name\":\"rankTracks\",\"arguments\":\"calm, 5 songs\"}}]},\"done\":false}");
                line(out, done());
                chunkEnd(out);
                return true;
            }
            default -> throw new IllegalStateException();
        }
    }

    private static String token(String text) {
        return "{\"model\":\"" + MODEL + "\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\""
                + text + "\"},\"done\":false}";
    }

    private static String done() {
        return "{\"model\":\"" + MODEL + "\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":3,\"eval_count\":4}";
    }

    private static void respond(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + (status == 200 ? " OK" : " Internal Server Error") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static void streamHead(OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void line(OutputStream out, String json) throws IOException {
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void chunkEnd(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
        threads.shutdownNow();
    }
}
