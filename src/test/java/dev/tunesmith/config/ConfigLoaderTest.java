package dev.tunesmith.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path home;

    private AppConfig load(Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("TUNESMITH_CONFIG", "config/tunesmith.json");
        return new ConfigLoader(e, home).load();
    }

    @Test
    void should_read_documented_defaults_from_config_folder() {
        AppConfig config = load(Map.of());
        assertEquals(8080, config.http().port());
        assertEquals("tunesmith", config.db().database());
        assertEquals("127.0.0.1", config.db().host());
        assertEquals(5432, config.db().port());
        assertEquals("tunesmith", config.auth().issuer());
        assertTrue(config.agent().ollamaBaseUrl().isEmpty());
    }

    @Test
    void should_let_environment_variables_override_defaults() {
        AppConfig config = load(Map.of("PORT", "9090", "TUNESMITH_DB_URL", "postgresql://u:p%40ss@db.example:6543/music",
                "OLLAMA_BASE_URL", "http://localhost:11434/", "OLLAMA_MODEL", "qwen2.5",
                "TUNESMITH_ALLOWED_ORIGINS", "https://a.example, http://b.example:3000"));
        assertEquals(9090, config.http().port());
        assertEquals("db.example", config.db().host());
        assertEquals(6543, config.db().port());
        assertEquals("u", config.db().user());
        assertEquals("p@ss", config.db().password());
        assertEquals("music", config.db().database());
        assertEquals("http://localhost:11434", config.agent().ollamaBaseUrl().orElseThrow());
        assertEquals("qwen2.5", config.agent().ollamaModel());
        assertEquals(List.of("https://a.example", "http://b.example:3000"), config.http().allowedOrigins());
    }

    @Test
    void should_fail_fast_with_the_key_named_on_bad_values() {
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("PORT", "eighty"))).getMessage().contains("PORT"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("PORT", "70000"))).getMessage().contains("between"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("TUNESMITH_DB_URL", "mysql://x@h/db"))).getMessage()
                .contains("postgresql://"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("TUNESMITH_DB_URL", "postgresql://u@host"))).getMessage()
                .contains("no database"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("TUNESMITH_JWT_SECRET", "short"))).getMessage()
                .contains("32"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("TUNESMITH_ADMIN_PASSWORD", "123"))).getMessage()
                .contains("TUNESMITH_ADMIN_PASSWORD"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("OLLAMA_BASE_URL", "localhost:11434"))).getMessage()
                .contains("OLLAMA_BASE_URL"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("TUNESMITH_ALLOWED_ORIGINS", "https://a.example/path")))
                .getMessage().contains("origin"));
        ConfigLoader loader = new ConfigLoader(Map.of(), home);
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(new JsonObject().put("http", new JsonObject().put("port", "x"))))
                .getMessage().contains("http.port"));
    }

    @Test
    void should_generate_a_private_jwt_secret_once_and_reuse_it() throws Exception {
        AppConfig first = load(Map.of());
        AppConfig second = load(Map.of());
        Path file = home.resolve(".config/tunesmith/jwt-secret");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first.auth().jwtSecret(), second.auth().jwtSecret());
        assertTrue(first.auth().jwtSecret().length() >= 32);
        assertTrue(!first.auth().toString().contains(first.auth().jwtSecret()));
    }

    @Test
    void should_run_alone_without_members_and_read_the_cluster_from_the_environment() {
        AppConfig.Cluster alone = load(Map.of()).cluster();
        assertTrue(!alone.enabled() && alone.members().isEmpty());
        assertEquals(5701, alone.port());
        AppConfig.Cluster c = load(Map.of("TUNESMITH_CLUSTER_MEMBERS", " 10.0.0.1:5701, app2:5702 ,", "TUNESMITH_CLUSTER_PORT", "5702",
                "TUNESMITH_CLUSTER_HOST", "app2", "TUNESMITH_JOB_LEASE_MS", "5000")).cluster();
        assertTrue(c.enabled());
        assertEquals(List.of("10.0.0.1:5701", "app2:5702"), c.members());
        assertEquals(5702, c.port());
        assertEquals("app2", c.host());
        assertEquals(5000, c.jobLease().toMillis());
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of("TUNESMITH_CLUSTER_MEMBERS", "10.0.0.1"))).getMessage()
                .contains("TUNESMITH_CLUSTER_MEMBERS"));
        assertThrows(ConfigException.class, () -> load(Map.of("TUNESMITH_CLUSTER_MEMBERS", "a:99999")));
        assertThrows(ConfigException.class, () -> load(Map.of("TUNESMITH_CLUSTER_PORT", "0")));
    }

    @Test
    void should_read_the_served_recommender_settings_with_documented_defaults() {
        assertEquals(AppConfig.Recommender.DEFAULTS, load(Map.of()).recommender());
        AppConfig.Recommender r = ConfigLoader.recommender(new JsonObject().put("alsFactors", 32).put("easeLambda", 200.0)
                .put("friends", false).put("easeWeighted", false));
        assertEquals(32, r.alsFactors());
        assertEquals(false, r.easeWeighted());
        assertTrue(AppConfig.Recommender.DEFAULTS.easeWeighted(), "the served EASE reads log-weighted play counts by default");
        assertEquals(200.0, r.easeLambda());
        assertEquals(false, r.friends());
        assertEquals(AppConfig.Recommender.DEFAULTS.rp3Beta(), r.rp3Beta());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.recommender(new JsonObject().put("alsFactors", 0)))
                .getMessage().contains("recommender.alsFactors"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.recommender(new JsonObject().put("content", "yes")))
                .getMessage().contains("recommender.content"));
        assertEquals(0.0, ConfigLoader.recommender(new JsonObject().put("easeTagWeight", 0)).easeTagWeight());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.recommender(new JsonObject().put("alsTagWeight", 50)))
                .getMessage().contains("recommender.alsTagWeight"));
    }
}
