package dev.tunesmith.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.auth.Account;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.auth.UserRepository;
import dev.tunesmith.platform.db.Db;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link AuditLog#commit}: a feature's change and its audit entry are committed together or not at all. */
class AuditLogTest extends AppTestBase {

    private static Pool pool;
    private static AuditLog audit;
    private static UserRepository users;

    @BeforeAll
    static void setUp() {
        pool = Db.pool(vertx, TestSupport.config().db());
        audit = new AuditLog(pool);
        users = new UserRepository(pool);
    }

    @AfterAll
    static void closePool() {
        pool.close().await();
    }

    private static long newUser(String prefix) {
        String name = TestSupport.uniqueUser(prefix);
        TestSupport.jdbc("INSERT INTO users (username) VALUES ('" + name + "')");
        return users.findByUsername(name).await().orElseThrow().id();
    }

    private static long admin() {
        return users.findByUsername("admin").await().orElseThrow().id();
    }

    private static long entries(String target) {
        return audit.list(null, "test.", 1000).await().stream().filter(e -> target.equals(e.target())).count();
    }

    @Test
    void should_roll_the_change_back_when_its_entry_cannot_be_written() {
        long id = newUser("rollback");
        Principal nobody = new Principal(admin(), null, List.of("admin")); // actor_name is NOT NULL: the entry fails

        Throwable failed = audit.commit(nobody, "test.grant", "user:" + id, users.changeAccess(id, List.of("listener", "creator"), null),
                a -> new JsonObject()).map(x -> (Throwable) null).otherwise(e -> e).await();

        assertTrue(failed != null, "writing the entry failed, so the commit fails");
        assertEquals(List.of("listener"), users.account(id).await().orElseThrow().roles(), "the role change did not survive without its entry");
    }

    @Test
    void should_write_the_change_and_one_entry_with_details_of_the_result() {
        long id = newUser("granted");
        Principal boss = new Principal(admin(), "admin", List.of("admin"));

        Optional<Account> changed = audit.commit(boss, "test.grant", "user:" + id, users.changeAccess(id, List.of("listener", "creator"), null),
                a -> new JsonObject().put("roles", String.join(",", a.roles()))).await();

        assertEquals(List.of("listener", "creator"), changed.orElseThrow().roles());
        assertEquals(List.of("listener", "creator"), users.account(id).await().orElseThrow().roles());
        AuditLog.Entry entry = audit.list("admin", "test.grant", 1000).await().stream().filter(e -> ("user:" + id).equals(e.target()))
                .findFirst().orElseThrow();
        assertEquals("listener,creator", entry.details().getString("roles"));
        assertEquals(1, entries("user:" + id));
    }

    @Test
    void should_log_nothing_when_the_change_finds_no_row() {
        Principal boss = new Principal(admin(), "admin", List.of("admin"));
        Optional<Account> none = audit.commit(boss, "test.grant", "user:987650001", users.changeAccess(987650001L, null, true),
                a -> new JsonObject()).await();
        assertTrue(none.isEmpty());
        assertEquals(0, entries("user:987650001"));
    }
}
