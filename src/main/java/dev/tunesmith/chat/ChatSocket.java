package dev.tunesmith.chat;

import dev.tunesmith.agent.ChatAgent;
import dev.tunesmith.conversation.ConversationStore;
import dev.tunesmith.agent.TurnSink;
import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import dev.tunesmith.platform.metrics.Metrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /ws/chat} per the contract: Origin allow-list at the handshake (403), an auth frame
 * within 10 s ({@code http.wsAuthTimeoutMs}) (else close 4401; 4403 for a disabled user), JSON text frames of at most 16 KiB
 * (larger, malformed or unknown frames get an error frame and the socket stays usable), a per-user
 * token bucket (a flood gets an error frame, then close 1008), cancel, and bounded output buffering
 * (a client that stops reading is closed rather than buffered for without bound).
 */
public final class ChatSocket implements RouteModule {

    /** Event-bus address: {@code {"userId"}} — close that user's sockets with 4403 (disabled). */
    public static final String USER_DISABLED = dev.tunesmith.platform.bus.Addresses.USER_DISABLED;

    static final int MAX_FRAME_BYTES = 16 * 1024;
    /** The transport's limit on a whole message (frames are limited to the same by the server options): past it, close 1009. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final long PING_EVERY_MS = 20_000;
    static final int MAX_QUEUED_FRAMES = 2_000;
    static final double BUCKET_CAPACITY = 20;
    static final double REFILL_PER_SECOND = 2;

    private final Vertx vertx;
    private final List<String> allowedOrigins;
    private final long authTimeoutMs;
    private final AuthHandler auth;
    private final ChatAgent agent;
    private final ConversationStore conversations;
    private final Metrics metrics;
    private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<Long, Set<Session>> byUser = new ConcurrentHashMap<>();
    private volatile MessageConsumer<JsonObject> disabled;
    private volatile MessageConsumer<JsonObject> revoked;
    private volatile SharedRateLimit shared;

    public ChatSocket(Vertx vertx, List<String> allowedOrigins, long authTimeoutMs, AuthHandler auth, ChatAgent agent,
            ConversationStore conversations, Metrics metrics) {
        this.vertx = vertx;
        this.allowedOrigins = allowedOrigins;
        this.authTimeoutMs = authTimeoutMs;
        this.auth = auth;
        this.agent = agent;
        this.conversations = conversations;
        this.metrics = metrics;
    }

    /** Starts closing the sockets of users disabled ({@code USER_DISABLED}) or logged out ({@code SESSIONS_REVOKED}) anywhere; undone by {@link #close()}. */
    public ChatSocket listen() {
        disabled = vertx.eventBus().<JsonObject>consumer(USER_DISABLED, msg -> {
            Set<Session> sessions = byUser.get(msg.body().getLong("userId"));
            if (sessions != null) {
                sessions.forEach(s -> s.context.runOnContext(v -> s.close((short) 4403, "account disabled")));
            }
        });
        revoked = vertx.eventBus().<JsonObject>consumer(dev.tunesmith.platform.bus.Addresses.SESSIONS_REVOKED, msg -> {
            Set<Session> sessions = byUser.get(msg.body().getLong("userId"));
            if (sessions != null) {
                sessions.forEach(s -> s.context.runOnContext(v -> s.close((short) 4401, "logged out")));
            }
        });
        return this;
    }

