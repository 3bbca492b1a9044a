package dev.tunesmith.bench;

import dev.tunesmith.auth.TokenService;
import dev.tunesmith.auth.User;
import dev.tunesmith.config.AppConfig;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Bench users (source {@code bench}, no password: they cannot log in) and tokens for them, minted with
 * the configured key. Re-running a bench reuses and re-enables the same users.
 */
final class BenchUsers {

    private BenchUsers() {}

    /** Users named {@code String.format(nameFormat, i)} for i = 1..n, and one token each, in order. */
    static List<String> tokens(Vertx vertx, Pool pool, AppConfig config, String nameFormat, int n) throws Exception {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = String.format(Locale.ROOT, nameFormat, i + 1);
        }
        var rows = pool.preparedQuery("""
                INSERT INTO users (username, source, external_id) SELECT n, 'bench', n FROM unnest($1::text[]) AS n
                ON CONFLICT (source, external_id) DO UPDATE SET disabled = false RETURNING id, username, roles, token_version""")
                .execute(Tuple.of((Object) names)).await(60, TimeUnit.SECONDS);
        TokenService tokens = new TokenService(vertx, config.auth());
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(tokens.issue(new User(r.getLong("id"), r.getString("username"), null, Arrays.asList(r.getArrayOfStrings("roles")),
                    false, r.getInteger("token_version"), null)).token());
        }
        return out;
    }
}
