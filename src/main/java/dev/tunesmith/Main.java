package dev.tunesmith;

import dev.tunesmith.app.Clustering;
import dev.tunesmith.app.Server;

import dev.tunesmith.cli.Commands;

import dev.tunesmith.catalog.CatalogImportService;
import dev.tunesmith.cli.Args;
import dev.tunesmith.cli.UsageException;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.config.ConfigException;
import dev.tunesmith.config.ConfigLoader;
import dev.tunesmith.platform.db.Db;
import dev.tunesmith.platform.db.Migrations;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Entry point of {@code ./tunesmith}: {@code serve}, {@code import}, {@code train}, {@code eval}, {@code bench}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        List<String> argv = Arrays.asList(args);
        String command = argv.isEmpty() ? "serve" : argv.get(0);
        List<String> rest = argv.isEmpty() ? List.of() : argv.subList(1, argv.size());
        try {
            AppConfig config = ConfigLoader.fromEnvironment();
            int code = switch (command) {
                case "serve" -> {
                    Args.command("run", "serve the app on http://localhost:$PORT (default 8080)").parse(rest);
                    int started = serve(config);
                    if (started != 0) {
                        System.exit(started);
                    }
                    yield started;
                }
                case "import" -> importData(config, rest);
                default -> Commands.run(command, rest, config);
            };
            if (!"serve".equals(command)) {
                System.exit(code);
            }
        } catch (ConfigException e) {
            System.err.println("tunesmith: configuration error: " + e.getMessage());
            System.exit(2);
        } catch (Args.HelpRequested e) {
            System.out.print(e.getMessage());
            System.exit(0);
        } catch (UsageException e) {
            System.err.println("tunesmith: " + e.getMessage());
            System.exit(2);
        }
    }

    private static int serve(AppConfig config) {
        long started = System.nanoTime();
        VertxOptions options = new VertxOptions().setMaxEventLoopExecuteTime(200).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS);
        Vertx vertx;
        try {
            // alone, or clustered over Hazelcast when TUNESMITH_CLUSTER_MEMBERS is set (joins within the timeout or fails)
            vertx = Clustering.vertx(config.cluster(), options).await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("tunesmith: could not join the cluster " + config.cluster().members() + ": " + UsageException.rootMessage(e));
            return 1;
        }
        if (config.cluster().enabled()) {
            System.out.printf("joined the Tunesmith cluster as %s (%d members)%n", Clustering.nodeId(vertx), Clustering.members(vertx));
        }
        Server.start(vertx, config).onComplete(ar -> {
            if (ar.failed()) {
                System.err.println("tunesmith: failed to start: " + UsageException.rootMessage(ar.cause()));
                ar.cause().printStackTrace();
                vertx.close().onComplete(v -> System.exit(1));
                return;
            }
            Server app = ar.result();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    app.close().await(5, TimeUnit.SECONDS);
                    vertx.close().await(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // shutting down anyway
                }
            }));
            System.out.printf("%nTunesmith is running at http://localhost:%d (started in %.1f s)%n", app.port(),
                    (System.nanoTime() - started) / 1e9);
            app.generatedAdminPassword().ifPresent(p -> System.out.printf(
                    "First start: log in as 'admin' with password %s%n(shown once; set TUNESMITH_ADMIN_PASSWORD to choose it)%n", p));
        });
        return 0;
    }

    private static int importData(AppConfig config, List<String> args) {
        Args a = Args.command("import", "import a catalogue or listening data set")
                .positional("KIND", "freemusicc, features, lastfm or demo").positional("PATH", "the file or folder to read").parse(args);
        args = a.positionals();
        if (args.size() != 2) {
            throw new UsageException("usage: ./tunesmith import freemusicc|features|lastfm|demo PATH (--help for more)");
        }
        CatalogImportService.Kind kind;
        try {
            kind = CatalogImportService.Kind.parse(args.get(0));
        } catch (RuntimeException e) {
            throw new UsageException("unknown import kind '" + args.get(0) + "': use freemusicc, features, lastfm or demo");
        }
        Migrations.migrate(config.db());
        Vertx vertx = Vertx.vertx();
        try {
            var pool = Db.pool(vertx, config.db());
            var service = new CatalogImportService(vertx, pool);
            int[] lastPercent = {-1};
            var report = service.run(kind, Path.of(args.get(1)), fraction -> {
                int percent = (int) (fraction * 100);
                if (percent / 10 != lastPercent[0] / 10) {
                    lastPercent[0] = percent;
                    System.out.printf("  %3d %%%n", percent);
                }
            }).await(30, TimeUnit.MINUTES);
            System.out.println(report);
            pool.close().await(5, TimeUnit.SECONDS);
            return 0;
        } catch (Exception e) {
            System.err.println("tunesmith: import failed: " + UsageException.rootMessage(e));
            return 1;
        } finally {
            vertx.close();
        }
    }


}