    public Future<Void> close() {
        List<MessageConsumer<JsonObject>> mine = java.util.stream.Stream.of(disabled, revoked).filter(java.util.Objects::nonNull).toList();
        disabled = null;
        revoked = null;
        return Future.all(mine.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
    }

    /** In a cluster: the same per-user budget also counted across nodes (see {@link SharedRateLimit}). */
    public ChatSocket sharedLimit(SharedRateLimit limit) {
        this.shared = limit;
        return this;
    }

    @Override
    public void mount(Router root) {
        root.get("/ws/chat").handler(this::handshake);
    }

    private void handshake(RoutingContext ctx) {
        String upgrade = ctx.request().getHeader("Upgrade");
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            ctx.response().putHeader("Upgrade", "websocket");
            Responses.error(ctx, 426, "upgrade_required", "this endpoint speaks WebSocket only (send an Upgrade: websocket handshake)");
            return;
        }
        String key = ctx.request().getHeader("Sec-WebSocket-Key");
        String connection = ctx.request().getHeader("Connection");
        if (key == null || key.isBlank() || connection == null || !connection.toLowerCase(java.util.Locale.ROOT).contains("upgrade")) {
            Responses.error(ctx, 400, "invalid_handshake", "a WebSocket handshake needs Connection: Upgrade and a Sec-WebSocket-Key");
            return;
        }
        if (!"13".equals(ctx.request().getHeader("Sec-WebSocket-Version"))) {
            ctx.response().putHeader("Sec-WebSocket-Version", "13");
            Responses.error(ctx, 426, "unsupported_websocket_version", "this server speaks WebSocket version 13 (RFC 6455)");
            return;
        }
        String origin = ctx.request().getHeader("Origin");
        String host = ctx.request().getHeader("Host");
        boolean own = origin != null && host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
        if (!own && (origin == null || !allowedOrigins.contains(origin))) {
            Responses.error(ctx, 403, "origin_not_allowed", "this origin may not open the chat");
            return;
        }
        ctx.request().toWebSocket().onSuccess(ws -> new Session(ws).start()).onFailure(e -> {
            if (!ctx.response().ended()) {
                ctx.fail(ApiError.badRequest("a WebSocket upgrade is required"));
            }
        });
    }

    /** One socket. All its state is touched on its own context (event loop) only. */
    private final class Session implements TurnSink {
        private final ServerWebSocket ws;
        private final Context context = Vertx.currentContext();
        private final ArrayDeque<String> queue = new ArrayDeque<>();
        private Principal principal;
        private String token;
        private long pingTimer = -1;
        private io.vertx.core.buffer.Buffer fragments;
        private boolean fragmentsAreText;
        private UUID conversation = UUID.randomUUID();
        private ChatAgent.TurnHandle turn;
        private long authTimer;
        private boolean closed;
        private boolean authenticating;

        Session(ServerWebSocket ws) {
            this.ws = ws;
        }

        void start() {
            metrics.socketOpened();
            authTimer = vertx.setTimer(authTimeoutMs, id -> {
                if (principal == null) {
                    close((short) 4401, "authentication timeout");
                }
            });
            ws.frameHandler(this::onFrame);
            ws.drainHandler(v -> flush());
            ws.closeHandler(v -> onClosed());
            ws.exceptionHandler(this::onException);
            pingTimer = vertx.setPeriodic(PING_EVERY_MS, id -> {
                if (!closed) {
                    ws.writePing(io.vertx.core.buffer.Buffer.buffer());
                }
            });
        }

        /** RFC 6455 violations found by the frame decoder carry their close code (1002 protocol error, 1009 too big). */
        private void onException(Throwable e) {
            if (e instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException c && c.closeStatus() != null) {
                close((short) c.closeStatus().code(), c.closeStatus().reasonText());
                return;
            }
            close((short) 1011, "error");
        }

        /** Reassembles messages from data frames; text must be valid UTF-8 (else close 1007). */
        private void onFrame(io.vertx.core.http.WebSocketFrame frame) {
            if (closed || !(frame.isText() || frame.isBinary() || frame.isContinuation())) {
                return; // ping, pong and close are answered by the transport
            }
            if (!frame.isContinuation()) {
                fragments = io.vertx.core.buffer.Buffer.buffer();
                fragmentsAreText = frame.isText();
            } else if (fragments == null) {
                close((short) 1002, "continuation without a message");
                return;
            }
            fragments.appendBuffer(frame.binaryData());
            if (fragments.length() > MAX_MESSAGE_BYTES) {
                fragments = null;
                close((short) 1009, "message too big");
                return;
            }
            if (!frame.isFinal()) {
                return;
            }
            io.vertx.core.buffer.Buffer message = fragments;
            fragments = null;
            if (!fragmentsAreText) {
                send(errorFrame("unsupported_frame", "send JSON text frames"));
                return;
            }
            String text = dev.tunesmith.platform.http.TextCheck.strictUtf8(message.getBytes());
            if (text == null) {
                close((short) 1007, "text frames must be valid UTF-8");
                return;
            }
            onText(text, message.length());
        }

