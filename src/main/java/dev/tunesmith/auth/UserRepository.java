package dev.tunesmith.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/** SQL for {@code users}; every call is asynchronous and safe on an event loop. */
public final class UserRepository {

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

    private static Optional<User> first(Row row) {
        return row == null ? Optional.empty() : Optional.of(User.from(row));
    }
}
