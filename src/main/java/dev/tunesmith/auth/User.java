package dev.tunesmith.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A row of {@code users}. The password hash never leaves the auth package. */
public record User(long id, String username, String passwordHash, List<String> roles, boolean disabled,
        int tokenVersion, OffsetDateTime createdAt) {

    static final String COLUMNS = "id, username, password_hash, roles, disabled, token_version, created_at";

    static User from(Row row) {
        return new User(row.getLong("id"), row.getString("username"), row.getString("password_hash"),
                Arrays.asList(row.getArrayOfStrings("roles")), row.getBoolean("disabled"),
                row.getInteger("token_version"), row.getOffsetDateTime("created_at"));
    }

    /** The public view of the contract: {@code {"id","username","roles"}}. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("username", username).put("roles", new JsonArray(roles));
    }
}
