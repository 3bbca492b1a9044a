package dev.tunesmith.platform.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own in a temporary folder on a free port (initdb + pg_ctl), so a test
 * can restart it or take it away under load without touching the shared server. Runs the binaries as
 * the {@code postgres} user when the test runs as root (PostgreSQL refuses root). Skips the test when
 * no PostgreSQL binaries are installed.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("tunesmith.pg.bin", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean root;

    private ThrowawayPostgres(Path dir, int port, boolean root) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.root = root;
    }

    /** initdb (trust auth, user {@code tunesmith}) and start. */
    public static ThrowawayPostgres start() throws Exception {
        assumeTrue(Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl")),
                "skipped: no PostgreSQL binaries in " + BIN + " (set -Dtunesmith.pg.bin)");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("tunesmith-pg-");
        if (root) {
            exec(List.of("chown", "postgres", dir.toString()), false, 30);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(dir, port, root);
        pg.run(List.of(BIN.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", "tunesmith", "--auth=trust", "-E", "UTF8",
                "--no-sync", "--no-instructions"), 120);
        pg.startServer();
        return pg;
    }

    public int port() {
        return port;
    }

    /** The app's URL for this cluster's {@code postgres} database. */
    public String url() {
        return "postgresql://tunesmith:tunesmith@127.0.0.1:" + port + "/postgres";
    }

    public void startServer() throws Exception {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=on "
                        + "-c max_connections=60", "start"), 90);
    }

    /** {@code pg_ctl stop}: mode {@code fast} (clean, rolls back open transactions) or {@code immediate} (a crash). */
    public void stopServer(String mode) throws Exception {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "-t", "60", "stop"), 90);
    }

    public void restart(String mode) throws Exception {
        stopServer(mode);
        startServer();
    }

    private void run(List<String> command, int timeoutSeconds) throws Exception {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        exec(full, true, timeoutSeconds);
    }

    private static void exec(List<String> command, boolean check, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (check && p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed (" + p.exitValue() + "): " + out);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stopServer("immediate");
        } catch (RuntimeException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            });
        }
    }
}
