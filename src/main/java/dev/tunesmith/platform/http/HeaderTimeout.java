package dev.tunesmith.platform.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections that do not deliver a complete request head in time: from the moment a connection
 * opens, and again from the end of each response on a kept-alive connection. A WebSocket upgrade or a
 * streamed response (SSE) is not timed once its request has arrived; the idle timeout covers those.
 */
final class HeaderTimeout {

    private final Vertx vertx;
    private final long timeoutMs;
    private final Map<HttpConnection, Long> timers = new ConcurrentHashMap<>();

    HeaderTimeout(Vertx vertx, long timeoutMs) {
        this.vertx = vertx;
        this.timeoutMs = timeoutMs;
    }

    void opened(HttpConnection conn) {
        arm(conn);
        conn.closeHandler(v -> disarm(conn));
    }

    void requestArrived(HttpServerRequest req) {
        HttpConnection conn = req.connection();
        if (conn == null) {
            return;
        }
        disarm(conn);
        String upgrade = req.getHeader("Upgrade");
        if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
            return;
        }
        req.response().endHandler(v -> {
            if (!req.response().closed()) {
                arm(conn);
            }
        });
    }

    private void arm(HttpConnection conn) {
        long id = vertx.setTimer(timeoutMs, t -> {
            if (timers.remove(conn) != null) {
                conn.close();
            }
        });
        Long previous = timers.put(conn, id);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    private void disarm(HttpConnection conn) {
        Long id = timers.remove(conn);
        if (id != null) {
            vertx.cancelTimer(id);
        }
    }
}
