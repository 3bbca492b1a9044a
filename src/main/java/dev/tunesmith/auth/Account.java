package dev.tunesmith.auth;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A user as an administrator sees it: identity, roles, state and origin ({@code local} or {@code lastfm}); no secrets. */
public record Account(long id, String username, List<String> roles, boolean disabled, String source, OffsetDateTime createdAt) {

    static final String COLUMNS = "id, username, roles, disabled, source, created_at";

    static Account from(Row row) {
        return new Account(row.getLong("id"), row.getString("username"), Arrays.asList(row.getArrayOfStrings("roles")),
                row.getBoolean("disabled"), row.getString("source"), row.getOffsetDateTime("created_at"));
    }
}
