package dev.tunesmith.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tunesmith.TestSupport;
import dev.tunesmith.platform.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Start-up and shut-down of the whole application: none of Tunesmith's own work blocks an event loop
 * while the server starts (Vert.x's blocked-thread checker, with a margin over production's 200 ms, reports no stack
 * whose running frame is Tunesmith code), and close() unregisters every event-bus consumer that start
 * registered. Blocks spent loading or initialising library classes (first use of Netty or the PostgreSQL
 * client on a loaded machine) are the JVM warming up, not work we could move, and are not counted.
 */
class LifecycleTest {

    private static final String CHECKER = "io.vertx.core.impl.BlockedThreadChecker";

    @Test
    void should_start_without_blocking_an_event_loop_and_unregister_its_consumers_on_close() throws Exception {
        // given a Vert.x that reports event-loop blocks over 500 ms (production warns at 200 ms; the margin keeps a
        // loaded CI machine's scheduling noise out, while the offenders seen before, such as the intent router's
        // 615 ms of embeddings and the catalogue tables, exceed it), checked every 100 ms
        Logger checker = (Logger) LoggerFactory.getLogger(CHECKER);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        checker.addAppender(warnings);
        Vertx vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(500).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setWarningExceptionTime(500).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS).setBlockedThreadCheckInterval(100).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
        try {
            // when the application starts
            Server app = TestSupport.startApp(vertx);
            Thread.sleep(300); // one more checker round after start-up
            List<String> blocked = warnings.list.stream().filter(LifecycleTest::ourWork)
                    .map(e -> e.getFormattedMessage() + " in " + firstOwnFrame(e)).toList();
            // then no event loop was blocked
            assertTrue(blocked.isEmpty(), "event loop blocked during start-up: " + blocked);
            assertEquals(List.of(), noHandlers(vertx), "consumers should be registered while running");

            // and after close nobody listens on the app's addresses any more
            app.close().await(20, TimeUnit.SECONDS);
            assertEquals(List.of(Addresses.EVENT_RECORDED, Addresses.USER_DISABLED), noHandlers(vertx));
        } finally {
            checker.detachAppender(warnings);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** True when the blocked thread was running Tunesmith code (not loading or initialising a class). */
    static boolean ourWork(ILoggingEvent event) {
        if (event.getThrowableProxy() == null) {
            return true; // no stack: cannot tell, so count it
        }
        for (var frame : event.getThrowableProxy().getStackTraceElementProxyArray()) {
            StackTraceElement e = frame.getStackTraceElement();
            String m = e.getMethodName();
            if (m.equals("loadClass") || m.equals("defineClass") || m.equals("defineClass1") || m.equals("forName0")
                    || m.equals("<clinit>") || m.equals("linkCallSite") || e.getClassName().startsWith("jdk.internal.loader.")
                    || e.getClassName().startsWith("java.lang.invoke.")) {
                return false;
            }
            if (e.getClassName().startsWith("dev.tunesmith.")) {
                return true;
            }
        }
        return false;
    }

    private static String firstOwnFrame(ILoggingEvent event) {
        if (event.getThrowableProxy() == null) {
            return "?";
        }
        for (var frame : event.getThrowableProxy().getStackTraceElementProxyArray()) {
            if (frame.getStackTraceElement().getClassName().startsWith("dev.tunesmith.")) {
                return frame.getStackTraceElement().toString();
            }
        }
        return "?";
    }

    /** The addresses that have no consumer (a request to them fails with NO_HANDLERS). */
    private static List<String> noHandlers(Vertx vertx) {
        return java.util.stream.Stream.of(Addresses.EVENT_RECORDED, Addresses.USER_DISABLED).filter(address -> {
            try {
                vertx.eventBus().request(address, new JsonObject().put("probe", true)).await(2, TimeUnit.SECONDS);
                return false;
            } catch (ReplyException e) {
                return e.failureType() == ReplyFailure.NO_HANDLERS;
            } catch (Exception e) {
                return false; // a timeout: someone received it without replying
            }
        }).toList();
    }
}
