package dev.tunesmith.platform.http;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback TCP proxy the tests can cut and restore, to simulate Postgres going away. */
final class TcpProxy {

    private final Vertx vertx;
    private final int targetPort;
    private final NetClient client;
    private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
    private NetServer server;
    private int port;

    TcpProxy(Vertx vertx, int targetPort) {
        this.vertx = vertx;
        this.targetPort = targetPort;
        this.client = vertx.createNetClient();
    }

    int start(int wantedPort) {
        server = vertx.createNetServer().connectHandler(in -> {
            in.pause();
            sockets.add(in);
            client.connect(targetPort, "127.0.0.1").onComplete(ar -> {
                if (ar.failed()) {
                    in.close();
                    return;
                }
                NetSocket out = ar.result();
                sockets.add(out);
                in.handler(out::write);
                out.handler(in::write);
                in.closeHandler(v -> out.close());
                out.closeHandler(v -> in.close());
                in.resume();
            });
        });
        port = server.listen(wantedPort, "127.0.0.1").await().actualPort();
        return port;
    }

    int port() {
        return port;
    }

    /** Stops listening and drops every open connection. */
    void cut() {
        server.close().await();
        sockets.forEach(NetSocket::close);
        sockets.clear();
    }

    void close() {
        client.close();
    }
}
