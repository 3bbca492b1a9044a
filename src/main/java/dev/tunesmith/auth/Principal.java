package dev.tunesmith.auth;

import java.util.List;

/** The authenticated caller, taken from a verified token and the user's current state in the database. */
public record Principal(long userId, String username, List<String> roles) {

    public boolean has(Role role) {
        return roles.contains(role.id());
    }
}