        private void onText(String text, int bytes) {
            if (closed) {
                return;
            }
            if (principal != null && !buckets.computeIfAbsent(principal.userId(), k -> new TokenBucket(BUCKET_CAPACITY, REFILL_PER_SECOND))
                    .tryTake()) {
                send(errorFrame("rate_limited", "too many messages; slow down"));
                close((short) 1008, "rate limit exceeded");
                return;
            }
            if (principal != null && shared != null) {
                // checked alongside (not before) handling, so frames keep their order; a flood spread over nodes closes like one
                shared.take(principal.userId()).onSuccess(ok -> {
                    if (!ok && !closed) {
                        send(errorFrame("rate_limited", "too many messages; slow down"));
                        close((short) 1008, "rate limit exceeded");
                    }
                });
            }
            if (bytes > MAX_FRAME_BYTES) {
                send(errorFrame("frame_too_large", "frames are limited to 16 KiB"));
                return;
            }
            JsonObject frame;
            try {
                frame = new JsonObject(text);
            } catch (RuntimeException e) {
                if (principal == null && !authenticating) {
                    close((short) 4401, "the first frame must be an auth frame");
                    return;
                }
                send(errorFrame("malformed_json", "frames must be JSON objects"));
                return;
            }
            String type = frame.getValue("type") instanceof String s ? s : "";
            dev.tunesmith.platform.http.TextCheck.Problem bad = dev.tunesmith.platform.http.TextCheck.firstProblem(frame, "");
            if (bad != null) {
                if (principal == null && !authenticating) {
                    close((short) 4401, "the first frame must be an auth frame");
                    return;
                }
                send(errorFrame("invalid_text", bad.message()).put("field", bad.field()));
                return;
            }
            if (principal == null) {
                if (!"auth".equals(type) || authenticating) {
                    close((short) 4401, "the first frame must be an auth frame");
                    return;
                }
                token = frame.getValue("token") instanceof String s ? s : null;
                authenticate(token);
                return;
            }
            switch (type) {
                case "message" -> message(frame);
                case "cancel" -> cancel();
                case "new" -> fresh();
                case "auth" -> send(errorFrame("already_authenticated", "this socket is already authenticated"));
                default -> send(errorFrame("unknown_type", "unknown frame type '" + type + "'"));
            }
        }

        private void authenticate(String token) {
            authenticating = true;
            auth.authenticate(token).onComplete(ar -> {
                authenticating = false;
                if (closed) {
                    return;
                }
                if (ar.failed()) {
                    if (dev.tunesmith.platform.db.DbErrors.isUnavailable(ar.cause())) {
                        close((short) 1013, "try again later"); // not the client's fault: no 4401
                        return;
                    }
                    boolean disabled = ar.cause() instanceof ApiError e && e.status() == 403;
                    close(disabled ? (short) 4403 : (short) 4401, disabled ? "account disabled" : "invalid token");
                    return;
                }
                principal = ar.result();
                vertx.cancelTimer(authTimer);
                byUser.computeIfAbsent(principal.userId(), k -> ConcurrentHashMap.newKeySet()).add(this);
                send(new JsonObject().put("type", "ready").put("conversationId", conversation.toString()).put("mode", agent.mode()));
            });
        }

        /** "New chat": later messages without a conversationId go to a fresh conversation, whose id is sent back. */
        private void fresh() {
            if (turn != null) {
                send(errorFrame("turn_in_progress", "wait for the current answer or cancel it"));
                return;
            }
            conversation = UUID.randomUUID();
            send(new JsonObject().put("type", "conversation").put("conversationId", conversation.toString()));
        }

        private void message(JsonObject frame) {
            Object rawText = frame.getValue("text");
            if (!(rawText instanceof String text) || !dev.tunesmith.platform.http.TextCheck.hasVisible(text)) {
                send(errorFrame("invalid_message", "'text' must be a string with something to read in it"));
                return;
            }
            if (turn != null) {
                send(errorFrame("turn_in_progress", "wait for the current answer or cancel it"));
                return;
            }
            UUID target = conversation;
            Object requested = frame.getValue("conversationId");
            if (requested != null) {
                try {
                    target = UUID.fromString(String.valueOf(requested));
                } catch (IllegalArgumentException e) {
                    send(errorFrame("invalid_conversation", "'conversationId' must be a UUID"));
                    return;
                }
            }
            UUID conversationId = target;
            long userId = principal.userId();
            turn = () -> { }; // reserved until the agent has it
            metrics.turn();
            auth.authenticate(token).recover(e -> {
                if (dev.tunesmith.platform.db.DbErrors.isUnavailable(e)) {
                    return Future.failedFuture(e);
                }
                boolean disabled = e instanceof ApiError a && a.status() == 403;
                close(disabled ? (short) 4403 : (short) 4401, disabled ? "account disabled" : "session ended");
                return Future.failedFuture(new SessionEnded());
            }).compose(p -> conversations.addUserMessage(conversationId, userId, text))
                    .map(stored -> stored.orElseThrow(() -> new ApiError(404, "not_found", "no such conversation")))
                    .onSuccess(id -> {
                        conversation = conversationId;
                        turn = agent.run(userId, principal.roles(), conversationId, text, this);
                    })
                    .onFailure(e -> {
                        turn = null;
                        if (e instanceof SessionEnded) {
                            return;
                        }
                        if (e instanceof ApiError a) {
                            send(errorFrame(a.code(), a.getMessage()));
                        } else if (dev.tunesmith.platform.db.DbErrors.isUnavailable(e)) {
                            send(errorFrame("db_unavailable", "your message could not be stored; try again shortly"));
                        } else {
                            org.slf4j.LoggerFactory.getLogger(ChatSocket.class).error("storing a chat message failed", e);
                            send(errorFrame("internal_error", "your message could not be stored"));
                        }
                    });
        }

