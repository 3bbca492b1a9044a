package dev.tunesmith;

import dev.tunesmith.app.Server;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Starts the real application once per test class, against the test database on a free port, with
 * a web client; subclasses' own {@code @BeforeAll} methods run after this one.
 */
public abstract class AppTestBase {

    protected static Vertx vertx;
    protected static Server app;
    protected static WebClient http;

    @BeforeAll
    static void startApp() {
        vertx = Vertx.vertx();
        app = TestSupport.startApp(vertx);
        http = WebClient.create(vertx);
    }

    @AfterAll
    static void stopApp() {
        http.close();
        app.close().await();
        vertx.close().await();
    }
}
