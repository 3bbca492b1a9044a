package dev.tunesmith.platform.db;

import dev.tunesmith.config.AppConfig;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Creates the application's PostgreSQL pool: bounded size and wait queue, timeouts everywhere. */
public final class Db {

    private Db() {}

    /** {@code SELECT 1}: succeeds when the database answers. */
    public static io.vertx.core.Future<Void> ping(Pool pool) {
        return pool.query("SELECT 1").execute().mapEmpty();
    }

    /**
     * A pool that never blocks the event loop. Each connection carries a server-side
     * {@code statement_timeout}; acquiring waits at most {@code acquireTimeout}; at most
     * {@code maxWaitQueue} requests queue. Broken connections are dropped and new ones are made on
     * demand, so the pool recovers by itself when Postgres comes back.
     */
    public static Pool pool(Vertx vertx, AppConfig.Database config) {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setDatabase(config.database())
                .setUser(config.user())
                .setPassword(config.password())
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheMaxSize(256)
                .setProperties(Map.of(
                        "application_name", "tunesmith",
                        "statement_timeout", String.valueOf(config.statementTimeout().toMillis())));
        PoolOptions pool = new PoolOptions()
                .setMaxSize(config.poolSize())
                .setMaxWaitQueueSize(config.maxWaitQueue())
                .setConnectionTimeout((int) config.acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout(5)
                .setIdleTimeoutUnit(TimeUnit.MINUTES)
                .setName("tunesmith-pool");
        NetClientOptions net = new NetClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setTcpKeepAlive(true);
        return PgBuilder.pool().with(pool).with(net).connectingTo(connect).using(vertx).build();
    }
}