        private void cancel() {
            if (turn == null) {
                send(errorFrame("no_turn", "nothing to cancel"));
                return;
            }
            turn.cancel();
        }

        // --- TurnSink: called from agent threads, hops to this socket's context ---------------

        @Override
        public void token(String text) {
            emit(new JsonObject().put("type", "token").put("text", text));
        }

        @Override
        public void tool(String name, String status, String summary) {
            JsonObject f = new JsonObject().put("type", "tool").put("name", name).put("status", status);
            if (summary != null) {
                f.put("summary", summary);
            }
            emit(f);
        }

        @Override
        public void artifact(String type, JsonObject value) {
            emit(new JsonObject().put("type", type).put(type, value));
        }

        @Override
        public void done(long messageId, boolean cancelled) {
            context.runOnContext(v -> {
                turn = null;
                JsonObject f = new JsonObject().put("type", "done").put("messageId", messageId).put("conversationId", conversation.toString());
                if (cancelled) {
                    f.put("cancelled", true);
                }
                send(f);
            });
        }

        @Override
        public void error(String code, String message) {
            context.runOnContext(v -> {
                turn = null;
                send(errorFrame(code, message));
            });
        }

        private void emit(JsonObject frame) {
            context.runOnContext(v -> send(frame));
        }

        // --- output with a bound ---------------------------------------------------------------

        private void send(JsonObject frame) {
            if (closed) {
                return;
            }
            String text = frame.encode();
            if (!queue.isEmpty() || ws.writeQueueFull()) {
                if (queue.size() >= MAX_QUEUED_FRAMES) {
                    if (turn != null) {
                        turn.cancel();
                    }
                    close((short) 1008, "client is not reading");
                    return;
                }
                queue.add(text);
                return;
            }
            ws.writeTextMessage(text);
        }

        private void flush() {
            while (!queue.isEmpty() && !ws.writeQueueFull() && !closed) {
                ws.writeTextMessage(queue.poll());
            }
        }

        void close(short code, String reason) {
            if (closed) {
                return;
            }
            closed = true;
            if (turn != null) {
                turn.cancel();
            }
            ws.close(code, reason);
        }

        private void onClosed() {
            if (turn != null) {
                turn.cancel();
            }
            closed = true;
            vertx.cancelTimer(authTimer);
            vertx.cancelTimer(pingTimer);
            metrics.socketClosed();
            if (principal != null) {
                Set<Session> sessions = byUser.get(principal.userId());
                if (sessions != null) {
                    sessions.remove(this);
                    if (sessions.isEmpty()) {
                        byUser.remove(principal.userId(), sessions);
                    }
                }
            }
        }

        private JsonObject errorFrame(String code, String message) {
            return new JsonObject().put("type", "error").put("code", code).put("message", message);
        }
    }

    /** The socket's session ended (logged out, disabled) while a frame was being handled; the socket is closing. */
    private static final class SessionEnded extends RuntimeException {
        SessionEnded() {
            super("session ended", null, false, false);
        }
    }

    /** A per-user token bucket: {@code capacity} frames at once, refilled continuously. */
    static final class TokenBucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double capacity, double perSecond) {
            this.capacity = capacity;
            this.perNano = perSecond / 1e9;
            this.tokens = capacity;
        }

        synchronized boolean tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
