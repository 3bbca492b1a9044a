package dev.tunesmith.platform.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** A raw TCP client for what well-behaved HTTP and WebSocket clients cannot send. */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends raw bytes and reads one HTTP response (head and a Content-Length body). */
    public Response exchange(String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readResponse();
    }

    /** A response as text: the status and the body. */
    public record Response(int status, String head, String body) {}

    public Response readResponse() throws IOException {
        String head = readHead();
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Response(status, head, new String(body, StandardCharsets.UTF_8));
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Opens a WebSocket with a handshake of our own; returns the 101's head. */
    public String upgrade(String path, String origin) throws IOException {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + socket.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\nOrigin: " + origin
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readHead();
    }

    /** Writes one frame: FIN bit, RSV bits (0–7), opcode, masked or not. */
    public void frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode & 0x0f);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            f.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            f.write(maskBit | 126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xff);
        } else {
            f.write(maskBit | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >> (8 * i)) & 0xff);
            }
        }
        byte[] data = payload.clone();
        if (masked) {
            byte[] key = new byte[4];
            new SecureRandom().nextBytes(key);
            f.write(key);
            for (int i = 0; i < data.length; i++) {
                data[i] ^= key[i % 4];
            }
        }
        f.write(data);
        out.write(f.toByteArray());
        out.flush();
    }

    public void text(String text) throws IOException {
        frame(true, 0, 1, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** A frame received from the server: opcode and payload. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame. */
        public int closeCode() {
            return payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : 1005;
        }
    }

    public Frame readFrame() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            throw new IOException("connection closed without a close frame");
        }
        int b1 = in.read();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = (in.read() << 8) | in.read();
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) {
                len = len << 8 | in.read();
            }
        }
        return new Frame(b0 & 0x0f, in.readNBytes((int) len));
    }

    /** Reads frames until a close frame (answering nothing); returns its code, or -1 when the socket just ended. */
    public int awaitClose() throws IOException {
        try {
            while (true) {
                Frame f = readFrame();
                if (f.opcode() == 8) {
                    return f.closeCode();
                }
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads until a text frame arrives. */
    public String nextText() throws IOException {
        while (true) {
            Frame f = readFrame();
            if (f.opcode() == 1) {
                return f.text();
            }
            if (f.opcode() == 8) {
                throw new IOException("closed with " + f.closeCode());
            }
        }
    }

    public boolean closedByPeer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
