package dev.tunesmith.auth;

import dev.tunesmith.platform.db.Change;
import dev.tunesmith.platform.db.Like;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code users}; every call is asynchronous and safe on an event loop. */
public final class UserRepository {

    /** A page of accounts and how many match in all. */
    public record AccountPage(List<Account> items, long total) {}

    private final Pool pool;

    public UserRepository(Pool pool) {
        this.pool = pool;
    }

    public Future<User> insert(String username, String passwordHash, List<String> roles) {
        return pool.preparedQuery("INSERT INTO users (username, password_hash, roles) VALUES ($1, $2, $3) RETURNING "
                        + User.COLUMNS)
                .execute(Tuple.of(username, passwordHash, roles.toArray(String[]::new)))
                .map(rows -> User.from(rows.iterator().next()));
    }

    public Future<Optional<User>> findByUsername(String username) {
        return pool.preparedQuery("SELECT " + User.COLUMNS + " FROM users WHERE username = $1")
                .execute(Tuple.of(username))
                .map(rows -> first(rows.iterator().hasNext() ? rows.iterator().next() : null));
    }

    public Future<Optional<User>> findById(long id) {
        return pool.preparedQuery("SELECT " + User.COLUMNS + " FROM users WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> first(rows.iterator().hasNext() ? rows.iterator().next() : null));
    }

    /** Revokes every token of the user by bumping {@code token_version}. */
    public Future<Void> bumpTokenVersion(long id) {
        return pool.preparedQuery("UPDATE users SET token_version = token_version + 1 WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
    }

    /** The user named {@code username}, or else the one with id {@code id} (when not null). */
    public Future<Optional<Account>> accountByUsernameOrId(String username, Long id) {
        return pool.preparedQuery("SELECT " + Account.COLUMNS + " FROM users WHERE username = $1 OR id = $2")
                .execute(Tuple.of(username, id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(Account.from(rows.iterator().next())) : Optional.empty());
    }

    /** Accounts by id; {@code usernameContains} (literal, matched as given) filters when not null. */
    public Future<AccountPage> accounts(String usernameContains, int limit, int offset) {
        Tuple args = Tuple.of(usernameContains == null ? null : Like.contains(usernameContains));
        String where = " FROM users WHERE ($1::text IS NULL OR username LIKE $1 ESCAPE '\\')";
        Future<List<Account>> items = pool.preparedQuery("SELECT " + Account.COLUMNS + where + " ORDER BY id LIMIT " + limit + " OFFSET " + offset)
                .execute(args).map(rows -> {
                    List<Account> out = new ArrayList<>();
                    rows.forEach(r -> out.add(Account.from(r)));
                    return out;
                });
        Future<Long> total = pool.preparedQuery("SELECT count(*) AS n" + where).execute(args).map(rows -> rows.iterator().next().getLong("n"));
        return Future.all(items, total).map(cf -> new AccountPage(items.result(), total.result()));
    }

    public Future<Optional<Account>> account(long id) {
        return pool.preparedQuery("SELECT " + Account.COLUMNS + " FROM users WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(Account.from(rows.iterator().next())) : Optional.empty());
    }

    /**
     * Sets the roles and/or the disabled flag (a null leaves it as it is); disabling also revokes every
     * token of the user. Empty when there is no such user.
     */
    public Change<Optional<Account>> changeAccess(long id, List<String> roles, Boolean disabled) {
        return client -> client.preparedQuery("UPDATE users SET roles = coalesce($2, roles), disabled = coalesce($3, disabled), "
                        + "token_version = token_version + CASE WHEN $3 THEN 1 ELSE 0 END WHERE id = $1 RETURNING " + Account.COLUMNS)
                .execute(Tuple.of(id, roles == null ? null : roles.toArray(String[]::new), disabled))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(Account.from(rows.iterator().next())) : Optional.empty());
    }

    private static Optional<User> first(Row row) {
        return row == null ? Optional.empty() : Optional.of(User.from(row));
    }
}
