package dev.tunesmith.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deployment files parse: {@code docker-compose -f docker/compose.yml config} (Debian's docker-compose 1.29, no
 * engine needed) and {@code haproxy -c -f docker/haproxy.cfg}; each is skipped with a message when its tool is absent.
 */
class DeploymentConfigTest {

    private record Run(int code, String output) {}

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) {
                return true;
            }
        }
        return new File("/usr/sbin/" + tool).canExecute();
    }

    private static Run run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Run(p.exitValue(), out);
    }

    @Test
    void the_compose_file_has_a_database_two_clustered_nodes_and_haproxy() throws Exception {
        assumeTrue(onPath("docker-compose"), "skipped: docker-compose is not installed (apt-get install docker-compose)");
        Run r = run(List.of("docker-compose", "-f", "docker/compose.yml", "config"),
                Map.of("TUNESMITH_JWT_SECRET", "compose-check-0123456789abcdefghijklmnop"));
        assertEquals(0, r.code(), r.output());
        for (String expected : List.of("app1:", "app2:", "lb:", "db:", "TUNESMITH_CLUSTER_MEMBERS: app1:5701,app2:5701",
                "TUNESMITH_CLUSTER_HOST: app1", "TUNESMITH_CLUSTER_HOST: app2", "haproxy.cfg", "image: postgres:15")) {
            assertTrue(r.output().contains(expected), "compose config lacks '" + expected + "':\n" + r.output());
        }
        // without the shared secret the file refuses to render (both nodes must verify each other's tokens)
        Map<String, String> noSecret = new java.util.HashMap<>();
        noSecret.put("TUNESMITH_JWT_SECRET", "");
        assertTrue(run(List.of("docker-compose", "-f", "docker/compose.yml", "config"), noSecret).code() != 0);
    }

    @Test
    void the_haproxy_config_is_valid_with_sticky_sessions_and_health_checks() throws Exception {
        String cfg = java.nio.file.Files.readString(java.nio.file.Path.of("docker/haproxy.cfg"));
        assertTrue(cfg.contains("cookie TSNODE insert"), "sticky cookie");
        assertTrue(cfg.contains("http-check send meth GET uri /health"), "health check");
        assertTrue(cfg.contains("timeout tunnel"), "WebSocket tunnel timeout");
        assumeTrue(onPath("haproxy"), "skipped: haproxy is not installed (apt-get install haproxy)");
        Run r = run(List.of(onPath("haproxy") && new File("/usr/sbin/haproxy").canExecute() ? "/usr/sbin/haproxy" : "haproxy",
                "-c", "-f", "docker/haproxy.cfg"), Map.of("TUNESMITH_NODE1", "127.0.0.1:18501", "TUNESMITH_NODE2", "127.0.0.1:18502",
                "TUNESMITH_LB_BIND", "127.0.0.1:18500"));
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("Configuration file is valid"), r.output());
    }
}
